import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startHeadend } from '../../src/headend';
import type { Stores } from '../../src/ports/store';
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
}

/** A real headend on free loopback ports with a file-backed SQLite store in a temp dir and a manual clock. */
export async function startTestHeadend(opts: TestHeadendOptions = {}): Promise<TestHeadend> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'stb-headend-'));
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
    },
  });
  const h = await startHeadend({
    config,
    clock,
    schedulerTick: false,
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    ...(opts.stores ? { stores: await opts.stores() } : {}),
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
        ...(opts.stores ? { stores: opts.stores } : {}),
      });
    },
    async stop() {
      await h.close();
    },
  };
  return self;
}

/** Removes a test data directory. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
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
