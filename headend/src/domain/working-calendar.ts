/**
 * T7 deadlines are in working days. A day is a working day unless it is a weekend day or a
 * listed public holiday; listed make-up working days (调休) count even on a weekend.
 * Dates are local to the operator's time zone.
 */
export interface CalendarConfig {
  readonly timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  /** YYYY-MM-DD */
  readonly holidays: readonly string[];
  /** YYYY-MM-DD weekend days that are working days. */
  readonly workdays: readonly string[];
}

const DAY = 24 * 60 * 60 * 1000;

export class WorkingCalendar {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;

  constructor(private readonly cfg: CalendarConfig) {
    this.fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: cfg.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    });
    this.holidays = new Set(cfg.holidays);
    this.workdays = new Set(cfg.workdays);
  }

  /** Local date (YYYY-MM-DD) and weekday (0-6) of an instant. */
  private local(ms: number): { date: string; weekday: number } {
    const parts = Object.fromEntries(this.fmt.formatToParts(ms).map((p) => [p.type, p.value]));
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
    return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday };
  }

  isWorkingDay(ms: number): boolean {
    const { date, weekday } = this.local(ms);
    if (this.workdays.has(date)) return true;
    return !this.holidays.has(date) && !this.cfg.weekendDays.includes(weekday);
  }

  /** The same local time of day after `days` working days (work received on a holiday starts counting from the next working day). */
  addWorkingDays(fromMs: number, days: number): number {
    let t = fromMs;
    let left = days;
    while (left > 0) {
      t += DAY;
      if (this.isWorkingDay(t)) left--;
    }
    return t;
  }
}
