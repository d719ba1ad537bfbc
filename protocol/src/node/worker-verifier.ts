import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Verifier } from '../ed25519';
import { createNodeVerifier, ed25519Backend } from './node-ed25519';

/** Items posted to the worker in one message at most, and their bytes (uplinks are ≤ 64 KiB each). */
const MAX_ITEMS = 512;
const MAX_BYTES = 1 << 20;

// The worker: one batch per message, as one buffer of [public key 32 | signature 64 | data] per
// item and the data lengths; answers 1 or 0 per item. CommonJS source, so it runs the same from
// the TypeScript sources (tsx) and from the headend's esbuild bundle, which has no file for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require(workerData.sodium);
parentPort.on('message', ({ id, bytes, lengths }) => {
  const u8 = new Uint8Array(bytes);
  const out = new Uint8Array(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const pk = u8.subarray(at, at + 32);
    const sig = u8.subarray(at + 32, at + 96);
    const data = u8.subarray(at + 96, at + 96 + lengths[i]);
    out[i] = sodium.crypto_sign_verify_detached(sig, data, pk) ? 1 : 0;
    at += 96 + lengths[i];
  }
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

interface Item {
  readonly publicKey: Uint8Array;
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
  readonly resolve: (ok: boolean) => void;
}

export interface WorkerVerifier extends Verifier {
  /** Stops the worker; verifications asked for after this run on the calling thread. */
  close(): Promise<void>;
}

/**
 * Ed25519 verification on a worker thread running libsodium (issue 19). The headend verifies
 * every uplink (~100 µs each on its 2-core VMs); on its own thread that is up to a third of an
 * event-loop turn when a store pass wakes thousands of uplinks at once, and the loop accepts
 * no connection meanwhile. Verifications asked for during one turn go to the worker as one
 * message after the turn's I/O (setImmediate), a buffer transferred, not copied back.
 *
 * Where libsodium does not load, Node's crypto verifies on libuv's thread pool instead. If the
 * worker dies, what it held and everything after is verified on the calling thread: a
 * verification never fails because of the worker.
 */
export function createWorkerVerifier(): WorkerVerifier {
  if (ed25519Backend !== 'libsodium') {
    const pool = createNodeVerifier({ threadPool: true });
    return { verify: (k, d, s) => pool.verify(k, d, s), close: () => Promise.resolve() };
  }
  const sodiumPath = createRequire(import.meta.url).resolve('sodium-native');
  const local = createNodeVerifier();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sodium: sodiumPath } });
  worker.unref();
  let alive = true;
  let queued: Item[] = [];
  let queuedBytes = 0;
  let flushing = false;
  let nextId = 0;
  const posted = new Map<number, Item[]>();

  const inThread = (items: readonly Item[]): void => {
    for (const it of items) void local.verify(it.publicKey, it.data, it.signature).then(it.resolve);
  };
  const failOver = (): void => {
    if (!alive) return;
    alive = false;
    for (const items of posted.values()) inThread(items);
    posted.clear();
  };
  worker.on('error', failOver);
  worker.on('exit', failOver);
  worker.on('message', (m: { id: number; out: Uint8Array }) => {
    const items = posted.get(m.id);
    if (items === undefined) return;
    posted.delete(m.id);
    if (posted.size === 0) worker.unref();
    items.forEach((it, i) => it.resolve(m.out[i] === 1));
  });

  const post = (items: Item[]): void => {
    if (!alive) return inThread(items);
    const lengths = new Uint32Array(items.length);
    let size = 0;
    items.forEach((it, i) => {
      lengths[i] = it.data.length;
      size += 96 + it.data.length;
    });
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const it of items) {
      bytes.set(it.publicKey, at);
      bytes.set(it.signature, at + 32);
      bytes.set(it.data, at + 96);
      at += 96 + it.data.length;
    }
    const id = nextId++;
    // Referenced while it holds verifications, so a process waiting only on them does not exit.
    if (posted.size === 0) worker.ref();
    posted.set(id, items);
    worker.postMessage({ id, bytes: bytes.buffer, lengths }, [bytes.buffer]);
  };
  const flush = (): void => {
    flushing = false;
    const items = queued;
    queued = [];
    queuedBytes = 0;
    if (items.length > 0) post(items);
  };

  return {
    verify(publicKey, data, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return Promise.resolve(false);
      if (!alive) return local.verify(publicKey, data, signature);
      return new Promise<boolean>((resolve) => {
        queued.push({ publicKey, data, signature, resolve });
        queuedBytes += 96 + data.length;
        if (queued.length >= MAX_ITEMS || queuedBytes >= MAX_BYTES) flush();
        else if (!flushing) {
          flushing = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      if (!alive) return;
      failOver();
      await worker.terminate();
    },
  };
}
