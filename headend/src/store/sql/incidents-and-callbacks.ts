import { sql } from 'kysely';
import type { Callback, Incident } from '../../ports/ticket-store';
import { affected } from './sql-context';
import type { SqlContext } from './sql-context';
import { toCallback, toIncident } from './ticket-rows';

/** The TicketStore's outage incidents (Z-correlation) and T4 callback queue, on either engine. */
export class SqlIncidentsAndCallbacks {
  constructor(protected readonly ctx: SqlContext) {}

  async insertIncident(i: Incident): Promise<boolean> {
    // A second open incident for the zone hits the unique index: false, never a second notice.
    const r = await this.ctx.db
      .insertInto('incidents')
      .values({
        id: i.id,
        zone_id: i.zoneId,
        status: i.status,
        opened_at_ms: i.openedAtMs,
        eta_ms: i.etaMs,
        resolved_at_ms: i.resolvedAtMs,
        notice_id: i.noticeId,
        report_count: i.reportCount,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return affected(r) === 1;
  }

  async addIncidentReports(id: string, n: number): Promise<void> {
    await this.ctx.db
      .updateTable('incidents')
      .set((eb) => ({ report_count: eb('report_count', '+', n) }))
      .where('id', '=', id)
      .execute();
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const r = await this.ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toIncident(r);
  }

  async openIncidentForZone(zoneId: string): Promise<Incident | undefined> {
    const r = await this.ctx.db
      .selectFrom('incidents')
      .selectAll()
      .where('zone_id', '=', zoneId)
      // A literal, so SQLite can use the partial index incidents_one_open_per_zone.
      .where('status', '=', sql.lit('open'))
      .limit(1)
      .executeTakeFirst();
    return r === undefined ? undefined : toIncident(r);
  }

  async updateIncident(
    id: string,
    c: Partial<Pick<Incident, 'status' | 'etaMs' | 'resolvedAtMs' | 'noticeId' | 'reportCount'>>,
  ): Promise<void> {
    const set = {
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.etaMs === undefined ? {} : { eta_ms: c.etaMs }),
      ...(c.resolvedAtMs === undefined ? {} : { resolved_at_ms: c.resolvedAtMs }),
      ...(c.noticeId === undefined ? {} : { notice_id: c.noticeId }),
      ...(c.reportCount === undefined ? {} : { report_count: c.reportCount }),
    };
    if (Object.keys(set).length === 0) return;
    await this.ctx.db.updateTable('incidents').set(set).where('id', '=', id).execute();
  }

  async listIncidents(f: { status?: 'open' | 'resolved'; limit: number }): Promise<Incident[]> {
    let q = this.ctx.db.selectFrom('incidents').selectAll();
    if (f.status !== undefined) q = q.where('status', '=', f.status);
    const rows = await q.orderBy('opened_at_ms', 'desc').limit(f.limit).execute();
    return rows.map(toIncident);
  }

  async insertCallback(c: Callback): Promise<void> {
    await this.ctx.db
      .insertInto('callbacks')
      .values({
        id: c.id,
        ticket_id: c.ticketId,
        resolution: c.resolution,
        created_at_ms: c.createdAtMs,
        due_at_ms: c.dueAtMs,
        status: c.status,
        outcome: c.outcome,
        done_at_ms: c.doneAtMs,
        agent: c.agent,
      })
      .onConflict((oc) => oc.columns(['ticket_id', 'resolution']).doNothing())
      .execute();
  }

  async getCallback(id: string): Promise<Callback | undefined> {
    const r = await this.ctx.db.selectFrom('callbacks').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toCallback(r);
  }

  async listCallbacks(f: { status?: 'open' | 'done'; limit: number }): Promise<Callback[]> {
    let q = this.ctx.db.selectFrom('callbacks').selectAll();
    if (f.status !== undefined) q = q.where('status', '=', f.status);
    const rows = await q.orderBy('due_at_ms').limit(f.limit).execute();
    return rows.map(toCallback);
  }

  async callbackFor(ticketId: string, resolution: number): Promise<Callback | undefined> {
    const r = await this.ctx.db
      .selectFrom('callbacks')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('resolution', '=', resolution)
      .executeTakeFirst();
    return r === undefined ? undefined : toCallback(r);
  }

  async completeCallback(id: string, outcome: string, agent: string, atMs: number): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('callbacks')
      .set({ status: 'done', outcome, agent, done_at_ms: atMs })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return affected(r) === 1;
  }
}
