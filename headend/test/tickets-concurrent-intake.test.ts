import { beforeEach, describe, expect, it } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

/**
 * Issue 15 / T5, Z-correlation: reports handled at the same moment — as the embedded broker
 * hands them over (without waiting) and as several instances on one PostgreSQL take them.
 * This suite also runs on PostgreSQL (vitest project headend-on-postgres).
 */
describe('concurrent fault reports: one ticket per fault, one incident per zone', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  it('T5: 50 reports of the same fault from one box at once → 1 ticket that counts all 50, each answered with it', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.h.tickets.intake.faultReport('box-1', report(`r-same-${i}`, Symptom.SYMPTOM_NO_SOUND)),
      ),
    );
    const open = (await t.h.stores.tickets.list({ limit: 100, offset: 0, boxId: 'box-1' })).items;
    expect(open).toHaveLength(1);
    const id = open[0]?.id ?? '';
    expect(results.map((r) => (r?.outcome === 'known-outage' ? '' : r?.ticket.id))).toEqual(Array(50).fill(id));
    expect(results.filter((r) => r?.outcome === 'opened')).toHaveLength(1);
    expect((await t.h.stores.tickets.get(id))?.reportCount).toBe(50);
    for (let i = 0; i < 50; i++) expect(await t.h.stores.tickets.findReport('box-1', `r-same-${i}`)).toBe(id);
  });

  it('T5: one report resent 10 times at once → 1 ticket, counted once', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        t.h.tickets.intake.faultReport('box-1', report('r-resent', Symptom.SYMPTOM_MOSAIC)),
      ),
    );
    const open = (await t.h.stores.tickets.list({ limit: 100, offset: 0, boxId: 'box-1' })).items;
    expect(open).toHaveLength(1);
    expect(open[0]?.reportCount).toBe(1);
  });

  it('20 boxes of one zone lose signal in the same instant → 1 incident, 1 OUTAGE notice, every report linked to it', async () => {
    const boxes = Array.from({ length: 20 }, (_, i) => `sig-${i}`);
    const imp = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-sig', name: '信号区', type: 'urban', maintainer: 'wang' }],
      boxes: boxes.map((id, i) => ({ id, accountId: `as-${i}`, zoneId: 'z-sig' })),
    });
    expect(imp.status).toBe(200);
    const results = await Promise.all(
      boxes.map((b) => t.h.tickets.intake.faultReport(b, report(`r-${b}`, Symptom.SYMPTOM_NO_SIGNAL))),
    );
    await t.h.settle();
    const incidents = (await t.h.stores.tickets.listIncidents({ status: 'open', limit: 100 })).filter(
      (i) => i.zoneId === 'z-sig',
    );
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    const outages = (await t.h.stores.notices.list({ limit: 100, offset: 0, kind: 'OUTAGE' })).items;
    expect(outages).toHaveLength(1);
    expect(outages[0]?.id).toBe(incident?.noticeId);
    // Every report is either answered "known outage" or has a ticket linked to the incident.
    for (const r of results) {
      if (r?.outcome === 'known-outage') expect(r.incident.id).toBe(incident?.id);
      else expect((await t.h.stores.tickets.get(r?.ticket.id ?? ''))?.incidentId).toBe(incident?.id);
    }
    expect((await t.h.stores.tickets.getIncident(incident?.id ?? ''))?.reportCount).toBe(20);
  });
});
