import type { Ticket, TicketEvent } from './ticket-store';

/** The TicketStore's part for a pass of fault reports (issue 19): a few statements per pass, not several per report. */
export interface TicketIntakeBatch {
  /**
   * A batch's `insert` (issue 19): the tickets that were inserted, numbered; a ticket whose
   * fault has an open ticket already is left out, with its event and report.
   */
  insertMany(
    items: ReadonlyArray<{ ticket: Ticket; event: TicketEvent; report: { reportId: string; atMs: number } }>,
  ): Promise<Ticket[]>;
  /** A batch's `findReport`: the reports seen before, by `${boxId}\n${reportId}`, with their ticket or incident id. */
  findReports(reports: ReadonlyArray<{ boxId: string; reportId: string }>): Promise<Map<string, string>>;
  /** A batch's `findOpenByFaultKey`: which of these fault keys have an open ticket. */
  openFaultKeys(faultKeys: readonly string[]): Promise<Set<string>>;
}
