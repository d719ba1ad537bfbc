import type { Clock } from '@stb-notify/protocol';
import type { Metrics } from '../../metrics/metrics';
import type { RegistryStore } from '../../ports/registry-store';
import type { NoticeService } from '../notice-service';
import type { ReceiptBatcher } from '../receipt-batcher';
import type { TicketServices } from '../tickets/ticket-services';
import type { UplinkRouter } from '../uplink-router';
import { diagnosticsUplink } from './diagnostics-uplink';
import { faultReportUplink } from './fault-report-uplink';
import { helloUplink } from './hello-uplink';
import { receiptUplink } from './receipt-uplink';
import { surveyAnswerUplink } from './survey-answer-uplink';

/** One handler per uplink kind, each in its own file (as aedes has one per packet type). */
export function registerUplinkHandlers(
  router: UplinkRouter,
  d: {
    readonly receipts: ReceiptBatcher;
    readonly tickets: TicketServices;
    readonly notices: NoticeService;
    readonly registry: RegistryStore;
    readonly metrics: Metrics;
    readonly clock: Clock;
  },
): void {
  router.on('receipt', receiptUplink(d));
  router.on('faultReport', faultReportUplink(d.tickets, d.metrics));
  router.on('diagnostics', diagnosticsUplink(d.tickets));
  router.on('surveyAnswer', surveyAnswerUplink(d.tickets));
  router.on('hello', helloUplink(d));
}
