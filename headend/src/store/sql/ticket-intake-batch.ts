import { sql } from 'kysely';
import type { Ticket, TicketEvent } from '../../ports/ticket-store';
import { compiledOnce } from './compiled-once';
import { SqlIncidentsAndCallbacks } from './incidents-and-callbacks';
import { insertRuns } from './insert-runs';
import { paddedChunks, paddedInList } from './padded-in-list';
import { atomically, CHUNK } from './sql-context';
import { nextTicketNumbers } from './ticket-numbers';
import { eventRow, ticketInsert } from './ticket-rows';

/** A report's key in `findReports`' answer. */
export const reportKey = (boxId: string, reportId: string): string => `${boxId}\n${reportId}`;

/**
 * A batch of fault reports (services/tickets/fault-report-batch.ts): its reads and its new
 * tickets in a few statements per batch, not several per report (issue 19).
 */
export class SqlTicketIntakeBatch extends SqlIncidentsAndCallbacks {
  /**
   * Opens tickets with their 'opened' events and report ids: one statement for their numbers
   * and one per table and power-of-two run. A ticket whose fault has an open ticket already
   * (the partial unique index) is left out with its event and report. Returns the tickets
   * inserted, numbered; on SQLite a left-out ticket leaves a gap in the numbers.
   */
  async insertMany(
    items: ReadonlyArray<{ ticket: Ticket; event: TicketEvent; report: { reportId: string; atMs: number } }>,
  ): Promise<Ticket[]> {
    if (items.length === 0) return [];
    return atomically(this.ctx, async (db) => {
      const d = this.ctx.dialect;
      const numbers = await nextTicketNumbers(d, db, items.length);
      const numbered = items.map((it, i) => ({ ...it, ticket: { ...it.ticket, number: numbers[i] ?? 0 } }));
      const rows = numbered.map((it) => ticketInsert(it.ticket));
      const ids = new Set(await insertRuns(d, db, 'tickets', rows, { ignoreConflicts: true, returning: 'id' }));
      const stored = numbered.filter((it) => ids.has(it.ticket.id));
      await insertRuns(
        d,
        db,
        'ticket_events',
        stored.map((it) => eventRow(it.event)),
      );
      const reports = stored.map((it) => ({
        report_id: it.report.reportId,
        box_id: it.ticket.boxId,
        ticket_id: it.ticket.id,
        at_ms: it.report.atMs,
      }));
      await insertRuns(d, db, 'ticket_reports', reports, { ignoreConflicts: true });
      return stored.map((it) => it.ticket);
    });
  }

  /** Which of these reports were seen before: reportKey → the ticket or incident id they went to. */
  async findReports(reports: ReadonlyArray<{ boxId: string; reportId: string }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < reports.length; i += CHUNK) {
      const part = reports.slice(i, i + CHUNK);
      const boxes = paddedInList([...new Set(part.map((r) => r.boxId))]);
      const ids = paddedInList([...new Set(part.map((r) => r.reportId))]);
      // Both lists as IN: (box, report) pairs that match across reports are filtered below.
      const rows = await compiledOnce(
        this.ctx.dialect,
        this.ctx.db,
        `findReports:${boxes.length}:${ids.length}`,
        [...boxes, ...ids],
        () =>
          this.ctx.db
            .selectFrom('ticket_reports')
            .select(['box_id', 'report_id', 'ticket_id'])
            .where('box_id', 'in', boxes)
            .where('report_id', 'in', ids),
      );
      const wanted = new Set(part.map((r) => reportKey(r.boxId, r.reportId)));
      for (const r of rows) {
        const k = reportKey(r.box_id, r.report_id);
        if (wanted.has(k)) out.set(k, r.ticket_id);
      }
    }
    return out;
  }

  /** Which of these fault keys have an open (not resolved or closed) ticket. */
  async openFaultKeys(faultKeys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const keys of paddedChunks(faultKeys)) {
      const rows = await compiledOnce(this.ctx.dialect, this.ctx.db, `openFaultKeys:${keys.length}`, keys, () =>
        this.ctx.db
          .selectFrom('tickets')
          .select('fault_key')
          .where('fault_key', 'in', keys)
          // Literals, as in findOpenByFaultKey: SQLite then uses the partial unique index.
          .where(sql<boolean>`status not in ('resolved', 'closed')`),
      );
      for (const r of rows) out.add(r.fault_key);
    }
    return out;
  }
}
