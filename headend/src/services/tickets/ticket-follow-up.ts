import type { SurveyAnswerProps } from '@stb-notify/protocol';
import { newId } from '../../domain/ids';
import { HeadendError, notFound } from '../../errors';
import type { Callback, Ticket } from '../../ports/ticket-store';
import { ticketDeadline } from '../../domain/ticket-deadline';
import { Outgoing } from '../notice-input';
import type { PreparedNotice } from '../notice-input';
import type { StorePorts } from '../../ports/store';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import { HOUR } from './ticket-deps';
import type { TicketDeps } from './ticket-deps';

export interface CallbackOutcome {
  readonly reached: boolean;
  readonly rating?: number;
  readonly resolved?: boolean;
  readonly note?: string;
}

/**
 * T4: every resolution is followed up — also the second one of a ticket reopened by its
 * follow-up. A survey goes to the box; if it is not answered in time, the resolution goes to
 * the phone-callback queue, due within 72 h of the repair. A customer who says the fault is
 * not fixed (on the box or on the phone) reopens the work (回访要解决问题).
 */
export class TicketFollowUp {
  constructor(
    private readonly d: TicketDeps,
    private readonly box: TicketBoxLink,
    private readonly breaches: TicketBreaches,
  ) {
    d.scheduler.register('survey-timeout', (job) =>
      this.surveyTimeout(String(job.payload.ticketId), Number(job.payload.resolution ?? 1)),
    );
  }

  /**
   * T4, in the unit of work that resolved `t` (issue 15: a crash cannot lose a follow-up): the
   * survey on the box (through the outbox) with its timeout, or a callback when there is no box.
   */
  async stage(tx: StorePorts, out: Outgoing, t: Ticket): Promise<void> {
    const now = this.d.clock.now();
    if (t.boxId === '') return this.queueCallback(t, now, tx);
    const surveyId = newId('s', now);
    const answerByMs = now + this.d.cfg.surveyAnswerHours * HOUR;
    let survey: PreparedNotice;
    try {
      survey = await this.d.notices.prepare(this.box.surveyNotice(t, surveyId, answerByMs), tx);
    } catch (err) {
      this.d.log.error({ err, ticket: t.id }, 'no survey for this box (gone from the registry): phone instead');
      return this.queueCallback(t, now, tx);
    }
    await tx.tickets.update(
      t.id,
      { surveyId, answerByMs },
      { ticketId: t.id, atMs: now, actor: 'system:T4', type: 'survey', detail: { surveyId, answerByMs } },
    );
    out.prepared.push(survey);
    out.items.push({ noticeId: survey.record.id, op: 'publish' });
    await this.d.notices.stage(tx, survey);
    const job = { kind: 'survey-timeout', runAtMs: answerByMs, payload: { ticketId: t.id, resolution: t.resolutions } };
    await this.d.scheduler.schedule({ ...job, dedupeKey: `survey:${t.id}:${surveyId}` }, tx.jobs);
  }

  private async queueCallback(t: Ticket, now: number, via: StorePorts = this.d.stores): Promise<void> {
    const resolvedAt = t.resolvedAtMs || now;
    const c: Callback = {
      id: newId('cb', now),
      ticketId: t.id,
      resolution: t.resolutions,
      createdAtMs: now,
      dueAtMs: resolvedAt + this.d.cfg.callbackWithinHours * HOUR,
      status: 'open',
      outcome: '',
      doneAtMs: 0,
      agent: '',
    };
    await via.tickets.insertCallback(c);
  }

  private async surveyTimeout(ticketId: string, resolution: number): Promise<void> {
    const t = await this.d.stores.tickets.get(ticketId);
    if (t === undefined || t.followUp !== '' || t.status !== 'resolved' || t.resolutions !== resolution) return;
    await this.queueCallback(t, this.d.clock.now());
  }

