import type { DiagnosticsProps, FaultReportProps } from '@stb-notify/protocol';
import {
  classifySeverity,
  diagnosticFaults,
  SIGNAL_SYMPTOMS,
  symptomForDiagnostic,
  SYMPTOM_NAMES,
} from '../../domain/classify-fault';
import { diagnosticsRecord } from '../../domain/diagnostics-record';
import { newId } from '../../domain/ids';
import { ticketDeadline } from '../../domain/ticket-deadline';

import type { Box, Zone } from '../../ports/registry-store';
import type { StorePorts } from '../../ports/store';
import type { Incident, Ticket, TicketEvent } from '../../ports/ticket-store';
import { blankTicket } from './blank-ticket';
import type { BlankTicketFields } from './blank-ticket';
import { crashPoint } from '../crash-points';
import { Outgoing } from '../notice-input';
import { OutageCorrelation } from './outage-correlation';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import type { TicketDeps } from './ticket-deps';

/** What `stageNew` needs to open a ticket. */
export interface NewTicket {
  readonly box: Box;
  readonly r: Report;
  readonly faultKey: string;
  readonly zone: Zone | undefined;
  readonly diagnostics: Record<string, unknown>;
  readonly now: number;
  readonly tell: boolean;
}

export type IntakeResult =
  | { readonly outcome: 'opened' | 'updated' | 'repeat'; readonly ticket: Ticket }
  | { readonly outcome: 'known-outage'; readonly incident: Incident };

export interface Report {
  readonly reportId: string;
  readonly symptom: string;
  readonly code: string;
  readonly diagnostics: DiagnosticsProps | null | undefined;
  readonly source: 'box-report' | 'diagnostics';
}

export function toReport(fr: FaultReportProps): Report {
  return {
    reportId: fr.reportId ?? '',
    symptom: SYMPTOM_NAMES[fr.symptom ?? 0] ?? 'other',
    code: fr.code ?? '',
    diagnostics: fr.diagnostics,
    source: fr.automatic === true ? 'diagnostics' : 'box-report',
  };
}

/** One open ticket per box and fault class; every signal symptom is one class (T5). */
export function faultKeyOf(box: Box, r: Report): string {
  return `${box.id}:${SIGNAL_SYMPTOMS.has(r.symptom) ? 'signal' : r.symptom}`;
}

/**
 * T5: a box's fault report — or diagnostics that show a fault — becomes a ticket at once,
 * with the diagnostics attached and the T1 deadline set. One open ticket per box and
 * fault; repeats update it. Signal faults of many boxes in one zone become one outage
 * incident, and later reports from that zone are answered "known" instead of ticketed.
 */
export class TicketIntake {
  private readonly outage: OutageCorrelation;

  constructor(
    private readonly d: TicketDeps,
    private readonly box: TicketBoxLink,
    private readonly breaches: TicketBreaches,
  ) {
    this.outage = new OutageCorrelation(d);
  }

  async faultReport(boxId: string, fr: FaultReportProps): Promise<IntakeResult | undefined> {
    const box = await this.d.stores.registry.getBox(boxId);
    if (box === undefined) return undefined;
    return this.intake(box, toReport(fr));
  }

  /** Periodic diagnostics: a ticket only when a threshold is crossed. */
  async diagnostics(boxId: string, diag: DiagnosticsProps): Promise<IntakeResult | undefined> {
    const faults = diagnosticFaults(diag, this.d.cfg.diagnostics);
    const first = faults[0];
    if (first === undefined) return undefined;
    const box = await this.d.stores.registry.getBox(boxId);
    if (box === undefined) return undefined;
    const at = Number(diag.collectedAtMs ?? 0) || this.d.clock.now();
    return this.intake(box, {
      reportId: `d-${at.toString(36)}`,
      symptom: symptomForDiagnostic(first),
      code: faults.join(','),
      diagnostics: diag,
      source: 'diagnostics',
    });
  }

