import type { Clock } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { NoticeTexts } from '../domain/notice-texts';
import type { Metrics } from '../metrics/metrics';
import type { Stores } from '../ports/store';
import type { NoticeService } from './notice-service';
import type { Scheduler } from './scheduler';

export interface OverdueInput {
  readonly accountId: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** When to suspend; default now + suspensionNoticeHours. N2: never sooner than 24 h from now. */
  readonly suspendAtMs?: number;
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** What the billing rules (N1, N2) and the payment rules (N3) share. */
export interface BillingRulesDeps {
  readonly stores: Stores;
  readonly notices: NoticeService;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  readonly texts: NoticeTexts;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly rules: {
    readonly feeReminderDaysBefore: readonly number[];
    readonly suspensionNoticeHours: number;
    readonly restoreDeadlineHours: number;
  };
}
