import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NoticeKind, Symptom } from '@stb-notify/protocol';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { DAY, HOUR, ManualClock, T0 } from './support/manual-clock';
import { compileChild } from './support/compile-child';
import { freePort } from './support/mosquitto';
import { newDataDir } from './support/test-headend';
import { TestBox, until } from './support/test-box';

const CHILD = fileURLToPath(new URL('./support/crashable-headend.ts', import.meta.url));
const PG_URL = process.env.STB_NOTIFY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

type CrashPoint = 'payment.committed' | 'suspension.committed' | 'ticket.committed' | 'ticket.resolved';

/** A headend process on `dir`, its clock moved over IPC, killable with SIGKILL. */
class HeadendProcess {
  private seq = 0;
  private constructor(
    readonly child: ChildProcess,
    readonly token: string,
    readonly http: string,
  ) {}

  static async start(script: string, env: Record<string, string>, crashAt?: CrashPoint): Promise<HeadendProcess> {
    const child = fork(script, [], {
      env: { ...process.env, ...env, ...(crashAt === undefined ? {} : { STB_NOTIFY_CRASH_AT: crashAt }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<{ token: string; http: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { token: string; http: string }));
      child.once('exit', (code, signal) => reject(new Error(`headend exited ${String(code ?? signal)}`)));
    });
    return new HeadendProcess(child, ready.token, ready.http);
  }

  async api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.http}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Sets the headend's clock, runs what is due (jobs, outbox) and waits for it. */
  setClock(ms: number): Promise<void> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      const on = (m: unknown): void => {
        if ((m as { id?: number }).id !== id) return;
        this.child.off('message', on);
        resolve();
      };
      this.child.on('message', on);
      this.child.send({ id, setClock: ms });
    });
  }

  exited(): Promise<NodeJS.Signals | number | null> {
    const c = this.child;
    if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve(c.signalCode ?? c.exitCode);
    return new Promise((resolve) => c.once('exit', (code, signal) => resolve(signal ?? code)));
  }

  async kill(): Promise<void> {
    const done = this.exited();
    this.child.kill('SIGKILL');
    await done;
  }
}

/**
 * Issue 15: a decision and its notices are committed together (outbox). The headend is killed
 * with SIGKILL right after the commit, before anything is published; the next process on the
 * same database publishes it, and each box sees the notice once. SQLite by default; the
 * headend-on-postgres run does the same on PostgreSQL.
 */
