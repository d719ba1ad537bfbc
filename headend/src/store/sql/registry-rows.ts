import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { Box, BoxFilter } from '../../ports/registry-store';
import type { BoxesTable, DB } from './schema';
import { CHUNK } from './sql-context';

export type Target = Array<{ id: string; zoneId: string }>;

/**
 * Splits rows into statements of at most CHUNK rows, starting a new one when a key repeats:
 * PostgreSQL refuses to upsert one row twice in a statement, and a later duplicate must see
 * the earlier one applied (as the old row-by-row upsert did).
 */
export function chunks<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let keys = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (cur.length === CHUNK || keys.has(k)) {
      out.push(cur);
      cur = [];
      keys = new Set();
    }
    cur.push(row);
    keys.add(k);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function toBox(r: Selectable<BoxesTable>): Box {
  return {
    id: r.id,
    accountId: r.account_id,
    zoneId: r.zone_id,
    model: r.model,
    firmware: r.firmware,
    appVersion: r.app_version,
    uplinkPublicKey: r.uplink_public_key,
    credentialHash: r.credential_hash,
    certFingerprint: r.cert_fingerprint,
    certSerial: r.cert_serial,
    provisionedAtMs: r.provisioned_at_ms,
    lastSeenMs: r.last_seen_ms,
    online: r.online === 1,
  };
}

export function boxWhere(f: BoxFilter) {
  return (eb: ExpressionBuilder<DB, 'boxes'>): Expression<SqlBool> => {
    const c: Array<Expression<SqlBool>> = [];
    if (f.zoneId !== undefined) c.push(eb('zone_id', '=', f.zoneId));
    if (f.accountId !== undefined) c.push(eb('account_id', '=', f.accountId));
    if (f.online !== undefined) c.push(eb('online', '=', f.online ? 1 : 0));
    return eb.and(c);
  };
}

export const countAll = <TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => eb.fn.countAll<number>().as('n');
