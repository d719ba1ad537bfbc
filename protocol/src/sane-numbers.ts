/**
 * Bounds for the numbers a message or an API call may carry. Protobuf int64 and JSON accept
 * values no clock can mean (2^63, 1e300, negative times); past these bounds a number is a
 * mistake or an attack, and is refused where it enters instead of crashing whoever reads it.
 */

/** The latest instant any message may name: 2200-01-01T00:00Z, in ms since the epoch. */
export const MAX_TIME_MS = 7_258_118_400_000;

/** A time in ms since the epoch that every side can compute with and print: 0 ≤ t ≤ MAX_TIME_MS. */
export function isSaneTimeMs(v: unknown): boolean {
  const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_TIME_MS;
}

/**
 * The path of the first field named `…Ms` (a time or a duration in ms) that is not a sane
 * time, searching a decoded message; undefined when all are sane.
 */
export function findInsaneTime(value: unknown, path = '', depth = 0): string | undefined {
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findInsaneTime(value[i], `${path}[${i}]`, depth + 1);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (value instanceof Uint8Array) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = path === '' ? k : `${path}.${k}`;
    if (k.endsWith('Ms') && v !== null && v !== undefined) {
      if (!isSaneTimeMs(v)) return at;
    } else {
      const bad = findInsaneTime(v, at, depth + 1);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}
