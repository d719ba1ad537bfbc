import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

/**
 * The operator's certificates, built and signed with node-forge (RSA 2048, SHA-256; forge
 * has no ECDSA). Keys come from Node's native generator: forge's pure-JS RSA key
 * generation takes seconds, Node's tens of milliseconds.
 */

export interface CertAndKey {
  readonly certPem: string;
  readonly keyPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function newRsaKey(): { publicKey: forge.pki.rsa.PublicKey; keyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { publicKey: forge.pki.publicKeyFromPem(publicPem) as forge.pki.rsa.PublicKey, keyPem };
}

/**
 * Signs a certificate with Node's native RSA (SHA-256): forge's pure-JS signature takes ~30 ms,
 * so provisioning tens of thousands of boxes took minutes; Node's takes well under one.
 */
function signCert(cert: forge.pki.Certificate, caKeyPem: string): void {
  cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption ?? '1.2.840.113549.1.1.11';
  cert.signatureOid = cert.siginfo.algorithmOid;
  // getTBSCertificate is forge's own (what cert.sign uses), missing from its type definitions.
  const pki = forge.pki as typeof forge.pki & { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 };
  const tbs = forge.asn1.toDer(pki.getTBSCertificate(cert)).getBytes();
  cert.signature = sign('sha256', Buffer.from(tbs, 'binary'), caKeyPem).toString('binary');
}

/**
 * A positive 128-bit serial from 16 random bytes (RFC 5280 §4.1.2.2: positive, at most 20
 * octets). The first octet is made 0x01-0x7f: forge writes the serial's bytes as the DER
 * INTEGER as they are, and one starting 0x00 0x00-0x7f is not DER ("illegal padding") — about
 * one certificate in 2,000 was unreadable, which a 30,000-box fleet always met.
 */
export function serialHex(random: Uint8Array): string {
  const b = Buffer.from(random.subarray(0, 16));
  b[0] = ((b[0] ?? 0) & 0x7f) | 0x01;
  return b.toString('hex');
}

function serial(): string {
  return serialHex(randomBytes(16));
}

function validity(cert: forge.pki.Certificate, nowMs: number, days: number): void {
  cert.validity.notBefore = new Date(nowMs - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(nowMs + days * DAY_MS);
}

export interface CaOptions {
  readonly commonName?: string;
  readonly organization?: string;
  readonly validityDays?: number;
  readonly nowMs?: number;
}

export function createCa(opts: CaOptions = {}): CertAndKey {
  const { publicKey, keyPem } = newRsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  validity(cert, opts.nowMs ?? Date.now(), opts.validityDays ?? 3650);
  const subject = [
    { name: 'commonName', value: opts.commonName ?? 'stb-notify operator CA' },
    { name: 'organizationName', value: opts.organization ?? 'stb-notify' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCert(cert, keyPem);
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

interface LeafOptions {
  readonly ca: CertAndKey;
  readonly commonName: string;
  readonly organizationalUnit: string;
  readonly validityDays: number;
  readonly nowMs: number;
  readonly extKeyUsage: { serverAuth?: boolean; clientAuth?: boolean };
  readonly altNames?: ReadonlyArray<{ type: 2; value: string } | { type: 7; ip: string }>;
  /** Certify this public key (the holder keeps its private key); default: a new key pair, returned. */
  readonly publicKeyPem?: string;
  /** Name the box and this certificate's serial in a URI subject alternative name: see issueBoxCert. */
  readonly boxUri?: boolean;
}

function issueLeaf(o: LeafOptions): CertAndKey {
  const caCert = forge.pki.certificateFromPem(o.ca.certPem);
  const { publicKey, keyPem } =
    o.publicKeyPem === undefined
      ? newRsaKey()
      : { publicKey: forge.pki.publicKeyFromPem(o.publicKeyPem) as forge.pki.rsa.PublicKey, keyPem: '' };
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  validity(cert, o.nowMs, o.validityDays);
  cert.setSubject([
    { name: 'commonName', value: o.commonName },
    { name: 'organizationalUnitName', value: o.organizationalUnit },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  const ext: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', ...o.extKeyUsage },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ];
  // One subjectAltName extension (a second one makes the certificate invalid).
  const altNames = [
    ...(o.altNames ?? []),
    ...(o.boxUri === true ? [{ type: 6 as const, value: boxCertUri(o.commonName, cert.serialNumber) }] : []),
  ];
  if (altNames.length > 0) ext.push({ name: 'subjectAltName', altNames });
  cert.setExtensions(ext);
  signCert(cert, o.ca.keyPem);
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

/** The broker's TLS server certificate, valid for the given host names and IP addresses. */
export function issueServerCert(
  ca: CertAndKey,
  hosts: readonly string[] = ['localhost', '127.0.0.1', '::1'],
  opts: { validityDays?: number; nowMs?: number } = {},
): CertAndKey {
  const ipLike = /^[0-9.]+$|:/;
  return issueLeaf({
    ca,
    commonName: hosts[0] ?? 'localhost',
    organizationalUnit: 'stb-headend',
    validityDays: opts.validityDays ?? 825,
    nowMs: opts.nowMs ?? Date.now(),
    extKeyUsage: { serverAuth: true },
    altNames: hosts.map((h) => (ipLike.test(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
  });
}

/** Organizational unit that marks a certificate as a set-top box's. */
export const BOX_OU = 'stb-box';

/**
 * The URI a box certificate carries as its subject alternative name: the box and the
 * certificate's serial. A broker that maps certificates to users (a NATS cluster,
 * verify_and_map) names each box's user by it: one user per issued certificate, so a certificate
 * revoked by provisioning the box again stops working there too, and the lookup is by exact
 * name — NATS 2.9 compares a subject DN with every user in turn, under the server's lock.
 */
export function boxCertUri(boxId: string, serial: string): string {
  return `urn:stb-notify:box:${boxId}:${serial.toLowerCase()}`;
}

/** A box's client certificate: the subject CN is the box id, OU is "stb-box"; its URI is boxCertUri. */
export function issueBoxCert(
  ca: CertAndKey,
  boxId: string,
  opts: { validityDays?: number; nowMs?: number; publicKeyPem?: string } = {},
): CertAndKey {
  return issueLeaf({
    ...(opts.publicKeyPem === undefined ? {} : { publicKeyPem: opts.publicKeyPem }),
    ca,
    commonName: boxId,
    organizationalUnit: BOX_OU,
    validityDays: opts.validityDays ?? 3650,
    nowMs: opts.nowMs ?? Date.now(),
    extKeyUsage: { clientAuth: true },
    boxUri: true,
  });
}

/** A client certificate for the headend itself when it connects to an external broker. */
export function issueHeadendClientCert(ca: CertAndKey, name: string, opts: { nowMs?: number } = {}): CertAndKey {
  return issueLeaf({
    ca,
    commonName: name,
    organizationalUnit: 'stb-headend',
    validityDays: 825,
    nowMs: opts.nowMs ?? Date.now(),
    extKeyUsage: { clientAuth: true },
  });
}
