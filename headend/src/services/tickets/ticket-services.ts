import { TicketTexts } from '../../domain/ticket-texts';
import { WorkingCalendar } from '../../domain/working-calendar';
import { CallIntake } from './call-intake';
import { FaultReportBatch } from './fault-report-batch';
import { TicketBoxLink } from './ticket-box-link';
import { TicketBreaches } from './ticket-breaches';
import type { TicketDeps } from './ticket-deps';
import { TicketFollowUp } from './ticket-follow-up';
import { TicketIntake } from './ticket-intake';
import { TicketLifecycle } from './ticket-lifecycle';

export interface TicketServices {
  readonly intake: TicketIntake;
  /** Box fault reports as they arrive, taken in passes (issue 19). */
  readonly reports: FaultReportBatch;
  readonly calls: CallIntake;
  readonly lifecycle: TicketLifecycle;
  readonly followUp: TicketFollowUp;
  readonly breaches: TicketBreaches;
}

/** Builds the ticket services around one shared set of dependencies. */
export function createTicketServices(
  base: Omit<TicketDeps, 'texts' | 'calendar'> & { readonly timeZone: string; readonly hotline: string },
): TicketServices {
  const d: TicketDeps = {
    ...base,
    texts: new TicketTexts(base.timeZone, base.hotline),
    calendar: new WorkingCalendar({ timeZone: base.timeZone, ...base.cfg.calendar }),
  };
  const box = new TicketBoxLink(d);
  const breaches = new TicketBreaches(d);
  const intake = new TicketIntake(d, box, breaches);
  const calls = new CallIntake(d, box, breaches);
  const followUp = new TicketFollowUp(d, box, breaches);
  const lifecycle = new TicketLifecycle(d, box, breaches, followUp);
  return { intake, reports: new FaultReportBatch(intake, d), calls, lifecycle, followUp, breaches };
}
