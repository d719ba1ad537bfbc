import { CHUNK } from './sql-context';

/**
 * An IN list padded to the next power of two (repeating its last value, or with `filler`), so
 * a batch's query is compiled and prepared once per size class (1, 2, 4, … 512) instead of once
 * per length: a burst of fault reports comes in batches of every size. Repeats change no IN
 * result; a VALUES list that must not name a row twice (a round of receipts) pads with a row
 * that matches nothing.
 */
export function paddedInList<T>(values: readonly T[], filler?: T): T[] {
  const pad = filler ?? values[values.length - 1];
  if (pad === undefined) return [];
  let size = 1;
  while (size < values.length) size *= 2;
  const out = [...values];
  while (out.length < size) out.push(pad);
  return out;
}

/** The distinct values as padded IN lists of at most CHUNK values each: one query per chunk. */
export function paddedChunks(values: readonly string[]): string[][] {
  const unique = [...new Set(values)];
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(paddedInList(unique.slice(i, i + CHUNK)));
  return out;
}
