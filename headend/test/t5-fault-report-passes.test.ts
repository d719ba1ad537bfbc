import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

/**
 * Issue 19 / T5: box fault reports arrive through the uplink into passes (fault-report-batch.ts):
 * the first reports of new faults are opened together, everything else one by one. The
 * outcome must be what one-by-one intake gives: one ticket per fault, every report counted
 * once, every box answered. Also runs on PostgreSQL (vitest project headend-on-postgres).
 */
describe('T5: fault reports taken in passes', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  const boxes = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
  beforeEach(async () => {
    t = headend();
    const imp = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-burst', name: '北区', type: 'urban', maintainer: 'zhao' }],
      boxes: boxes.map((id, i) => ({ id, accountId: `acct-b${i}`, zoneId: 'z-burst' })),
    });
    expect(imp.status).toBe(200);
  });

  async function ticketsOf(boxId: string) {
    return (await t.h.stores.tickets.list({ limit: 100, offset: 0, boxId })).items;
  }

  it('a burst of first reports, a resend, a second report of one fault and an unknown box: one answered ticket per fault, each report counted once', async () => {
    const opened0 = t.h.metrics.ticketsIntake.get({ outcome: 'opened' });
    const oneByOne = vi.spyOn(t.h.tickets.intake, 'faultReport');
    await Promise.all([
      ...boxes.map((id, i) => t.h.tickets.reports.add(id, report(`r-${i}`, Symptom.SYMPTOM_NO_SOUND))),
      t.h.tickets.reports.add('burst-0', report('r-0', Symptom.SYMPTOM_NO_SOUND)), // a resend
      t.h.tickets.reports.add('burst-1', report('r-1b', Symptom.SYMPTOM_NO_SOUND)), // the same fault again
      t.h.tickets.reports.add('burst-2', report('r-2b', Symptom.SYMPTOM_BOX_REBOOTS)), // another fault of that box
      t.h.tickets.reports.add('burst-3', report('r-3s', Symptom.SYMPTOM_NO_SIGNAL)), // a signal fault: outage correlation
      t.h.tickets.reports.add('no-such-box', report('r-x', Symptom.SYMPTOM_NO_SOUND)),
    ]);
    for (const id of boxes) {
      const mine = await ticketsOf(id);
      const more = { 'burst-2': ['box-reboots'], 'burst-3': ['no-signal'] }[id] ?? [];
      expect(mine.map((k) => k.symptom).sort(), id).toEqual([...more, 'no-sound'].sort());
      for (const k of mine) {
        expect(k.owner).toBe('zhao'); // Z1
        expect(k.dueAtMs).toBeGreaterThan(k.openedAtMs); // T1
      }
      // Each ticket's TICKET_UPDATE is on its way to the box (T5: the box is told at once).
      const told = [];
      for (const n of await t.h.stores.notices.pendingForBox(id, t.clock.now())) {
        const notice = await t.h.stores.notices.get(n);
        if (notice?.kind === 'TICKET_UPDATE') told.push((notice.detail as { ticketId?: string }).ticketId);
      }
      expect([...new Set(told)].sort(), `${id}: answered`).toEqual(mine.map((k) => k.id).sort());
    }
    expect((await ticketsOf('burst-0'))[0]?.reportCount).toBe(1);
    expect((await ticketsOf('burst-1'))[0]?.reportCount).toBe(2);
    expect(await t.h.stores.tickets.findReport('burst-1', 'r-1b')).toBe((await ticketsOf('burst-1'))[0]?.id);
    expect(t.h.metrics.ticketsIntake.get({ outcome: 'opened' }) - opened0).toBe(32);
    // The 31 new faults were opened together; only the resend, the repeat and the signal fault went one by one.
    expect(oneByOne).toHaveBeenCalledTimes(3);
    const numbers = (await t.h.stores.tickets.list({ limit: 100, offset: 0 })).items.map((k) => k.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a pass racing one-by-one intake of the same fault: still one ticket, both reports counted', async () => {
    await Promise.all(
      boxes.flatMap((id, i) => [
        t.h.tickets.reports.add(id, report(`p-${i}`, Symptom.SYMPTOM_REMOTE_CONTROL)),
        t.h.tickets.intake.faultReport(id, report(`q-${i}`, Symptom.SYMPTOM_REMOTE_CONTROL)),
      ]),
    );
    for (const id of boxes) {
      const mine = await ticketsOf(id);
      expect(mine, id).toHaveLength(1);
      expect(mine[0]?.reportCount, id).toBe(2);
    }
  });

  it('a pass whose unit of work fails loses no report: its reports are taken one by one', async () => {
    const tx = vi.spyOn(t.h.stores, 'transaction').mockRejectedValueOnce(new Error('disk I/O error'));
    await Promise.all(boxes.map((id, i) => t.h.tickets.reports.add(id, report(`f-${i}`, Symptom.SYMPTOM_NO_SOUND))));
    expect(tx).toHaveBeenCalled();
    for (const id of boxes) expect(await ticketsOf(id), id).toHaveLength(1);
  });
});
