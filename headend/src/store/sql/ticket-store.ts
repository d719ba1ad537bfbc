import { sql } from 'kysely';
import type { Page } from '../../ports/registry-store';
import type { Ticket, TicketChange, TicketEvent, TicketFilter, TicketStore } from '../../ports/ticket-store';
import { affected, atomically, creationOrder } from './sql-context';
import { compiledOnce } from './compiled-once';
import { insertRow } from './insert-row';
import { SqlTicketResolutions } from './ticket-resolutions';
import { eventRow, readTicket, ticketInsert, ticketUpdate, toTicket } from './ticket-rows';
import { nextPgTicketNumber, nextTicketNumber } from './ticket-numbers';

/** Tickets, their events and reports, outage incidents and follow-up callbacks, on either engine. */
export class SqlTicketStore extends SqlTicketResolutions implements TicketStore {
  async insert(
    t: Ticket,
    event: TicketEvent,
    report?: { reportId: string; atMs: number },
  ): Promise<Ticket | undefined> {
    // One statement on PostgreSQL, inside a unit of work too (ON CONFLICT DO NOTHING does not abort it).
    if (this.ctx.dialect === 'postgres') return this.insertInOneStatement(t, event, report);
    return atomically(this.ctx, async (db) => {
      // A second open ticket for the fault hits the unique index: no ticket, no event, undefined.
      const d = this.ctx.dialect;
      const stored: Ticket = { ...t, number: await nextTicketNumber(d, db) };
      if ((await insertRow(d, db, 'tickets', ticketInsert(stored), 'ignore')) === 0) return undefined;
      await insertRow(d, db, 'ticket_events', eventRow(event));
      if (report !== undefined) {
        const row = { report_id: report.reportId, box_id: t.boxId, ticket_id: t.id, at_ms: report.atMs };
        await insertRow(d, db, 'ticket_reports', row, 'ignore');
      }
      return stored;
    });
  }

