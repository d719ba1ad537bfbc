import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkHandler } from '../uplink-router';

/** T4: the subscriber's answer to the after-repair survey on the box. */
export function surveyAnswerUplink(tickets: TicketServices): UplinkHandler {
  return async (boxId, msg) => {
    if (msg.surveyAnswer) await tickets.followUp.surveyAnswer(boxId, msg.surveyAnswer);
  };
}
