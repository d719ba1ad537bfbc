import type { Kysely } from 'kysely';
import type {
  Account,
  AccountStatus,
  Box,
  BoxCredentials,
  BoxFilter,
  BoxInput,
  ListOptions,
  Page,
  PresenceEvent,
  ReachFilter,
  RegistryStore,
  Zone,
  ZoneReach,
} from '../../ports/registry-store';
import { boxCertificates, revokedCertificates, setBoxCredentials } from './box-certificates';
import { presenceHistory, recordPresence } from './box-presence';
import { boxWhere, chunks, countAll, toBox } from './registry-rows';
import type { Target } from './registry-rows';
import type { DB } from './schema';
import { atomically, CHUNK } from './sql-context';
import { paddedChunks } from './padded-in-list';
import { compiledOnce } from './compiled-once';
import type { SqlContext } from './sql-context';

export class SqlRegistryStore implements RegistryStore {
  constructor(private readonly ctx: SqlContext) {}

  /** Bulk upserts are atomic: one statement alone, several in one transaction. */
  private async bulk<T>(groups: T[][], write: (db: Kysely<DB>, rows: T[]) => Promise<unknown>): Promise<void> {
    if (groups.length === 0) return;
    if (groups.length === 1) {
      await write(this.ctx.db, groups[0] ?? []);
      return;
    }
    await atomically(this.ctx, async (db) => {
      for (const rows of groups) await write(db, rows);
    });
  }

