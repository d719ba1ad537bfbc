import type { Metrics } from '../../metrics/metrics';
import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkHandler } from '../uplink-router';

/** T5: a box's fault report becomes a ticket at once (or joins the open one, or a known outage). */
export function faultReportUplink(tickets: TicketServices, metrics: Metrics): UplinkHandler {
  return async (boxId, msg) => {
    if (!msg.faultReport) return;
    const timer = metrics.ticketIntakeLatency.startTimer();
    try {
      await tickets.intake.faultReport(boxId, msg.faultReport);
    } finally {
      timer();
    }
  };
}
