import { sql } from 'kysely';
import { compiledOnce } from './compiled-once';
import { SqlIncidentsAndCallbacks } from './incidents-and-callbacks';
import { paddedInList } from './padded-in-list';
import { CHUNK } from './sql-context';

/** A report's key in `findReports`' answer. */
export const reportKey = (boxId: string, reportId: string): string => `${boxId}\n${reportId}`;

/** The reads of a batch of fault reports (ticket-intake.ts): one statement per batch, not per report. */
export class SqlTicketIntakeReads extends SqlIncidentsAndCallbacks {
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
    for (let i = 0; i < faultKeys.length; i += CHUNK) {
      const keys = paddedInList([...new Set(faultKeys.slice(i, i + CHUNK))]);
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
