import { createSign } from 'node:crypto';
import forge from 'node-forge';
import type { CertAndKey } from './pki';

export interface RevokedCertificate {
  /** The certificate's serial number, hex (as forge and OpenSSL print it). */
  readonly serialHex: string;
  readonly revokedAtMs: number;
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** RFC 5280 §5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050 on. */
function utcTime(ms: number): forge.asn1.Asn1 {
  const d = new Date(ms);
  return d.getUTCFullYear() < 2050
    ? forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.UTCTIME, false, forge.asn1.dateToUtcTime(d))
    : forge.asn1.create(
        forge.asn1.Class.UNIVERSAL,
        forge.asn1.Type.GENERALIZEDTIME,
        false,
        forge.asn1.dateToGeneralizedTime(d),
      );
}

function integer(hex: string): forge.asn1.Asn1 {
  let h = hex.length % 2 === 1 ? `0${hex}` : hex;
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`; // DER: positive
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.util.hexToBytes(h));
}

function seq(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, items);
}

function algorithm(): forge.asn1.Asn1 {
  return seq([
    forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.OID,
      false,
      forge.asn1.oidToDer(SHA256_WITH_RSA).getBytes(),
    ),
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, ''),
  ]);
}

/**
 * An X.509 v2 certificate revocation list (RFC 5280 §5) signed by the operator CA, for
 * brokers that check client certificates against a CRL (Mosquitto's `crlfile`). node-forge
 * cannot write CRLs; this builds the DER itself and signs it with Node's crypto.
 */
export function createCrl(
  ca: CertAndKey,
  revoked: readonly RevokedCertificate[],
  opts: { readonly nowMs: number; readonly nextUpdateDays?: number },
): string {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const fields: forge.asn1.Asn1[] = [
    forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, String.fromCharCode(1)), // v2
    algorithm(),
    forge.pki.distinguishedNameToAsn1(caCert.subject),
    // An hour back, as certificates are: a broker whose clock lags must not find it "not yet valid".
    utcTime(opts.nowMs - 60 * 60 * 1000),
    // Far ahead by default: a broker refuses every certificate once its CRL is past nextUpdate.
    utcTime(opts.nowMs + (opts.nextUpdateDays ?? 3650) * 24 * 60 * 60 * 1000),
  ];
  if (revoked.length > 0) fields.push(seq(revoked.map((r) => seq([integer(r.serialHex), utcTime(r.revokedAtMs)]))));
  const tbs = Buffer.from(forge.asn1.toDer(seq(fields)).getBytes(), 'binary');
  const signature = createSign('sha256').update(tbs).sign(ca.keyPem);
  const crl = seq([
    forge.asn1.fromDer(tbs.toString('binary')),
    algorithm(),
    forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.BITSTRING,
      false,
      `\u0000${signature.toString('binary')}`,
    ),
  ]);
  const der = Buffer.from(forge.asn1.toDer(crl).getBytes(), 'binary');
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN X509 CRL-----\n${b64.trimEnd()}\n-----END X509 CRL-----\n`;
}

/** A certificate's serial number, hex — what a CRL lists. */
export function certificateSerial(certPem: string): string {
  return forge.pki.certificateFromPem(certPem).serialNumber;
}