  private async record(
    t: Ticket,
    followUp: Ticket['followUp'],
    rating: number,
    resolved: boolean | undefined,
    actor: string,
    detail: Record<string, unknown>,
    surveyId = '',
  ): Promise<Ticket> {
    const now = this.d.clock.now();
    const customerResolved = resolved === undefined ? -1 : resolved ? 1 : 0;
    // Not fixed after all, while the box's new report of the same fault is already a ticket
    // (one open ticket per fault): that ticket carries the work, this one the answer.
    const newer = resolved === false ? await this.d.stores.tickets.findOpenByFaultKey(t.faultKey) : undefined;
    const worked = newer !== undefined && newer.id !== t.id ? newer : undefined;
    const report = { ...detail, followUpOf: t.id, customerResolved: false };
    if (worked !== undefined) {
      detail = { ...detail, workedAs: worked.id };
    } else if (resolved === false) {
      // Not fixed after all: the work reopens with the full limit from now; the breaches the
      // ticket had stay (they are facts), this resolution keeps its "not fixed" answer, and
      // the next resolution gets its own follow-up.
      const zone = await this.d.stores.registry.getZone(t.zoneId);
      const due = ticketDeadline(t.kind, t.severity, zone?.type ?? 'urban', now, this.d.calendar);
      // Reopened, its breach check and the box's TICKET_UPDATE commit together (outbox, issue 15).
      const out = new Outgoing();
      const reopened = await this.d.stores.transaction(async (tx) => {
        const r = await tx.tickets.recordOutcome(
          t.id,
          t.resolutions,
          { followUp, atMs: now, rating, customerResolved },
          {
            followUp,
            followUpAtMs: now,
            rating,
            customerResolved,
            status: 'in_progress',
            resolvedAtMs: 0,
            clockStartedAtMs: now,
            dueAtMs: due,
          },
          { ticketId: t.id, atMs: now, actor, type: 'reopened', detail: { ...detail, followUp, dueAtMs: due } },
        );
        if (r === undefined) return undefined;
        await this.breaches.schedule(r, tx.jobs);
        await this.box.stageUpdate(tx, out, r, { surveyId });
        return r;
      });
      if (reopened === undefined) return this.movedOn(t);
      await this.d.notices.dispatch(out.items, out.prepared);
      return reopened;
    }
    // The outcome and the newer ticket's report (a "not fixed" answer) commit together: one
    // answer is counted once, also when the box sends it twice at once. A survey answer is
    // confirmed to the box (its TICKET_UPDATE names the survey) in the same unit of work.
    const out = new Outgoing();
    const closed = await this.d.stores.transaction(async (tx) => {
      const c = await tx.tickets.recordOutcome(
        t.id,
        t.resolutions,
        { followUp, atMs: now, rating, customerResolved },
        { followUp, followUpAtMs: now, rating, customerResolved, status: 'closed', closedAtMs: now },
        {
          ticketId: t.id,
          atMs: now,
          actor,
          type: followUp === 'survey' ? 'survey' : 'callback',
          detail: { ...detail, followUp },
        },
      );
      if (c !== undefined && surveyId !== '') await this.box.stageUpdate(tx, out, c, { surveyId });
      if (c === undefined || worked === undefined) return c;
      await tx.tickets.addReport(worked.id, now, undefined, {
        ticketId: worked.id,
        atMs: now,
        actor,
        type: 'report',
        detail: report,
      });
      return c;
    });
    await this.d.notices.dispatch(out.items, out.prepared);
    return closed ?? this.movedOn(t);
  }

  /** The outcome came for a resolution the ticket has left (an answer racing a callback): nothing to record. */
  private async movedOn(t: Ticket): Promise<Ticket> {
    this.d.log.warn({ ticket: t.id, resolution: t.resolutions }, 'follow-up outcome for a resolution already settled');
    return (await this.d.stores.tickets.get(t.id)) ?? t;
  }

