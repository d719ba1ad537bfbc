import { sql } from 'kysely';
import type { OutboxEntry, OutboxOp } from '../../ports/notice-store';
import { OUTBOX_COLUMNS, toOutboxEntry } from './notice-rows';
import { CHUNK } from './sql-context';
import type { SqlContext } from './sql-context';

/**
 * The NoticeStore's outbox (issue 15): a notice's own publish state on its row, withdrawals
 * as outbox rows; claimed with a lease, marked when published.
 */
export class SqlNoticeOutbox {
  constructor(protected readonly ctx: SqlContext) {}

  async claimOutbox(nowMs: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
    // PostgreSQL: rows another headend is claiming right now are skipped, not waited for, so
    // concurrent claims take disjoint rows. (SQLite runs one write at a time.)
    const pg = this.ctx.dialect === 'postgres';
    // A literal: SQLite compiles a statement with `limit ?` again at every run (see InlineLimits).
    const n = Math.max(1, Math.trunc(limit));
    const publish = await this.ctx.db
      .updateTable('notices')
      .set((eb) => ({ publish_claim_until_ms: nowMs + leaseMs, publish_attempts: eb('publish_attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notices')
          .select('id')
          // A literal, so SQLite can use the partial index notices_unpublished.
          .where('published_at_ms', '=', sql.lit(0))
          .where('publish_claim_until_ms', '<=', nowMs)
          .orderBy('issued_at_ms')
          .orderBy('id')
          .limit(sql.lit(n))
          .$if(pg, (qb) => qb.forUpdate().skipLocked()),
      )
      .returning(['id', 'issued_at_ms', 'publish_attempts'])
      .execute();
    const withdraw = await this.ctx.db
      .updateTable('outbox')
      .set((eb) => ({ lease_until_ms: nowMs + leaseMs, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('published_at_ms', '=', 0)
          .where('lease_until_ms', '<=', nowMs)
          .orderBy('id')
          .limit(sql.lit(n))
          .$if(pg, (qb) => qb.forUpdate().skipLocked()),
      )
      .returning(OUTBOX_COLUMNS)
      .execute();
    // RETURNING promises no order: oldest first, a notice's publish before its withdrawal.
    const entries: OutboxEntry[] = [
      ...publish.map((r) => ({
        noticeId: r.id,
        op: 'publish' as const,
        createdAtMs: r.issued_at_ms,
        attempts: r.publish_attempts,
      })),
      ...withdraw.map(toOutboxEntry),
    ];
    const rank = (e: OutboxEntry) => (e.op === 'publish' ? 0 : 1);
    return entries.sort(
      (a, b) =>
        a.createdAtMs - b.createdAtMs ||
        rank(a) - rank(b) ||
        (a.noticeId < b.noticeId ? -1 : a.noticeId > b.noticeId ? 1 : 0),
    );
  }

  async markPublished(op: OutboxOp, noticeIds: readonly string[], atMs: number): Promise<void> {
    // The first publish time stays; published_at_ms = 0 means "still to publish".
    for (let i = 0; i < noticeIds.length; i += CHUNK) {
      const ids = noticeIds.slice(i, i + CHUNK);
      if (op === 'publish') {
        await this.ctx.db
          .updateTable('notices')
          .set({ published_at_ms: atMs })
          .where('id', 'in', ids)
          .where('published_at_ms', '=', 0)
          .execute();
      } else {
        await this.ctx.db
          .updateTable('outbox')
          .set({ published_at_ms: atMs })
          .where('op', '=', op)
          .where('notice_id', 'in', ids)
          .where('published_at_ms', '=', 0)
          .execute();
      }
    }
  }
}
