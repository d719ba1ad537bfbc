import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

describe('API input errors are 4xx with a code, never 500', () => {
  let t: TestHeadend;
  beforeAll(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  it('no token → 401, bad token → 401, wrong role → 403', async () => {
    const none = await t.h.app.inject({ method: 'GET', url: '/api/v1/zones' });
    expect(none.statusCode).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await t.api('GET', '/api/v1/zones', undefined, 'stbn_wrong')).status).toBe(401);
    const { token } = await t.h.tokens.create('viewer', 'read-only');
    expect((await t.api('GET', '/api/v1/zones', undefined, token)).status).toBe(200);
    const send = await t.api('POST', '/api/v1/outages', { zoneIds: ['z-east'] }, token);
    expect(send).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('no response carries a box’s credential hash, whatever the role', async () => {
    await t.api('POST', '/api/v1/boxes/box-1/provision');
    const { token } = await t.h.tokens.create('viewer-2', 'read-only');
    for (const url of ['/api/v1/boxes/box-1', '/api/v1/boxes', '/api/v1/accounts/acct-1']) {
      for (const tok of [token, t.token]) {
        const r = await t.api('GET', url, undefined, tok);
        expect(r.status, url).toBe(200);
        expect(JSON.stringify(r.body), url).not.toContain('credentialHash');
      }
    }
    expect((await t.api('GET', '/api/v1/boxes/box-1', undefined, token)).body).toMatchObject({ hasCredential: true });
  });

  it('schema violations name the field', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/notices', { kind: 'ANNOUNCEMENT', target: { type: 'all' } }],
      [
        'POST',
        '/api/v1/notices',
        { kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: [{ lang: 'fr', title: 'x', body: '' }] },
      ],
      [
        'POST',
        '/api/v1/notices',
        {
          kind: 'ANNOUNCEMENT',
          target: { type: 'zones', zoneIds: ['a/b'] },
          texts: [{ lang: 'zh-CN', title: 'x', body: '' }],
        },
      ],
      ['POST', '/api/v1/billing/invoices', { invoiceId: 'i', accountId: 'acct-1', amountMinor: -5, dueAtMs: 1 }],
      ['POST', '/api/v1/maintenance', { zoneIds: ['z-east'], startsAtMs: 'tomorrow', endsAtMs: 1, reason: 'x' }],
      ['GET', '/api/v1/boxes?limit=100000', undefined],
      ['POST', '/api/v1/tokens', { name: 'x', role: 'root' }],
    ];
    for (const [method, url, body] of cases) {
      const r = await t.api(method as 'POST', url, body);
      expect(r.status, `${method} ${url}`).toBe(400);
      expect(r.body.code).toBe('VALIDATION');
      expect(String(r.body.message).length).toBeGreaterThan(0);
    }
  });

  it('numbers no clock or counter can mean are refused with 400, never 500 or a crashed box', async () => {
    const notice = (extra: Record<string, unknown>) => ({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'zh-CN', title: 'x', body: '' }],
      ...extra,
    });
    const raw = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: string) =>
      t.h.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        ...(payload === undefined ? {} : { payload }),
      });
    const cases: Array<[string, Awaited<ReturnType<typeof raw>>]> = [
      [
        'expiresAtMs 2^63',
        await raw(
          'POST',
          '/api/v1/notices',
          JSON.stringify(notice({})).replace('{', '{"expiresAtMs":9223372036854775808,'),
        ),
      ],
      ['expiresAtMs 1e300', await raw('POST', '/api/v1/notices', JSON.stringify(notice({ expiresAtMs: 1e300 })))],
      ['expiresAtMs -1', await raw('POST', '/api/v1/notices', JSON.stringify(notice({ expiresAtMs: -1 })))],
      [
        'detail.etaMs 1e300',
        await raw(
          'POST',
          '/api/v1/notices',
          JSON.stringify({ ...notice({ kind: 'OUTAGE' }), detail: { etaMs: 1e300 } }),
        ),
      ],
      [
        'detail unknown field',
        await raw('POST', '/api/v1/notices', JSON.stringify(notice({ detail: { evil: 'x'.repeat(10) } }))),
      ],
      [
        'outage etaMs 1e300',
        await raw('POST', '/api/v1/outages', JSON.stringify({ zoneIds: ['z-east'], etaMs: 1e300 })),
      ],
      [
        'maintenance endsAtMs 2^60',
        await raw(
          'POST',
          '/api/v1/maintenance',
          JSON.stringify({
            zoneIds: ['z-east'],
            startsAtMs: t.clock.now() + 49 * 3600_000,
            endsAtMs: 2 ** 60,
            reason: 'x',
          }),
        ),
      ],
      ['limit 1e309', await raw('GET', '/api/v1/notices?limit=1e309')],
      ['incidents limit=abc', await raw('GET', '/api/v1/incidents?limit=abc')],
      ['callbacks limit=99999999', await raw('GET', '/api/v1/callbacks?limit=99999999')],
      ['offset 1e20', await raw('GET', '/api/v1/boxes?offset=100000000000000000000')],
      [
        'amount 1e300',
        await raw(
          'POST',
          '/api/v1/billing/invoices',
          JSON.stringify({ invoiceId: 'i', accountId: 'acct-1', amountMinor: 1e300, dueAtMs: 1 }),
        ),
      ],
      ['10,000-deep JSON', await raw('POST', '/api/v1/outages', `${'['.repeat(10_000)}${']'.repeat(10_000)}`)],
      ['10,000-deep object', await raw('POST', '/api/v1/notices', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)],
      [
        'zone with an unknown field',
        await raw(
          'PUT',
          '/api/v1/zones/z-east',
          JSON.stringify({ name: 'n', type: 'urban', maintainer: 'm', evil: 1 }),
        ),
      ],
    ];
    for (const [what, r] of cases) {
      expect(r.statusCode, what).toBe(400);
      expect(['VALIDATION', 'BAD_BODY'], what).toContain((JSON.parse(r.body) as { code: string }).code);
    }
    expect((await t.api('GET', '/api/v1/zones')).body.items).not.toContainEqual(expect.objectContaining({ evil: 1 }));
  });

  it('an English-only notice is refused: zh-CN is required', async () => {
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'en', title: 'x', body: '' }],
    });
    expect(r).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(String(r.body.message)).toContain('zh-CN');
  });

  it('malformed JSON, wrong content type, unknown ids and routes', async () => {
    const bad = await t.h.app.inject({
      method: 'POST',
      url: '/api/v1/outages',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      payload: '{"zoneIds": [',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('BAD_BODY');
    const xml = await t.h.app.inject({
      method: 'POST',
      url: '/api/v1/outages',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(xml.statusCode).toBe(415);
    expect((await t.api('GET', '/api/v1/notices/n-nope')).body).toMatchObject({ code: 'NOT_FOUND' });
    const staff = await staffToken(t, 'M900', 'maintainer');
    expect((await t.api('POST', '/api/v1/outages', { zoneIds: ['z-nowhere'], reason: '光缆' }, staff)).status).toBe(
      404,
    );
    expect((await t.api('GET', '/api/v1/nothing-here')).status).toBe(404);
    expect(
      (
        await t.api('POST', '/api/v1/notices', {
          kind: 'ANNOUNCEMENT',
          target: { type: 'accounts', accountIds: ['nobody'] },
          texts: [{ lang: 'zh-CN', title: 'x', body: '' }],
        })
      ).body,
    ).toMatchObject({ code: 'TARGET_EMPTY' });
  });

  it('registry import is all or nothing, with the problems listed', async () => {
    const r = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-new', name: 'n', type: 'urban', maintainer: 'm' }],
      boxes: [
        { id: 'box-50', accountId: 'acct-50', zoneId: 'z-new' },
        { id: 'box-51', accountId: 'acct-51', zoneId: 'z-missing' },
      ],
    });
    expect(r).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', details: { problems: ['boxes[1].zoneId: unknown zone "z-missing"'] } },
    });
    expect((await t.api('GET', '/api/v1/boxes/box-50')).status).toBe(404);
  });

  it('a box or zone id with "." is refused at import: on a NATS cluster it would add a subject level', async () => {
    const r = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z.dot', name: 'n', type: 'urban', maintainer: 'm' }],
      boxes: [{ id: 'box.70', accountId: 'acct.70', zoneId: 'z-east' }],
    });
    expect(r).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION',
        details: {
          problems: [
            'zones[0].id: invalid zone id "z.dot" (1-64 of A-Z a-z 0-9 _ - :)',
            'boxes[0].id: invalid box id "box.70" (1-64 of A-Z a-z 0-9 _ - :)',
          ],
        },
      },
    });
  });

  it('CSV import: good rows land, a ragged line is refused with its number', async () => {
    const csv = (body: string) =>
      t.h.app.inject({
        method: 'POST',
        url: '/api/v1/registry/import/boxes',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
        payload: body,
      });
    const ok = await csv('id,account_id,zone_id,model\nbox-60,acct-60,z-east,"HX,9000"\r\nbox-61,acct-60,z-west,\n');
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ boxes: 2, accounts: 1 });
    expect((await t.api('GET', '/api/v1/boxes/box-60')).body).toMatchObject({ model: 'HX,9000', accountId: 'acct-60' });
    const ragged = await csv('id,account_id,zone_id\nbox-62,acct-62\n');
    expect(ragged.statusCode).toBe(400);
    expect(JSON.parse(ragged.body)).toMatchObject({ code: 'BAD_CSV', details: { line: 2 } });
  });

  it('serves /healthz, /metrics and an OpenAPI document of every route', async () => {
    expect((await t.h.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    const m = await t.h.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.body).toContain('# TYPE stb_boxes_connected gauge');
    expect(m.body).toContain('stb_deliveries_queued');
    const doc = (await t.h.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/notices',
      '/api/v1/notices/{id}',
      '/api/v1/maintenance',
      '/api/v1/billing/overdue',
      '/api/v1/boxes/{id}/provision',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('paginates lists', async () => {
    const r = await t.api('GET', '/api/v1/boxes?limit=2&offset=1');
    expect(r.body).toMatchObject({ limit: 2, offset: 1 });
    expect((r.body.items as unknown[]).length).toBe(2);
    expect(r.body.total).toBeGreaterThanOrEqual(4);
  });
});
