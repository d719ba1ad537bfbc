import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterEach, beforeEach, inject } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { startHeadend } from '../../src/headend';
import type { Stores } from '../../src/ports/store';
import { openPostgresStores } from '../../src/store/open-stores';
import type { Headend } from '../../src/headend';
import { ManualClock, T0 } from './manual-clock';

export interface TestHeadend {
  readonly h: Headend;
  readonly clock: ManualClock;
  readonly dir: string;
  /** Operator token. */
  readonly token: string;
  api(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Stops this headend and starts a new one on the same data directory (restart). */
  restart(): Promise<TestHeadend>;
  stop(): Promise<void>;
}

export interface TestHeadendOptions {
  readonly dir?: string;
  readonly clock?: ManualClock;
  readonly token?: string;
  readonly mqttsPort?: number;
  readonly httpPort?: number;
  /** Stores to use instead of a SQLite file in the data directory (e.g. PostgreSQL). */
  readonly stores?: () => Promise<Stores>;
  /** An external broker (mqtts:// or mqtt://) instead of the embedded one, and this instance's name. */
  readonly broker?: { readonly url: string; readonly instance: string; readonly group?: string };
}

/** A real headend on free loopback ports with a file-backed SQLite store in a temp dir and a manual clock. */
/**
 * STB_NOTIFY_TEST_STORE=postgres runs every headend scenario on PostgreSQL (a fresh schema per
 * test headend) instead of SQLite: the same rules through the same ports.
 */
const PG_URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchemas = new Map<string, string>();

function defaultStores(dir: string): (() => Promise<Stores>) | undefined {
  if (process.env.STB_NOTIFY_TEST_STORE !== 'postgres') return undefined;
  const schema = pgSchemas.get(dir) ?? `s_${randomBytes(6).toString('hex')}`;
  pgSchemas.set(dir, schema);
  return () => openPostgresStores(PG_URL, { schema, poolSize: 4 });
}

/** A new data directory with the run's operator CA and keys copied in (made once in the global set-up). */
export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stb-headend-'));
  const template = inject('pkiTemplate');
  if (template !== undefined) cpSync(join(template, 'pki'), join(dir, 'pki'), { recursive: true });
  return dir;
}

export async function startTestHeadend(opts: TestHeadendOptions = {}): Promise<TestHeadend> {
  const dir = opts.dir ?? newDataDir();
  const storesFactory = opts.stores ?? defaultStores(dir);
  const clock = opts.clock ?? new ManualClock(T0);
  const config = loadConfig({
    flags: {
      dataDir: dir,
      'http.host': '127.0.0.1',
      'http.port': opts.httpPort ?? 0,
      'mqtts.host': '127.0.0.1',
      'mqtts.port': opts.mqttsPort ?? 0,
      publicHost: '127.0.0.1',
      logLevel: 'silent',
      ...(opts.broker === undefined
        ? {}
        : {
            'broker.url': opts.broker.url,
            'broker.instance': opts.broker.instance,
            ...(opts.broker.group === undefined ? {} : { 'broker.group': opts.broker.group }),
          }),
    },
  });
  const h = await startHeadend({
    config,
    clock,
    schedulerTick: false,
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    ...(storesFactory ? { stores: await storesFactory() } : {}),
  });
  const token = opts.token ?? (await h.tokens.create('test-operator', 'operator')).token;
  const self: TestHeadend = {
    h,
    clock,
    dir,
    token,
    async api(method, url, body, tok) {
      const res = await h.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${tok ?? token}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      return { status: res.statusCode, body: res.body === '' ? {} : (JSON.parse(res.body) as Record<string, unknown>) };
    },
    async restart() {
      // Same ports, so boxes find the headend again where they left it.
      const port = Number(new URL(h.urls.mqtts.replace('mqtts', 'http')).port);
      const httpPort = Number(new URL(h.urls.http).port);
      await h.close();
      return startTestHeadend({
        dir,
        clock,
        token,
        mqttsPort: port,
        httpPort,
        ...(storesFactory ? { stores: storesFactory } : {}),
        ...(opts.broker === undefined ? {} : { broker: opts.broker }),
      });
    },
    async stop() {
      await h.close();
    },
  };
  return self;
}

/** Removes a test data directory (and its PostgreSQL schema when the run uses PostgreSQL). */
export async function removeDir(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const schema = pgSchemas.get(dir);
  if (schema === undefined) return;
  pgSchemas.delete(dir);
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** Registers zones, accounts and boxes through the API. */
export async function seedRegistry(t: TestHeadend): Promise<void> {
  const r = await t.api('POST', '/api/v1/registry/import', {
    zones: [
      { id: 'z-east', name: '东城', type: 'urban', maintainer: 'wang' },
      { id: 'z-west', name: '西乡', type: 'township', maintainer: 'li' },
    ],
    boxes: [
      { id: 'box-1', accountId: 'acct-1', zoneId: 'z-east' },
      { id: 'box-2', accountId: 'acct-1', zoneId: 'z-east' },
      { id: 'box-3', accountId: 'acct-2', zoneId: 'z-east' },
      { id: 'box-4', accountId: 'acct-3', zoneId: 'z-west' },
    ],
  });
  if (r.status !== 200) throw new Error(`seed failed: ${JSON.stringify(r.body)}`);
}

/**
 * A fresh headend with the seeded registry for each test of the calling suite, stopped and
 * removed after it: `const h = useSeededHeadend(); … h().api(…)`.
 */
export function useSeededHeadend(): () => TestHeadend {
  let t: TestHeadend | undefined;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t?.stop();
    if (t !== undefined) await removeDir(t.dir);
  });
  return () => {
    if (t === undefined) throw new Error('useSeededHeadend: only inside a test');
    return t;
  };
}
