import { describe, expect, it } from 'vitest';
import type { Box } from '../src/ports/registry-store';
import { HOUR } from './support/manual-clock';
import { staffToken } from './support/staff-fixtures';
import { useSeededHeadend } from './support/test-headend';
import { diagnostics, report, Symptom } from './support/ticket-fixtures';

/** A record as JSON carries it (undefined fields gone), to compare with what the API answered. */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** A box as the API shows it: never the hash of its credential. */
const shown = ({ credentialHash, ...rest }: Box) => ({ ...rest, hasCredential: credentialHash !== '' });

// Issue 18: fastify serializes an answer with the route's response schema and silently drops
// every field the schema does not name. Each answer below is compared, field for field, with
// the record the store holds: a field missing from a schema fails here.
describe('what the API answers is the whole record, nothing dropped by serialization', () => {
  const h = useSeededHeadend();

  it('a ticket with its open diagnostics, its history and its row in the list', async () => {
    const t = h();
    const r = await t.h.tickets.intake.faultReport(
      'box-1',
      report('r1', Symptom.SYMPTOM_NO_SIGNAL, { diagnostics: diagnostics({ tunerLocked: false, snrDb: 12 }) }),
    );
    if (r === undefined || r.outcome === 'known-outage') throw new Error('no ticket opened');
    const id = r.ticket.id;
    t.clock.advance(HOUR);
    expect(
      (await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '师傅下午到', channel: 'phone' })).status,
    ).toBe(200);

    const stored = await t.h.stores.tickets.get(id);
    expect(stored?.diagnostics).toMatchObject({ tunerLocked: false, snrDb: 12, network: { connected: true } });
    const detail = await t.api('GET', `/api/v1/tickets/${id}`);
    expect(detail.body).toEqual(
      json({
        ...stored,
        events: await t.h.stores.tickets.events(id),
        diagnosticLimits: t.h.config.tickets.diagnostics,
      }),
    );
    const list = await t.api('GET', '/api/v1/tickets?boxId=box-1');
    expect(list.body).toEqual(
      json({
        items: [{ ...stored, remainingMs: (stored?.dueAtMs ?? 0) - t.clock.now() }],
        total: 1,
        limit: 50,
        offset: 0,
      }),
    );
  });

  it('a notice’s status, its row in the list and a box’s view of it', async () => {
    const t = h();
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-east'] },
      texts: [
        { lang: 'zh-CN', title: '调整频道', body: '下月起新增频道' },
        { lang: 'en', title: 'Channels', body: 'New channels next month' },
      ],
      detail: { topic: 'channels', effectiveAtMs: t.clock.now() + 24 * HOUR },
    });
    expect(sent.status).toBe(201);
    const id = (sent.body.notice as { id: string }).id;
    const record = await t.h.stores.notices.get(id);
    expect(record?.detail).toMatchObject({ topic: 'channels' });
    const counts = await t.h.stores.notices.counts(id, t.clock.now());

    expect(sent.body).toEqual(json({ notice: record, ...counts }));
    expect((await t.api('GET', `/api/v1/notices/${id}`)).body).toEqual(json({ notice: record, ...counts }));
    const summaries = await t.h.stores.notices.summaries([id]);
    expect((await t.api('GET', '/api/v1/notices')).body).toEqual(
      json({ items: [{ ...record, delivery: summaries.get(id) }], total: 1, limit: 50, offset: 0 }),
    );
    expect((await t.api('GET', '/api/v1/boxes/box-1/notices')).body).toEqual(
      json({ items: await t.h.stores.notices.forBox('box-1', 50) }),
    );
  });

  it('a page of boxes, one provisioned (certificate, keys, credential)', async () => {
    const t = h();
    expect((await t.api('POST', '/api/v1/boxes/box-2/provision')).status).toBe(200);
    const page = await t.api('GET', '/api/v1/boxes?zoneId=z-east');
    const stored = await t.h.stores.registry.listBoxes({ zoneId: 'z-east', limit: 50, offset: 0 });
    expect(stored.items.find((b) => b.id === 'box-2')?.certSerial).not.toBe('');
    expect(page.body).toEqual(json({ ...stored, items: stored.items.map(shown), limit: 50, offset: 0 }));
    const box = await t.h.stores.registry.getBox('box-2');
    if (box === undefined) throw new Error('box-2 not stored');
    expect((await t.api('GET', '/api/v1/boxes/box-2')).body).toEqual(json(shown(box)));
  });

  it('the audit log, with each entry’s open detail', async () => {
    const t = h();
    expect((await t.api('POST', '/api/v1/tokens', { name: '张三', role: 'billing' })).status).toBe(201);
    t.clock.advance(HOUR);
    expect(
      (await t.api('PUT', '/api/v1/zones/z-west', { name: '西乡新区', type: 'rural', maintainer: 'li' })).status,
    ).toBe(200);
    const stored = await t.h.stores.audit.list({ limit: 101, offset: 0 });
    expect(stored.some((e) => e.action === 'zone.saved' && 'before' in e.detail)).toBe(true);
    expect((await t.api('GET', '/api/v1/audit')).body).toEqual(
      json({ items: stored, limit: 100, offset: 0, more: false }),
    );
  });

  it('an approval with its open request, as asked and as listed', async () => {
    const t = h();
    const r = await t.h.tickets.intake.faultReport('box-3', report('r9', Symptom.SYMPTOM_NO_SOUND));
    if (r === undefined || r.outcome === 'known-outage') throw new Error('no ticket opened');
    const asker = await staffToken(t, 'M-01', 'maintainer', '王工');
    const asked = await t.api(
      'POST',
      `/api/v1/tickets/${r.ticket.id}/extend`,
      { dueAtMs: r.ticket.dueAtMs + 24 * HOUR, reason: '等待配件' },
      asker,
    );
    expect(asked.status).toBe(202);
    const stored = await t.h.stores.staff.getApproval(String(asked.body.id));
    expect(stored?.request).toMatchObject({ ticketId: r.ticket.id });
    expect(asked.body).toEqual(json(stored));
    expect((await t.api('GET', '/api/v1/approvals?status=pending', undefined, asker)).body).toEqual(
      json({ items: [stored] }),
    );
  });
});
