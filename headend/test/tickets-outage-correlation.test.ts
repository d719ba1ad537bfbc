import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from './support/time';
import { HOUR } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { diagnostics, report, Symptom } from './support/ticket-fixtures';

describe('outage correlation: many signal faults in one zone become one incident', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const boxes = Array.from({ length: 8 }, (_, i) => ({ id: `e-${i}`, accountId: `ea-${i}`, zoneId: 'z-east' }));
    expect((await t.api('POST', '/api/v1/registry/import', { boxes })).status).toBe(200);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const signalReport = (box: string, id: string) =>
    t.h.tickets.intake.faultReport(
      box,
      report(id, Symptom.SYMPTOM_NO_SIGNAL, { diagnostics: diagnostics({ tunerLocked: false }) }),
    );

  it('five boxes in 15 minutes open an incident with an OUTAGE notice; later reports are answered "known"', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await signalReport(`e-${i}`, `r${i}`))?.outcome).toBe('opened');
      t.clock.advance(3 * MINUTE_MS);
    }
    expect(await t.h.stores.tickets.openIncidentForZone('z-east')).toBeUndefined();
    await signalReport('e-4', 'r4');
    const incident = await t.h.stores.tickets.openIncidentForZone('z-east');
    expect(incident).toMatchObject({ zoneId: 'z-east', reportCount: 5, status: 'open' });
    const linked = await t.h.stores.tickets.list({ incidentId: incident?.id ?? '', limit: 10, offset: 0 });
    expect(linked.total).toBe(5);
    const outage = await t.h.stores.notices.get(incident?.noticeId ?? '');
    expect(outage).toMatchObject({ kind: 'OUTAGE', target: { type: 'zones', zoneIds: ['z-east'] } });

    // A sixth box: no new ticket, the box is told the fault is known, with the ETA.
    const later = await signalReport('e-5', 'r5');
    expect(later).toMatchObject({ outcome: 'known-outage', incident: { id: incident?.id } });
    expect((await t.h.stores.tickets.list({ boxId: 'e-5', limit: 10, offset: 0 })).total).toBe(0);
    const known = (await t.h.stores.notices.list({ limit: 50, offset: 0, kind: 'TICKET_UPDATE' })).items.find(
      (n) => n.detail.reportId === 'r5',
    );
    expect(known?.detail).toMatchObject({ ticketId: '', incidentId: incident?.id, dueAtMs: incident?.etaMs });
    expect(known?.texts[0]?.title).toContain('故障已知');
    // A non-signal fault in the same zone is still its own ticket.
    expect((await t.h.tickets.intake.faultReport('e-6', report('r6', Symptom.SYMPTOM_REMOTE_CONTROL)))?.outcome).toBe(
      'opened',
    );
  });

  it('reports spread wider than the window do not make an incident; another zone is not affected', async () => {
    for (let i = 0; i < 5; i++) {
      await signalReport(`e-${i}`, `r${i}`);
      t.clock.advance(10 * MINUTE_MS);
    }
    expect(await t.h.stores.tickets.openIncidentForZone('z-east')).toBeUndefined();
    expect(await t.h.stores.tickets.openIncidentForZone('z-west')).toBeUndefined();
  });

  it('resolving the incident resolves every linked ticket, sends each box its survey and withdraws the outage notice', async () => {
    for (let i = 0; i < 5; i++) await signalReport(`e-${i}`, `r${i}`);
    const incident = await t.h.stores.tickets.openIncidentForZone('z-east');
    t.clock.advance(2 * HOUR);
    const r = await t.api('POST', `/api/v1/incidents/${incident?.id ?? ''}/resolve`, { resolution: '光缆熔接完成' });
    expect(r.body).toEqual({ resolvedTickets: 5 });
    const tickets = await t.h.stores.tickets.list({ incidentId: incident?.id ?? '', limit: 10, offset: 0 });
    expect(tickets.items.every((x) => x.status === 'resolved' && x.surveyId !== '')).toBe(true);
    expect((await t.h.stores.notices.list({ limit: 50, offset: 0, kind: 'SURVEY_REQUEST' })).total).toBe(5);
    expect((await t.h.stores.notices.get(incident?.noticeId ?? ''))?.status).toBe('cancelled');
    expect(await t.h.stores.tickets.openIncidentForZone('z-east')).toBeUndefined();
    expect((await signalReport('e-7', 'r7'))?.outcome).toBe('opened');
  });
});
