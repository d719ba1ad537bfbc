import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HeadendError } from '../errors';

/** Deeper than any body the API accepts; a deeper one is refused before anything walks it. */
const MAX_DEPTH = 32;

/** Where in `value` a number is not finite (JSON.parse turns 1e309 into Infinity), or the nesting too deep. */
function findNonFinite(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return `${path} (nested deeper than ${MAX_DEPTH})`;
  for (const [k, v] of Object.entries(value)) {
    const bad = findNonFinite(v, `${path}/${k}`, depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const NUMERAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** A query value that reads as a number too large for any (e.g. limit=1e309; not the word "Infinity"). */
function findHugeQueryNumber(query: unknown): string | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  for (const [k, v] of Object.entries(query)) {
    for (const s of Array.isArray(v) ? v : [v]) {
      if (typeof s === 'string' && NUMERAL.test(s) && Math.abs(Number(s)) === Infinity) return `querystring/${k}`;
    }
  }
  return undefined;
}

/**
 * Refuses numbers no field can hold before the schemas see them: Ajv lets Infinity through
 * `maximum` (its integer coercion turns "1e309" into Infinity and stops checking), so
 * `limit=1e309` reached the database as a 500. Also bounds nesting, so a 10,000-deep body
 * is a 400, not a stack overflow in whatever walks it next.
 */
export function installFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const bad = findHugeQueryNumber(req.query) ?? findNonFinite(req.body, 'body', 0);
    if (bad !== undefined)
      throw new HeadendError('VALIDATION', `${bad}: number out of range or nesting too deep`, { path: bad });
  });
}
