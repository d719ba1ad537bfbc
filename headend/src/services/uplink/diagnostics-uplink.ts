import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkHandler } from '../uplink-router';

/** Periodic diagnostics: a ticket only when a threshold is crossed (T5). */
export function diagnosticsUplink(tickets: TicketServices): UplinkHandler {
  return async (boxId, msg) => {
    if (msg.diagnostics) await tickets.intake.diagnostics(boxId, msg.diagnostics);
  };
}
