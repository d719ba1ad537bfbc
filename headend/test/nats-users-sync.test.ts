import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
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

  it('two instances on one file: the one that read the registry first cannot write over the newer one (revocation kept)', async () => {
    const usersFile = join(mkdtempSync(join(tmpdir(), 'stb-nats-users-')), 'users.conf');
    // Instance a reads the registry before the box is provisioned again, and is slow to finish.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let aRead = false;
    const slowOld = {
      boxCertificates: async () => {
        aRead = true;
        const before = [{ id: 'box-1', zoneId: 'z-east', certSerial: 'aa01' }];
        await gate;
        return before;
      },
    } as unknown as RegistryStore;
    const log = pino({ level: 'silent' });
    const a = new NatsUsersSync({ registry: slowOld, usersFile, pidFiles: [], log, minIntervalMs: 0 });
    const b = new NatsUsersSync({
      registry: registry([{ id: 'box-1', zoneId: 'z-east', certSerial: 'bb02' }]).store,
      usersFile,
      pidFiles: [],
      log,
      minIntervalMs: 0,
    });
    const first = a.changed();
    while (!aRead) await new Promise((r) => setTimeout(r, 5));
    // Instance b provisions the box again meanwhile and rewrites: it waits for a's turn to end.
    // (Its rewrite is due at once: the timer after it lets it run first — without the lock it
    // would write now, and a's stale read would then land over it.)
    const second = b.changed();
    await new Promise((r) => setTimeout(r, 1));
    release();
    await Promise.all([first, second]);
    const text = readFileSync(usersFile, 'utf8');
    expect(text).toContain('"urn:stb-notify:box:box-1:bb02"');
    expect(text).not.toContain('aa01');
    expect(existsSync(`${usersFile}.lock`)).toBe(false);
  });

  it('a lock left by an instance that died does not stop the next rewrite', async () => {
    const usersFile = join(mkdtempSync(join(tmpdir(), 'stb-nats-users-')), 'users.conf');
    const dead = spawnSync('true').pid;
    writeFileSync(`${usersFile}.lock`, `${hostname()} ${dead}\n`);
    const sync = new NatsUsersSync({
      registry: registry([{ id: 'box-1', zoneId: 'z-east', certSerial: 'dd04' }]).store,
      usersFile,
      pidFiles: [],
      log: pino({ level: 'silent' }),
      minIntervalMs: 0,
    });
    await sync.changed();
    expect(readFileSync(usersFile, 'utf8')).toContain('"urn:stb-notify:box:box-1:dd04"');
    expect(existsSync(`${usersFile}.lock`)).toBe(false);
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

  it('a stale pid file naming another process sends it nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stb-nats-users-'));
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(join(dir, 'n1.pid'), String(other.pid));
      const errors: Array<{ failed?: string[] }> = [];
      const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
      const r = registry([{ id: 'box-3', zoneId: 'z-east', certSerial: 'dd04' }]);
      await new NatsUsersSync({
        registry: r.store,
        usersFile: join(dir, 'users.conf'),
        pidFiles: [join(dir, 'n1.pid')],
        log,
      }).changed();
      expect(errors[0]?.failed?.[0]).toMatch(/is sleep, not nats-server/);
      expect(other.exitCode).toBeNull();
      expect(other.signalCode).toBeNull();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('a rewrite that failed is tried again by itself; an id NATS cannot carry is skipped in the open', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'stb-nats-users-')), 'not-yet');
    const r = registry([
      { id: 'box-4', zoneId: 'z-east', certSerial: 'ee05' },
      { id: 'old.box', zoneId: 'z-east', certSerial: 'ff06' },
    ]);
    const sync = new NatsUsersSync({
      registry: r.store,
      usersFile: join(dir, 'users.conf'),
      pidFiles: [],
      log: pino({ level: 'silent' }),
      minIntervalMs: 0,
      retryMs: 20,
    });
    await expect(sync.changed()).rejects.toThrow(/ENOENT/); // its directory is missing
    mkdirSync(dir);
    await until(() => existsSync(join(dir, 'users.conf')));
    const text = readFileSync(join(dir, 'users.conf'), 'utf8');
    expect(text).toContain('urn:stb-notify:box:box-4:ee05');
    expect(text).toContain('# skipped "old.box in z-east"');
    expect(text).not.toContain('urn:stb-notify:box:old.box');
  });
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; !cond(); i++) {
    if (i > 500) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
