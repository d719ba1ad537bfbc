import { snake, TICKET_FIELDS, ticketColumn, toTicket } from '../ticket-columns';
import type { TicketRow } from '../ticket-columns';
import type { Page } from '../../ports/registry-store';
import type {
  Callback,
  Incident,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketFilter,
  TicketStore,
} from '../../ports/ticket-store';
import type { PgDb } from './pg-db';

const SELECT = TICKET_FIELDS.map((f) => `${ticketColumn(f)} AS "${f}"`).join(', ');
const N = TICKET_FIELDS.length;
const INSERT_WITH_EVENT = `WITH t AS (INSERT INTO tickets (${TICKET_FIELDS.map(ticketColumn).join(', ')})
    VALUES (${TICKET_FIELDS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING RETURNING id, box_id),
  r AS (INSERT INTO ticket_reports (report_id, box_id, ticket_id, at_ms)
    SELECT $${N + 5}::text, t.box_id, t.id, $${N + 1} FROM t WHERE $${N + 5}::text <> '' ON CONFLICT DO NOTHING)
  INSERT INTO ticket_events (ticket_id, at_ms, actor, type, detail_json)
    SELECT t.id, $${N + 1}, $${N + 2}, $${N + 3}, $${N + 4} FROM t`;
const value = (k: string, v: unknown): unknown => (k === 'diagnostics' ? JSON.stringify(v) : v);
const OPEN = `status NOT IN ('resolved','closed')`;
const INCIDENT = `id, zone_id AS "zoneId", status, opened_at_ms AS "openedAtMs", eta_ms AS "etaMs", resolved_at_ms AS "resolvedAtMs",
  notice_id AS "noticeId", report_count AS "reportCount"`;
const CALLBACK = `id, ticket_id AS "ticketId", created_at_ms AS "createdAtMs", due_at_ms AS "dueAtMs", status, outcome,
  done_at_ms AS "doneAtMs", agent`;
const EVENT_SQL = 'INSERT INTO ticket_events (ticket_id, at_ms, actor, type, detail_json) VALUES ($1,$2,$3,$4,$5)';
const eventArgs = (e: TicketEvent) => [e.ticketId, e.atMs, e.actor, e.type, JSON.stringify(e.detail)];

export class PgTicketStore implements TicketStore {
  constructor(private readonly db: PgDb) {}

  async insert(t: Ticket, event: TicketEvent, report?: { reportId: string; atMs: number }): Promise<boolean> {
    // One statement (atomic by itself): a round trip instead of BEGIN, two INSERTs and COMMIT.
    // A second open ticket for the fault hits the unique index: no ticket, no event, false.
    const events = await this.db.run(INSERT_WITH_EVENT, [
      ...TICKET_FIELDS.map((f) => value(f, t[f])),
      event.atMs,
      event.actor,
      event.type,
      JSON.stringify(event.detail),
      report?.reportId ?? '',
    ]);
    return events === 1;
  }

  async addReport(
    id: string,
    atMs: number,
    diagnostics: Record<string, unknown> | undefined,
    event: TicketEvent,
  ): Promise<Ticket> {
    return this.db.tx(async (c) => {
      await c.query(
        `UPDATE tickets SET report_count = report_count + 1, last_report_at_ms = $2,
           diagnostics_json = COALESCE($3, diagnostics_json) WHERE id = $1`,
        [id, atMs, diagnostics === undefined ? null : JSON.stringify(diagnostics)],
      );
      await c.query(EVENT_SQL, eventArgs(event));
      const r = (await c.query<TicketRow>(`SELECT ${SELECT} FROM tickets WHERE id = $1`, [id])).rows[0];
      if (r === undefined) throw new Error(`ticket ${id} vanished`);
      return toTicket(r);
    });
  }

  async linkIncident(ticketId: string, incidentId: string, event: TicketEvent): Promise<boolean> {
    return this.db.tx(async (c) => {
      const r = await c.query(`UPDATE tickets SET incident_id = $2 WHERE id = $1 AND incident_id = ''`, [
        ticketId,
        incidentId,
      ]);
      if (r.rowCount !== 1) return false;
      await c.query('UPDATE incidents SET report_count = report_count + 1 WHERE id = $1', [incidentId]);
      await c.query(EVENT_SQL, eventArgs(event));
      return true;
    });
  }

