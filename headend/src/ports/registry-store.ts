/** Z1 urban (城区) and township (镇乡) zones; T7 rural (农村) zones. */
export type ZoneType = 'urban' | 'township' | 'rural';

/** Z1: a zone has a type and one responsible maintainer. */
export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly type: ZoneType;
  readonly maintainer: string;
}

export type AccountStatus = 'active' | 'overdue' | 'suspended';

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly status: AccountStatus;
}

export interface Box {
  readonly id: string;
  readonly accountId: string;
  readonly zoneId: string;
  readonly model: string;
  readonly firmware: string;
  readonly appVersion: string;
  /** Ed25519 public key the box signs uplink with (base64); empty until provisioned. */
  readonly uplinkPublicKey: string;
  /** sha256 (hex) of the WebSocket credential; empty when none was issued. */
  readonly credentialHash: string;
  /**
   * SHA-256 fingerprint of the one TLS certificate this box may connect with (its latest
   * provisioning; "AA:BB:…" as Node prints it). Provisioning again revokes every earlier
   * certificate; NO_CERTIFICATE: none may connect. Empty: provisioned before certificates
   * were pinned, any certificate the operator CA issued for it is accepted.
   */
  readonly certFingerprint: string;
  /** Serial (hex) of that certificate; listed in the CRL once the box is provisioned again. */
  readonly certSerial: string;
  readonly provisionedAtMs: number;
  readonly lastSeenMs: number;
  readonly online: boolean;
}

export type BoxInput = Pick<Box, 'id' | 'accountId' | 'zoneId'> & Partial<Pick<Box, 'model' | 'firmware'>>;

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface ListOptions {
  readonly limit: number;
  readonly offset: number;
}

export interface BoxFilter extends ListOptions {
  readonly zoneId?: string;
  readonly accountId?: string;
  readonly online?: boolean;
}

/** Boxes a notice would reach: of these zones, accounts or boxes (at most one given), else all. */
export interface ReachFilter {
  readonly zoneIds?: readonly string[];
  readonly accountIds?: readonly string[];
  readonly boxIds?: readonly string[];
}

/** A zone's share of a target: its boxes, and how many of them are online now. */
export interface ZoneReach {
  readonly zoneId: string;
  readonly boxes: number;
  readonly online: number;
}

/** Accounts, boxes and zones. Bulk upserts are atomic: all rows or none. */
export interface RegistryStore {
  upsertZones(zones: readonly Zone[]): Promise<void>;
  getZone(id: string): Promise<Zone | undefined>;
  /** The zones of these ids that exist, by id (a batch's `getZone`: one query). */
  getZones(ids: readonly string[]): Promise<Map<string, Zone>>;
  listZones(): Promise<Zone[]>;

  upsertAccounts(
    accounts: ReadonlyArray<Pick<Account, 'id' | 'name'> & Partial<Pick<Account, 'status'>>>,
  ): Promise<void>;
  getAccount(id: string): Promise<Account | undefined>;
  listAccounts(opts: ListOptions): Promise<Page<Account>>;
  setAccountStatus(id: string, status: AccountStatus): Promise<void>;

  upsertBoxes(boxes: readonly BoxInput[]): Promise<void>;
  getBox(id: string): Promise<Box | undefined>;
  /** The boxes of these ids that exist, by id (a batch's `getBox`). */
  getBoxes(ids: readonly string[]): Promise<Map<string, Box>>;
  listBoxes(filter: BoxFilter): Promise<Page<Box>>;
  /** Ids and zones of every box of the given accounts / zones / all boxes (for targeting). */
  boxIdsForAccounts(accountIds: readonly string[]): Promise<Array<{ id: string; zoneId: string }>>;
  /** `boxIdsForAccounts` for many accounts at once (a pass of sends), by account; an account without boxes is absent. */
  boxIdsByAccount(accountIds: readonly string[]): Promise<Map<string, Array<{ id: string; zoneId: string }>>>;
  boxIdsForZones(zoneIds: readonly string[]): Promise<Array<{ id: string; zoneId: string }>>;
  allBoxIds(): Promise<Array<{ id: string; zoneId: string }>>;
  /** Every box whose latest certificate may connect, with that certificate's serial (a broker's user list). */
  boxCertificates(): Promise<Array<{ id: string; zoneId: string; certSerial: string }>>;
  setBoxCredentials(id: string, creds: BoxCredentials): Promise<void>;
  /** Certificates replaced by a later provisioning (revoked), for the brokers' CRL. */
  revokedCertificates(): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>>;
  /** Records the box's hello and that it said it (its online history, issue 18). */
  recordHello(id: string, hello: { model: string; firmware: string; appVersion: string; atMs: number }): Promise<void>;
  /** The box connected or disconnected: its state and its online history, together. */
  setOnline(id: string, online: boolean, atMs: number): Promise<void>;
  /**
   * A box's online history, newest first: `limit` events before `beforeMs` (paging back).
   * Events older than PRESENCE_KEEP_MS before the newest are dropped as new ones come.
   */
  presenceHistory(id: string, o: { limit: number; beforeMs?: number }): Promise<PresenceEvent[]>;
  countOnline(): Promise<number>;
  /** The boxes a target holds per zone, and how many are online (reviewed before a send, issue 18). */
  reachByZone(filter: ReachFilter): Promise<ZoneReach[]>;
}

/** One change in a box's connection (issue 18: the console's box page). */
export interface PresenceEvent {
  readonly atMs: number;
  /** online/offline: the embedded broker saw the box connect or go; hello: the box said hello. */
  readonly event: 'online' | 'offline' | 'hello';
}

/** How long a box's online history is kept (about three months: a regulator's look back at N2 disputes). */
export const PRESENCE_KEEP_MS = 92 * 24 * 3_600_000;

/** Box.certFingerprint of a box provisioned without a certificate (WebSocket only): no certificate connects. */
export const NO_CERTIFICATE = 'none';

/** What a provisioning leaves in the registry (setBoxCredentials). */
export interface BoxCredentials {
  readonly uplinkPublicKey: string;
  readonly credentialHash: string;
  readonly certFingerprint: string;
  readonly certSerial: string;
  readonly provisionedAtMs: number;
}
