import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkNoticeKeySet,
  createCa,
  issueHeadendClientCert,
  issueServerCert,
  newNoticeKeySet,
  rotateNoticeKeys,
} from '@stb-notify/protocol/node';
import type { CertAndKey, NoticeKeySet } from '@stb-notify/protocol/node';
import { HeadendError } from '../errors';

/**
 * The headend's secrets on disk:
 *   <dataDir>/pki/ca.pem, ca-key.pem          operator CA (signs box and broker certificates)
 *   <dataDir>/pki/server.pem, server-key.pem  the broker's TLS certificate
 *   <dataDir>/pki/headend-client.pem, -key.pem the headend's client certificate for an external broker
 *   <dataDir>/pki/notice-keys.json            notice-signing keys (Ed25519), see protocol/README.md
 * Private keys are written with mode 0600. Files are created once by `init` and never
 * overwritten, except notice-keys.json by `keys rotate`.
 */
export class DataDir {
  readonly pkiDir: string;

  constructor(readonly root: string) {
    this.pkiDir = join(root, 'pki');
  }

  private path(name: string): string {
    return join(this.pkiDir, name);
  }

  private writeSecret(name: string, text: string): void {
    const tmp = this.path(`${name}.tmp`);
    writeFileSync(tmp, text, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path(name));
  }

  isInitialised(): boolean {
    return ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem', 'notice-keys.json'].every((f) =>
      existsSync(this.path(f)),
    );
  }

  /** Creates whatever is missing; returns the names it created. */
  init(opts: { nowMs: number; hosts: readonly string[] }): string[] {
    mkdirSync(this.pkiDir, { recursive: true, mode: 0o700 });
    const created: string[] = [];
    if (!existsSync(this.path('ca.pem'))) {
      const ca = createCa({ nowMs: opts.nowMs });
      this.writeSecret('ca-key.pem', ca.keyPem);
      writeFileSync(this.path('ca.pem'), ca.certPem);
      created.push('ca.pem');
    }
    if (!existsSync(this.path('server.pem'))) {
      const server = issueServerCert(this.ca(), [...new Set(['localhost', '127.0.0.1', '::1', ...opts.hosts])], {
        nowMs: opts.nowMs,
      });
      this.writeSecret('server-key.pem', server.keyPem);
      writeFileSync(this.path('server.pem'), server.certPem);
      created.push('server.pem');
    }
    if (!existsSync(this.path('notice-keys.json'))) {
      this.writeNoticeKeys(newNoticeKeySet(opts.nowMs));
      created.push('notice-keys.json');
    }
    return created;
  }

  private read(name: string): string {
    try {
      return readFileSync(this.path(name), 'utf8');
    } catch {
      throw new HeadendError('CONFIG_INVALID', `${this.path(name)} is missing: run "stb-notify init" first`);
    }
  }

  ca(): CertAndKey {
    return { certPem: this.read('ca.pem'), keyPem: this.read('ca-key.pem') };
  }

  server(): CertAndKey {
    return { certPem: this.read('server.pem'), keyPem: this.read('server-key.pem') };
  }

  noticeKeys(): NoticeKeySet {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.read('notice-keys.json'));
    } catch (err) {
      if (err instanceof HeadendError) throw err;
      throw new HeadendError('CONFIG_INVALID', `notice-keys.json is not JSON: ${(err as Error).message}`);
    }
    const problem = checkNoticeKeySet(parsed);
    if (problem !== undefined) throw new HeadendError('CONFIG_INVALID', `notice-keys.json: ${problem}`);
    return parsed as NoticeKeySet;
  }

  writeNoticeKeys(set: NoticeKeySet): void {
    this.writeSecret('notice-keys.json', `${JSON.stringify(set, null, 2)}\n`);
  }

  /** Rotation: a new active key; the old one stays trusted by boxes for the grace period. */
  rotateNoticeKeys(nowMs: number, graceMs?: number): { before: NoticeKeySet; after: NoticeKeySet } {
    const before = this.noticeKeys();
    const after = rotateNoticeKeys(before, nowMs, graceMs);
    this.writeNoticeKeys(after);
    return { before, after };
  }

  /**
   * The headend's own client certificate for an external broker (CN = HEADEND_IDENTITY, the
   * user name the generated broker ACL grants the headend's topics to); issued on first use.
   */
  headendClient(nowMs: number): CertAndKey {
    if (!existsSync(this.path('headend-client.pem'))) {
      const c = issueHeadendClientCert(this.ca(), HEADEND_IDENTITY, { nowMs });
      this.writeSecret('headend-client-key.pem', c.keyPem);
      writeFileSync(this.path('headend-client.pem'), c.certPem);
    }
    return { certPem: this.read('headend-client.pem'), keyPem: this.read('headend-client-key.pem') };
  }
}

/** The identity (certificate CN, broker user name) of headend instances; no box may have this id. */
export const HEADEND_IDENTITY = 'stb-headend';
