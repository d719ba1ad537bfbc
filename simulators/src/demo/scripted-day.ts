import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startHeadend } from '@stb-notify/headend';
import type { Headend } from '@stb-notify/headend';
import { Symptom } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import pino from 'pino';
import { BillingSim } from '../billing-sim';
import { Fleet, until } from '../fleet';
import { provisionFleet, zoneId } from '../provision-fleet';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

class DemoClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

/** What a person needs to watch the day in a browser. */
export interface WatchInfo {
  readonly headend: Headend;
  /** The operator console, and a token to sign in with. */
  readonly consoleUrl: string;
  readonly operatorToken: string;
  /** The box app as the living-room box of the household that pays late, in the maintenance zone. */
  readonly tvUrl: string;
  readonly tvBoxId: string;
}

export interface DemoOptions {
  readonly boxes: number;
  readonly zones: number;
  readonly log: (line: string) => void;
  /**
   * Watching in a browser: called once the fleet is online, before the first step, with the
   * console and box-app addresses; the day starts when it resolves (e.g. once the TV is on).
   */
  readonly watch?: (info: WatchInfo) => Promise<void>;
  /** A real-time pause after each step, so a person can follow on screen; default 0. */
  readonly pauseMs?: number;
  readonly progress?: (label: string, done: number, total: number) => void;
  /** Keep the headend running at the end (for watching in a browser); default false. */
  readonly keepRunning?: boolean;
  readonly httpPort?: number;
}

export interface DemoSummary {
  readonly boxesOnline: number;
  readonly feeRemindersShown: number;
  readonly earlySuspensionRefused: string;
  readonly suspendedBoxes: number;
  readonly restoredWithinMs: number;
  readonly maintenance47hRefused: string;
  readonly maintenanceBoxes: number;
  readonly incidentOpened: boolean;
  readonly knownOutageAnswers: number;
  readonly ticketsResolved: number;
  readonly surveysAnswered: number;
  readonly followUpGaps: number;
  readonly headend?: Headend;
  /** With keepRunning: stops the fleet and the headend and removes the demo's data. */
  readonly stop?: () => Promise<void>;
}

const TV_BOX = 'tv-000000';

/**
 * The household that will pay late (the fleet's first account) also has a TV in a browser:
 * registered in zone 0 (where the line work is), provisioned like any box, and handed over
 * in the box app's URL. Its own clock is the real one; the box takes the demo's time from
 * the headend's signed notices (network time), as a real box takes it from the broadcast.
 */
async function tvBox(h: Headend, api: string, operatorToken: string): Promise<WatchInfo> {
  await h.stores.registry.upsertBoxes([{ id: TV_BOX, accountId: 'acct-000000', zoneId: zoneId(0), model: 'browser' }]);
  const [bundle] = await h.provisioning.provisionForWebSocket([TV_BOX], 'demo');
  const fragment = Buffer.from(JSON.stringify(bundle)).toString('base64url');
  return {
    headend: h,
    consoleUrl: `${api}/console/`,
    operatorToken,
    tvUrl: `${api}/tv/#bundle=${fragment}`,
    tvBoxId: TV_BOX,
  };
}

/**
 * A day (and a bit) of a cable operator in accelerated time: fee reminders (N1), a suspension
 * with its 24 h notice (N2), payment and restore (N3), a maintenance notice 48 h ahead (N4),
 * an outage built from the boxes' own fault reports (T5, outage correlation), repairs and
 * surveys (T4). Headend, billing system and fleet share one clock that the script moves.
 */
