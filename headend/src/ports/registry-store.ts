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
  listZones(): Promise<Zone[]>;

  upsertAccounts(
    accounts: ReadonlyArray<Pick<Account, 'id' | 'name'> & Partial<Pick<Account, 'status'>>>,
  ): Promise<void>;
  getAccount(id: string): Promise<Account | undefined>;
  listAccounts(opts: ListOptions): Promise<Page<Account>>;
  setAccountStatus(id: string, status: AccountStatus): Promise<void>;

  upsertBoxes(boxes: readonly BoxInput[]): Promise<void>;
  getBox(id: string): Promise<Box | undefined>;
  listBoxes(filter: BoxFilter): Promise<Page<Box>>;
  /** Ids and zones of every box of the given accounts / zones / all boxes (for targeting). */
  boxIdsForAccounts(accountIds: readonly string[]): Promise<Array<{ id: string; zoneId: string }>>;
  boxIdsForZones(zoneIds: readonly string[]): Promise<Array<{ id: string; zoneId: string }>>;
  allBoxIds(): Promise<Array<{ id: string; zoneId: string }>>;
  setBoxCredentials(id: string, creds: BoxCredentials): Promise<void>;
  /** Certificates replaced by a later provisioning (revoked), for the brokers' CRL. */
  revokedCertificates(): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>>;
  recordHello(id: string, hello: { model: string; firmware: string; appVersion: string; atMs: number }): Promise<void>;
  setOnline(id: string, online: boolean, atMs: number): Promise<void>;
  countOnline(): Promise<number>;
  /** The boxes a target holds per zone, and how many are online (reviewed before a send, issue 18). */
  reachByZone(filter: ReachFilter): Promise<ZoneReach[]>;
}

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