  async get(id: string): Promise<Ticket | undefined> {
    const r = await this.db.one<TicketRow>(`SELECT ${SELECT} FROM tickets WHERE id = $1`, [id]);
    return r === undefined ? undefined : toTicket(r);
  }

  async update(id: string, change: TicketChange, event: TicketEvent): Promise<Ticket> {
    return this.db.tx(async (c) => {
      const keys = Object.keys(change).filter((k) => (TICKET_FIELDS as readonly string[]).includes(k));
      if (keys.length > 0) {
        await c.query(
          `UPDATE tickets SET ${keys.map((k, i) => `${ticketColumn(k)} = $${i + 2}`).join(', ')} WHERE id = $1`,
          [id, ...keys.map((k) => value(k, (change as Record<string, unknown>)[k]))],
        );
      }
      await c.query(EVENT_SQL, eventArgs(event));
      const r = (await c.query<TicketRow>(`SELECT ${SELECT} FROM tickets WHERE id = $1`, [id])).rows[0];
      if (r === undefined) throw new Error(`ticket ${id} vanished`);
      return toTicket(r);
    });
  }

  async findOpenByFaultKey(faultKey: string): Promise<Ticket | undefined> {
    const r = await this.db.one<TicketRow>(`SELECT ${SELECT} FROM tickets WHERE fault_key = $1 AND ${OPEN} LIMIT 1`, [
      faultKey,
    ]);
    return r === undefined ? undefined : toTicket(r);
  }

  async rememberReport(reportId: string, boxId: string, ticketId: string, atMs: number): Promise<boolean> {
    return (
      (await this.db.run(
        'INSERT INTO ticket_reports (report_id, box_id, ticket_id, at_ms) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING',
        [reportId, boxId, ticketId, atMs],
      )) === 1
    );
  }

  async findReport(boxId: string, reportId: string): Promise<string | undefined> {
    return (
      await this.db.one<{ id: string }>(
        'SELECT ticket_id AS id FROM ticket_reports WHERE box_id = $1 AND report_id = $2',
        [boxId, reportId],
      )
    )?.id;
  }

