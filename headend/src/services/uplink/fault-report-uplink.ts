import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkHandler } from '../uplink-router';

/** T5: a box's fault report becomes a ticket at once (or joins the open one, or a known outage). */
export function faultReportUplink(tickets: TicketServices): UplinkHandler {
  return async (boxId, msg) => {
    if (msg.faultReport) await tickets.intake.faultReport(boxId, msg.faultReport);
  };
}
