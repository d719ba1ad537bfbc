import { HeadendError } from '../../errors';
import type { Stores } from '../../ports/store';
import { monthRange, pct, zoneFigures } from './zone-figures';
import type { ZoneCounts, ZoneMonthFigures } from './zone-figures';

export interface ZoneYearFigures extends ZoneCounts {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly year: string;
  /** Deadlines missed in the zone this year (T1/T8 facts). */
  readonly breaches: number;
  /** Months assessed (begun by now) and the Z2 targets each missed (每月考核，年度汇总). */
  readonly monthsAssessed: number;
  readonly monthsMissed: ReadonlyArray<{ readonly month: string; readonly flags: readonly string[] }>;
}

/** Z5: staff who owned two or more tickets when their deadlines passed, in one calendar year. */
export interface RepeatBreaches {
  readonly owner: string;
  readonly breaches: number;
  readonly tickets: readonly string[];
}

export interface YearSummary {
  readonly year: string;
  readonly zones: ZoneYearFigures[];
  readonly staffWithRepeatBreaches: RepeatBreaches[];
}

const sum = (rows: readonly ZoneMonthFigures[], k: keyof ZoneMonthFigures): number =>
  rows.reduce((n, r) => n + Number(r[k]), 0);

/**
 * Z2 yearly summary: the monthly assessments of a year added up per zone (months that have
 * not begun are not assessed), the months that missed a target, and (Z5) the staff with two or
 * more breaches in the year.
 */
export async function yearSummary(stores: Stores, year: string, tz: string, nowMs: number): Promise<YearSummary> {
  if (!/^\d{4}$/.test(year)) throw new HeadendError('VALIDATION', 'year must be YYYY');
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => monthRange(m, tz).from <= nowMs,
  );
  const perMonth = await Promise.all(months.map((m) => zoneFigures(stores, m, tz, nowMs)));
  const from = monthRange(`${year}-01`, tz).from;
  const to = monthRange(`${year}-12`, tz).to;
  const breaches = await stores.tickets.breaches(from, to);
  const zones = (await stores.registry.listZones()).map((z): ZoneYearFigures => {
    const rows = perMonth.flatMap((m) => m.filter((r) => r.zoneId === z.id));
    return {
      zoneId: z.id,
      zoneName: z.name,
      year,
      ticketsOpened: sum(rows, 'ticketsOpened'),
      complaints: sum(rows, 'complaints'),
      replied24h: sum(rows, 'replied24h'),
      replyDue: sum(rows, 'replyDue'),
      replyRate24hPct: pct(sum(rows, 'replied24h'), sum(rows, 'replyDue')),
      rated: sum(rows, 'rated'),
      satisfied: sum(rows, 'satisfied'),
      satisfactionPct: pct(sum(rows, 'satisfied'), sum(rows, 'rated')),
      resolved: sum(rows, 'resolved'),
      resolvedOnTime: sum(rows, 'resolvedOnTime'),
      slaCompliancePct: pct(sum(rows, 'resolvedOnTime'), sum(rows, 'resolved')),
      breaches: breaches.filter((b) => b.zoneId === z.id).length,
      monthsAssessed: rows.length,
      monthsMissed: rows.filter((r) => r.flags.length > 0).map((r) => ({ month: r.month, flags: r.flags })),
    };
  });
  const byOwner = new Map<string, string[]>();
  for (const b of breaches) byOwner.set(b.owner, [...(byOwner.get(b.owner) ?? []), b.ticketId]);
  const staffWithRepeatBreaches = [...byOwner]
    .filter(([, tickets]) => tickets.length >= 2)
    .map(([owner, tickets]) => ({ owner, breaches: tickets.length, tickets }))
    .sort((a, b) => b.breaches - a.breaches || a.owner.localeCompare(b.owner));
  return { year, zones, staffWithRepeatBreaches };
}
