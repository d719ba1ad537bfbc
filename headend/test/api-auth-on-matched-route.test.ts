import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

interface OpenApiOp {
  security?: unknown[];
}

/** Percent-encodes the character at `i` of `path` (upper- or lower-case hex). */
function encodeAt(path: string, i: number, lower = false): string {
  const hex = path.charCodeAt(i).toString(16).padStart(2, '0');
  return `${path.slice(0, i)}%${lower ? hex : hex.toUpperCase()}${path.slice(i + 1)}`;
}

/** Spellings of one path that a router may decode or normalise to the same route. */
function variants(path: string): string[] {
  const out = new Set<string>([path]);
  for (let i = 1; i < path.length; i++) {
    if (/[a-z0-9]/i.test(path[i] ?? '')) {
      out.add(encodeAt(path, i));
      out.add(encodeAt(path, i, true));
    }
  }
  out.add(`/${path}`);
  out.add(`${path}/`);
  out.add(path.replace(/\//g, '%2F'));
  out.add(path.toUpperCase());
  out.add(`${path}?x=1`);
  out.add(`${path};x=1`);
  out.add(`${path}#x`);
  return [...out];
}

describe('authentication is decided on the route the router matched', () => {
  let t: TestHeadend;
  let paths: Record<string, Record<string, OpenApiOp>>;
  beforeAll(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const doc = await t.h.app.inject({ method: 'GET', url: '/openapi.json' });
    paths = (JSON.parse(doc.body) as { paths: typeof paths }).paths;
  });
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  it('the percent-encoded path of the token route needs a token (the reported attack)', async () => {
    const r = await t.h.app.inject({
      method: 'POST',
      url: '/%61pi/v1/tokens',
      payload: { name: 'mallory', role: 'operator' },
    });
    expect(r.statusCode).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await t.api('GET', '/api/v1/tokens')).body.items).not.toContainEqual(
      expect.objectContaining({ name: 'mallory' }),
    );
  });

  it('every protected route in the OpenAPI document, in every encoded spelling, refuses a request without a token', async () => {
    let protectedOps = 0;
    let tried = 0;
    const opened: string[] = [];
    for (const [template, ops] of Object.entries(paths)) {
      const path = template.replace(/\{[^}]+\}/g, 'box-1');
      for (const [method, op] of Object.entries(ops)) {
        if ((op.security ?? []).length === 0) continue;
        protectedOps++;
        for (const url of variants(path)) {
          tried++;
          const r = await t.h.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
          });
          // Either the router found the route and the token is missing, or no route at all.
          if (r.statusCode !== 401 && r.statusCode !== 404) opened.push(`${method} ${url} → ${r.statusCode}`);
        }
      }
    }
    expect(opened).toEqual([]);
    expect(protectedOps).toBeGreaterThan(40);
    expect(tried).toBeGreaterThan(1000);
  });

  it('routes marked public stay reachable without a token, and only those', async () => {
    const open = Object.entries(paths)
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ p, m, op })))
      .filter((x) => (x.op.security ?? []).length === 0)
      .map((x) => `${x.m} ${x.p}`);
    expect(open.filter((o) => o.includes('/api/'))).toEqual([]);
    expect((await t.h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.h.app.inject({ method: 'GET', url: '/%68ealthz' })).statusCode).toBe(200);
  });

  it('every answer carries security headers; only the box app may evaluate code (Lightning needs it)', async () => {
    for (const url of ['/api/v1/zones', '/healthz', '/console/', '/tv/']) {
      const r = await t.h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.token}` } });
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(String(r.headers['content-security-policy']), url).toContain("script-src 'self'");
      expect(String(r.headers['content-security-policy']).includes('unsafe-eval'), url).toBe(url === '/tv/');
    }
  });

  it('wrong tokens: after 20 in a minute the address gets 429 for wrong ones, while a valid token still works', async () => {
    const from = (remoteAddress: string, token: string) =>
      t.h.app.inject({
        method: 'GET',
        url: '/api/v1/zones',
        remoteAddress,
        headers: { authorization: `Bearer ${token}` },
      });
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await from('192.0.2.7', `stbn_guess${i}`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    const locked = await from('192.0.2.7', 'stbn_another-guess');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(locked.body)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    // An operator behind the same address (a proxy, a NAT) is not locked out.
    expect((await from('192.0.2.7', t.token)).statusCode).toBe(200);
    expect((await from('192.0.2.8', 'stbn_first-guess')).statusCode).toBe(401);
  });
});