  async upsertZones(zones: readonly Zone[]): Promise<void> {
    await this.bulk(
      chunks(zones, (z) => z.id),
      (db, rows) =>
        db
          .insertInto('zones')
          .values(rows.map((z) => ({ id: z.id, name: z.name, type: z.type, maintainer: z.maintainer })))
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              type: eb.ref('excluded.type'),
              maintainer: eb.ref('excluded.maintainer'),
            })),
          )
          .execute(),
    );
  }

  private zones() {
    return this.ctx.db.selectFrom('zones').select(['id', 'name', 'type', 'maintainer']).$narrowType<Zone>();
  }

  async getZone(id: string): Promise<Zone | undefined> {
    return (
      await compiledOnce(this.ctx.dialect, this.ctx.db, 'getZone', [id], () => this.zones().where('id', '=', id))
    )[0];
  }

  async getZones(ids: readonly string[]): Promise<Map<string, Zone>> {
    const out = new Map<string, Zone>();
    for (const part of paddedChunks(ids)) {
      const q = () => this.zones().where('id', 'in', part);
      for (const z of await compiledOnce(this.ctx.dialect, this.ctx.db, `getZones:${part.length}`, part, q))
        out.set(z.id, z);
    }
    return out;
  }

  listZones(): Promise<Zone[]> {
    return this.zones().orderBy('id').execute();
  }

  async upsertAccounts(
    accounts: ReadonlyArray<Pick<Account, 'id' | 'name'> & Partial<Pick<Account, 'status'>>>,
  ): Promise<void> {
    // The status is set on creation only: an import does not undo a suspension.
    await this.bulk(
      chunks(accounts, (a) => a.id),
      (db, rows) =>
        db
          .insertInto('accounts')
          .values(rows.map((a) => ({ id: a.id, name: a.name, status: a.status ?? 'active' })))
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
          .execute(),
    );
  }

  private accounts() {
    return this.ctx.db.selectFrom('accounts').select(['id', 'name', 'status']).$narrowType<Account>();
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const q = () => this.accounts().where('id', '=', id);
    return (await compiledOnce(this.ctx.dialect, this.ctx.db, 'getAccount', [id], q))[0];
  }

  async listAccounts(o: ListOptions): Promise<Page<Account>> {
    const items = await this.accounts().orderBy('id').limit(o.limit).offset(o.offset).execute();
    const n = await this.ctx.db.selectFrom('accounts').select(countAll).executeTakeFirstOrThrow();
    return { items, total: n.n };
  }

  async setAccountStatus(id: string, status: AccountStatus): Promise<void> {
    await this.ctx.db.updateTable('accounts').set({ status }).where('id', '=', id).execute();
  }

  async upsertBoxes(boxes: readonly BoxInput[]): Promise<void> {
    await this.bulk(
      chunks(boxes, (b) => b.id),
      (db, rows) =>
        db
          .insertInto('boxes')
          .values(
            rows.map((b) => ({
              id: b.id,
              account_id: b.accountId,
              zone_id: b.zoneId,
              model: b.model ?? '',
              firmware: b.firmware ?? '',
            })),
          )
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => {
              // An import without model/firmware ('') keeps what the box reported.
              const keep = (c: 'model' | 'firmware') =>
                eb
                  .case()
                  .when(`excluded.${c}`, '=', '')
                  .then(eb.ref(`boxes.${c}`))
                  .else(eb.ref(`excluded.${c}`))
                  .end();
              return {
                account_id: eb.ref('excluded.account_id'),
                zone_id: eb.ref('excluded.zone_id'),
                model: keep('model'),
                firmware: keep('firmware'),
              };
            }),
          )
          .execute(),
    );
  }

  async getBox(id: string): Promise<Box | undefined> {
    const q = () => this.ctx.db.selectFrom('boxes').selectAll().where('id', '=', id);
    const [r] = await compiledOnce(this.ctx.dialect, this.ctx.db, 'getBox', [id], q);
    return r === undefined ? undefined : toBox(r);
  }

  async getBoxes(ids: readonly string[]): Promise<Map<string, Box>> {
    const out = new Map<string, Box>();
    for (const part of paddedChunks(ids)) {
      const q = () => this.ctx.db.selectFrom('boxes').selectAll().where('id', 'in', part);
      for (const r of await compiledOnce(this.ctx.dialect, this.ctx.db, `getBoxes:${part.length}`, part, q))
        out.set(r.id, toBox(r));
    }
    return out;
  }

  async listBoxes(f: BoxFilter): Promise<Page<Box>> {
    const boxes = this.ctx.db.selectFrom('boxes').where(boxWhere(f));
    const rows = await boxes.selectAll().orderBy('id').limit(f.limit).offset(f.offset).execute();
    const n = await boxes.select(countAll).executeTakeFirstOrThrow();
    return { items: rows.map(toBox), total: n.n };
  }

  boxIdsForAccounts(accountIds: readonly string[]): Promise<Target> {
    return this.boxIdsBy('account_id', accountIds);
  }

  boxIdsByAccount(accountIds: readonly string[]): Promise<Map<string, Target>> {
    return this.groupedBy('account_id', accountIds);
  }

  boxIdsForZones(zoneIds: readonly string[]): Promise<Target> {
    return this.boxIdsBy('zone_id', zoneIds);
  }

  /** Grouped by key in the order given, each group ordered by box id. */
  private async boxIdsBy(column: 'account_id' | 'zone_id', keys: readonly string[]): Promise<Target> {
    const byKey = await this.groupedBy(column, keys);
    return keys.flatMap((k) => byKey.get(k) ?? []);
  }

  /** One IN query per CHUNK keys instead of one query per key; each group ordered by box id. */
  private async groupedBy(column: 'account_id' | 'zone_id', keys: readonly string[]): Promise<Map<string, Target>> {
    const unique = [...new Set(keys)];
    const byKey = new Map<string, Target>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      // Compiled once per list length: a personalised notice resolves one account at a time.
      const rows = await compiledOnce(this.ctx.dialect, this.ctx.db, `boxIdsBy:${column}:${chunk.length}`, chunk, () =>
        this.ctx.db
          .selectFrom('boxes')
          .select(['id', 'zone_id', 'account_id'])
          .where(column, 'in', chunk)
          .orderBy('id'),
      );
      for (const r of rows) {
        const k = column === 'account_id' ? r.account_id : r.zone_id;
        const group = byKey.get(k) ?? [];
        group.push({ id: r.id, zoneId: r.zone_id });
        byKey.set(k, group);
      }
    }
    return byKey;
  }

  async allBoxIds(): Promise<Target> {
    return this.ctx.db.selectFrom('boxes').select(['id', 'zone_id as zoneId']).orderBy('id').execute();
  }

  boxCertificates(): Promise<Array<{ id: string; zoneId: string; certSerial: string }>> {
    return boxCertificates(this.ctx);
  }

  setBoxCredentials(id: string, c: BoxCredentials): Promise<void> {
    return setBoxCredentials(this.ctx, id, c);
  }

  revokedCertificates(): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>> {
    return revokedCertificates(this.ctx);
  }

  // A reconnect storm writes these three times per box: built and compiled once (issue 19).
  async recordHello(
    id: string,
    h: { model: string; firmware: string; appVersion: string; atMs: number },
  ): Promise<void> {
    await atomically(this.ctx, async (db) => {
      const set = { model: h.model, firmware: h.firmware, app_version: h.appVersion, last_seen_ms: h.atMs, online: 1 };
      const found = await compiledOnce(this.ctx.dialect, db, 'recordHello', [...Object.values(set), id], () =>
        db.updateTable('boxes').set(set).where('id', '=', id).returning('id'),
      );
      if (found.length > 0) await recordPresence(this.ctx.dialect, db, id, 'hello', h.atMs);
    });
  }

  async setOnline(id: string, online: boolean, atMs: number): Promise<void> {
    await atomically(this.ctx, async (db) => {
      const set = { online: online ? 1 : 0, last_seen_ms: atMs };
      const found = await compiledOnce(this.ctx.dialect, db, 'setOnline', [set.online, atMs, id], () =>
        db.updateTable('boxes').set(set).where('id', '=', id).returning('id'),
      );
      if (found.length > 0) await recordPresence(this.ctx.dialect, db, id, online ? 'online' : 'offline', atMs);
    });
  }

  presenceHistory(id: string, o: { limit: number; beforeMs?: number }): Promise<PresenceEvent[]> {
    return presenceHistory(this.ctx.db, id, o);
  }

  async countOnline(): Promise<number> {
    return (await this.ctx.db.selectFrom('boxes').select(countAll).where('online', '=', 1).executeTakeFirstOrThrow()).n;
  }

  async reachByZone(f: ReachFilter): Promise<ZoneReach[]> {
    const keys = f.zoneIds ?? f.accountIds ?? f.boxIds;
    const column = f.zoneIds !== undefined ? 'zone_id' : f.accountIds !== undefined ? 'account_id' : 'id';
    const unique = keys === undefined ? [] : [...new Set(keys)];
    if (keys !== undefined && unique.length === 0) return [];
    const byZone = new Map<string, { boxes: number; online: number }>();
    for (let i = 0; i === 0 || i < unique.length; i += CHUNK) {
      const rows = await this.ctx.db
        .selectFrom('boxes')
        .select([
          'zone_id',
          (eb) => eb.fn.countAll<number>().as('boxes'),
          (eb) => eb.fn.sum<number>('online').as('online'),
        ])
        .$if(keys !== undefined, (q) => q.where(column, 'in', unique.slice(i, i + CHUNK)))
        .groupBy('zone_id')
        .execute();
      for (const r of rows) {
        const z = byZone.get(r.zone_id) ?? { boxes: 0, online: 0 };
        z.boxes += Number(r.boxes);
        z.online += Number(r.online ?? 0);
        byZone.set(r.zone_id, z);
      }
      if (keys === undefined) break;
    }
    return [...byZone.entries()]
      .map(([zoneId, z]) => ({ zoneId, ...z }))
      .sort((a, b) => (a.zoneId < b.zoneId ? -1 : a.zoneId > b.zoneId ? 1 : 0));
  }
}
