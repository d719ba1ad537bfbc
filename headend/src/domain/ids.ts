import { randomFillSync } from 'node:crypto';

/**
 * Random bytes per id: 6 (48 bits). With 3 (24 bits), ids made in the same millisecond collided
 * about once in 16.7 million pairs — at a few thousand ids a second, once within an hour of
 * sustained load, and the send, ticket or incident that drew the taken id failed on the
 * primary key (seen in `npm run bench`, issue 19). 48 bits make that once in ~10⁷ hours, also
 * across headend instances, which draw their ids independently.
 */
const RANDOM_BYTES = 6;
// One call into the CSPRNG per 682 ids: a call per id showed in the intake profile.
const pool = Buffer.alloc(4096);
let offset = pool.length;

/** Sortable, unique ids: prefix, time in base 36, 12 random hex chars (fits the protocol's id syntax). */
export function newId(prefix: string, nowMs: number): string {
  if (offset + RANDOM_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const rnd = pool.toString('hex', offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  return `${prefix}-${nowMs.toString(36)}-${rnd}`;
}
