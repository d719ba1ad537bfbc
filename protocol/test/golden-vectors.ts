import { sealDownlink, sealUplink } from '../src/index';
import type { Signer } from '../src/index';
import { boxSigner, HOUR, noticeSigner, VECTOR_TIME } from './fixtures';
import { downlinks, uplinks } from './messages.fixture';

export interface GoldenVector {
  readonly name: string;
  readonly direction: 'down' | 'up';
  readonly topicKind?: string;
  readonly envelopeHex: string;
}

export const GOLDEN_BOX = 'box-0001';

/** Seals every fixture with fixed ids, times and keys; Ed25519 is deterministic, so are the bytes. */
export async function buildGoldenVectors(signerFor?: { notice?: Signer; box?: Signer }): Promise<GoldenVector[]> {
  const out: GoldenVector[] = [];
  for (const [name, body] of Object.entries(downlinks)) {
    const bytes = await sealDownlink(
      {
        messageId: `m-${name}`,
        sender: { kind: 'headend', id: '' },
        recipient: { kind: 'box', id: GOLDEN_BOX },
        issuedAtMs: VECTOR_TIME,
        expiresAtMs: VECTOR_TIME + 72 * HOUR,
      },
      body,
      signerFor?.notice ?? noticeSigner,
    );
    out.push({ name, direction: 'down', envelopeHex: Buffer.from(bytes).toString('hex') });
  }
  for (const [name, { kind, body }] of Object.entries(uplinks)) {
    const bytes = await sealUplink(
      {
        messageId: `u-${name}`,
        sender: { kind: 'box', id: GOLDEN_BOX },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: VECTOR_TIME,
      },
      body,
      signerFor?.box ?? boxSigner(GOLDEN_BOX),
    );
    out.push({ name, direction: 'up', topicKind: kind, envelopeHex: Buffer.from(bytes).toString('hex') });
  }
  return out;
}
