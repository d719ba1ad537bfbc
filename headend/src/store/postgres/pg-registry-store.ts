import type {
  Account,
  BoxCredentials,
  AccountStatus,
  Box,
  BoxFilter,
  BoxInput,
  ListOptions,
  Page,
  RegistryStore,
  Zone,
} from '../../ports/registry-store';
import type { PgDb } from './pg-db';

const BOX = `id, account_id AS "accountId", zone_id AS "zoneId", model, firmware, app_version AS "appVersion",
  uplink_public_key AS "uplinkPublicKey", credential_hash AS "credentialHash", cert_fingerprint AS "certFingerprint", cert_serial AS "certSerial", provisioned_at_ms AS "provisionedAtMs",
  last_seen_ms AS "lastSeenMs", online = 1 AS online`;
type Target = Array<{ id: string; zoneId: string }>;

export class PgRegistryStore implements RegistryStore {
  constructor(private readonly db: PgDb) {}

  async upsertZones(zones: readonly Zone[]): Promise<void> {
    await this.db.tx(async (c) => {
      for (const z of zones) {
        await c.query(
          `INSERT INTO zones (id, name, type, maintainer) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, maintainer = EXCLUDED.maintainer`,
          [z.id, z.name, z.type, z.maintainer],
        );
      }
    });
  }

  getZone(id: string): Promise<Zone | undefined> {
    return this.db.one<Zone>('SELECT id, name, type, maintainer FROM zones WHERE id = $1', [id]);
  }

  listZones(): Promise<Zone[]> {
    return this.db.rows<Zone>('SELECT id, name, type, maintainer FROM zones ORDER BY id');
  }

  async upsertAccounts(
    accounts: ReadonlyArray<Pick<Account, 'id' | 'name'> & Partial<Pick<Account, 'status'>>>,
  ): Promise<void> {
    await this.db.tx(async (c) => {
      for (const a of accounts) {
        await c.query(
          'INSERT INTO accounts (id, name, status) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
          [a.id, a.name, a.status ?? 'active'],
        );
      }
    });
  }

  getAccount(id: string): Promise<Account | undefined> {
    return this.db.one<Account>('SELECT id, name, status FROM accounts WHERE id = $1', [id]);
  }

  async listAccounts(o: ListOptions): Promise<Page<Account>> {
    const items = await this.db.rows<Account>('SELECT id, name, status FROM accounts ORDER BY id LIMIT $1 OFFSET $2', [
      o.limit,
      o.offset,
    ]);
    const n = await this.db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM accounts');
    return { items, total: n?.n ?? 0 };
  }

  async setAccountStatus(id: string, status: AccountStatus): Promise<void> {
    await this.db.run('UPDATE accounts SET status = $1 WHERE id = $2', [status, id]);
  }

  async upsertBoxes(boxes: readonly BoxInput[]): Promise<void> {
    await this.db.tx(async (c) => {
      for (const b of boxes) {
        await c.query(
          `INSERT INTO boxes (id, account_id, zone_id, model, firmware) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET account_id = EXCLUDED.account_id, zone_id = EXCLUDED.zone_id,
             model = CASE WHEN EXCLUDED.model = '' THEN boxes.model ELSE EXCLUDED.model END,
             firmware = CASE WHEN EXCLUDED.firmware = '' THEN boxes.firmware ELSE EXCLUDED.firmware END`,
          [b.id, b.accountId, b.zoneId, b.model ?? '', b.firmware ?? ''],
        );
      }
    });
  }

  getBox(id: string): Promise<Box | undefined> {
    return this.db.one<Box>(`SELECT ${BOX} FROM boxes WHERE id = $1`, [id]);
  }

  async listBoxes(f: BoxFilter): Promise<Page<Box>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.zoneId !== undefined) where.push(`zone_id = $${args.push(f.zoneId)}`);
    if (f.accountId !== undefined) where.push(`account_id = $${args.push(f.accountId)}`);
    if (f.online !== undefined) where.push(`online = $${args.push(f.online ? 1 : 0)}`);
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const items = await this.db.rows<Box>(
      `SELECT ${BOX} FROM boxes ${w} ORDER BY id LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, f.limit, f.offset],
    );
    const n = await this.db.one<{ n: number }>(`SELECT COUNT(*)::int AS n FROM boxes ${w}`, args);
    return { items, total: n?.n ?? 0 };
  }

  async boxIdsForAccounts(accountIds: readonly string[]): Promise<Target> {
    const out: Target = [];
    for (const a of accountIds)
      out.push(
        ...(await this.db.rows<{ id: string; zoneId: string }>(
          'SELECT id, zone_id AS "zoneId" FROM boxes WHERE account_id = $1 ORDER BY id',
          [a],
        )),
      );
    return out;
  }

  async boxIdsForZones(zoneIds: readonly string[]): Promise<Target> {
    const out: Target = [];
    for (const z of zoneIds)
      out.push(
        ...(await this.db.rows<{ id: string; zoneId: string }>(
          'SELECT id, zone_id AS "zoneId" FROM boxes WHERE zone_id = $1 ORDER BY id',
          [z],
        )),
      );
    return out;
  }

  allBoxIds(): Promise<Target> {
    return this.db.rows<{ id: string; zoneId: string }>('SELECT id, zone_id AS "zoneId" FROM boxes ORDER BY id');
  }

  async setBoxCredentials(id: string, c: BoxCredentials): Promise<void> {
    // The box row is locked first, so two provisionings at once each revoke what the other issued.
    await this.db.tx(async (q) => {
      const old = (
        await q.query<{ serial: string }>('SELECT cert_serial AS serial FROM boxes WHERE id = $1 FOR UPDATE', [id])
      ).rows[0]?.serial;
      if (old !== undefined && old !== '' && old !== c.certSerial)
        await q.query(
          'INSERT INTO revoked_certificates (serial, box_id, revoked_at_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [old, id, c.provisionedAtMs],
        );
      await q.query(
        `UPDATE boxes SET uplink_public_key = $1, credential_hash = $2, cert_fingerprint = $3, cert_serial = $4,
           provisioned_at_ms = $5 WHERE id = $6`,
        [c.uplinkPublicKey, c.credentialHash, c.certFingerprint, c.certSerial, c.provisionedAtMs, id],
      );
    });
  }

  revokedCertificates(): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>> {
    return this.db.rows(
      'SELECT serial AS "serialHex", box_id AS "boxId", revoked_at_ms AS "revokedAtMs" FROM revoked_certificates ORDER BY serial',
    );
  }

  async recordHello(
    id: string,
    h: { model: string; firmware: string; appVersion: string; atMs: number },
  ): Promise<void> {
    await this.db.run(
      'UPDATE boxes SET model = $1, firmware = $2, app_version = $3, last_seen_ms = $4, online = 1 WHERE id = $5',
      [h.model, h.firmware, h.appVersion, h.atMs, id],
    );
  }

  async setOnline(id: string, online: boolean, atMs: number): Promise<void> {
    await this.db.run('UPDATE boxes SET online = $1, last_seen_ms = $2 WHERE id = $3', [online ? 1 : 0, atMs, id]);
  }

  async countOnline(): Promise<number> {
    return (await this.db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM boxes WHERE online = 1'))?.n ?? 0;
  }
}
