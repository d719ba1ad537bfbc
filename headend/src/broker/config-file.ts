import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataDir } from '../pki/data-dir';

/** Replaces a broker configuration file atomically (a reloading broker never reads half a file). */
export function writeConfigFile(path: string, text: string, secret = false): void {
  // A temporary name of its own: several headend instances may write the same file at once.
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: secret ? 0o600 : 0o644 });
  if (secret) chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** The operator CA and the broker's certificate and key, into a broker's configuration directory. */
export function writeBrokerTls(dataDir: DataDir, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const server = dataDir.server();
  writeConfigFile(join(dir, 'ca.pem'), dataDir.ca().certPem);
  writeConfigFile(join(dir, 'server.pem'), server.certPem);
  writeConfigFile(join(dir, 'server-key.pem'), server.keyPem, true);
  return ['ca.pem', 'server.pem', 'server-key.pem'];
}
