import type { ZoneType } from '../ports/registry-store';
import type { Severity, TicketKind } from '../ports/ticket-store';
import type { WorkingCalendar } from './working-calendar';

const HOUR = 60 * 60 * 1000;

/** T1: repair hours by severity. */
export const REPAIR_HOURS: Record<Severity, number> = { urgent: 8, ordinary: 24, complex: 48 };

/**
 * The promised deadline of a ticket, counted from when it was opened (T1, T7):
 *   repair: urgent 8 h, ordinary 24 h, complex 48 h;
 *   installation: rural zones (农村) 10 working days, urban and township zones 5 (the rural
 *   limit is for rural zones, not townships: service-rules.md, corrections, T7);
 *   service restore: 5 working days; complaint reply: 3 working days;
 *   new installation or relocation without survey: 24 h; line survey feedback: 48 h.
 * T2/T3: after a force-majeure or waiting-on-customer pause, the full limit counts again from
 * its end — the same function, from the resume time.
 */
export function ticketDeadline(
  kind: TicketKind,
  severity: Severity,
  zoneType: ZoneType,
  openedAtMs: number,
  cal: WorkingCalendar,
): number {
  switch (kind) {
    case 'repair':
      return openedAtMs + REPAIR_HOURS[severity] * HOUR;
    case 'installation':
      return cal.addWorkingDays(openedAtMs, zoneType === 'rural' ? 10 : 5);
    case 'service-restore':
      return cal.addWorkingDays(openedAtMs, 5);
    case 'complaint':
      return cal.addWorkingDays(openedAtMs, 3);
    case 'install-no-survey':
    case 'relocation':
      // 新装、移机用户,若无需勘察线路 … 24小时内安装完毕
      return openedAtMs + 24 * HOUR;
    case 'line-survey':
      return openedAtMs + 48 * HOUR;
  }
}
