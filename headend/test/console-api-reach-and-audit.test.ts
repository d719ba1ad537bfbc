import { describe, expect, it } from 'vitest';
import { HOUR } from './support/manual-clock';
import { useSeededHeadend } from './support/test-headend';
import { connectBoxes, until } from './support/test-box';

/** Issue 18: what the console's review before a send and its audit-log view read. */
describe('the recipients of a notice, counted before it is sent', () => {
  const h = useSeededHeadend();
  const reach = async (target: unknown) => (await h().api('POST', '/api/v1/notices/reach', { target })).body;

  it('per zone and online now, for every kind of target, without sending anything', async () => {
    const [box1] = await connectBoxes(h(), ['box-1'] as const);
    await until(async () => (await reach({ type: 'all' })).online === 1, 'box-1 counted online');
    expect(await reach({ type: 'all' })).toEqual({
      boxes: 4,
      online: 1,
      zones: [
        { zoneId: 'z-east', name: '东城', boxes: 3, online: 1 },
        { zoneId: 'z-west', name: '西乡', boxes: 1, online: 0 },
      ],
    });
    expect(await reach({ type: 'zones', zoneIds: ['z-west'] })).toMatchObject({ boxes: 1, online: 0 });
    expect(await reach({ type: 'accounts', accountIds: ['acct-1', 'acct-1'] })).toMatchObject({ boxes: 2, online: 1 });
    expect(await reach({ type: 'boxes', boxIds: ['box-3', 'box-4', 'no-such-box'] })).toMatchObject({
      boxes: 2,
      online: 0,
      zones: [
        { zoneId: 'z-east', boxes: 1 },
        { zoneId: 'z-west', boxes: 1 },
      ],
    });
    expect(await reach({ type: 'zones', zoneIds: ['z-nowhere'] })).toEqual({ boxes: 0, online: 0, zones: [] });
    expect((await h().api('GET', '/api/v1/notices')).body.total).toBe(0);
    await box1.disconnect();
  });

  it('refuses a malformed target and a role that may not send', async () => {
    expect((await h().api('POST', '/api/v1/notices/reach', { target: { type: 'zones', zoneIds: [] } })).status).toBe(
      400,
    );
    const { token } = await h().h.tokens.create('viewer', 'read-only');
    const r = await h().api('POST', '/api/v1/notices/reach', { target: { type: 'all' } }, token);
    expect(r).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });
});

describe('the audit log, filtered and paged', () => {
  const h = useSeededHeadend();

  it('by who, what and when, newest first, a page at a time', async () => {
    const t = h();
    const send = (title: string) =>
      t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'zones', zoneIds: ['z-east'] },
        texts: [{ lang: 'zh-CN', title, body: '' }],
      });
    const from = t.clock.now();
    for (const title of ['一', '二', '三']) {
      expect((await send(title)).status).toBe(201);
      t.clock.advance(HOUR);
    }
    const audit = async (q: string) => (await t.api('GET', `/api/v1/audit?${q}`)).body;
    const sent = await audit('action=notice.sent&limit=2');
    expect(sent.items).toHaveLength(2);
    expect(sent).toMatchObject({ more: true, offset: 0, limit: 2 });
    const older = await audit('action=notice.sent&limit=2&offset=2');
    expect(older).toMatchObject({ more: false });
    const all = [...(sent.items as Array<{ atMs: number }>), ...(older.items as Array<{ atMs: number }>)];
    expect(all.map((e) => e.atMs)).toEqual([from + 2 * HOUR, from + HOUR, from]);
    // The second hour only; and by the one who did it (the test's operator token).
    const second = (await audit(`action=notice.sent&sinceMs=${from + HOUR}&untilMs=${from + 2 * HOUR}`))
      .items as Array<{
      atMs: number;
      actor: string;
    }>;
    expect(second.map((e) => e.atMs)).toEqual([from + HOUR]);
    expect((await audit(`actor=${encodeURIComponent(second[0]?.actor ?? '')}&action=notice.sent`)).items).toHaveLength(
      3,
    );
    expect((await audit('actor=nobody')).items).toEqual([]);
    expect((await t.api('GET', '/api/v1/audit?sinceMs=-1')).status).toBe(400);
  });
});

