import type { BoxCredentials } from '../../ports/registry-store';
import { NO_CERTIFICATE } from '../../ports/registry-store';
import { atomically } from './sql-context';
import type { SqlContext } from './sql-context';

/** The boxes whose latest certificate may connect, with its serial (a broker's user list). */
export function boxCertificates(ctx: SqlContext): Promise<Array<{ id: string; zoneId: string; certSerial: string }>> {
  return ctx.db
    .selectFrom('boxes')
    .select(['id', 'zone_id as zoneId', 'cert_serial as certSerial'])
    .where('cert_serial', '!=', '')
    .where('cert_fingerprint', '!=', NO_CERTIFICATE)
    .orderBy('id')
    .execute();
}

/**
 * A provisioning's credentials. The certificate it replaces is revoked in the same write. The
 * box row is locked first (PostgreSQL; SQLite writes one at a time), so two provisionings at
 * once each revoke what the other issued.
 */
export async function setBoxCredentials(ctx: SqlContext, id: string, c: BoxCredentials): Promise<void> {
  await atomically(ctx, async (db) => {
    const old = await db
      .selectFrom('boxes')
      .select('cert_serial')
      .where('id', '=', id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (old !== undefined && old.cert_serial !== '' && old.cert_serial !== c.certSerial) {
      await db
        .insertInto('revoked_certificates')
        .values({ serial: old.cert_serial, box_id: id, revoked_at_ms: c.provisionedAtMs })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await db
      .updateTable('boxes')
      .set({
        uplink_public_key: c.uplinkPublicKey,
        credential_hash: c.credentialHash,
        cert_fingerprint: c.certFingerprint,
        cert_serial: c.certSerial,
        provisioned_at_ms: c.provisionedAtMs,
      })
      .where('id', '=', id)
      .execute();
  });
}

/** Certificates replaced by a later provisioning, for the brokers' CRL. */
export function revokedCertificates(
  ctx: SqlContext,
): Promise<Array<{ serialHex: string; boxId: string; revokedAtMs: number }>> {
  return ctx.db
    .selectFrom('revoked_certificates')
    .select(['serial as serialHex', 'box_id as boxId', 'revoked_at_ms as revokedAtMs'])
    .orderBy('serial')
    .execute();
}
