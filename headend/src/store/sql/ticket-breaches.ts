import type { Breach, Ticket, TicketEvent, TicketKind } from '../../ports/ticket-store';
import { SqlTicketIntakeBatch } from './ticket-intake-batch';
import { insertRow } from './insert-row';
import { atomically } from './sql-context';
import { eventRow, readTicket, toTicket } from './ticket-rows';

const FINISHED = ['resolved', 'closed'];

/**
 * The TicketStore's breaches (issue 16: T1/T8 facts, T10 escalation, Z5 staff breaches): a
 * missed deadline is a row of `ticket_breaches`, written once and never deleted.
 */
export class SqlTicketBreaches extends SqlTicketIntakeBatch {
  async recordBreach(
    ticketId: string,
    dueAtMs: number,
    event: TicketEvent,
    deadline: 'current' | 'work-order' = 'current',
  ): Promise<Ticket | undefined> {
    return atomically(this.ctx, async (db) => {
      const t = await db
        .selectFrom('tickets')
        .select(['kind', 'zone_id', 'owner', 'due_at_ms'])
        .where('id', '=', ticketId)
        .executeTakeFirst();
      if (t === undefined || (deadline === 'current' && t.due_at_ms !== dueAtMs)) return undefined;
      const row = {
        ticket_id: ticketId,
        due_at_ms: dueAtMs,
        kind: t.kind,
        zone_id: t.zone_id,
        owner: t.owner,
        recorded_at_ms: event.atMs,
      };
      if ((await insertRow(this.ctx.dialect, db, 'ticket_breaches', row, 'ignore')) === 0) return undefined;
      await db
        .updateTable('tickets')
        .set((eb) => ({
          breach_count: eb('breach_count', '+', 1),
          breached_at_ms: eb.case().when('breached_at_ms', '=', 0).then(dueAtMs).else(eb.ref('breached_at_ms')).end(),
        }))
        .where('id', '=', ticketId)
        .execute();
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      return readTicket(db, ticketId);
    });
  }

  async breaches(fromMs: number, toMs: number): Promise<Breach[]> {
    const rows = await this.ctx.db
      .selectFrom('ticket_breaches')
      .selectAll()
      .where('due_at_ms', '>=', fromMs)
      .where('due_at_ms', '<', toMs)
      .orderBy('due_at_ms')
      .execute();
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      dueAtMs: r.due_at_ms,
      kind: r.kind as TicketKind,
      zoneId: r.zone_id,
      owner: r.owner,
      recordedAtMs: r.recorded_at_ms,
    }));
  }

  async escalations(dueBeforeMs: number, zoneId: string | undefined, limit: number): Promise<Ticket[]> {
    let q = this.ctx.db
      .selectFrom('tickets')
      .selectAll()
      .where('status', 'not in', FINISHED)
      .where((eb) =>
        eb.or([
          eb('breach_count', '>', 0),
          eb('status', '=', 'paused'), // every stopped clock is the supervisor's to see
          eb.and([eb('status', '<>', 'paused'), eb('due_at_ms', '<', dueBeforeMs)]),
        ]),
      );
    if (zoneId !== undefined) q = q.where('zone_id', '=', zoneId);
    const rows = await q.orderBy('urgent_handling', 'desc').orderBy('due_at_ms').limit(limit).execute();
    return rows.map(toTicket);
  }
}
