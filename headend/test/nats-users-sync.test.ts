import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { NatsUsersSync } from '../src/broker/nats-users-sync';
import type { RegistryStore } from '../src/ports/registry-store';

/** A registry that only lists box certificates, and counts how often it was read. */
function registry(boxes: Array<{ id: string; zoneId: string; certSerial: string }>): {
  store: RegistryStore;
  reads: () => number;
} {
  let reads = 0;
  const store = {
    boxCertificates: () => {
      reads++;
      return Promise.resolve([...boxes]);
    },
  } as unknown as RegistryStore;
  return { store, reads: () => reads };
}

describe('the NATS users file follows the registry (issue 21)', () => {
  it('a burst of changes shares one rewrite, and a change after it gets a rewrite of its own', async () => {
    const boxes = [{ id: 'box-1', zoneId: 'z-east', certSerial: 'aa01' }];
    const r = registry(boxes);
    const usersFile = join(mkdtempSync(join(tmpdir(), 'stb-nats-users-')), 'users.conf');
    const sync = new NatsUsersSync({
      registry: r.store,
      usersFile,
      pidFiles: [],
      log: pino({ level: 'silent' }),
      minIntervalMs: 0,
    });
    // 200 provisionings at once (one API call each): one read of the registry, one file.
    await Promise.all(Array.from({ length: 200 }, () => sync.changed()));
    expect(r.reads()).toBe(1);
    expect(readFileSync(usersFile, 'utf8')).toContain('"urn:stb-notify:box:box-1:aa01"');
    // Provisioned again: the old certificate's user goes, the new one comes.
    boxes[0] = { id: 'box-1', zoneId: 'z-east', certSerial: 'bb02' };
    await sync.changed();
    expect(r.reads()).toBe(2);
    const text = readFileSync(usersFile, 'utf8');
    expect(text).toContain('"urn:stb-notify:box:box-1:bb02"');
    expect(text).not.toContain('aa01');
    // Only its own, its zone's and the broadcast subjects (the protocol access rule).
    expect(text).toContain('subscribe: { allow: ["stb.v1.down.box.box-1","stb.v1.down.zone.z-east","stb.v1.down.all"');
  });

  it('a node whose pid file is missing is reported, and the file is written all the same', async () => {
    const r = registry([{ id: 'box-2', zoneId: 'z-west', certSerial: 'cc03' }]);
    const dir = mkdtempSync(join(tmpdir(), 'stb-nats-users-'));
    const errors: unknown[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
    const sync = new NatsUsersSync({
      registry: r.store,
      usersFile: join(dir, 'users.conf'),
      pidFiles: [join(dir, 'n9.pid')],
      log,
    });
    await sync.changed();
    expect(readFileSync(join(dir, 'users.conf'), 'utf8')).toContain('urn:stb-notify:box:box-2:cc03');
    expect(errors).toMatchObject([{ msg: 'NATS users file written, but some nodes could not be told to reload' }]);
  });
});