  /**
   * A survey answer from the box (uplink). The box sends it until a TICKET_UPDATE naming the
   * survey confirms it (issue 21: a broker cluster may lose an acknowledged publish). An answer
   * already recorded is confirmed again and changes nothing; one for a ticket not of this box,
   * or not for the ticket's current survey, is refused quietly.
   */
  async surveyAnswer(boxId: string, a: SurveyAnswerProps): Promise<Ticket | undefined> {
    const t = await this.d.stores.tickets.get(a.ticketId ?? '');
    const surveyId = a.surveyId ?? '';
    if (t === undefined || t.boxId !== boxId) {
      this.d.log.warn({ boxId, survey: surveyId, ticket: a.ticketId }, 'survey answer for a ticket not of this box');
      return undefined;
    }
    if (t.surveyId !== surveyId) {
      // Not the ticket's survey (an older resolution's, or made up): nothing to record or confirm;
      // the box stops sending it after a day.
      this.d.log.warn({ boxId, survey: surveyId, ticket: t.id }, "survey answer is not for the ticket's survey");
      return undefined;
    }
    if (t.followUp !== '') {
      // Recorded before: the box missed the confirmation. Confirmed again, at most once a
      // minute per ticket (a box resends every 2 min; each confirmation is a notice).
      const now = this.d.clock.now();
      if (now - (this.confirmedAgain.get(t.id) ?? -Infinity) < 60_000) return undefined;
      if (this.confirmedAgain.size >= 10_000)
        for (const [id, at] of this.confirmedAgain) if (now - at >= 60_000) this.confirmedAgain.delete(id);
      this.confirmedAgain.set(t.id, now);
      this.d.log.info({ boxId, survey: surveyId, ticket: t.id }, 'survey answer seen before: confirmed again');
      await this.box.update(t, '', [], surveyId);
      return undefined;
    }
    const updated = await this.record(
      t,
      'survey',
      a.rating ?? 0,
      a.resolved ?? undefined,
      `box:${boxId}`,
      { rating: a.rating, resolved: a.resolved },
      surveyId,
    );
    const cb = await this.d.stores.tickets.callbackFor(t.id, t.resolutions);
    if (cb?.status === 'open')
      await this.d.stores.tickets.completeCallback(cb.id, 'answered on the box', 'system', this.d.clock.now());
    return updated;
  }

  /** When a ticket's survey answer was last confirmed again, by ticket id (bounded). */
  private readonly confirmedAgain = new Map<string, number>();

  /** A call-centre agent records the outcome of a phone callback. */
  async completeCallback(id: string, outcome: CallbackOutcome, agent: string): Promise<Ticket> {
    const cb = await this.d.stores.tickets.getCallback(id);
    if (cb === undefined) throw notFound('callback', id);
    if (cb.status === 'done') throw new HeadendError('CONFLICT', `callback ${id} is done`);
    const t = await this.d.stores.tickets.get(cb.ticketId);
    if (t === undefined) throw notFound('ticket', cb.ticketId);
    if (outcome.reached && (outcome.rating === undefined || outcome.rating < 1 || outcome.rating > 5)) {
      throw new HeadendError('VALIDATION', 'a reached customer gives a rating 1-5');
    }
    const done = await this.d.stores.tickets.completeCallback(
      id,
      outcome.reached ? 'reached' : 'unreachable',
      agent,
      this.d.clock.now(),
    );
    if (!done) throw new HeadendError('CONFLICT', `callback ${id} is done`);
    // The box's survey answer came first, or the call follows up a resolution the ticket has since left.
    if (t.followUp !== '' || cb.resolution !== t.resolutions || t.status !== 'resolved') return t;
    return this.record(
      t,
      outcome.reached ? 'callback-reached' : 'callback-unreachable',
      outcome.rating ?? 0,
      outcome.reached ? outcome.resolved : undefined,
      agent,
      { note: outcome.note ?? '' },
    );
  }

  /** T4 gaps: resolutions past the 72 h window with no follow-up outcome (each resolution counts). */
  async gaps(): Promise<Ticket[]> {
    return this.d.stores.tickets.withoutFollowUp(this.d.clock.now() - this.d.cfg.callbackWithinHours * HOUR);
  }
}