describe('a headend killed right after a decision is committed', () => {
  let dir = '';
  let env: Record<string, string> = {};
  let schema = '';
  let running: HeadendProcess | undefined;
  let boxes: TestBox[] = [];
  const clock = new ManualClock(T0);
  // The child runs compiled JavaScript: a TypeScript loader cost ~1.5 s on each of 11 starts.
  let child = { script: '', remove: (): void => undefined };

  beforeAll(async () => {
    child = await compileChild(CHILD);
  });
  afterAll(() => child.remove());

  beforeEach(async () => {
    dir = newDataDir();
    clock.set(T0);
    schema = process.env.STB_NOTIFY_TEST_STORE === 'postgres' ? `c_${randomBytes(6).toString('hex')}` : '';
    env = {
      CRASH_DIR: dir,
      CRASH_T0: String(T0),
      CRASH_HTTP_PORT: String(await freePort()),
      CRASH_MQTTS_PORT: String(await freePort()),
      ...(schema === '' ? {} : { CRASH_DATABASE: `${PG_URL}?schema=${schema}` }),
    };
  });

  afterEach(async () => {
    for (const b of boxes) await b.disconnect();
    boxes = [];
    await running?.kill();
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
    if (schema !== '') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  });

  async function start(crashAt?: CrashPoint): Promise<HeadendProcess> {
    running = await HeadendProcess.start(child.script, env, crashAt);
    await running.setClock(clock.now());
    return running;
  }

  /** Boxes (re)connect to the running headend and say hello, as a box does after a broker restart. */
  async function connect(): Promise<void> {
    for (const b of boxes) {
      await b.connect();
      await b.hello();
    }
  }

  async function setUp(): Promise<HeadendProcess> {
    const h = await start();
    const seeded = await h.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-east', name: '东城', type: 'urban', maintainer: 'wang' }],
      boxes: [
        { id: 'box-1', accountId: 'acct-1', zoneId: 'z-east' },
        { id: 'box-2', accountId: 'acct-1', zoneId: 'z-east' },
      ],
    });
    expect(seeded.status).toBe(200);
    for (const id of ['box-1', 'box-2']) {
      const bundle = (await h.api('POST', `/api/v1/boxes/${id}/provision`)).body as unknown as ProvisioningResult;
      boxes.push(new TestBox(bundle, clock));
    }
    await connect();
    const inv = await h.api('POST', '/api/v1/billing/invoices', {
      invoiceId: 'inv-1',
      accountId: 'acct-1',
      amountMinor: 5200,
      dueAtMs: T0,
    });
    expect(inv.status).toBe(202);
    return h;
  }

  /** Stops the running headend the hard way and starts the next one on the same database. */
  async function restart(crashAt?: CrashPoint): Promise<HeadendProcess> {
    await running?.kill();
    for (const b of boxes) await b.disconnect();
    const h = await start(crashAt);
    await connect();
    return h;
  }

  const kinds = (b: TestBox, kind: NoticeKind): string[] => [
    ...new Set(b.accepted.flatMap((d) => (d.notice?.kind === kind ? [d.notice.noticeId ?? ''] : []))),
  ];

  it('after a payment is stored: the restore completes and each box is told once', { timeout: 60_000 }, async () => {
    let h = await setUp();
    expect((await h.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 })).status).toBe(
      201,
    );
    clock.set(T0 + 24 * HOUR);
    await h.setClock(clock.now());
    expect((await h.api('GET', '/api/v1/accounts/acct-1')).body).toMatchObject({ status: 'suspended' });

    h = await restart('payment.committed');
    clock.advance(HOUR);
    await h.setClock(clock.now());
    const paid = h
      .api('POST', '/api/v1/billing/payments', {
        paymentId: 'p-1',
        accountId: 'acct-1',
        amountMinor: 5200,
        paidAtMs: clock.now(),
        method: 'wechat',
      })
      .catch((err: unknown) => err);
    expect(await paid).toBeInstanceOf(Error); // the answer never came: the process died at the crash point
    expect(await h.exited()).toBe('SIGKILL');

    h = await restart();
    for (const b of boxes)
      await until(() => kinds(b, NoticeKind.NOTICE_KIND_RESTORED).length > 0, `${b.id} told service is back`, 20_000);
    expect((await h.api('GET', '/api/v1/accounts/acct-1')).body).toMatchObject({ status: 'active' });
    const restores = (await h.api('GET', '/api/v1/restores?accountId=acct-1')).body.items as Array<{
      restoredAtMs: number;
      noticeId: string;
    }>;
    expect(restores).toHaveLength(1);
    expect(restores[0]?.restoredAtMs).toBeGreaterThan(0);
    for (const b of boxes) expect(kinds(b, NoticeKind.NOTICE_KIND_RESTORED)).toEqual([restores[0]?.noticeId]);
    // The billing system's retry finds the payment done: a duplicate, nothing sent again.
    const retry = await h.api('POST', '/api/v1/billing/payments', {
      paymentId: 'p-1',
      accountId: 'acct-1',
      amountMinor: 5200,
      paidAtMs: clock.now(),
      method: 'wechat',
    });
    expect(retry.body).toMatchObject({ duplicate: true });
  });

  it(
    'after a suspension is decided: every box is warned once, and the suspension runs with its proof',
    {
      timeout: 60_000,
    },
    async () => {
      let h = await setUp();
      h = await restart('suspension.committed');
      const decided = h
        .api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 })
        .catch((err: unknown) => err);
      expect(await decided).toBeInstanceOf(Error);
      expect(await h.exited()).toBe('SIGKILL');

      h = await restart();
      for (const b of boxes)
        await until(() => kinds(b, NoticeKind.NOTICE_KIND_SUSPENSION_WARNING).length > 0, `${b.id} warned`, 20_000);
      const warned = boxes.map((b) => kinds(b, NoticeKind.NOTICE_KIND_SUSPENSION_WARNING));
      expect(warned[0]).toHaveLength(1);
      expect(warned[1]).toEqual(warned[0]);

      clock.set(T0 + 24 * HOUR);
      await h.setClock(clock.now());
      expect((await h.api('GET', '/api/v1/accounts/acct-1')).body).toMatchObject({ status: 'suspended' });
      const suspensions = (await h.api('GET', '/api/v1/accounts/acct-1/suspensions')).body.items as Array<{
        id: string;
        warningNoticeId: string;
        state: string;
      }>;
      expect(suspensions).toHaveLength(1);
      expect(suspensions[0]).toMatchObject({ state: 'executed', warningNoticeId: warned[0]?.[0] });
      const proof = (await h.api('GET', `/api/v1/suspensions/${suspensions[0]?.id ?? ''}/proof`)).body.boxes as Array<{
        boxId: string;
        deliveredAtMs: number;
      }>;
      expect(proof.map((p) => p.boxId).sort()).toEqual(['box-1', 'box-2']);
      for (const p of proof) expect(p.deliveredAtMs).toBeGreaterThan(0);
    },
  );

  it(
    'after a fault report became a ticket (T5): the box is told its ticket once, with its number',
    { timeout: 60_000 },
    async () => {
      let h = await setUp();
      h = await restart('ticket.committed');
      const box = boxes[0];
      if (box === undefined) throw new Error('no box');
      await box.send('fault', {
        faultReport: { reportId: 'rep-crash', symptom: Symptom.SYMPTOM_NO_SOUND, code: 'E-AUDIO' },
      });
      expect(await h.exited()).toBe('SIGKILL');

      // The box does not resend its report here: the outbox alone must bring the answer.
      h = await restart();
      await until(() => kinds(box, NoticeKind.NOTICE_KIND_TICKET_UPDATE).length > 0, 'box told its ticket', 20_000);
      const tickets = (await h.api('GET', '/api/v1/tickets?boxId=box-1')).body.items as Array<{
        id: string;
        number: number;
      }>;
      expect(tickets).toHaveLength(1);
      const updates = box.accepted.flatMap((d) =>
        d.notice?.kind === NoticeKind.NOTICE_KIND_TICKET_UPDATE ? [d.notice] : [],
      );
      expect(new Set(updates.map((n) => n.noticeId)).size).toBe(1);
      expect(updates[0]?.ticketUpdate).toMatchObject({
        ticketId: tickets[0]?.id,
        ticketNumber: tickets[0]?.number,
        reportId: 'rep-crash',
      });

      // T4: the resolution commits with its follow-up — the survey on the box and its timeout.
      h = await restart('ticket.resolved');
      const resolved = h.api('POST', `/api/v1/tickets/${String(tickets[0]?.id)}/resolve`, { resolution: '更换音频线' });
      await resolved.catch(() => undefined); // killed before it answers
      expect(await h.exited()).toBe('SIGKILL');
      h = await restart();
      await until(() => kinds(box, NoticeKind.NOTICE_KIND_SURVEY_REQUEST).length > 0, 'box asked its survey', 20_000);
      expect(new Set(kinds(box, NoticeKind.NOTICE_KIND_SURVEY_REQUEST)).size).toBe(1);
      // Left unanswered, the survey times out into a callback (T4: a follow-up for every repair).
      clock.advance(3 * DAY);
      await h.setClock(clock.now());
      const callbacks = (await h.api('GET', '/api/v1/callbacks')).body.items as Array<{ ticketId: string }>;
      expect(callbacks.map((c) => c.ticketId)).toEqual([tickets[0]?.id]);
    },
  );
});
