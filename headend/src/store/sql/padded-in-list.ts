/**
 * An IN list padded to the next power of two (repeating its last value), so a batch's query
 * is compiled and prepared once per size class (1, 2, 4, … 512) instead of once per length:
 * a burst of fault reports comes in batches of every size. Repeats change no IN result.
 */
export function paddedInList<T>(values: readonly T[]): T[] {
  const last = values[values.length - 1];
  if (last === undefined) return [];
  let size = 1;
  while (size < values.length) size *= 2;
  const out = [...values];
  while (out.length < size) out.push(last);
  return out;
}
