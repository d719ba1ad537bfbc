import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, nextMonthInBeijing, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { replyReachesBox, report, Symptom } from './support/ticket-fixtures';

/** The month under test: the one after the run's start, from its first hour in Beijing. */
const { startMs: MONTH_START, month: MONTH } = nextMonthInBeijing(T0);

describe('Z2/T6: monthly figures per zone against the targets, over a month of tickets', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    t.clock.set(MONTH_START + HOUR);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  async function repair(
    box: string,
    rid: string,
    replyAfterH: number,
    resolveAfterH: number,
    rating: number,
  ): Promise<void> {
    const start = t.clock.now();
    const r = await t.h.tickets.intake.faultReport(box, report(rid, Symptom.SYMPTOM_NO_SOUND));
    const id = r?.outcome === 'opened' ? r.ticket.id : '';
    t.clock.set(start + replyAfterH * HOUR);
    await t.api('POST', `/api/v1/tickets/${id}/reply`, { message: '收到' });
    await replyReachesBox(t, id); // T6: a reply counts when it reaches the box
    t.clock.set(start + resolveAfterH * HOUR);
    await t.h.scheduler.runDue();
    await t.api('POST', `/api/v1/tickets/${id}/resolve`, { resolution: '修好' });
    const tk = await t.h.stores.tickets.get(id);
    await t.h.tickets.followUp.surveyAnswer(box, {
      surveyId: tk?.surveyId ?? '',
      ticketId: id,
      rating,
      resolved: true,
    });
    t.clock.set(start + DAY);
  }

  it('computes reply rate, satisfaction, SLA compliance and complaint rate, and flags the misses', async () => {
    // z-east: three repairs, one answered after 30 h (T6 miss) and resolved late; one rated 3.
    await repair('box-1', 'a', 1, 5, 5);
    await repair('box-2', 'b', 30, 40, 3);
    await repair('box-3', 'c', 2, 10, 5);
    // z-west: one repair, all good.
    await repair('box-4', 'd', 1, 2, 5);
    // A complaint in z-east, answered in time.
    const c = await t.api('POST', '/api/v1/tickets', {
      kind: 'complaint',
      summary: '收费有误',
      callerWords: '这个月多收了我二十块',
      boxId: 'box-1',
    });
    await t.api('POST', `/api/v1/tickets/${String(c.body.id)}/reply`, { message: '核实中' });
    await replyReachesBox(t, String(c.body.id));
    // A ticket opened in the month after does not count for this one.
    t.clock.set(nextMonthInBeijing(MONTH_START).startMs + HOUR);
    await t.h.tickets.intake.faultReport('box-4', report('e', Symptom.SYMPTOM_MOSAIC));

    const r = await t.api('GET', `/api/v1/figures/zones?month=${MONTH}`);
    const byZone = Object.fromEntries((r.body.items as Array<Record<string, unknown>>).map((z) => [z.zoneId, z]));
    expect(byZone['z-east']).toMatchObject({
      households: 2,
      ticketsOpened: 4,
      complaints: 1,
      complaintRatePct: 50,
      replied24h: 3,
      replyRate24hPct: 75,
      rated: 3,
      satisfied: 2,
      resolved: 3,
      resolvedOnTime: 2,
    });
    expect(byZone['z-east']?.slaCompliancePct).toBeCloseTo(66.6667, 4); // the late one breached (a fact)
    expect(byZone['z-east']?.flags).toEqual([
      'complaint rate 50% ≥ 0.0015%',
      '24-hour reply rate 75% < 100% (T6)',
      'satisfaction 66.6667% ≤ 99%',
    ]);
    expect(byZone['z-west']).toMatchObject({
      ticketsOpened: 1,
      replyRate24hPct: 100,
      satisfactionPct: 100,
      slaCompliancePct: 100,
      flags: [],
    });

    const csv = await t.h.app.inject({
      method: 'GET',
      url: `/api/v1/figures/zones?month=${MONTH}&format=csv`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM for spreadsheets
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('month,zoneId,zoneName');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('z-west'))).toContain(`${MONTH},z-west,西乡`);
  });

  it('Z2: a zone with no tickets or no ratings shows "no data", never 100 %, and misses no target', async () => {
    await repair('box-4', 'd', 1, 2, 0); // z-west: one repair, no rating given
    const r = await t.api('GET', `/api/v1/figures/zones?month=${MONTH}`);
    const byZone = Object.fromEntries((r.body.items as Array<Record<string, unknown>>).map((z) => [z.zoneId, z]));
    expect(byZone['z-east']).toMatchObject({
      ticketsOpened: 0,
      complaintRatePct: 0,
      replyRate24hPct: null,
      satisfactionPct: null,
      slaCompliancePct: null,
      flags: [],
    });
    expect(byZone['z-west']).toMatchObject({ rated: 0, satisfactionPct: null, replyRate24hPct: 100, flags: [] });
    const csv = await t.h.app.inject({
      method: 'GET',
      url: `/api/v1/figures/zones?month=${MONTH}&format=csv`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(csv.body.split('\n').find((l) => l.includes('z-east'))).toContain('no data');
  });

  it('T6 at the edge: a reply at exactly 24 h is in time, 1 ms later is not', async () => {
    const start = t.clock.now();
    const a = await t.h.tickets.intake.faultReport('box-1', report('edge-a', Symptom.SYMPTOM_NO_SOUND));
    const b = await t.h.tickets.intake.faultReport('box-4', report('edge-b', Symptom.SYMPTOM_NO_SOUND));
    const aId = a?.outcome === 'opened' ? a.ticket.id : '';
    const bId = b?.outcome === 'opened' ? b.ticket.id : '';
    await t.api('POST', `/api/v1/tickets/${aId}/reply`, { message: '收到' });
    await t.api('POST', `/api/v1/tickets/${bId}/reply`, { message: '收到' });
    t.clock.set(start + 24 * HOUR); // both sent at once; the boxes acknowledge at 24 h and 24 h + 1 ms
    await replyReachesBox(t, aId);
    t.clock.set(start + 24 * HOUR + 1);
    await replyReachesBox(t, bId);
    const r = await t.api('GET', `/api/v1/figures/zones?month=${MONTH}`);
    const byZone = Object.fromEntries((r.body.items as Array<Record<string, unknown>>).map((z) => [z.zoneId, z]));
    expect(byZone['z-east']).toMatchObject({ replied24h: 1, replyRate24hPct: 100 });
    expect(byZone['z-west']).toMatchObject({ replied24h: 0, replyRate24hPct: 0 });
  });

  it('Z2 yearly: the months added up, the months that missed, and Z5 staff with two or more breaches', async () => {
    await repair('box-1', 'y1', 1, 30, 5); // z-east, owner wang: breached (ordinary 24 h)
    await repair('box-2', 'y2', 1, 30, 5); // wang again: a second breach in the year
    await repair('box-4', 'y3', 30, 2, 5); // z-west (li): replied after 30 h, resolved in time
    const year = MONTH.slice(0, 4);
    const r = await t.api('GET', `/api/v1/figures/zones/yearly?year=${year}`);
    expect(r.status).toBe(200);
    const byZone = Object.fromEntries((r.body.zones as Array<Record<string, unknown>>).map((z) => [z.zoneId, z]));
    expect(byZone['z-east']).toMatchObject({
      ticketsOpened: 2,
      resolved: 2,
      resolvedOnTime: 0,
      slaCompliancePct: 0,
      breaches: 2,
      monthsMissed: [],
    });
    expect(byZone['z-west']).toMatchObject({
      replyRate24hPct: 0,
      monthsMissed: [{ month: MONTH, flags: ['24-hour reply rate 0% < 100% (T6)'] }],
    });
    expect(r.body.staffWithRepeatBreaches).toMatchObject([{ owner: 'wang', breaches: 2 }]);
    expect((await t.api('GET', '/api/v1/figures/zones/yearly?year=26')).status).toBe(400);
  });

  it('a bad month is a 400 with a code', async () => {
    expect((await t.api('GET', '/api/v1/figures/zones?month=2026-13')).body).toMatchObject({ code: 'VALIDATION' });
  });
});
