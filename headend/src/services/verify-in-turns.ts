import type { Verifier } from '@stb-notify/protocol';

/** Verifications per event-loop turn at most: ~6 ms of libsodium on the AMD EPYC VM. */
export const VERIFY_PER_TURN = 64;

interface Job {
  readonly publicKey: Uint8Array;
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
  readonly resolve: (ok: boolean) => void;
}

/**
 * The uplink verifier, its work spread over event-loop turns (issue 19). In a reconnect storm
 * one finished store pass wakes thousands of uplinks at once, and verifying them all in one
 * turn kept the loop from accepting connections for up to a second (19,000-box profile): the
 * kernel's accept queue overflowed and refused boxes waited out SYN retries of 1–31 s. Here
 * at most `perTurn` run per turn; the rest wait for the next, after the loop has polled.
 */
export function verifyInTurns(inner: Verifier, perTurn = VERIFY_PER_TURN): Verifier {
  const queue: Job[] = [];
  let head = 0;
  let scheduled = false;
  const turn = (): void => {
    const end = Math.min(queue.length, head + perTurn);
    for (; head < end; head++) {
      const job = queue[head] as Job;
      inner.verify(job.publicKey, job.data, job.signature).then(job.resolve, () => job.resolve(false));
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      scheduled = false;
    } else {
      // Under a load that never lets it empty, what is done does not pile up.
      if (head >= 4096) {
        queue.splice(0, head);
        head = 0;
      }
      // Queued from this turn's check phase: it runs in the next turn, after the poll.
      setImmediate(turn);
    }
  };
  return {
    verify(publicKey, data, signature) {
      return new Promise((resolve) => {
        queue.push({ publicKey, data, signature, resolve });
        if (!scheduled) {
          scheduled = true;
          setImmediate(turn);
        }
      });
    },
  };
}
