import { newId } from '../../domain/ids';
import { ticketDeadline } from '../../domain/ticket-deadline';
import { HeadendError, notFound } from '../../errors';
import type { Zone } from '../../ports/registry-store';
import type { Severity, Ticket, TicketKind, TicketStore } from '../../ports/ticket-store';
import { Outgoing } from '../notice-input';
import { blankTicket } from './blank-ticket';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import { MINUTE } from './ticket-deps';
import type { TicketDeps } from './ticket-deps';

export interface OperatorTicketInput {
  readonly kind: TicketKind;
  readonly summary: string;
  readonly boxId?: string;
  readonly accountId?: string;
  readonly zoneId?: string;
  readonly severity?: Severity;
  /** T9: a complaint caller's words, verbatim (required for a complaint). */
  readonly callerWords?: string;
  /** T5: when the call came in (default: now). */
  readonly callReceivedAtMs?: number;
  /** T9: a major complaint / a key customer: handled first. */
  readonly major?: boolean;
  readonly keyCustomer?: boolean;
}

/** T5: a request taken by staff becomes an electronic work order within 30 minutes (半小时内形成电子工单). */
const WORK_ORDER_WITHIN_MS = 30 * MINUTE;

/**
 * Requests taken by staff on the phone or at the counter: complaints, installations,
 * relocations, restores, surveys (T7). T5: the call's time is recorded and a work order made
 * more than 30 minutes after it is a breach. T9: a complaint keeps the caller's words, goes to
 * the zone's supervisor, and major complaints and key customers are flagged to be handled first.
 */
export class CallIntake {
  constructor(
    private readonly d: TicketDeps,
    private readonly box: TicketBoxLink,
    private readonly breaches: TicketBreaches,
  ) {}

  async open(input: OperatorTicketInput, actor: string): Promise<Ticket> {
    const now = this.d.clock.now();
    const callAt = input.callReceivedAtMs ?? now;
    if (callAt > now) throw new HeadendError('VALIDATION', 'T5: the call cannot have come in after now');
    const words = (input.callerWords ?? '').trim();
    if (input.kind === 'complaint' && words === '') {
      throw new HeadendError('VALIDATION', 'T9: a complaint keeps the caller’s words verbatim (callerWords)');
    }
    const box = input.boxId === undefined ? undefined : await this.d.stores.registry.getBox(input.boxId);
    if (input.boxId !== undefined && box === undefined) throw notFound('box', input.boxId);
    const zoneId = box?.zoneId ?? input.zoneId ?? '';
    const zone = await this.d.stores.registry.getZone(zoneId);
    if (zone === undefined) throw new HeadendError('VALIDATION', 'a ticket needs a box or a known zone (Z1 routing)');
    const severity = input.severity ?? 'ordinary';
    const ticket: Ticket = {
      ...blankTicket({
        id: newId('t', now),
        kind: input.kind,
        severity,
        severityReason: input.severity ? `set by ${actor}` : 'default',
        boxId: box?.id ?? '',
        accountId: box?.accountId ?? input.accountId ?? '',
        zoneId,
        source: 'operator',
        symptom: '',
        code: '',
        faultKey: `manual:${now.toString(36)}:${Math.random().toString(36).slice(2, 8)}`,
        diagnostics: {},
        summary: input.summary,
        owner: await this.owner(input.kind, zone),
        openedAtMs: now,
        dueAtMs: ticketDeadline(input.kind, severity, zone.type, now, this.d.calendar),
        reportCount: 0,
        lastReportAtMs: 0,
      }),
      callerWords: words,
      callReceivedAtMs: callAt,
      urgentHandling: input.major === true || input.keyCustomer === true,
    };
    const late = now - callAt > WORK_ORDER_WITHIN_MS;
    // The ticket, a late work order's breach (T5), its breach check and the box's TICKET_UPDATE
    // commit together (outbox, issue 15).
    const out = new Outgoing();
    const opened = await this.d.stores.transaction(async (tx) => {
      const stored = await tx.tickets.insert(ticket, {
        ticketId: ticket.id,
        atMs: now,
        actor,
        type: 'opened',
        detail: {
          kind: input.kind,
          owner: ticket.owner,
          callReceivedAtMs: callAt,
          ...(input.major === true ? { major: true } : {}),
          ...(input.keyCustomer === true ? { keyCustomer: true } : {}),
        },
      });
      // A unique fault key per call ticket: only a failed write leaves it unstored.
      if (stored === undefined) throw new Error(`ticket ${ticket.id} was not stored`);
      const t = late ? await this.workOrderBreach(tx.tickets, stored, callAt + WORK_ORDER_WITHIN_MS, actor) : stored;
      await this.breaches.schedule(t, tx.jobs);
      await this.box.stageUpdate(tx, out, t);
      return t;
    });
    if (late) this.d.metrics.ticketBreaches.inc({ kind: opened.kind });
    await this.d.notices.dispatch(out.items, out.prepared);
    return opened;
  }

  /** T9: a complaint goes to a supervisor of the zone (or of every zone); the rest to the zone's maintainer (Z1). */
  private async owner(kind: TicketKind, zone: Zone): Promise<string> {
    if (kind === 'complaint') {
      const supervisors = (await this.d.stores.staff.listStaff()).filter(
        (s) => s.role === 'supervisor' && s.leftAtMs === 0 && (s.zoneId === zone.id || s.zoneId === ''),
      );
      const mine = supervisors.find((s) => s.zoneId === zone.id) ?? supervisors[0];
      if (mine !== undefined) return `${mine.name} (${mine.staffNo})`;
    }
    return zone.maintainer || this.d.cfg.fallbackOwner;
  }

  /** T5: the work order came more than 30 minutes after the call: a breach at the 30th minute. */
  private async workOrderBreach(tickets: TicketStore, t: Ticket, dueAtMs: number, actor: string): Promise<Ticket> {
    const breached = await tickets.recordBreach(
      t.id,
      dueAtMs,
      {
        ticketId: t.id,
        atMs: this.d.clock.now(),
        actor,
        type: 'breached',
        detail: {
          rule: 'T5',
          dueAtMs,
          callReceivedAtMs: t.callReceivedAtMs,
          escalatedTo: `zone:${t.zoneId}:supervisor`,
        },
      },
      'work-order',
    );
    return breached ?? t;
  }
}
