import type { Rng } from './uplink-mutations';

const NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 53, 2 ** 63, 1e300, -1e300, 0.5, 1e-300, 1700000000000, 7258118400001];
const STRINGS = [
  '',
  'x',
  'box-1',
  'z-east',
  'acct-1',
  'ANNOUNCEMENT',
  'OUTAGE',
  'operator',
  'zh-CN',
  '../../etc/passwd',
  '%2e%2e%2f',
  '\u0000',
  '测试通知',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\ud800',
];
const KEYS = [
  'kind',
  'target',
  'type',
  'zoneIds',
  'boxIds',
  'accountIds',
  'texts',
  'lang',
  'title',
  'body',
  'expiresAtMs',
  'etaMs',
  'startsAtMs',
  'endsAtMs',
  'amountMinor',
  'dueAtMs',
  'accountId',
  'invoiceId',
  'reason',
  'name',
  'role',
  'detail',
  'severity',
  'rating',
  '__proto__',
  'constructor',
];

/** A random JSON value, biased towards the API's field names and values at the edges. */
export function randomJson(rng: Rng, depth = 0): unknown {
  const r = rng.int(depth > 4 ? 3 : 6);
  switch (r) {
    case 0:
      return rng.pick(NUMBERS);
    case 1:
      return rng.next() < 0.05 ? 'y'.repeat(rng.int(20_000)) : rng.pick(STRINGS);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(6); i > 0; i--) o[rng.pick(KEYS)] = randomJson(rng, depth + 1);
      return o;
    }
  }
}

/** A request body: mostly random JSON, sometimes malformed, deeply nested or mislabelled. */
export function randomBody(rng: Rng): { body: string; contentType: string } {
  const r = rng.next();
  if (r < 0.05) return { body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, contentType: 'application/json' };
  if (r < 0.1) return { body: '{"kind": "ANNOUNCEMENT", "texts": [', contentType: 'application/json' };
  if (r < 0.13) return { body: 'id,account_id\nx', contentType: 'text/csv' };
  if (r < 0.15) return { body: '<x/>', contentType: 'application/xml' };
  if (r < 0.17) return { body: '{"expiresAtMs": 1e309}', contentType: 'application/json' };
  return { body: JSON.stringify(randomJson(rng)) ?? 'null', contentType: 'application/json' };
}

const PARAMS = ['box-1', 'cb-0001', 'n-nope', 't-nope', 'z-east', '%2e%2e', 'a'.repeat(100), '%00', '测试', '..'];
const QUERY = [
  '',
  '?limit=1e309',
  '?limit=-1',
  '?offset=1e20',
  '?limit=abc',
  '?month=2026-13',
  '?state=x',
  '?limit=5&offset=0',
];

/** A concrete URL for an OpenAPI path template, with hostile parameter values and queries. */
export function randomUrl(rng: Rng, template: string): string {
  const path = template.replace(/\{[^}]+\}/g, () => encodeURIComponent(rng.pick(PARAMS)).replace(/%25/g, '%'));
  return `${path}${rng.pick(QUERY)}`;
}
