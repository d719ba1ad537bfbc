import type { Kysely } from 'kysely';
import { PRESENCE_KEEP_MS } from '../../ports/registry-store';
import type { PresenceEvent } from '../../ports/registry-store';
import { compiledOnce } from './compiled-once';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

/** Appends to a box's online history (issue 18) and drops what is older than PRESENCE_KEEP_MS. */
export async function recordPresence(
  dialect: SqlDialect,
  db: Kysely<DB>,
  boxId: string,
  event: PresenceEvent['event'],
  atMs: number,
): Promise<void> {
  await compiledOnce(dialect, db, 'recordPresence', [boxId, atMs, event], () =>
    db.insertInto('box_presence').values({ box_id: boxId, at_ms: atMs, event }),
  );
  const before = atMs - PRESENCE_KEEP_MS;
  await compiledOnce(dialect, db, 'prunePresence', [boxId, before], () =>
    db.deleteFrom('box_presence').where('box_id', '=', boxId).where('at_ms', '<', before),
  );
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
