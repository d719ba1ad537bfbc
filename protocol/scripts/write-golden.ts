/**
 * Rewrites test/golden/vectors.json. Run only when the wire format changes on purpose
 * (additive schema changes keep old vectors decodable; review the diff):
 *   npx tsx protocol/scripts/write-golden.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGoldenVectors } from '../test/golden-vectors';
import { noticeSigner } from '../test/fixtures';

const vectors = await buildGoldenVectors();
const file = fileURLToPath(new URL('../test/golden/vectors.json', import.meta.url));
const doc = {
  note: 'Golden vectors for stb-notify protocol v1. See protocol/README.md. Keys: test/fixtures.ts.',
  noticePublicKeyHex: Buffer.from(noticeSigner.publicKey).toString('hex'),
  vectors,
};
writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${vectors.length} vectors to ${file}`);