  /**
   * Every decision here is arbitrated by the database, so reports handled at the same time
   * (the broker hands them over without waiting; several headend instances share one
   * PostgreSQL) make one ticket per fault and one incident per zone: a report id is claimed
   * once (ticket_reports' key), a fault's open ticket is unique (a partial unique index),
   * counts go up in SQL. Losing a race means "already known", never an error or a second notice.
   * Each decision is one unit of work with the TICKET_UPDATE it sends the box (the outbox).
   */
  async intake(box: Box, r: Report): Promise<IntakeResult> {
    const t = this.d.stores.tickets;
    const now = this.d.clock.now();
    const seen = await t.findReport(box.id, r.reportId);
    if (seen !== undefined) {
      const repeat = await this.answerRepeat(box, seen, r.reportId);
      if (repeat !== undefined) return repeat;
    }
    const signal = SIGNAL_SYMPTOMS.has(r.symptom);
    if (signal) {
      const incident = await t.openIncidentForZone(box.zoneId);
      if (incident !== undefined) return this.joinOutage(box, incident, r.reportId, now);
    }
    const faultKey = faultKeyOf(box, r);
    const diagnostics = diagnosticsRecord(r.diagnostics);
    // A signal ticket tells its box after outage correlation (which may link it to an incident).
    const tell = !signal;
    let result: IntakeResult | undefined;
    // Twice at most: the open ticket this report lost to may be resolved before it is read.
    for (let attempt = 0; result === undefined && attempt < 3; attempt++) {
      const existing = await t.findOpenByFaultKey(faultKey);
      if (existing === undefined) {
        const ticket = await this.create(box, r, faultKey, diagnostics, now, tell);
        if (ticket !== undefined) result = { outcome: 'opened', ticket };
        continue;
      }
      const out = new Outgoing();
      const ticket = await this.d.stores.transaction(async (tx) => {
        // The same report id handled concurrently: the first claim counts it, the rest repeat.
        if (!(await tx.tickets.rememberReport(r.reportId, box.id, existing.id, now))) return undefined;
        const updated = await tx.tickets.addReport(existing.id, now, r.diagnostics ? diagnostics : undefined, {
          ticketId: existing.id,
          atMs: now,
          actor: `box:${box.id}`,
          type: 'report',
          detail: { reportId: r.reportId, symptom: r.symptom, code: r.code, source: r.source },
        });
        if (tell) await this.box.stageUpdate(tx, out, updated, { reportId: r.reportId, box });
        return updated;
      });
      if (ticket === undefined) {
        const repeat = await this.answerRepeat(box, existing.id, r.reportId);
        if (repeat !== undefined) return repeat;
        continue;
      }
      await this.d.notices.dispatch(out.items, out.prepared);
      result = { outcome: 'updated', ticket };
    }
    if (result === undefined || result.outcome === 'known-outage')
      throw new Error(`fault ${faultKey}: no ticket after three attempts`);
    this.d.metrics.ticketsIntake.inc({ outcome: result.outcome });
    if (!signal) return result;
    await this.outage.correlate(box.zoneId, box.id, result.ticket, now);
    // Correlation may just have linked this ticket to an outage incident.
    const latest = (await t.get(result.ticket.id)) ?? result.ticket;
    await this.box.update(latest, r.reportId);
    return { ...result, ticket: latest };
  }

  /** A signal fault in a zone with an open outage: counted on the incident, answered "known". */
  private async joinOutage(box: Box, incident: Incident, reportId: string, now: number): Promise<IntakeResult> {
    const out = new Outgoing();
    await this.d.stores.transaction(async (tx) => {
      if (await tx.tickets.rememberReport(reportId, box.id, incident.id, now))
        await tx.tickets.addIncidentReports(incident.id, 1);
      await this.box.stageKnownOutage(tx, out, box, incident, reportId);
    });
    await this.d.notices.dispatch(out.items, out.prepared);
    this.d.metrics.ticketsIntake.inc({ outcome: 'known-outage' });
    return { outcome: 'known-outage', incident };
  }

  /** A report seen before (a resend): answered again with its ticket or incident, nothing changed. */
  private async answerRepeat(box: Box, id: string, reportId: string): Promise<IntakeResult | undefined> {
    const t = this.d.stores.tickets;
    const ticket = await t.get(id);
    if (ticket !== undefined) {
      await this.box.update(ticket, reportId);
      return { outcome: 'repeat', ticket };
    }
    const incident = await t.getIncident(id);
    if (incident !== undefined) {
      await this.box.knownOutage(box.id, box.accountId, incident, reportId);
      return { outcome: 'known-outage', incident };
    }
    return undefined;
  }

