import type { Clock } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { HeadendConfig } from '../../config/config-schema';
import type { TicketTexts } from '../../domain/ticket-texts';
import type { WorkingCalendar } from '../../domain/working-calendar';
import type { Metrics } from '../../metrics/metrics';
import type { Stores } from '../../ports/store';
import type { MaintenanceRules } from '../maintenance-rules';
import type { NoticeService } from '../notice-service';
import type { Scheduler } from '../scheduler';

/** What the ticket services share. */
export interface TicketDeps {
  readonly stores: Stores;
  readonly notices: NoticeService;
  readonly maintenance: MaintenanceRules;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly texts: TicketTexts;
  readonly calendar: WorkingCalendar;
  readonly cfg: HeadendConfig['tickets'];
}

/** What a ticket change sends and schedules in its own unit of work (TicketLifecycle.change). */
export interface ChangeEffects {
  /** The box's TICKET_UPDATE (default: sent). */
  readonly notify?: boolean;
  /** T2: what a pause waits for, said on the TV. */
  readonly missing?: readonly string[];
  /** The new deadline's breach check (T1, T8). */
  readonly breachCheck?: boolean;
  /** T4: a resolution's follow-up — the survey on the box and its timeout, or a callback. */
  readonly followUp?: boolean;
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
