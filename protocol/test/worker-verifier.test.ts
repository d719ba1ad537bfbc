import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSigner, createWorkerVerifier, generateEd25519 } from '../src/node/index';
import type { WorkerVerifier } from '../src/node/index';

/** Signed messages of assorted sizes by assorted keys; every third one tampered with. */
function batch(n: number): { publicKey: Uint8Array; data: Uint8Array; signature: Uint8Array; valid: boolean }[] {
  const keys = Array.from({ length: 7 }, () => generateEd25519());
  return Array.from({ length: n }, (_, i) => {
    const pair = keys[i % keys.length] ?? generateEd25519();
    const data = new TextEncoder().encode(`回执 receipt ${i} `.repeat(1 + (i % 13) * 40));
    const signature = Uint8Array.from(createNodeSigner('k', pair.seed).sign(data) as Uint8Array);
    const valid = i % 3 !== 0;
    if (!valid) signature[i % 64] = (signature[i % 64] ?? 0) ^ 0x10;
    return { publicKey: pair.publicKey, data, signature, valid };
  });
}

describe('Ed25519 verification on a worker thread (issue 19)', () => {
  let v: WorkerVerifier | undefined;
  afterEach(async () => {
    await v?.close();
    v = undefined;
  });

  it('answers each of many verifications asked for at once with its own result', async () => {
    const w = createWorkerVerifier();
    v = w;
    // More than one message's worth (512 items, 1 MiB), so the batches split and their answers must not mix.
    const items = batch(1500);
    const results = await Promise.all(items.map((x) => w.verify(x.publicKey, x.data, x.signature)));
    expect(results).toEqual(items.map((x) => x.valid));
  });

  it('keeps verifying correctly on the calling thread once the worker is gone, including what it held', async () => {
    const w = createWorkerVerifier();
    v = w;
    const items = batch(60);
    const posted = items.slice(0, 20).map((x) => w.verify(x.publicKey, x.data, x.signature));
    await new Promise((resolve) => setImmediate(resolve)); // these are with the worker now
    const queued = items.slice(20, 30).map((x) => w.verify(x.publicKey, x.data, x.signature));
    await w.close();
    const after = items.slice(30).map((x) => w.verify(x.publicKey, x.data, x.signature));
    expect(await Promise.all([...posted, ...queued, ...after])).toEqual(items.map((x) => x.valid));
  });
});