  /** PostgreSQL: ticket, report id and event in one statement (atomic by itself): one round trip instead of five. */
  private async insertInOneStatement(
    t: Ticket,
    event: TicketEvent,
    report: { reportId: string; atMs: number } | undefined,
  ): Promise<Ticket | undefined> {
    const reportId = report?.reportId ?? '';
    const r = await this.ctx.db
      .with('t', (db) =>
        db
          .insertInto('tickets')
          .values({ ...ticketInsert(t), number: nextPgTicketNumber() })
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'box_id', 'number']),
      )
      .with('r', (db) =>
        db
          .insertInto('ticket_reports')
          .columns(['report_id', 'box_id', 'ticket_id', 'at_ms'])
          .expression((eb) =>
            eb
              .selectFrom('t')
              .select([
                sql<string>`CAST(${reportId} AS TEXT)`.as('report_id'),
                't.box_id',
                't.id',
                sql<number>`CAST(${report?.atMs ?? 0} AS BIGINT)`.as('at_ms'),
              ])
              .where(sql<string>`CAST(${reportId} AS TEXT)`, '<>', ''),
          )
          .onConflict((oc) => oc.doNothing()),
      )
      .insertInto('ticket_events')
      .columns(['ticket_id', 'at_ms', 'actor', 'type', 'detail_json'])
      .expression((eb) =>
        eb
          .selectFrom('t')
          .select([
            't.id',
            sql<number>`CAST(${event.atMs} AS BIGINT)`.as('at_ms'),
            sql<string>`CAST(${event.actor} AS TEXT)`.as('actor'),
            sql<string>`CAST(${event.type} AS TEXT)`.as('type'),
            sql<string>`CAST(${JSON.stringify(event.detail)} AS TEXT)`.as('detail_json'),
          ]),
      )
      // No row when the fault already had an open ticket (nothing was inserted).
      .returning(sql<number>`(SELECT number FROM t)`.as('number'))
      .executeTakeFirst();
    return r === undefined ? undefined : { ...t, number: Number(r.number) };
  }

  async addReport(
    id: string,
    atMs: number,
    diagnostics: Record<string, unknown> | undefined,
    event: TicketEvent,
  ): Promise<Ticket> {
    return atomically(this.ctx, async (db) => {
      // The count goes up in the database: concurrent reports never lose one.
      await db
        .updateTable('tickets')
        .set((eb) => ({
          report_count: eb('report_count', '+', 1),
          last_report_at_ms: atMs,
          ...(diagnostics === undefined ? {} : { diagnostics_json: JSON.stringify(diagnostics) }),
        }))
        .where('id', '=', id)
        .execute();
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      return readTicket(db, id);
    });
  }

  async linkIncident(ticketId: string, incidentId: string, event: TicketEvent): Promise<boolean> {
    return atomically(this.ctx, async (db) => {
      const r = await db
        .updateTable('tickets')
        .set({ incident_id: incidentId })
        .where('id', '=', ticketId)
        .where('incident_id', '=', '')
        .executeTakeFirst();
      if (affected(r) !== 1) return false;
      await db
        .updateTable('incidents')
        .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
        .where('id', '=', incidentId)
        .execute();
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      return true;
    });
  }

  async get(id: string): Promise<Ticket | undefined> {
    const q = () => this.ctx.db.selectFrom('tickets').selectAll().where('id', '=', id);
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'getTicket', [id], q);
    return r === undefined ? undefined : toTicket(r);
  }

  async update(id: string, change: TicketChange, event: TicketEvent): Promise<Ticket> {
    return atomically(this.ctx, async (db) => {
      const set = ticketUpdate(change);
      if (Object.keys(set).length > 0) await db.updateTable('tickets').set(set).where('id', '=', id).execute();
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      return readTicket(db, id);
    });
  }

  async updateIf(
    id: string,
    expected: { readonly status: Ticket['status']; readonly resolutions: number; readonly dueAtMs: number },
    change: TicketChange,
    event: TicketEvent,
  ): Promise<Ticket | undefined> {
    return atomically(this.ctx, async (db) => {
      const set = { ...ticketUpdate(change) };
      if (Object.keys(set).length === 0) set.status = expected.status; // still a compare-and-set
      const r = await db
        .updateTable('tickets')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', expected.status)
        .where('resolutions', '=', expected.resolutions)
        .where('due_at_ms', '=', expected.dueAtMs)
        .executeTakeFirst();
      if (affected(r) !== 1) return undefined;
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      const t = await readTicket(db, id);
      // A resolution is kept as a row of its own (T4 outcome, Z2 figures), in the same unit of work.
      if (change.resolutions !== undefined && change.resolutions > expected.resolutions) {
        await this.insertResolution(db, t);
      }
      return t;
    });
  }

  async findOpenByFaultKey(faultKey: string): Promise<Ticket | undefined> {
    const q = () =>
      this.ctx.db
        .selectFrom('tickets')
        .selectAll()
        .where('fault_key', '=', faultKey)
        // Literals, not parameters: SQLite uses the partial index tickets_one_open_per_fault only
        // when the query's own text implies its WHERE (with parameters it scanned every ticket).
        // That index is unique: no LIMIT needed (SQLite compiled `limit ?` again at every run).
        .where(sql<boolean>`status not in ('resolved', 'closed')`);
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'openByFaultKey', [faultKey], q);
    return r === undefined ? undefined : toTicket(r);
  }

  async rememberReport(reportId: string, boxId: string, ticketId: string, atMs: number): Promise<boolean> {
    const row = { report_id: reportId, box_id: boxId, ticket_id: ticketId, at_ms: atMs };
    return (await insertRow(this.ctx.dialect, this.ctx.db, 'ticket_reports', row, 'ignore')) === 1;
  }

  async findReport(boxId: string, reportId: string): Promise<string | undefined> {
    const q = () =>
      this.ctx.db
        .selectFrom('ticket_reports')
        .select('ticket_id')
        .where('box_id', '=', boxId)
        .where('report_id', '=', reportId);
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'findReport', [boxId, reportId], q);
    return r?.ticket_id;
  }

  async list(f: TicketFilter): Promise<Page<Ticket>> {
    let q = this.ctx.db.selectFrom('tickets');
    if (f.number !== undefined) q = q.where('number', '=', f.number);
    if (f.status !== undefined) q = q.where('status', '=', f.status);
    if (f.zoneId !== undefined) q = q.where('zone_id', '=', f.zoneId);
    if (f.owner !== undefined) q = q.where('owner', '=', f.owner);
    if (f.boxId !== undefined) q = q.where('box_id', '=', f.boxId);
    if (f.incidentId !== undefined) q = q.where('incident_id', '=', f.incidentId);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.breached !== undefined) q = q.where('breach_count', f.breached ? '>' : '=', 0);
    const rows = await q
      .selectAll()
      .orderBy('urgent_handling', 'desc') // T9: major complaints and key customers first (急事急办)
      .orderBy('opened_at_ms', 'desc')
      .orderBy(creationOrder(this.ctx), 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const n = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return { items: rows.map(toTicket), total: Number(n?.n ?? 0) };
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.ctx.db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'at_ms', 'actor', 'type', 'detail_json'])
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      atMs: r.at_ms,
      actor: r.actor,
      type: r.type,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  }

  async overdue(nowMs: number): Promise<Ticket[]> {
    const rows = await this.ctx.db
      .selectFrom('tickets')
      .selectAll()
      .where('status', 'in', ['assigned', 'in_progress'])
      .where('due_at_ms', '<', nowMs)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('ticket_breaches as b')
              .select('b.ticket_id')
              .whereRef('b.ticket_id', '=', 'tickets.id')
              .whereRef('b.due_at_ms', '=', 'tickets.due_at_ms'),
          ),
        ),
      )
      .execute();
    return rows.map(toTicket);
  }

  async forPeriod(fromMs: number, toMs: number): Promise<Ticket[]> {
    const rows = await this.ctx.db
      .selectFrom('tickets')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('opened_at_ms', '>=', fromMs), eb('opened_at_ms', '<', toMs)]),
          eb.and([eb('resolved_at_ms', '>=', fromMs), eb('resolved_at_ms', '<', toMs)]),
        ]),
      )
      .execute();
    return rows.map(toTicket);
  }

  async withoutFollowUp(resolvedBeforeMs: number): Promise<Ticket[]> {
    const rows = await this.ctx.db
      .selectFrom('tickets')
      .selectAll()
      .where('resolved_at_ms', '>', 0)
      .where('resolved_at_ms', '<', resolvedBeforeMs)
      .where('follow_up', '=', '')
      .orderBy('resolved_at_ms')
      .execute();
    return rows.map(toTicket);
  }

  async recordSignalReport(zoneId: string, boxId: string, atMs: number): Promise<void> {
    await insertRow(this.ctx.dialect, this.ctx.db, 'signal_reports', { zone_id: zoneId, box_id: boxId, at_ms: atMs });
  }

  async distinctSignalBoxes(zoneId: string, sinceMs: number): Promise<number> {
    const r = await this.ctx.db
      .selectFrom('signal_reports')
      .select((eb) => eb.fn.count<number>('box_id').distinct().as('n'))
      .where('zone_id', '=', zoneId)
      .where('at_ms', '>=', sinceMs)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