describe('one box’s notices, with how far each got on it', () => {
  const h = useSeededHeadend();

  it('newest first, each with its delivery on that box; an unknown box is not found', async () => {
    const t = h();
    const [box] = await connectBoxes(t, ['box-1'] as const);
    box.autoReceipts = ['delivered', 'displayed'];
    const send = async (title: string, target: unknown) =>
      (
        await t.api('POST', '/api/v1/notices', {
          kind: 'ANNOUNCEMENT',
          target,
          texts: [{ lang: 'zh-CN', title, body: '' }],
        })
      ).body as { notice: { id: string } };
    const first = await send('一', { type: 'zones', zoneIds: ['z-east'] });
    t.clock.advance(HOUR);
    const second = await send('二', { type: 'accounts', accountIds: ['acct-1'] });
    await send('别人的', { type: 'boxes', boxIds: ['box-4'] });
    type Item = { notice: { id: string }; delivery: { state: string; displayedAtMs: number } };
    const items = async () => (await t.api('GET', '/api/v1/boxes/box-1/notices')).body.items as Item[];
    await until(async () => (await items()).every((i) => i.delivery.displayedAtMs > 0), 'both shown on box-1');
    expect((await items()).map((i) => [i.notice.id, i.delivery.state])).toEqual([
      [second.notice.id, 'displayed'],
      [first.notice.id, 'displayed'],
    ]);
    expect((await t.api('GET', '/api/v1/boxes/box-1/notices?limit=1')).body.items).toHaveLength(1);
    expect((await t.api('GET', '/api/v1/boxes/no-such-box/notices')).status).toBe(404);
    await box.disconnect();
  });
});

/** Issue 18: the console's preview of a rule-written notice shows the texts the rules will write. */
describe('the texts a rule will write, before anything is sent', () => {
  const h = useSeededHeadend();
  const draft = async (body: unknown) => h().api('POST', '/api/v1/notices/draft-texts', body);

  it('are the rules’ own texts (N2, N4), with the configured hotline, and nothing is stored', async () => {
    const now = h().clock.now();
    const planned = await draft({
      kind: 'MAINTENANCE',
      startsAtMs: now + 50 * HOUR,
      endsAtMs: now + 54 * HOUR,
      reason: '光缆迁改',
    });
    expect(planned.status).toBe(200);
    expect(planned.body.texts).toEqual(h().h.texts.maintenance(now + 50 * HOUR, now + 54 * HOUR, '光缆迁改', false));
    expect(JSON.stringify(planned.body.texts)).toContain(h().h.config.hotline);
    const warning = await draft({ kind: 'SUSPENSION_WARNING', amountMinor: 5200, suspendAtMs: now + 25 * HOUR });
    expect(warning.body.texts).toEqual(h().h.texts.suspensionWarning(5200, 'CNY', now + 25 * HOUR));
    expect((await draft({ kind: 'OUTAGE' })).body.texts).toEqual(h().h.texts.outage(0));
    expect((await h().api('GET', '/api/v1/notices')).body.total).toBe(0);
  });

  it('refuse a window that ends before it starts, an unknown kind and a role that may not send', async () => {
    const now = h().clock.now();
    expect(
      await draft({ kind: 'MAINTENANCE', startsAtMs: now + 5 * HOUR, endsAtMs: now + HOUR, reason: '' }),
    ).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect((await draft({ kind: 'FEE_DUE' })).status).toBe(400);
    const { token } = await h().h.tokens.create('viewer', 'read-only');
    const r = await h().api('POST', '/api/v1/notices/draft-texts', { kind: 'OUTAGE' }, token);
    expect(r).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });
});
