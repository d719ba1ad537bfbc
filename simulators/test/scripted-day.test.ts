import { describe, expect, it } from 'vitest';
import { runScriptedDay } from '../src/demo/scripted-day';

describe('the demo: a scripted day in accelerated time', () => {
  it('plays every rule end to end on a small fleet', async () => {
    const lines: string[] = [];
    const s = await runScriptedDay({ boxes: 40, zones: 4, log: (l) => lines.push(l) });
    expect(s).toMatchObject({
      boxesOnline: 40,
      feeRemindersShown: 40,
      earlySuspensionRefused: 'N2_NOTICE_TOO_SHORT',
      suspendedBoxes: 2,
      restoredWithinMs: 0,
      maintenance47hRefused: 'N4_LEAD_TIME_TOO_SHORT',
      maintenanceBoxes: 10,
      incidentOpened: true,
      followUpGaps: 0,
    });
    expect(s.ticketsResolved).toBeGreaterThanOrEqual(5);
    expect(s.surveysAnswered).toBe(s.ticketsResolved);
    expect(lines.some((l) => l.startsWith('T4'))).toBe(true);
  }, 60_000);
});
