import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type {
  FollowUp,
  Outcome,
  Resolution,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketKind,
} from '../../ports/ticket-store';
import type { DB, TicketResolutionsTable } from './schema';
import { insertRow } from './insert-row';
import { atomically } from './sql-context';
import { SqlTicketBreaches } from './ticket-breaches';
import { eventRow, readTicket, ticketUpdate } from './ticket-rows';

function toResolution(r: Selectable<TicketResolutionsTable>): Resolution {
  return {
    ticketId: r.ticket_id,
    resolution: r.resolution,
    zoneId: r.zone_id,
    kind: r.kind as TicketKind,
    owner: r.owner,
    resolvedAtMs: r.resolved_at_ms,
    dueAtMs: r.due_at_ms,
    breaches: r.breaches,
    followUp: r.follow_up as FollowUp,
    followUpAtMs: r.follow_up_at_ms,
    rating: r.rating,
    customerResolved: r.customer_resolved,
  };
}

/**
 * The TicketStore's resolutions (issue 16, T4/Z2): each resolution of a ticket is a row with
 * its own follow-up outcome, so a reopen keeps the answer that caused it and the figures of the
 * month it was resolved in stay as they were.
 */
export class SqlTicketResolutions extends SqlTicketBreaches {
  /** The resolution the ticket just reached; its breaches are those since the previous one. */
  protected async insertResolution(db: Kysely<DB>, t: Ticket): Promise<void> {
    const before = await db
      .selectFrom('ticket_resolutions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('breaches'), eb.val(0)).as('n'))
      .where('ticket_id', '=', t.id)
      .executeTakeFirst();
    await insertRow(this.ctx.dialect, db, 'ticket_resolutions', {
      ticket_id: t.id,
      resolution: t.resolutions,
      zone_id: t.zoneId,
      kind: t.kind,
      owner: t.owner,
      resolved_at_ms: t.resolvedAtMs,
      due_at_ms: t.dueAtMs,
      breaches: t.breachCount - Number(before?.n ?? 0),
    });
  }

  async recordOutcome(
    id: string,
    resolution: number,
    o: Outcome,
    change: TicketChange,
    event: TicketEvent,
  ): Promise<Ticket | undefined> {
    return atomically(this.ctx, async (db) => {
      const set = { ...ticketUpdate(change) };
      if (Object.keys(set).length === 0) set.status = 'resolved'; // still a compare-and-set
      const r = await db
        .updateTable('tickets')
        .set(set)
        .where('id', '=', id)
        .where('resolutions', '=', resolution)
        .where('status', '=', 'resolved')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return undefined;
      const row = await db
        .updateTable('ticket_resolutions')
        .set({
          follow_up: o.followUp,
          follow_up_at_ms: o.atMs,
          rating: o.rating,
          customer_resolved: o.customerResolved,
        })
        .where('ticket_id', '=', id)
        .where('resolution', '=', resolution)
        .where('follow_up', '=', '')
        .executeTakeFirst();
      // The resolution's own row takes the outcome once; without it nothing is written (an error rolls back).
      if (Number(row.numUpdatedRows) !== 1)
        throw new Error(`resolution ${resolution} of ticket ${id} has no open follow-up`);
      await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
      return readTicket(db, id);
    });
  }

  async resolutionsIn(fromMs: number, toMs: number): Promise<Resolution[]> {
    const rows = await this.ctx.db
      .selectFrom('ticket_resolutions')
      .selectAll()
      .where('resolved_at_ms', '>=', fromMs)
      .where('resolved_at_ms', '<', toMs)
      .orderBy('resolved_at_ms')
      .execute();
    return rows.map(toResolution);
  }

  async rememberReply(ticketId: string, noticeId: string, sentAtMs: number): Promise<void> {
    const row = { notice_id: noticeId, ticket_id: ticketId, sent_at_ms: sentAtMs };
    await insertRow(this.ctx.dialect, this.ctx.db, 'ticket_replies', row, 'ignore');
  }

  async settleFirstReplies(nowMs: number, limit: number): Promise<number> {
    // CROSS JOIN: SQLite keeps that order, so the few tickets whose reply is on its way (their
    // partial index) lead, instead of a scan of every delivery. PostgreSQL plans it as a join.
    const reached = await this.ctx.db
      .selectFrom('tickets as t')
      .crossJoin('ticket_replies as r')
      .crossJoin('deliveries as d')
      .whereRef('r.ticket_id', '=', 't.id')
      .whereRef('d.notice_id', '=', 'r.notice_id')
      .whereRef('d.box_id', '=', 't.box_id')
      .select(['t.id', 'r.sent_at_ms', 'd.delivered_at_ms', 'd.displayed_at_ms', 'd.read_at_ms'])
      // Literals, so SQLite can use the partial index tickets_reply_on_its_way.
      .where('t.first_reply_at_ms', '=', sql.lit(0))
      .where('t.first_reply_notice_id', '<>', sql.lit(''))
      .where((eb) =>
        eb.or([eb('d.delivered_at_ms', '>', 0), eb('d.displayed_at_ms', '>', 0), eb('d.read_at_ms', '>', 0)]),
      )
      .limit(limit)
      .execute();
    const first = new Map<string, number>();
    for (const r of reached) {
      const said = Math.min(...[r.delivered_at_ms, r.displayed_at_ms, r.read_at_ms].filter((x) => x > 0));
      const atMs = Math.min(Math.max(said, r.sent_at_ms), nowMs);
      first.set(r.id, Math.min(first.get(r.id) ?? atMs, atMs));
    }
    let n = 0;
    for (const [id, atMs] of first) {
      const done = await atomically(this.ctx, async (db) => {
        const u = await db
          .updateTable('tickets')
          .set({ first_reply_at_ms: atMs })
          .where('id', '=', id)
          .where('first_reply_at_ms', '=', 0)
          .executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) return false;
        const event = { ticketId: id, atMs, actor: 'system:T6', type: 'reply-reached', detail: { reachedAtMs: atMs } };
        await insertRow(this.ctx.dialect, db, 'ticket_events', eventRow(event));
        return true;
      });
      if (done) n++;
    }
    return n;
  }
}
