import { Type } from 'typebox';
import type { ZoneCounts, ZoneMonthFigures as ZoneMonthRecord } from '../../services/tickets/zone-figures';
import type { RepeatBreaches, YearSummary, ZoneYearFigures as ZoneYearRecord } from '../../services/tickets/zone-year';
import { describes } from './describes';
import { Count, listOf } from './response-shapes';

/** A percentage, or null ("no data": nothing to divide by — Z2 never shows that as 100 %). */
const Pct = Type.Union([Type.Number(), Type.Null()], { description: 'per cent; null = no data' });

const Counts = describes<ZoneCounts>()(
  Type.Object({
    ticketsOpened: Count,
    complaints: Count,
    replied24h: Count,
    replyDue: Count,
    replyRate24hPct: Pct,
    rated: Count,
    satisfied: Count,
    satisfactionPct: Pct,
    resolved: Count,
    resolvedOnTime: Count,
    slaCompliancePct: Pct,
  }),
);

/** Z2 monthly targets per zone. */
export const Z2Targets = Type.Object({
  maxComplaintRatePct: Type.Number(),
  minReplyRate24hPct: Type.Number(),
  minSatisfactionPct: Type.Number(),
});

export const ZoneMonthFigures = describes<ZoneMonthRecord>()(
  Type.Object({
    ...Counts.properties,
    zoneId: Type.String(),
    zoneName: Type.String(),
    zoneType: Type.String(),
    maintainer: Type.String(),
    month: Type.String({ description: 'YYYY-MM' }),
    households: Type.Integer({ minimum: 0, description: 'accounts with a box in the zone' }),
    complaintRatePct: Pct,
    flags: listOf(Type.String({ description: 'a Z2 target missed this month, in words' })),
  }),
);
export const ZoneFigures = Type.Object({ month: Type.String(), targets: Z2Targets, items: listOf(ZoneMonthFigures) });

export const ZoneYearFigures = describes<ZoneYearRecord>()(
  Type.Object({
    ...Counts.properties,
    zoneId: Type.String(),
    zoneName: Type.String(),
    year: Type.String(),
    breaches: Type.Integer({ minimum: 0, description: 'deadlines missed in the zone this year (T1/T8)' }),
    monthsAssessed: Count,
    monthsMissed: listOf(Type.Object({ month: Type.String(), flags: listOf(Type.String()) })),
  }),
);
const RepeatBreachesRow = describes<RepeatBreaches>()(
  Type.Object({ owner: Type.String(), breaches: Count, tickets: listOf(Type.String()) }),
);
export const ZoneYearSummary = describes<YearSummary>()(
  Type.Object({
    year: Type.String(),
    zones: listOf(ZoneYearFigures),
    staffWithRepeatBreaches: listOf(RepeatBreachesRow),
  }),
);
