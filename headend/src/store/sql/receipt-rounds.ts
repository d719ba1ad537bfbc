import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { DELIVERY_RANK } from '../../ports/notice-store';
import type { ReceiptUpdate } from '../../ports/notice-store';
import { RECEIPT_COLUMN } from './notice-rows';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';
import { paddedInList } from './padded-in-list';

/** Receipts per statement at most (5 parameters each). */
const ROWS = 512;

/**
 * Receipts in rounds: round k holds the k-th receipt of each delivery, so no statement names
 * one delivery twice (an UPDATE … FROM joining a row to two sources applies only one of them)
 * and a delivery's receipts still apply in arrival order.
 */
export function receiptRounds(ordered: readonly ReceiptUpdate[]): ReceiptUpdate[][] {
  const rounds: ReceiptUpdate[][] = [];
  const seen = new Map<string, number>();
  for (const u of ordered) {
    const k = `${u.noticeId}\n${u.boxId}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    (rounds[n] ??= []).push(u);
  }
  return rounds;
}

/** Pads a round's list: names no delivery. */
const NO_RECEIPT: ReceiptUpdate = { noticeId: '', boxId: '', state: 'delivered', atMs: 0 };

/** A column set to the receipt's time only when still empty (0); `state`: only for that state's receipts. */
const firstTime = (col: string, state?: string) =>
  sql.raw(
    `${col} = CASE WHEN ${state === undefined ? '' : `v.column3 = '${state}' AND `}deliveries.${col} = 0 ` +
      `THEN v.column5 ELSE deliveries.${col} END`,
  );

/** Every receipt's timestamp column; delivered_at for every state: a later state implies the earlier one. */
const STAMPS = sql.join(
  Object.entries(RECEIPT_COLUMN).map(([s, col]) => firstTime(col, s === 'delivered' ? undefined : s)),
);

/**
 * One round of receipts in one statement per ROWS receipts (issue 19: on PostgreSQL a
 * statement per receipt was a network round trip each). Per receipt, exactly what the
 * single-row update did: a state never moves backwards (rank), the receipt's own timestamp
 * column and delivered_at keep the first time they were set. The list is padded to a power of
 * two with rows that match no delivery, so each size class is prepared once. Works on SQLite
 * and PostgreSQL alike: both name a VALUES list's columns column1, column2, …
 * Returns how many deliveries changed.
 */
export async function applyRound(
  db: Kysely<DB>,
  dialect: SqlDialect,
  round: readonly ReceiptUpdate[],
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < round.length; i += ROWS) {
    const rows = paddedInList(round.slice(i, i + ROWS), NO_RECEIPT).map(
      (u) =>
        sql`(${u.noticeId}, ${u.boxId}, ${u.state}, CAST(${DELIVERY_RANK[u.state]} AS INTEGER), CAST(${u.atMs} AS BIGINT))`,
    );
    const values = sql`(VALUES ${sql.join(rows)})`;
    // PostgreSQL locks an UPDATE … FROM's rows in its plan's order (a hash join: the table's):
    // two headends storing receipts of the same broadcast would deadlock. The rows are locked
    // first, in key order, as one-by-one updates in sorted order did. (SQLite: one writer.)
    if (dialect === 'postgres')
      await sql`SELECT 1 FROM deliveries WHERE (notice_id, box_id) IN (SELECT column1, column2 FROM ${values} AS v)
        ORDER BY notice_id, box_id FOR UPDATE`.execute(db);
    const r = await sql<{ box_id: string }>`
      UPDATE deliveries SET state = v.column3, rank = v.column4, ${STAMPS}
      FROM ${values} AS v
      WHERE deliveries.notice_id = v.column1 AND deliveries.box_id = v.column2 AND deliveries.rank < v.column4
      RETURNING deliveries.box_id`.execute(db);
    changed += r.rows.length;
  }
  return changed;
}
