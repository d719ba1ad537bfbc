import type { Metrics } from '../../metrics/metrics';
import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkHandler } from '../uplink-router';

/** T5: a box's fault report becomes a ticket at once (or joins the open one, or a known outage), in passes (fault-report-batch.ts). */
export function faultReportUplink(tickets: TicketServices, metrics: Metrics): UplinkHandler {
  return async (boxId, msg) => {
    if (!msg.faultReport) return;
    const timer = metrics.ticketIntakeLatency.startTimer();
    try {
      await tickets.reports.add(boxId, msg.faultReport);
    } finally {
      timer();
    }
  };
}
