import { describe, expect, it } from 'vitest';
import { ticketDeadline } from '../src/domain/ticket-deadline';
import { WorkingCalendar } from '../src/domain/working-calendar';

const tz = 'Asia/Shanghai';
const cal = new WorkingCalendar({
  timeZone: tz,
  weekendDays: [0, 6],
  holidays: ['2026-12-31', '2027-01-01'],
  workdays: ['2027-01-02'],
});
// Wed 2026-12-23 10:00 in Beijing
const wed = Date.UTC(2026, 11, 23, 2, 0);
const local = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

describe('T7: deadlines by ticket kind, in working days where the rule says so', () => {
  it('urban and township installation 5 working days, rural 10, skipping weekends', () => {
    expect(local(ticketDeadline('installation', 'ordinary', 'urban', wed, cal))).toBe('2026-12-30'); // Thu Fri Mon Tue Wed
    expect(local(ticketDeadline('installation', 'ordinary', 'rural', wed, cal))).toBe('2027-01-07');
    expect(local(ticketDeadline('installation', 'ordinary', 'township', wed, cal))).toBe('2026-12-30');
    expect(local(ticketDeadline('relocation', 'ordinary', 'rural', wed, cal))).toBe(local(wed + 24 * 3600_000));
  });

  it('public holidays do not count; a make-up working day does', () => {
    // Tue 2026-12-29 + 3: Wed 30, (Thu 31 holiday, Fri 1 holiday), Sat 2 make-up day, → Mon 4
    const tue = Date.UTC(2026, 11, 29, 2, 0);
    expect(local(ticketDeadline('complaint', 'ordinary', 'urban', tue, cal))).toBe('2027-01-04');
  });

  it('service restore 5 working days; new install without survey 24 h; line survey 48 h; keeps the time of day', () => {
    const restore = ticketDeadline('service-restore', 'ordinary', 'urban', wed, cal);
    expect(local(restore)).toBe('2026-12-30');
    expect(restore % (24 * 3600_000)).toBe(wed % (24 * 3600_000));
    expect(ticketDeadline('install-no-survey', 'ordinary', 'urban', wed, cal) - wed).toBe(24 * 3600_000);
    expect(ticketDeadline('line-survey', 'ordinary', 'urban', wed, cal) - wed).toBe(48 * 3600_000);
  });
});
