import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { createCa, issueBoxCert, issueServerCert, newNoticeKeySet, provisionBox, serialHex } from '../src/node/index';

const ca = createCa({ commonName: 'Test Operator CA' });
const server = issueServerCert(ca, ['localhost', '127.0.0.1']);

describe('certificates built with node-forge verify with Node crypto and TLS', () => {
  it('a provisioned box certificate chains to the operator CA and names the box', () => {
    const bundle = provisionBox(ca, 'box-42', newNoticeKeySet(Date.now()), Date.now());
    const caCert = new X509Certificate(bundle.caPem);
    const boxCert = new X509Certificate(bundle.certPem);
    expect(boxCert.checkIssued(caCert)).toBe(true);
    expect(boxCert.verify(caCert.publicKey)).toBe(true);
    expect(boxCert.subject).toContain('CN=box-42');
    expect(boxCert.subject).toContain('OU=stb-box');
    // Issue 21: the box and the serial in a URI give each certificate its own user on a NATS cluster.
    expect(boxCert.subjectAltName).toBe(`URI:urn:stb-notify:box:box-42:${boxCert.serialNumber.toLowerCase()}`);
    expect(caCert.ca).toBe(true);
    expect(bundle.trustedKeys).toHaveLength(1);
    expect(bundle.uplinkKeyId).toBe('box:box-42');
  });

  it('serials are positive DER integers whatever the random bytes', () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      const hex = serialHex(Uint8Array.from([first, 0x00, ...new Array<number>(14).fill(0x44)]));
      expect(hex).toHaveLength(32);
      const lead = Number.parseInt(hex.slice(0, 2), 16);
      expect(lead >= 0x01 && lead <= 0x7f, hex).toBe(true);
    }
  });

  it('every certificate of a thousand-box fleet parses and verifies', () => {
    // About one certificate in 2,000 once had a serial no TLS stack could read.
    const pub = new X509Certificate(issueBoxCert(ca, 'key-holder').certPem).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const caKey = new X509Certificate(ca.certPem).publicKey;
    const unreadable: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const { certPem } = issueBoxCert(ca, `fleet-${i}`, { publicKeyPem: pub.toString() });
      try {
        if (!new X509Certificate(certPem).verify(caKey)) unreadable.push(`fleet-${i}: bad signature`);
      } catch (err) {
        unreadable.push(`fleet-${i}: ${(err as Error).message}`);
      }
    }
    expect(unreadable).toEqual([]);
  });

  it('a certificate from another CA does not verify', () => {
    const rogue = createCa({ commonName: 'Rogue CA' });
    const boxCert = new X509Certificate(issueBoxCert(rogue, 'box-42').certPem);
    expect(boxCert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(false);
  });

  it('mutual TLS: the server learns the box id from the client certificate; a foreign client is refused', async () => {
    const srv = createServer({
      key: server.keyPem,
      cert: server.certPem,
      ca: ca.certPem,
      requestCert: true,
      rejectUnauthorized: true,
    });
    const seen: string[] = [];
    srv.on('secureConnection', (s: TLSSocket) => {
      seen.push(String(s.getPeerCertificate().subject.CN));
      s.end('ok');
    });
    srv.on('tlsClientError', () => undefined);
    srv.listen(0, '127.0.0.1');
    await once(srv, 'listening');
    const port = (srv.address() as AddressInfo).port;
    try {
      const box = issueBoxCert(ca, 'box-7');
      const good = connect({
        port,
        host: '127.0.0.1',
        servername: 'localhost',
        ca: ca.certPem,
        key: box.keyPem,
        cert: box.certPem,
      });
      const [reply] = (await once(good, 'data')) as [Buffer];
      expect(reply.toString()).toBe('ok');
      expect(good.authorized).toBe(true);
      good.destroy();

      const rogue = issueBoxCert(createCa(), 'box-7');
      const bad = connect({
        port,
        host: '127.0.0.1',
        servername: 'localhost',
        ca: ca.certPem,
        key: rogue.keyPem,
        cert: rogue.certPem,
      });
      const outcome = await new Promise<string>((resolve) => {
        bad.on('error', () => resolve('error'));
        bad.on('data', () => resolve('data'));
        bad.on('close', () => resolve('closed'));
      });
      expect(outcome).not.toBe('data');
      expect(seen).toEqual(['box-7']);
    } finally {
      srv.close();
    }
  });
});
