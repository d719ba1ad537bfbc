import { sql } from 'kysely';
import { UNANSWERED_RESEND_MS } from '../../ports/notice-store';
import type { UnansweredDelivery } from '../../ports/notice-store';
import type { SqlContext } from './sql-context';

/**
 * Issue 21, N2's proof: claims deliveries still unacknowledged when their resend is due and
 * moves them on to the next one (see UNANSWERED_RESEND_MS), in one statement.
 */
export async function claimUnanswered(ctx: SqlContext, nowMs: number, limit: number): Promise<UnansweredDelivery[]> {
  // PostgreSQL: rows another headend is claiming right now are skipped, not waited for.
  const pg = ctx.dialect === 'postgres';
  // A literal: SQLite compiles a statement with `limit ?` again at every run (see InlineLimits).
  const n = Math.max(1, Math.trunc(limit));
  const claimed = await ctx.db
    .updateTable('deliveries')
    .set((eb) => {
      // After resend k (resends = k before this one) the next is UNANSWERED_RESEND_MS[k + 1] later; after the last, none.
      // Cast: PostgreSQL would type the CASE as integer, too small for a time in ms.
      const at = (ms: number) => eb.cast<number>(eb.val(nowMs + ms), 'bigint');
      const [first = 0, ...rest] = UNANSWERED_RESEND_MS.slice(1);
      let next = eb.case().when('resends', '=', sql.lit(0)).then(at(first));
      for (const [i, ms] of rest.entries()) next = next.when('resends', '=', sql.lit(i + 1)).then(at(ms));
      // Expired: claimed once more to be taken off the schedule, never sent.
      const expired = eb.and([eb('expires_at_ms', '<>', sql.lit(0)), eb('expires_at_ms', '<=', nowMs)]);
      return {
        resends: eb('resends', '+', 1),
        resend_at_ms: eb.case().when(expired).then(sql.lit(0)).else(next.else(0).end()).end(),
      };
    })
    .where((eb) =>
      eb(
        eb.refTuple('notice_id', 'box_id'),
        'in',
        eb
          .selectFrom('deliveries')
          .select(['notice_id', 'box_id'])
          // Literals, so SQLite can use the partial index deliveries_unanswered.
          .where('state', '=', sql.lit('queued'))
          .where('resend_at_ms', '>', sql.lit(0))
          .where('resend_at_ms', '<=', nowMs)
          .orderBy('resend_at_ms')
          .limit(sql.lit(n))
          .$if(pg, (qb) => qb.forUpdate().skipLocked())
          .$asTuple('notice_id', 'box_id'),
      ),
    )
    .returning(['notice_id', 'box_id', 'expires_at_ms'])
    .execute()
    .then((rows) => rows.filter((r) => Number(r.expires_at_ms) === 0 || Number(r.expires_at_ms) > nowMs));
  if (claimed.length === 0) return [];
  const online = new Set<string>();
  const boxIds = [...new Set(claimed.map((r) => r.box_id))];
  for (let i = 0; i < boxIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('boxes')
      .select('id')
      .where('id', 'in', boxIds.slice(i, i + 500))
      .where('online', '=', 1)
      .execute();
    for (const r of rows) online.add(r.id);
  }
  return claimed
    .map((r) => ({ noticeId: r.notice_id, boxId: r.box_id, online: online.has(r.box_id) }))
    .sort((a, b) => (a.noticeId < b.noticeId ? -1 : a.noticeId > b.noticeId ? 1 : a.boxId < b.boxId ? -1 : 1));
}