export async function runScriptedDay(o: DemoOptions): Promise<DemoSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'stb-demo-'));
  const clock = new DemoClock(Date.now());
  const config = loadConfig({
    flags: {
      dataDir: dir,
      'http.port': o.httpPort ?? 0,
      'mqtts.port': 0,
      'mqtts.host': '127.0.0.1',
      logLevel: 'silent',
    },
  });
  const h = await startHeadend({ config, clock, schedulerTick: false, log: pino({ level: 'silent' }) });
  const api = h.urls.http.replace('localhost', '127.0.0.1');
  const tick = async (ms: number): Promise<void> => {
    clock.ms += ms;
    await h.scheduler.runDue();
  };
  o.log(`headend up: ${api} (API), ${h.urls.ws} (boxes)`);

  const bundles = await provisionFleet(h, { boxes: o.boxes, zones: o.zones });
  const fleet = new Fleet(bundles, { clock, brokerUrl: h.urls.ws.replace('localhost', '127.0.0.1') });
  void fleet.start(Math.min(5000, o.boxes * 5));
  await until(
    () => {
      o.progress?.('boxes connecting', fleet.online(), o.boxes);
      return fleet.online() === o.boxes;
    },
    120_000,
    100,
  );
  const boxesOnline = fleet.online();
  o.log(`${boxesOnline}/${o.boxes} boxes online in ${o.zones} zones`);
  const token = (await h.tokens.create('demo-operator', 'operator')).token;
  const step = async (line: string): Promise<void> => {
    o.log(line);
    if ((o.pauseMs ?? 0) > 0) await new Promise((r) => setTimeout(r, o.pauseMs));
  };
  if (o.watch !== undefined) await o.watch(await tvBox(h, api, token));
  const billing = new BillingSim(api, (await h.tokens.create('billing-system', 'billing')).token);
  const accountsOf = [...new Set(fleet.boxes.map((b) => b.config.accountId))];
  const shownOfKind = (kind: string) =>
    fleet.boxes.filter((b) => b.session.mailbox.list().some((m) => m.kind === kind)).length;

  // N1: every account has its monthly invoice due in 2 days; the 1-day reminder goes out.
  for (const [i, a] of accountsOf.entries()) {
    await billing.invoice(`inv-${a}`, a, 2600, clock.ms + 2 * DAY);
    if (i % 100 === 0) o.progress?.('invoices', i, accountsOf.length);
  }
  await tick(DAY);
  await until(() => shownOfKind('FEE_DUE') === o.boxes, 60_000, 50);
  const feeRemindersShown = shownOfKind('FEE_DUE');
  await step(`N1  fee-due reminders shown on ${feeRemindersShown} boxes (1 day before the due date)`);
  // Most pay; one account does not.
  const late = accountsOf[0] ?? '';
  for (const a of accountsOf.slice(1)) await billing.pay(`pay-${a}`, a, 2600, clock.ms, `inv-${a}`);
  await tick(2 * DAY);

  // N2: the unpaid account is overdue. A suspension in 12 h is refused; 24 h is the rule.
  const early = await billing.overdue(late, 2600, clock.ms + 12 * HOUR);
  const earlySuspensionRefused = String(early.body.code ?? early.status);
  await billing.overdue(late, 2600);
  await step(
    `N2  suspension 12 h after the warning refused (${earlySuspensionRefused}); warned for suspension in 24 h`,
  );
  await tick(24 * HOUR);
  const lateBoxes = fleet.boxes.filter((b) => b.config.accountId === late);
  await until(() => lateBoxes.every((b) => b.session.mailbox.list().some((m) => m.kind === 'SUSPENDED')), 10_000);
  const suspendedBoxes = lateBoxes.filter((b) => b.session.mailbox.list().some((m) => m.kind === 'SUSPENDED')).length;
  await step(`N2  account ${late} suspended after 24 h; SUSPENDED shown on ${suspendedBoxes} box(es)`);

  // N3: the customer pays; service is back at once.
  await tick(HOUR);
  const paidAt = clock.ms;
  await billing.pay(`pay-late`, late, 2600, paidAt, `inv-${late}`);
  await until(() => lateBoxes.every((b) => b.session.mailbox.list().some((m) => m.kind === 'RESTORED')), 10_000);
  const restore = (await h.stores.billing.restores({ accountId: late, limit: 1 }))[0];
  const restoredWithinMs = (restore?.restoredAtMs ?? 0) - paidAt;
  await step(
    `N3  paid → service restored and RESTORED shown; ${restoredWithinMs} ms after the payment (deadline 24 h)`,
  );

  // N4: line work in zone 0: 47 h ahead is refused, 48 h is sent, with a reminder before the start.
  const z0 = zoneId(0);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const m47 = await post('/api/v1/maintenance', {
    zoneIds: [z0],
    startsAtMs: clock.ms + 47 * HOUR,
    endsAtMs: clock.ms + 51 * HOUR,
    reason: '光缆迁改',
  });
  const maintenance47hRefused = String(m47.body.code ?? m47.status);
  await post('/api/v1/maintenance', {
    zoneIds: [z0],
    startsAtMs: clock.ms + 48 * HOUR,
    endsAtMs: clock.ms + 52 * HOUR,
    reason: '光缆迁改',
  });
  const zone0 = fleet.boxes.filter((b) => b.config.zoneId === z0);
  await until(() => zone0.every((b) => b.session.mailbox.list().some((m) => m.kind === 'MAINTENANCE')), 10_000);
  const maintenanceBoxes = zone0.filter((b) => b.session.mailbox.list().some((m) => m.kind === 'MAINTENANCE')).length;
  await step(
    `N4  47 h lead refused (${maintenance47hRefused}); 48 h notice on all ${maintenanceBoxes} boxes of ${z0}, reminder 2 h before`,
  );

  // Outage: zone 1 loses signal; its boxes report the fault themselves.
  const z1 = fleet.boxes.filter((b) => b.config.zoneId === zoneId(1));
  const reporters = z1.slice(0, Math.max(6, Math.ceil(z1.length / 2)));
  for (const b of reporters) {
    b.loseSignal();
    await b.session.reportFault(Symptom.SYMPTOM_NO_SIGNAL);
  }
  await until(async () => {
    await h.settle();
    return (await h.stores.tickets.openIncidentForZone(zoneId(1))) !== undefined;
  }, 20_000);
  const incident = await h.stores.tickets.openIncidentForZone(zoneId(1));
  const knownAnswers = z1.filter(
    (b) =>
      b.timings.size > 0 && b.session.mailbox.list().some((m) => m.kind === 'TICKET_UPDATE' && m.detail.incidentId),
  );
  await step(
    `T5  ${reporters.length} boxes of ${zoneId(1)} reported no signal → incident ${incident?.id ?? '—'} with an OUTAGE notice`,
  );

  // Repairs: the incident is fixed; linked tickets resolve; surveys go to the boxes, which answer.
  await tick(3 * HOUR);
  for (const b of z1) b.restoreSignal();
  const resolved = await post(`/api/v1/incidents/${incident?.id ?? 'none'}/resolve`, { resolution: '光缆熔接完成' });
  const ticketsResolved = Number(resolved.body.resolvedTickets ?? 0);
  await until(
    () =>
      reporters.filter((b) => b.session.mailbox.list().some((m) => m.kind === 'SURVEY_REQUEST')).length >=
      ticketsResolved,
    20_000,
  );
  let surveysAnswered = 0;
  for (const b of reporters) {
    const s = b.session.mailbox.list().find((m) => m.kind === 'SURVEY_REQUEST');
    if (s) {
      await b.session.answerSurvey(String(s.detail.surveyId), String(s.detail.ticketId), 5, true);
      surveysAnswered++;
    }
  }
  await until(async () => {
    await h.settle();
    return (await h.stores.tickets.list({ status: 'closed', limit: 1, offset: 0 })).total >= surveysAnswered;
  }, 20_000);
  await tick(4 * DAY);
  const followUpGaps = (await h.tickets.followUp.gaps()).length;
  await step(
    `T4  ${ticketsResolved} tickets resolved, ${surveysAnswered} surveys answered on the box, follow-up gaps: ${followUpGaps}`,
  );

  const summary: DemoSummary = {
    boxesOnline,
    feeRemindersShown,
    earlySuspensionRefused,
    suspendedBoxes,
    restoredWithinMs,
    maintenance47hRefused,
    maintenanceBoxes,
    incidentOpened: incident !== undefined,
    knownOutageAnswers: knownAnswers.length,
    ticketsResolved,
    surveysAnswered,
    followUpGaps,
  };
  const stop = async (): Promise<void> => {
    await fleet.stop();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  };
  if (o.keepRunning) return { ...summary, headend: h, stop };
  await stop();
  return summary;
}
