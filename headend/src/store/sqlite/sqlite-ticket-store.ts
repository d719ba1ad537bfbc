import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
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

const SELECT = TICKET_FIELDS.map((f) => `${ticketColumn(f)} AS ${f}`).join(', ');
const INSERT = `INSERT INTO tickets (${TICKET_FIELDS.map(ticketColumn).join(', ')})
  VALUES (${TICKET_FIELDS.map((f) => `@${f}`).join(', ')}) ON CONFLICT DO NOTHING`;

function toParams(t: Partial<Ticket>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, k === 'diagnostics' ? JSON.stringify(v) : v]));
}

const OPEN = `status NOT IN ('resolved','closed')`;
const INCIDENT = `id, zone_id AS zoneId, status, opened_at_ms AS openedAtMs, eta_ms AS etaMs, resolved_at_ms AS resolvedAtMs,
  notice_id AS noticeId, report_count AS reportCount`;
const CALLBACK = `id, ticket_id AS ticketId, created_at_ms AS createdAtMs, due_at_ms AS dueAtMs, status, outcome,
  done_at_ms AS doneAtMs, agent`;

export class SqliteTicketStore implements TicketStore {
  private readonly insertEvent: Database.Statement;

  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
    this.insertEvent = db.prepare(
      'INSERT INTO ticket_events (ticket_id, at_ms, actor, type, detail_json) VALUES (@ticketId, @atMs, @actor, @type, @detail)',
    );
  }

  private event(e: TicketEvent): void {
    this.insertEvent.run({ ...e, detail: JSON.stringify(e.detail) });
  }

  async insert(t: Ticket, event: TicketEvent, report?: { reportId: string; atMs: number }): Promise<boolean> {
    return this.tx.write(() => {
      if (this.prepare(INSERT).run(toParams(t)).changes === 0) return false;
      this.event(event);
      if (report !== undefined)
        this.prepare(
          'INSERT INTO ticket_reports (report_id, box_id, ticket_id, at_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        ).run(report.reportId, t.boxId, t.id, report.atMs);
      return true;
    });
  }

  async addReport(
    id: string,
    atMs: number,
    diagnostics: Record<string, unknown> | undefined,
    event: TicketEvent,
  ): Promise<Ticket> {
    return this.tx.write(() => {
      this.prepare(
        `UPDATE tickets SET report_count = report_count + 1, last_report_at_ms = @atMs,
           diagnostics_json = COALESCE(@diagnostics, diagnostics_json) WHERE id = @id`,
      ).run({ id, atMs, diagnostics: diagnostics === undefined ? null : JSON.stringify(diagnostics) });
      this.event(event);
      const r = this.prepare(`SELECT ${SELECT} FROM tickets WHERE id = ?`).get(id) as TicketRow | undefined;
      if (r === undefined) throw new Error(`ticket ${id} vanished`);
      return toTicket(r);
    });
  }

  async linkIncident(ticketId: string, incidentId: string, event: TicketEvent): Promise<boolean> {
    return this.tx.write(() => {
      const linked =
        this.prepare(`UPDATE tickets SET incident_id = ? WHERE id = ? AND incident_id = ''`).run(incidentId, ticketId)
          .changes === 1;
      if (!linked) return false;
      this.prepare('UPDATE incidents SET report_count = report_count + 1 WHERE id = ?').run(incidentId);
      this.event(event);
      return true;
    });
  }

  async get(id: string): Promise<Ticket | undefined> {
    const r = this.prepare(`SELECT ${SELECT} FROM tickets WHERE id = ?`).get(id) as TicketRow | undefined;
    return r === undefined ? undefined : toTicket(r);
  }

  async update(id: string, change: TicketChange, event: TicketEvent): Promise<Ticket> {
    return this.tx.write(() => {
      const keys = Object.keys(change).filter((k) => (TICKET_FIELDS as readonly string[]).includes(k));
      if (keys.length > 0) {
        const set = keys.map((k) => `${ticketColumn(k)} = @${k}`).join(', ');
        this.prepare(`UPDATE tickets SET ${set} WHERE id = @id`).run({ ...toParams(change), id });
      }
      this.event(event);
      const r = this.prepare(`SELECT ${SELECT} FROM tickets WHERE id = ?`).get(id) as TicketRow | undefined;
      if (r === undefined) throw new Error(`ticket ${id} vanished`);
      return toTicket(r);
    });
  }

  async findOpenByFaultKey(faultKey: string): Promise<Ticket | undefined> {
    const r = this.prepare(`SELECT ${SELECT} FROM tickets WHERE fault_key = ? AND ${OPEN} LIMIT 1`).get(faultKey) as
      TicketRow | undefined;
    return r === undefined ? undefined : toTicket(r);
  }

  async rememberReport(reportId: string, boxId: string, ticketId: string, atMs: number): Promise<boolean> {
    return this.tx.write(
      () =>
        this.prepare(
          'INSERT INTO ticket_reports (report_id, box_id, ticket_id, at_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        ).run(reportId, boxId, ticketId, atMs).changes === 1,
    );
  }

  async findReport(boxId: string, reportId: string): Promise<string | undefined> {
    const r = this.prepare('SELECT ticket_id AS id FROM ticket_reports WHERE box_id = ? AND report_id = ?').get(
      boxId,
      reportId,
    ) as { id: string } | undefined;
    return r?.id;
  }

  async list(f: TicketFilter): Promise<Page<Ticket>> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
    for (const k of ['status', 'zoneId', 'owner', 'boxId', 'incidentId', 'kind'] as const) {
      if (f[k] !== undefined) {
        where.push(`${ticketColumn(k)} = @${k}`);
        params[k] = f[k];
      }
    }
    if (f.breached !== undefined) where.push(f.breached ? 'breached_at_ms > 0' : 'breached_at_ms = 0');
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.prepare(
      `SELECT ${SELECT} FROM tickets ${w} ORDER BY opened_at_ms DESC, rowid DESC LIMIT @limit OFFSET @offset`,
    ).all(params) as TicketRow[];
    const { n } = this.prepare(`SELECT COUNT(*) AS n FROM tickets ${w}`).get(params) as { n: number };
    return { items: rows.map(toTicket), total: n };
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const rows = this.prepare(
      'SELECT ticket_id AS ticketId, at_ms AS atMs, actor, type, detail_json AS detail FROM ticket_events WHERE ticket_id = ? ORDER BY id',
    ).all(ticketId) as Array<TicketEvent & { detail: string }>;
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async overdue(nowMs: number): Promise<Ticket[]> {
    const rows = this.prepare(
      `SELECT ${SELECT} FROM tickets WHERE status IN ('assigned','in_progress') AND breached_at_ms = 0 AND due_at_ms <= ?`,
    ).all(nowMs) as TicketRow[];
    return rows.map(toTicket);
  }

  async forPeriod(fromMs: number, toMs: number): Promise<Ticket[]> {
    const rows = this.prepare(
      `SELECT ${SELECT} FROM tickets WHERE (opened_at_ms >= @from AND opened_at_ms < @to)
           OR (resolved_at_ms >= @from AND resolved_at_ms < @to)`,
    ).all({ from: fromMs, to: toMs }) as TicketRow[];
    return rows.map(toTicket);
  }

  async withoutFollowUp(resolvedBeforeMs: number): Promise<Ticket[]> {
    const rows = this.prepare(
      `SELECT ${SELECT} FROM tickets WHERE resolved_at_ms > 0 AND resolved_at_ms < ? AND follow_up = '' ORDER BY resolved_at_ms`,
    ).all(resolvedBeforeMs) as TicketRow[];
    return rows.map(toTicket);
  }

  async recordSignalReport(zoneId: string, boxId: string, atMs: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare('INSERT INTO signal_reports (zone_id, box_id, at_ms) VALUES (?, ?, ?)').run(zoneId, boxId, atMs),
    );
  }

  async distinctSignalBoxes(zoneId: string, sinceMs: number): Promise<number> {
    return (
      this.prepare('SELECT COUNT(DISTINCT box_id) AS n FROM signal_reports WHERE zone_id = ? AND at_ms >= ?').get(
        zoneId,
        sinceMs,
      ) as {
        n: number;
      }
    ).n;
  }

  async insertIncident(i: Incident): Promise<boolean> {
    return this.tx.write(
      () =>
        this.prepare(
          `INSERT INTO incidents (id, zone_id, status, opened_at_ms, eta_ms, resolved_at_ms, notice_id, report_count)
           VALUES (@id, @zoneId, @status, @openedAtMs, @etaMs, @resolvedAtMs, @noticeId, @reportCount)
           ON CONFLICT DO NOTHING`,
        ).run(i).changes === 1,
    );
  }

  async addIncidentReports(id: string, n: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare('UPDATE incidents SET report_count = report_count + ? WHERE id = ?').run(n, id),
    );
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.prepare(`SELECT ${INCIDENT} FROM incidents WHERE id = ?`).get(id) as Incident | undefined;
  }

  async openIncidentForZone(zoneId: string): Promise<Incident | undefined> {
    return this.prepare(`SELECT ${INCIDENT} FROM incidents WHERE zone_id = ? AND status = 'open' LIMIT 1`).get(
      zoneId,
    ) as Incident | undefined;
  }

  async updateIncident(
    id: string,
    change: Partial<Pick<Incident, 'status' | 'etaMs' | 'resolvedAtMs' | 'noticeId' | 'reportCount'>>,
  ): Promise<void> {
    const keys = Object.keys(change);
    if (keys.length === 0) return;
    await this.tx.write(() =>
      this.prepare(`UPDATE incidents SET ${keys.map((k) => `${snake(k)} = @${k}`).join(', ')} WHERE id = @id`).run({
        ...change,
        id,
      }),
    );
  }

  async listIncidents(f: { status?: 'open' | 'resolved'; limit: number }): Promise<Incident[]> {
    return this.prepare(
      `SELECT ${INCIDENT} FROM incidents WHERE (@status IS NULL OR status = @status) ORDER BY opened_at_ms DESC LIMIT @limit`,
    ).all({ status: f.status ?? null, limit: f.limit }) as Incident[];
  }

  async insertCallback(c: Callback): Promise<void> {
    await this.tx.write(() =>
      this.prepare(
        `INSERT INTO callbacks (id, ticket_id, created_at_ms, due_at_ms, status, outcome, done_at_ms, agent)
         VALUES (@id, @ticketId, @createdAtMs, @dueAtMs, @status, @outcome, @doneAtMs, @agent) ON CONFLICT(ticket_id) DO NOTHING`,
      ).run(c),
    );
  }

  async getCallback(id: string): Promise<Callback | undefined> {
    return this.prepare(`SELECT ${CALLBACK} FROM callbacks WHERE id = ?`).get(id) as Callback | undefined;
  }

  async listCallbacks(f: { status?: 'open' | 'done'; limit: number }): Promise<Callback[]> {
    return this.prepare(
      `SELECT ${CALLBACK} FROM callbacks WHERE (@status IS NULL OR status = @status) ORDER BY due_at_ms LIMIT @limit`,
    ).all({ status: f.status ?? null, limit: f.limit }) as Callback[];
  }

  async completeCallback(id: string, outcome: string, agent: string, atMs: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare(`UPDATE callbacks SET status = 'done', outcome = ?, agent = ?, done_at_ms = ? WHERE id = ?`).run(
        outcome,
        agent,
        atMs,
        id,
      ),
    );
  }
}
