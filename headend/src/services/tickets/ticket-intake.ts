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

import type { Box } from '../../ports/registry-store';
import type { Incident, Ticket } from '../../ports/ticket-store';
import { blankTicket } from './blank-ticket';
import type { BlankTicketFields } from './blank-ticket';
import { OutageCorrelation } from './outage-correlation';
import type { TicketBoxLink } from './ticket-box-link';
import type { TicketBreaches } from './ticket-breaches';
import type { TicketDeps } from './ticket-deps';

export type IntakeResult =
  | { readonly outcome: 'opened' | 'updated' | 'repeat'; readonly ticket: Ticket }
  | { readonly outcome: 'known-outage'; readonly incident: Incident };

interface Report {
  readonly reportId: string;
  readonly symptom: string;
  readonly code: string;
  readonly diagnostics: DiagnosticsProps | null | undefined;
  readonly source: 'box-report' | 'diagnostics';
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
    return this.intake(box, {
      reportId: fr.reportId ?? '',
      symptom: SYMPTOM_NAMES[fr.symptom ?? 0] ?? 'other',
      code: fr.code ?? '',
      diagnostics: fr.diagnostics,
      source: fr.automatic === true ? 'diagnostics' : 'box-report',
    });
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
   */
  private async intake(box: Box, r: Report): Promise<IntakeResult> {
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
      if (incident !== undefined) {
        if (await t.rememberReport(r.reportId, box.id, incident.id, now)) await t.addIncidentReports(incident.id, 1);
        await this.box.knownOutage(box.id, box.accountId, incident, r.reportId);
        this.d.metrics.ticketsIntake.inc({ outcome: 'known-outage' });
        return { outcome: 'known-outage', incident };
      }
    }
    const faultKey = `${box.id}:${signal ? 'signal' : r.symptom}`;
    const diagnostics = diagnosticsRecord(r.diagnostics);
    let result: IntakeResult | undefined;
    // Twice at most: the open ticket this report lost to may be resolved before it is read.
    for (let attempt = 0; result === undefined && attempt < 3; attempt++) {
      const existing = await t.findOpenByFaultKey(faultKey);
      if (existing !== undefined) {
        // The same report id handled concurrently: the first claim counts it, the rest repeat.
        if (!(await t.rememberReport(r.reportId, box.id, existing.id, now))) {
          const repeat = await this.answerRepeat(box, existing.id, r.reportId);
          if (repeat !== undefined) return repeat;
        }
        const ticket = await t.addReport(existing.id, now, r.diagnostics ? diagnostics : undefined, {
          ticketId: existing.id,
          atMs: now,
          actor: `box:${box.id}`,
          type: 'report',
          detail: { reportId: r.reportId, symptom: r.symptom, code: r.code, source: r.source },
        });
        result = { outcome: 'updated', ticket };
      } else {
        const ticket = await this.create(box, r, faultKey, diagnostics, now);
        if (ticket !== undefined) result = { outcome: 'opened', ticket };
      }
    }
    if (result === undefined || result.outcome === 'known-outage')
      throw new Error(`fault ${faultKey}: no ticket after three attempts`);
    this.d.metrics.ticketsIntake.inc({ outcome: result.outcome });
    let latest = result.ticket;
    if (signal) {
      await this.outage.correlate(box.zoneId, box.id, latest, now);
      // Correlation may just have linked this ticket to an outage incident.
      latest = (await t.get(result.ticket.id)) ?? result.ticket;
    }
    await this.box.update(latest, r.reportId);
    return { ...result, ticket: latest };
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

  /** A new ticket for the fault; undefined when another report opened one first. */
  private async create(
    box: Box,
    r: Report,
    faultKey: string,
    diagnostics: Record<string, unknown>,
    now: number,
  ): Promise<Ticket | undefined> {
    const zone = await this.d.stores.registry.getZone(box.zoneId);
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
      diagnostics,
      summary: `${r.symptom}${r.code ? ` (${r.code})` : ''}`,
      owner: zone?.maintainer || this.d.cfg.fallbackOwner, // Z1 routing, Z3 always an owner
      openedAtMs: now,
      dueAtMs: ticketDeadline('repair', severity, zone?.type ?? 'urban', now, this.d.calendar),
      reportCount: 1,
      lastReportAtMs: now,
    });
    const stored = await this.d.stores.tickets.insert(
      ticket,
      {
        ticketId: ticket.id,
        atMs: now,
        actor: `box:${box.id}`,
        type: 'opened',
        detail: { reportId: r.reportId, severity, reason, owner: ticket.owner },
      },
      { reportId: r.reportId, atMs: now },
    );
    if (stored === undefined) return undefined;
    await this.breaches.schedule(stored);
    return stored;
  }

  blank(fields: BlankTicketFields): Ticket {
    return blankTicket(fields);
  }
}