  /**
   * A new ticket for the fault, committed with its report, its breach check and (`tell`) the
   * box's TICKET_UPDATE; undefined when another report opened one first.
   */
  private async create(
    box: Box,
    r: Report,
    faultKey: string,
    diagnostics: Record<string, unknown>,
    now: number,
    tell: boolean,
  ): Promise<Ticket | undefined> {
    const zone = await this.d.stores.registry.getZone(box.zoneId);
    const out = new Outgoing();
    const stored = await this.d.stores.transaction((tx) =>
      this.stageNew(tx, out, { box, r, faultKey, zone, diagnostics, now, tell }),
    );
    if (stored === undefined) return undefined;
    crashPoint('ticket.committed');
    await this.d.notices.dispatch(out.items, out.prepared);
    return stored;
  }

  /**
   * Writes a new ticket for the fault through `tx` with its report, its breach check and
   * (`tell`) the box's TICKET_UPDATE into `out`; undefined when the fault has an open ticket
   * already (its unique index), with nothing written. Shared with the batch (fault-report-batch.ts).
   */
  async stageNew(tx: StorePorts, out: Outgoing, n: NewTicket): Promise<Ticket | undefined> {
    const { ticket, opened } = this.newTicket(n);
    const s = await tx.tickets.insert(ticket, opened, { reportId: n.r.reportId, atMs: n.now });
    if (s === undefined) return undefined;
    await this.breaches.schedule(s, tx.jobs);
    if (n.tell) await this.box.stageUpdate(tx, out, s, { reportId: n.r.reportId, box: n.box });
    return s;
  }

  /**
   * `stageNew` for a pass of reports (fault-report-batch.ts, issue 19): every ticket, event,
   * report id, breach check, TICKET_UPDATE and audit entry in a few multi-row statements.
   * Returns the tickets opened; a fault that has an open ticket already gets none.
   */
  async stageNewMany(tx: StorePorts, out: Outgoing, items: readonly NewTicket[]): Promise<Ticket[]> {
    const built = items.map((n) => ({ n, ...this.newTicket(n) }));
    const stored = await tx.tickets.insertMany(
      built.map((b) => ({ ticket: b.ticket, event: b.opened, report: { reportId: b.n.r.reportId, atMs: b.n.now } })),
    );
    const byId = new Map(built.map((b) => [b.ticket.id, b.n]));
    await tx.jobs.scheduleMany(stored.map((t) => this.breaches.checkJob(t)));
    const answers = [];
    for (const t of stored) {
      const n = byId.get(t.id);
      if (n?.tell === true)
        answers.push(await this.d.notices.prepare(this.box.answerInput(t, n.r.reportId), tx, [n.box]));
    }
    await this.d.notices.stageMany(tx, answers, out);
    return stored;
  }

  /** A new ticket for the report, with its 'opened' event: severity, T1 deadline, Z1 owner. */
  private newTicket(n: NewTicket): { ticket: Ticket; opened: TicketEvent } {
    const { box, r, faultKey, zone, now } = n;
    const { severity, reason } = classifySeverity(r.symptom, diagnosticFaults(r.diagnostics, this.d.cfg.diagnostics));
    const ticket = this.blank({
      id: newId('t', now),
      kind: 'repair',
      severity,
      severityReason: reason,
      boxId: box.id,
      accountId: box.accountId,
      zoneId: box.zoneId,
      source: r.source,
      symptom: r.symptom,
      code: r.code,
      faultKey,
      diagnostics: n.diagnostics,
      summary: `${r.symptom}${r.code ? ` (${r.code})` : ''}`,
      owner: zone?.maintainer || this.d.cfg.fallbackOwner, // Z1 routing, Z3 always an owner
      openedAtMs: now,
      dueAtMs: ticketDeadline('repair', severity, zone?.type ?? 'urban', now, this.d.calendar),
      reportCount: 1,
      lastReportAtMs: now,
    });
    const opened = {
      ticketId: ticket.id,
      atMs: now,
      actor: `box:${box.id}`,
      type: 'opened',
      detail: { reportId: r.reportId, severity, reason, owner: ticket.owner },
    };
    return { ticket, opened };
  }

  blank(fields: BlankTicketFields): Ticket {
    return blankTicket(fields);
  }
}
