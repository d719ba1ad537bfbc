import type Database from 'better-sqlite3';
import type { GroupCommit } from './group-commit';
import { statementCache } from './statement-cache';
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

interface BoxRow {
  id: string;
  account_id: string;
  zone_id: string;
  model: string;
  firmware: string;
  app_version: string;
  uplink_public_key: string;
  credential_hash: string;
  cert_fingerprint: string;
  cert_serial: string;
  provisioned_at_ms: number;
  last_seen_ms: number;
  online: number;
}

function toBox(r: BoxRow): Box {
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

type Target = Array<{ id: string; zoneId: string }>;

export class SqliteRegistryStore implements RegistryStore {
  private readonly prepare: (sql: string) => Database.Statement;

  constructor(
    db: Database.Database,
    private readonly tx: GroupCommit,
  ) {
    this.prepare = statementCache(db);
  }

  async upsertZones(zones: readonly Zone[]): Promise<void> {
    const st = this.prepare(
      `INSERT INTO zones (id, name, type, maintainer) VALUES (@id, @name, @type, @maintainer)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, maintainer = excluded.maintainer`,
    );
    await this.tx.write(() => zones.forEach((z) => st.run(z)));
  }

  async getZone(id: string): Promise<Zone | undefined> {
    return this.prepare('SELECT id, name, type, maintainer FROM zones WHERE id = ?').get(id) as Zone | undefined;
  }

  async listZones(): Promise<Zone[]> {
    return this.prepare('SELECT id, name, type, maintainer FROM zones ORDER BY id').all() as Zone[];
  }

  async upsertAccounts(
    accounts: ReadonlyArray<Pick<Account, 'id' | 'name'> & Partial<Pick<Account, 'status'>>>,
  ): Promise<void> {
    const st = this.prepare(
      `INSERT INTO accounts (id, name, status) VALUES (@id, @name, @status)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name`,
    );
    await this.tx.write(() =>
      accounts.forEach((a) => st.run({ id: a.id, name: a.name, status: a.status ?? 'active' })),
    );
  }

  async getAccount(id: string): Promise<Account | undefined> {
    return this.prepare('SELECT id, name, status FROM accounts WHERE id = ?').get(id) as Account | undefined;
  }

  async listAccounts(opts: ListOptions): Promise<Page<Account>> {
    const items = this.prepare('SELECT id, name, status FROM accounts ORDER BY id LIMIT ? OFFSET ?').all(
      opts.limit,
      opts.offset,
    ) as Account[];
    const { n } = this.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number };
    return { items, total: n };
  }

  async setAccountStatus(id: string, status: AccountStatus): Promise<void> {
    await this.tx.write(() => this.prepare('UPDATE accounts SET status = ? WHERE id = ?').run(status, id));
  }

  async upsertBoxes(boxes: readonly BoxInput[]): Promise<void> {
    const st = this.prepare(
      `INSERT INTO boxes (id, account_id, zone_id, model, firmware) VALUES (@id, @accountId, @zoneId, @model, @firmware)
       ON CONFLICT(id) DO UPDATE SET account_id = excluded.account_id, zone_id = excluded.zone_id,
         model = CASE WHEN excluded.model = '' THEN boxes.model ELSE excluded.model END,
         firmware = CASE WHEN excluded.firmware = '' THEN boxes.firmware ELSE excluded.firmware END`,
    );
    await this.tx.write(() =>
      boxes.forEach((b) =>
        st.run({
          id: b.id,
          accountId: b.accountId,
          zoneId: b.zoneId,
          model: b.model ?? '',
          firmware: b.firmware ?? '',
        }),
      ),
    );
  }

  async getBox(id: string): Promise<Box | undefined> {
    const r = this.prepare('SELECT * FROM boxes WHERE id = ?').get(id) as BoxRow | undefined;
    return r === undefined ? undefined : toBox(r);
  }

  async listBoxes(f: BoxFilter): Promise<Page<Box>> {
    const where: string[] = [];
    const args: Array<string | number> = [];
    if (f.zoneId !== undefined) {
      where.push('zone_id = ?');
      args.push(f.zoneId);
    }
    if (f.accountId !== undefined) {
      where.push('account_id = ?');
      args.push(f.accountId);
    }
    if (f.online !== undefined) {
      where.push('online = ?');
      args.push(f.online ? 1 : 0);
    }
    const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.prepare(`SELECT * FROM boxes ${w} ORDER BY id LIMIT ? OFFSET ?`).all(
      ...args,
      f.limit,
      f.offset,
    ) as BoxRow[];
    const { n } = this.prepare(`SELECT COUNT(*) AS n FROM boxes ${w}`).get(...args) as { n: number };
    return { items: rows.map(toBox), total: n };
  }

  async boxIdsForAccounts(accountIds: readonly string[]): Promise<Target> {
    const st = this.prepare('SELECT id, zone_id AS zoneId FROM boxes WHERE account_id = ? ORDER BY id');
    return accountIds.flatMap((a) => st.all(a) as Target);
  }

  async boxIdsForZones(zoneIds: readonly string[]): Promise<Target> {
    const st = this.prepare('SELECT id, zone_id AS zoneId FROM boxes WHERE zone_id = ? ORDER BY id');
    return zoneIds.flatMap((z) => st.all(z) as Target);
  }

  async allBoxIds(): Promise<Target> {
    return this.prepare('SELECT id, zone_id AS zoneId FROM boxes ORDER BY id').all() as Target;
  }

  async setBoxCredentials(id: string, c: BoxCredentials): Promise<void> {
    await this.tx.write(() => {
      // The certificate this provisioning replaces is revoked in the same write.
      this.prepare(
        `INSERT INTO revoked_certificates (serial, box_id, revoked_at_ms)
           SELECT cert_serial, id, ? FROM boxes WHERE id = ? AND cert_serial NOT IN ('', ?) ON CONFLICT DO NOTHING`,
      ).run(c.provisionedAtMs, id, c.certSerial);
      this.prepare(
        'UPDATE boxes SET uplink_public_key = ?, credential_hash = ?, cert_fingerprint = ?, cert_serial = ?, provisioned_at_ms = ? WHERE id = ?',
      ).run(c.uplinkPublicKey, c.credentialHash, c.certFingerprint, c.certSerial, c.provisionedAtMs, id);
    });
  }

  async revokedCertificates(): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>> {
    return this.prepare(
      'SELECT serial AS serialHex, box_id AS boxId, revoked_at_ms AS revokedAtMs FROM revoked_certificates ORDER BY serial',
    ).all() as Array<{ serialHex: string; boxId: string; revokedAtMs: number }>;
  }

  async recordHello(
    id: string,
    h: { model: string; firmware: string; appVersion: string; atMs: number },
  ): Promise<void> {
    await this.tx.write(() =>
      this.prepare(
        'UPDATE boxes SET model = ?, firmware = ?, app_version = ?, last_seen_ms = ?, online = 1 WHERE id = ?',
      ).run(h.model, h.firmware, h.appVersion, h.atMs, id),
    );
  }

  async setOnline(id: string, online: boolean, atMs: number): Promise<void> {
    await this.tx.write(() =>
      this.prepare('UPDATE boxes SET online = ?, last_seen_ms = ? WHERE id = ?').run(online ? 1 : 0, atMs, id),
    );
  }

  async countOnline(): Promise<number> {
    return (this.prepare('SELECT COUNT(*) AS n FROM boxes WHERE online = 1').get() as { n: number }).n;
  }
}