  async list(f: TicketFilter): Promise<Page<Ticket>> {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const k of ['status', 'zoneId', 'owner', 'boxId', 'incidentId', 'kind'] as const) {
      if (f[k] !== undefined) where.push(`${ticketColumn(k)} = $${args.push(f[k])}`);
    }
    if (f.breached !== undefined) where.push(f.breached ? 'breached_at_ms > 0' : 'breached_at_ms = 0');
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.rows<TicketRow>(
      `SELECT ${SELECT} FROM tickets ${w} ORDER BY opened_at_ms DESC, seq DESC LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, f.limit, f.offset],
    );
    const n = await this.db.one<{ n: number }>(`SELECT COUNT(*)::int AS n FROM tickets ${w}`, args);
    return { items: rows.map(toTicket), total: n?.n ?? 0 };
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.db.rows<TicketEvent & { detail: string }>(
      'SELECT ticket_id AS "ticketId", at_ms AS "atMs", actor, type, detail_json AS detail FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
      [ticketId],
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async overdue(nowMs: number): Promise<Ticket[]> {
    return (
      await this.db.rows<TicketRow>(
        `SELECT ${SELECT} FROM tickets WHERE status IN ('assigned','in_progress') AND breached_at_ms = 0 AND due_at_ms <= $1`,
        [nowMs],
      )
    ).map(toTicket);
  }

  async forPeriod(fromMs: number, toMs: number): Promise<Ticket[]> {
    return (
      await this.db.rows<TicketRow>(
        `SELECT ${SELECT} FROM tickets WHERE (opened_at_ms >= $1 AND opened_at_ms < $2) OR (resolved_at_ms >= $1 AND resolved_at_ms < $2)`,
        [fromMs, toMs],
      )
    ).map(toTicket);
  }

  async withoutFollowUp(resolvedBeforeMs: number): Promise<Ticket[]> {
    return (
      await this.db.rows<TicketRow>(
        `SELECT ${SELECT} FROM tickets WHERE resolved_at_ms > 0 AND resolved_at_ms < $1 AND follow_up = '' ORDER BY resolved_at_ms`,
        [resolvedBeforeMs],
      )
    ).map(toTicket);
  }

  async recordSignalReport(zoneId: string, boxId: string, atMs: number): Promise<void> {
    await this.db.run('INSERT INTO signal_reports (zone_id, box_id, at_ms) VALUES ($1,$2,$3)', [zoneId, boxId, atMs]);
  }

  async distinctSignalBoxes(zoneId: string, sinceMs: number): Promise<number> {
    return (
      (
        await this.db.one<{ n: number }>(
          'SELECT COUNT(DISTINCT box_id)::int AS n FROM signal_reports WHERE zone_id = $1 AND at_ms >= $2',
          [zoneId, sinceMs],
        )
      )?.n ?? 0
    );
  }

  async insertIncident(i: Incident): Promise<boolean> {
    return (
      (await this.db.run(
        'INSERT INTO incidents (id, zone_id, status, opened_at_ms, eta_ms, resolved_at_ms, notice_id, report_count) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING',
        [i.id, i.zoneId, i.status, i.openedAtMs, i.etaMs, i.resolvedAtMs, i.noticeId, i.reportCount],
      )) === 1
    );
  }

  async addIncidentReports(id: string, n: number): Promise<void> {
    await this.db.run('UPDATE incidents SET report_count = report_count + $2 WHERE id = $1', [id, n]);
  }

  getIncident(id: string): Promise<Incident | undefined> {
    return this.db.one<Incident>(`SELECT ${INCIDENT} FROM incidents WHERE id = $1`, [id]);
  }

  openIncidentForZone(zoneId: string): Promise<Incident | undefined> {
    return this.db.one<Incident>(`SELECT ${INCIDENT} FROM incidents WHERE zone_id = $1 AND status = 'open' LIMIT 1`, [
      zoneId,
    ]);
  }

  async updateIncident(
    id: string,
    change: Partial<Pick<Incident, 'status' | 'etaMs' | 'resolvedAtMs' | 'noticeId' | 'reportCount'>>,
  ): Promise<void> {
    const keys = Object.keys(change);
    if (keys.length === 0) return;
    await this.db.run(
      `UPDATE incidents SET ${keys.map((k, i) => `${snake(k)} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...keys.map((k) => (change as Record<string, unknown>)[k])],
    );
  }

  listIncidents(f: { status?: 'open' | 'resolved'; limit: number }): Promise<Incident[]> {
    return this.db.rows<Incident>(
      `SELECT ${INCIDENT} FROM incidents WHERE ($1::text IS NULL OR status = $1) ORDER BY opened_at_ms DESC LIMIT $2`,
      [f.status ?? null, f.limit],
    );
  }

  async insertCallback(c: Callback): Promise<void> {
    await this.db.run(
      'INSERT INTO callbacks (id, ticket_id, created_at_ms, due_at_ms, status, outcome, done_at_ms, agent) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (ticket_id) DO NOTHING',
      [c.id, c.ticketId, c.createdAtMs, c.dueAtMs, c.status, c.outcome, c.doneAtMs, c.agent],
    );
  }

  getCallback(id: string): Promise<Callback | undefined> {
    return this.db.one<Callback>(`SELECT ${CALLBACK} FROM callbacks WHERE id = $1`, [id]);
  }

  listCallbacks(f: { status?: 'open' | 'done'; limit: number }): Promise<Callback[]> {
    return this.db.rows<Callback>(
      `SELECT ${CALLBACK} FROM callbacks WHERE ($1::text IS NULL OR status = $1) ORDER BY due_at_ms LIMIT $2`,
      [f.status ?? null, f.limit],
    );
  }

  async completeCallback(id: string, outcome: string, agent: string, atMs: number): Promise<void> {
    await this.db.run(`UPDATE callbacks SET status = 'done', outcome = $1, agent = $2, done_at_ms = $3 WHERE id = $4`, [
      outcome,
      agent,
      atMs,
      id,
    ]);
  }
}
