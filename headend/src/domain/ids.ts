import { randomBytes } from 'node:crypto';

/** Sortable, unique ids: prefix, time in base 36, 6 random hex chars (fits the protocol's id syntax). */
export function newId(prefix: string, nowMs: number): string {
  return `${prefix}-${nowMs.toString(36)}-${randomBytes(3).toString('hex')}`;
}
