import type { FaultReportProps } from '@stb-notify/protocol';
import { SIGNAL_SYMPTOMS } from '../../domain/classify-fault';
import { diagnosticsRecord } from '../../domain/diagnostics-record';
import type { Box } from '../../ports/registry-store';
import { crashPoint } from '../crash-points';
import { Outgoing } from '../notice-input';
import { Passes } from '../passes';
import { faultKeyOf, toReport } from './ticket-intake';
import type { Report, TicketIntake } from './ticket-intake';
import type { TicketDeps } from './ticket-deps';

/** Reports taken into one pass at most. */
const MAX_BATCH = 256;

interface Pending {
  readonly boxId: string;
  readonly fr: FaultReportProps;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

interface Fresh {
  readonly p: Pending;
  readonly box: Box;
  readonly r: Report;
  readonly faultKey: string;
}

const reportKey = (boxId: string, reportId: string) => `${boxId}\n${reportId}`;

/**
 * T5 at volume (issue 19): the fault reports that arrive while a pass runs are taken in the
 * next pass together. The common case — a box's first report of a fault that has no open
 * ticket — costs one read of each kind for the whole pass (boxes, report ids, open tickets)
 * and one unit of work that opens every ticket with its report, breach check and the box's
 * TICKET_UPDATE (outbox), then one dispatch. Everything else (a repeat, a fault with an open
 * ticket, a signal fault that may be an outage, two reports of one fault in one pass, a
 * ticket lost to another instance) goes through TicketIntake one by one, after the pass
 * committed, exactly as before. The database still arbitrates every decision (unique report
 * ids, one open ticket per fault), so a pass never makes a second ticket. When a pass fails,
 * its reports are taken one by one: one bad report never fails another box's.
 */
export class FaultReportBatch {
  private readonly passes = new Passes<Pending>(MAX_BATCH, (batch) => this.pass(batch));

  constructor(
    private readonly intake: TicketIntake,
    private readonly d: TicketDeps,
  ) {}

  /** Resolves once the report is a ticket (or known, or ignored for an unknown box); rejects when it could not be taken. */
  add(boxId: string, fr: FaultReportProps): Promise<void> {
    return new Promise<void>((resolve, reject) => this.passes.add({ boxId, fr, resolve, reject }));
  }

  private async pass(batch: Pending[]): Promise<void> {
    let rest: Pending[];
    try {
      rest = await this.openTickets(batch);
    } catch (err) {
      this.d.log.warn({ err, reports: batch.length }, 'fault report pass failed; taking its reports one by one');
      rest = batch;
    }
    await Promise.all(
      rest.map((p) =>
        this.intake.faultReport(p.boxId, p.fr).then(
          () => p.resolve(),
          (err: unknown) => p.reject(err),
        ),
      ),
    );
  }

  /** Opens the tickets of the pass's first reports, in one unit of work; returns the reports left to take one by one. */
  private async openTickets(batch: readonly Pending[]): Promise<Pending[]> {
    const { registry, tickets } = this.d.stores;
    const boxes = await registry.getBoxes(batch.map((p) => p.boxId));
    const rest: Pending[] = [];
    const candidates: Fresh[] = [];
    const faults = new Set<string>();
    const reports = new Set<string>();
    for (const p of batch) {
      const box = boxes.get(p.boxId);
      if (box === undefined) {
        p.resolve(); // as TicketIntake.faultReport: a box the registry does not know makes no ticket
        continue;
      }
      const r = toReport(p.fr);
      const faultKey = faultKeyOf(box, r);
      const rk = reportKey(box.id, r.reportId);
      if (SIGNAL_SYMPTOMS.has(r.symptom) || faults.has(faultKey) || reports.has(rk)) rest.push(p);
      else candidates.push({ p, box, r, faultKey });
      faults.add(faultKey);
      reports.add(rk);
    }
    if (candidates.length === 0) return rest;
    const seen = await tickets.findReports(candidates.map((c) => ({ boxId: c.box.id, reportId: c.r.reportId })));
    const open = await tickets.openFaultKeys(candidates.map((c) => c.faultKey));
    const fresh = candidates.filter((c) => {
      const known = seen.has(reportKey(c.box.id, c.r.reportId)) || open.has(c.faultKey);
      if (known) rest.push(c.p);
      return !known;
    });
    if (fresh.length === 0) return rest;
    const zones = await registry.getZones(fresh.map((c) => c.box.zoneId));
    const now = this.d.clock.now();
    const out = new Outgoing();
    const items = fresh.map((c) => ({
      ...c,
      zone: zones.get(c.box.zoneId),
      diagnostics: diagnosticsRecord(c.r.diagnostics),
      now,
      tell: true,
    }));
    const stored = await this.d.stores.transaction((tx) => this.intake.stageNewMany(tx, out, items));
    const keys = new Set(stored.map((t) => t.faultKey));
    const opened: Fresh[] = [];
    for (const c of fresh) {
      if (keys.has(c.faultKey)) opened.push(c);
      // Lost to a report another instance took at the same time: taken one by one, it joins that ticket.
      else rest.push(c.p);
    }
    crashPoint('ticket.committed');
    await this.d.notices.dispatch(out.items, out.prepared);
    if (opened.length > 0) this.d.metrics.ticketsIntake.inc({ outcome: 'opened' }, opened.length);
    for (const c of opened) c.p.resolve();
    return rest;
  }
}
