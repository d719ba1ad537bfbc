import type { Kysely } from 'kysely';
import { PRESENCE_KEEP_MS } from '../../ports/registry-store';
import type { PresenceEvent } from '../../ports/registry-store';
import { compiledOnce } from './compiled-once';
import { insertRuns } from './insert-runs';
import type { DB } from './schema';
import { atomically, CHUNK } from './sql-context';
import type { SqlContext } from './sql-context';

/** Appends to a box's online history (issue 18) and drops what is older than PRESENCE_KEEP_MS. */
export async function recordPresence(
  db: Kysely<DB>,
  boxId: string,
  event: PresenceEvent['event'],
  atMs: number,
): Promise<void> {
  await db.insertInto('box_presence').values({ box_id: boxId, at_ms: atMs, event }).execute();
  await db
    .deleteFrom('box_presence')
    .where('box_id', '=', boxId)
    .where('at_ms', '<', atMs - PRESENCE_KEEP_MS)
    .execute();
}

/** A box's online history, newest first: `limit` events before `beforeMs`. */
export async function presenceHistory(
  db: Kysely<DB>,
  boxId: string,
  o: { limit: number; beforeMs?: number },
): Promise<PresenceEvent[]> {
  let q = db.selectFrom('box_presence').select(['at_ms', 'event']).where('box_id', '=', boxId);
  if (o.beforeMs !== undefined) q = q.where('at_ms', '<', o.beforeMs);
  const rows = await q.orderBy('at_ms', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
  return rows.map((r) => ({
    atMs: Number(r.at_ms),
    // The table's CHECK admits only these three.
    event: r.event === 'online' ? 'online' : r.event === 'offline' ? 'offline' : 'hello',
  }));
}

/** A box connected or disconnected, as the broker reported it. */
export interface PresenceChange {
  readonly id: string;
  readonly online: boolean;
  readonly atMs: number;
}

/**
 * Several boxes' connects and disconnects in one unit of work, applied in the order given
 * (issue 19: a reconnect storm wrote each in a transaction of its own, three statements and on
 * PostgreSQL five round trips a box). Each box's state is a prepared UPDATE; the history rows of
 * the boxes that exist go in multi-row inserts; what fell out of the kept window goes in one
 * DELETE per chunk of boxes — older than PRESENCE_KEEP_MS before the earliest event of the
 * pass, so nothing still inside any box's window is dropped.
 */
export async function setOnlineMany(ctx: SqlContext, changes: readonly PresenceChange[]): Promise<void> {
  if (changes.length === 0) return;
  await atomically(ctx, async (db) => {
    const rows: Array<{ box_id: string; at_ms: number; event: string }> = [];
    for (const c of changes) {
      const online = c.online ? 1 : 0;
      const found = await compiledOnce(ctx.dialect, db, 'setOnline', [online, c.atMs, c.id], () =>
        db.updateTable('boxes').set({ online, last_seen_ms: c.atMs }).where('id', '=', c.id).returning('id'),
      );
      if (found.length > 0) rows.push({ box_id: c.id, at_ms: c.atMs, event: c.online ? 'online' : 'offline' });
    }
    if (rows.length === 0) return;
    await insertRuns(ctx.dialect, db, 'box_presence', rows);
    const cutoff = Math.min(...rows.map((r) => r.at_ms)) - PRESENCE_KEEP_MS;
    const boxes = [...new Set(rows.map((r) => r.box_id))];
    for (let i = 0; i < boxes.length; i += CHUNK)
      await db
        .deleteFrom('box_presence')
        .where('box_id', 'in', boxes.slice(i, i + CHUNK))
        .where('at_ms', '<', cutoff)
        .execute();
  });
}
