import { toCsv } from '../../domain/csv';
import { HeadendError } from '../../errors';
import type { Stores } from '../../ports/store';

const HOUR = 60 * 60 * 1000;

/** Z2 monthly targets per zone. */
export const Z2_TARGETS = { maxComplaintRatePct: 0.0015, minReplyRate24hPct: 100, minSatisfactionPct: 99 } as const;

/** What a zone's ticket figures count over a period (a month, or a year of months). */
export interface ZoneCounts {
  readonly ticketsOpened: number;
  readonly complaints: number;
  /** T6: tickets opened in the period answered within 24 h, of those whose 24 h have passed or that were answered. */
  readonly replied24h: number;
  readonly replyDue: number;
  /** Z2 figures are null ("no data") where there is nothing to divide by — never 100 %. */
  readonly replyRate24hPct: number | null;
  /** T4 follow-ups with a rating, of tickets resolved in the period; satisfied = rating ≥ 4. */
  readonly rated: number;
  readonly satisfied: number;
  readonly satisfactionPct: number | null;
  /** T1/T7: resolved in the period without a breach (breaches are facts: an extension does not undo one). */
  readonly resolved: number;
  readonly resolvedOnTime: number;
  readonly slaCompliancePct: number | null;
}

export interface ZoneMonthFigures extends ZoneCounts {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly zoneType: string;
  readonly maintainer: string;
  readonly month: string;
  /** Accounts with a box in the zone. */
  readonly households: number;
  readonly complaintRatePct: number | null;
  /** Z2 targets missed this month. */
  readonly flags: string[];
}

/** UTC instant of local midnight on a date in a time zone. */
function localMidnight(y: number, m: number, tz: string): number {
  const guess = Date.UTC(y, m - 1, 1);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(guess)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asLocal = Date.UTC(parts.year ?? y, (parts.month ?? m) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return guess - (asLocal - guess);
}

export function monthRange(month: string, tz: string): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new HeadendError('VALIDATION', 'month must be YYYY-MM');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { from: localMidnight(y, mo, tz), to: mo === 12 ? localMidnight(y + 1, 1, tz) : localMidnight(y, mo + 1, tz) };
}

/** a / b in per cent (4 decimals), or null when b is 0: no data is not 100 % (Z2). */
export const pct = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1e6) / 1e4);

/** The Z2 targets a zone's figures miss; a figure with no data misses nothing and shows "no data". */
export function z2Flags(f: {
  complaintRatePct: number | null;
  replyRate24hPct: number | null;
  satisfactionPct: number | null;
}): string[] {
  const flags: string[] = [];
  if (f.complaintRatePct !== null && f.complaintRatePct >= Z2_TARGETS.maxComplaintRatePct)
    flags.push(`complaint rate ${f.complaintRatePct}% ≥ ${Z2_TARGETS.maxComplaintRatePct}%`);
  if (f.replyRate24hPct !== null && f.replyRate24hPct < Z2_TARGETS.minReplyRate24hPct)
    flags.push(`24-hour reply rate ${f.replyRate24hPct}% < 100% (T6)`);
  if (f.satisfactionPct !== null && f.satisfactionPct <= Z2_TARGETS.minSatisfactionPct)
    flags.push(`satisfaction ${f.satisfactionPct}% ≤ 99%`);
  return flags;
}

/** Z2 and T6 figures per zone for one month, with the targets each zone missed. */
export async function zoneFigures(
  stores: Stores,
  month: string,
  tz: string,
  nowMs: number,
): Promise<ZoneMonthFigures[]> {
  const { from, to } = monthRange(month, tz);
  const tickets = await stores.tickets.forPeriod(from, to);
  const resolutions = await stores.tickets.resolutionsIn(from, to);
  const zones = await stores.registry.listZones();
  const out: ZoneMonthFigures[] = [];
  for (const z of zones) {
    const boxes = await stores.registry.boxIdsForZones([z.id]);
    const accounts = new Set<string>();
    for (const b of boxes) {
      const box = await stores.registry.getBox(b.id);
      if (box !== undefined) accounts.add(box.accountId);
    }
    const inZone = tickets.filter((t) => t.zoneId === z.id);
    const opened = inZone.filter((t) => t.openedAtMs >= from && t.openedAtMs < to);
    const decided = opened.filter((t) => t.firstReplyAtMs > 0 || nowMs - t.openedAtMs > 24 * HOUR);
    const replied = decided.filter((t) => t.firstReplyAtMs > 0 && t.firstReplyAtMs - t.openedAtMs <= 24 * HOUR);
    // Each resolution counts in the month it was made, with its own follow-up answer: a reopen
    // does not erase the unhappy rating that caused it (T4), and a resolution the customer
    // said did not fix the fault is not on time.
    const resolved = resolutions.filter((r) => r.zoneId === z.id);
    const rated = resolved.filter((r) => r.rating > 0);
    const satisfied = rated.filter((r) => r.rating >= 4);
    const onTime = resolved.filter((r) => r.breaches === 0 && r.customerResolved !== 0);
    const complaints = opened.filter((t) => t.kind === 'complaint').length;
    const f = {
      zoneId: z.id,
      zoneName: z.name,
      zoneType: z.type,
      maintainer: z.maintainer,
      month,
      households: accounts.size,
      ticketsOpened: opened.length,
      complaints,
      complaintRatePct: accounts.size === 0 ? null : Math.round((complaints / accounts.size) * 1e8) / 1e6,
      replied24h: replied.length,
      replyDue: decided.length,
      replyRate24hPct: pct(replied.length, decided.length),
      rated: rated.length,
      satisfied: satisfied.length,
      satisfactionPct: pct(satisfied.length, rated.length),
      resolved: resolved.length,
      resolvedOnTime: onTime.length,
      slaCompliancePct: pct(onTime.length, resolved.length),
    };
    out.push({ ...f, flags: z2Flags(f) });
  }
  return out;
}

const CSV_COLUMNS: ReadonlyArray<keyof ZoneMonthFigures> = [
  'month',
  'zoneId',
  'zoneName',
  'zoneType',
  'maintainer',
  'households',
  'ticketsOpened',
  'complaints',
  'complaintRatePct',
  'replied24h',
  'replyDue',
  'replyRate24hPct',
  'rated',
  'satisfied',
  'satisfactionPct',
  'resolved',
  'resolvedOnTime',
  'slaCompliancePct',
  'flags',
];

/** The figures as CSV, BOM first (see toCsv); a zone without data says so. */
export function figuresToCsv(rows: readonly ZoneMonthFigures[]): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? 'no data')),
  );
}
