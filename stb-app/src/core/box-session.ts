import {
  boxSubscriptions,
  fromBase64,
  KeyRing,
  openDownlink,
  ProtocolErrorCode,
  ReceiptState,
  sealUplink,
  toBase64,
  uplinkTopic,
} from '@stb-notify/protocol';
import type {
  Clock,
  DiagnosticsProps,
  Downlink,
  Signer,
  Symptom,
  UplinkKind,
  UplinkProps,
  Verifier,
} from '@stb-notify/protocol';
import { backoffDelay } from './backoff';
import { HelloRetry } from './hello-retry';
import type { BoxConfig } from './box-config';
import { Emitter } from './emitter';
import { noticeToMail } from './mail';
import type { MailItem } from './mail';
import { Mailbox } from './mailbox';
import { UnansweredUplink } from './unanswered-uplink';
import { NetworkClock } from './network-clock';
import { Outbox } from './outbox';
import { realTimers } from './ports';
import type { KeyValueStorage, Platform, Timers, TransportFactory, Transport } from './ports';

export type ConnectionState = 'offline' | 'connecting' | 'online';

export interface TicketInfo {
  readonly ticketId: string;
  /** The short number (工单号) the subscriber reads out on the phone; 0 with no ticket. */
  readonly ticketNumber: number;
  readonly incidentId: string;
  readonly reportId: string;
  readonly status: number;
  readonly severity: number;
  readonly dueAtMs: number;
  readonly pauseReason: string;
}

export interface SessionEvents extends Record<string, unknown> {
  state: ConnectionState;
  /** A new notice to present (banner, full screen, or just the mailbox badge). */
  notice: MailItem;
  /** A notice was withdrawn by the operator; drop it from screen if it is showing. */
  withdrawn: string;
  /** A notice was replaced by a newer one with its collapse key; drop it from screen if it is showing. */
  superseded: string;
  mailbox: readonly MailItem[];
  /** A ticket update, including the answer to a fault report (matched by reportId). */
  ticket: TicketInfo;
  /** A message that failed verification (code), for diagnostics and tests. */
  rejected: string;
}

export interface SessionDeps {
  readonly transport: TransportFactory;
  readonly storage: KeyValueStorage;
  readonly platform: Platform;
  readonly clock: Clock;
  readonly timers?: Timers;
  readonly random?: () => number;
  /**
   * Ed25519 with the bundle's uplink seed, and the notice verifier: WebCrypto on the TV (its
   * pure-JS fallback loaded only when needed), Node's crypto in the simulators.
   */
  readonly signer: Signer;
  readonly verifier: Verifier;
  /** Periodic diagnostics; 0 disables. */
  readonly diagnosticsIntervalMs?: number;
  /** An unanswered fault report is sent again after this long (default 2 min), and on reconnect when older than 10 s. */
  readonly reportRetryMs?: number;
  /** An unanswered hello is sent again after this long (default 30 s), then less and less often (0: never). */
  readonly helloRetryMs?: number;
}

const KEYS_KEY = 'stb.keys.v1';
const SEQ_KEY = 'stb.seq.v1';

/**
 * The box core: one MQTT session to the headend. It verifies every downlink with the
 * pinned notice keys, drops duplicates, applies collapse and withdrawals, keeps the
 * mailbox, answers with receipts, reports faults and diagnostics, queues uplink while
 * offline, and reconnects with jittered backoff. No UI code: Lightning renders its events.
 */
export class BoxSession extends Emitter<SessionEvents> {
  readonly mailbox: Mailbox;
  private readonly outbox: Outbox;
  private readonly keys: KeyRing;
  private readonly signer: Signer;
  private readonly verifier: Verifier;
  /** The box's time: its own clock, moved forward by the headend's signed envelopes. */
  readonly clock: NetworkClock;
  private readonly timers: Timers;
  private readonly random: () => number;
  private transport: Transport | undefined;
  /** The topics this box subscribed to, all granted, since it last found its broker session gone. */
  private sessionTopics: string | undefined;
  /** On a connection that skipped its SUBSCRIBE (the broker kept the session): subscribes after all (connect). */
  private subscribeLater: (() => Promise<void>) | undefined;
  private state: ConnectionState = 'offline';
  private attempt = 0;
  private stopped = true;
  private retryTimer: unknown;
  private diagTimer: unknown;
  private flushing = false;
  private readonly tickets = new Map<string, TicketInfo>();
  private readonly hello: HelloRetry;

  constructor(
    readonly config: BoxConfig,
    private readonly deps: SessionDeps,
  ) {
    super();
    this.mailbox = new Mailbox(deps.storage);
    this.outbox = new Outbox(deps.storage);
    this.clock = deps.clock instanceof NetworkClock ? deps.clock : new NetworkClock(deps.clock);
    this.timers = deps.timers ?? realTimers;
    this.random = deps.random ?? Math.random;
    this.signer = deps.signer;
    this.verifier = deps.verifier;
    this.keys = new KeyRing(this.loadKeys() ?? config.trustedKeys);
    this.hello = new HelloRetry(this.timers, this.random, deps.helloRetryMs ?? 30_000);
    this.mailbox.pruneExpired(this.clock.now());
  }

  get connection(): ConnectionState {
    return this.state;
  }

  get pendingUplink(): number {
    return this.outbox.size;
  }

  ticket(ticketId: string): TicketInfo | undefined {
    return this.tickets.get(ticketId);
  }

  private setState(s: ConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    this.emit('state', s);
  }

  /** Fault reports and survey answers sent again until the headend answers them (T5, T4). */
  private readonly unanswered = new UnansweredUplink();
  private reportTimer: unknown;

  private resendUnanswered(olderThanMs: number): void {
    this.unanswered.resend(olderThanMs, this.clock.now(), (kind, props) => void this.send(kind, props));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
    const every = this.deps.diagnosticsIntervalMs ?? 0;
    if (every > 0) {
      const tick = (): void => {
        void this.sendDiagnostics();
        this.diagTimer = this.timers.setTimeout(tick, every);
      };
      this.diagTimer = this.timers.setTimeout(tick, every);
    }
    const retry = this.deps.reportRetryMs ?? 120_000;
    const check = (): void => {
      this.resendUnanswered(retry);
      this.reportTimer = this.timers.setTimeout(check, retry);
    };
    this.reportTimer = this.timers.setTimeout(check, retry);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearTimeout(this.retryTimer);
    this.timers.clearTimeout(this.diagTimer);
    this.timers.clearTimeout(this.reportTimer);
    this.hello.stop();
    const t = this.transport;
    this.transport = undefined;
    this.setState('offline');
    await t?.close();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setState('connecting');
    const t = this.deps.transport();
    try {
      const { sessionPresent } = await t.open({
        onMessage: (_topic, payload) => void this.onMessage(payload),
        onClose: () => this.onLost(t),
      });
      const topics = boxSubscriptions(this.config.boxId, this.config.zoneId);
      const key = topics.join('\n');
      const subscribe = async (): Promise<void> => {
        this.sessionTopics = undefined;
        const granted = await t.subscribe(topics);
        if (granted.some((g) => g >= 128)) throw new Error('subscription refused');
        this.sessionTopics = key;
      };
      // A broker that kept the box's session restores its subscriptions itself (aedes checks them
      // against the access rule again, Mosquitto on every delivery). Subscribing once more would
      // cost a round trip before the hello and the broker a second subscription and
      // retained-message pass, for every box of a reconnect storm.
      const skipped = sessionPresent && this.sessionTopics === key;
      if (!skipped) await subscribe();
      this.transport = t;
      this.attempt = 0;
      this.setState('online');
      const hello = { hello: { ...this.deps.platform.info(), bootId: Math.floor(this.random() * 1e9).toString(36) } };
      // "Session present" promises a session, not its subscriptions (a broker restored from an
      // older snapshot; a topic refused on restore), nor every message queued in it (a broker
      // that dropped some, the key set among them). So a connection that skipped its SUBSCRIBE
      // subscribes after all, once, when its hello goes unanswered (the answer comes on the box
      // topic) or a headend message names a key it does not know (the retained key set then
      // comes), and says hello again so the headend sends again what is still pending.
      this.subscribeLater = skipped
        ? () => {
            this.subscribeLater = undefined;
            return subscribe()
              .then(() => this.send('hello', hello))
              .catch(() => this.onLost(t));
          }
        : undefined;
      // Armed first: an answer that comes back while the hello is still being sent counts.
      this.hello.sent(hello.hello.bootId, () => void (this.subscribeLater?.() ?? this.send('hello', hello)));
      await this.send('hello', hello);
      // Reports sent before the connection dropped and never answered; ones sent moments ago
      // (or still in the outbox, which flushes by itself) are left to the retry timer.
      this.resendUnanswered(Math.min(this.deps.reportRetryMs ?? 120_000, 10_000));
    } catch {
      this.onLost(t);
    }
  }

  private onLost(t: Transport): void {
    if (this.transport !== undefined && this.transport !== t) return;
    this.transport = undefined;
    this.subscribeLater = undefined;
    this.hello.stop();
    // End the dead client so publishes waiting for a PUBACK fail and stay queued.
    t.close().catch(() => undefined);
    if (this.stopped) return;
    this.setState('offline');
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => void this.connect(), backoffDelay(this.attempt++, this.random));
  }

  private loadKeys(): Array<{ keyId: string; publicKey: Uint8Array; notAfterMs: number }> | undefined {
    try {
      const raw = JSON.parse(this.deps.storage.get(KEYS_KEY) ?? 'null') as Array<{
        keyId: string;
        publicKey: string;
        notAfterMs: number;
      }> | null;
      return raw?.map((k) => ({
        keyId: k.keyId,
        publicKey: fromBase64(k.publicKey) ?? new Uint8Array(),
        notAfterMs: k.notAfterMs,
      }));
    } catch {
      return undefined;
    }
  }

  private async onMessage(payload: Uint8Array): Promise<void> {
    const open = () =>
      openDownlink(
        payload,
        { boxId: this.config.boxId, zoneId: this.config.zoneId },
        { keys: this.keys, verifier: this.verifier, nowMs: this.clock.now() },
      );
    let r = await open();
    // Signed by a trusted notice key (checked before the time) and from the future: this
    // box's clock is behind the network's. Set it and read the message again.
    if (!r.ok && r.code === ProtocolErrorCode.NOT_YET_VALID && r.header?.sender.kind === 'headend') {
      this.clock.advanceTo(r.header.issuedAtMs);
      r = await open();
    }
    if (!r.ok) {
      if (r.code === ProtocolErrorCode.UNKNOWN_KEY && r.header?.sender.kind === 'headend') void this.subscribeLater?.();
      this.emit('rejected', r.code);
      return;
    }
    this.handle(r.message, r.header);
  }

  private handle(d: Downlink, header: { issuedAtMs: number; expiresAtMs: number }): void {
    const now = this.clock.now();
    if (d.notice) {
      const mail = noticeToMail(d.notice as never, header, now);
      const { outcome, replaced } = this.mailbox.add(mail);
      if (outcome === 'duplicate' || outcome === 'stale') {
        // Sent again because the headend never got this box's receipt (it was lost with a
        // connection or by a broker cluster, or the headend crashed): answer again, so no
        // delivery stays "queued" — also for mail deleted, replaced or evicted since (it did
        // arrive), and for an older notice whose newer one is here (not shown over it).
        const known = this.mailbox.get(mail.noticeId);
        void this.receipt(mail.noticeId, known?.read ? 'read' : known?.displayed ? 'displayed' : 'delivered');
        if (outcome === 'stale' && d.notice.ticketUpdate) this.unanswered.answered(d.notice.ticketUpdate);
        return;
      }
      // A stale warning must not stay on screen once its news has moved on (e.g. RESTORED after SUSPENDED).
      if (replaced !== undefined) this.emit('superseded', replaced.noticeId);
      const tu = d.notice.ticketUpdate;
      if (tu) {
        const info: TicketInfo = {
          ticketId: tu.ticketId ?? '',
          ticketNumber: tu.ticketNumber ?? 0,
          incidentId: tu.incidentId ?? '',
          reportId: tu.reportId ?? '',
          status: tu.status ?? 0,
          severity: tu.severity ?? 0,
          dueAtMs: Number(tu.dueAtMs ?? 0),
          pauseReason: tu.pauseReason ?? '',
        };
        if (info.ticketId !== '') this.tickets.set(info.ticketId, info);
        this.unanswered.answered(tu);
        this.emit('ticket', info);
      }
      this.emit('notice', mail);
      this.emit('mailbox', this.mailbox.list());
      // One receipt where one will do: a notice put on screen at once is acknowledged as
      // displayed (which implies delivered); otherwise as delivered now.
      if (this.mailbox.get(mail.noticeId)?.displayed !== true) void this.receipt(mail.noticeId, 'delivered');
    } else if (d.withdrawal) {
      const id = d.withdrawal.noticeId ?? '';
      const m = this.mailbox.get(id);
      // Not yet shown: it goes. Already shown: it stays, marked withdrawn.
      if (m !== undefined && !m.displayed) this.mailbox.delete(id);
      else this.mailbox.update(id, { withdrawn: true });
      this.emit('withdrawn', id);
      this.emit('mailbox', this.mailbox.list());
    } else if (d.helloAnswer) {
      this.hello.answered(d.helloAnswer.bootId ?? '');
    } else if (d.diagnosticsRequest) {
      void this.sendDiagnostics(d.diagnosticsRequest.requestId ?? '');
    } else if (d.trustedKeys) {
      const keys = (d.trustedKeys.keys ?? []).map((k) => ({
        keyId: k.keyId ?? '',
        publicKey: k.ed25519 ?? new Uint8Array(),
        notAfterMs: Number(k.notAfterMs ?? 0),
      }));
      this.keys.replace(keys);
      this.deps.storage.set(KEYS_KEY, JSON.stringify(keys.map((k) => ({ ...k, publicKey: toBase64(k.publicKey) }))));
    }
  }

  /** Unique per box, also across reboots: a persisted counter plus the time. */
  private nextMessageId(now: number): string {
    const seq = Number(this.deps.storage.get(SEQ_KEY) ?? '0') + 1;
    this.deps.storage.set(SEQ_KEY, String(seq));
    return `${now.toString(36)}-${seq.toString(36)}`;
  }

  /** Uplink being signed or sent now. */
  private readonly inFlight = new Set<Promise<void>>();

  /** Resolves once every uplink started so far is sent or queued (for a caller that must know nothing is under way). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The headend has not answered this connection's hello yet (it is sent again until answered). */
  get helloUnanswered(): boolean {
    return this.hello.waiting;
  }

  /** Fault reports sent and not answered yet (they are sent again until answered). */
  get unansweredReports(): number {
    return this.unanswered.reportCount;
  }

  /** Signs and sends (or queues while offline) one uplink message. */
  private send(kind: UplinkKind, body: UplinkProps): Promise<void> {
    const p = this.sealAndFlush(kind, body);
    this.inFlight.add(p);
    const done = (): void => void this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  private async sealAndFlush(kind: UplinkKind, body: UplinkProps): Promise<void> {
    const now = this.clock.now();
    const bytes = await sealUplink(
      {
        messageId: this.nextMessageId(now),
        sender: { kind: 'box', id: this.config.boxId },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: now,
      },
      body,
      this.signer,
    );
    this.outbox.push({ topic: uplinkTopic(this.config.boxId, kind), payload: toBase64(bytes) });
    await this.flush();
  }

  /** Sends queued uplink in order while connected. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let e = this.outbox.peek(); e !== undefined && this.transport !== undefined; e = this.outbox.peek()) {
        await this.transport.publish(e.topic, fromBase64(e.payload) ?? new Uint8Array());
        this.outbox.shift();
      }
    } catch {
      // Connection lost mid-flush: the rest stays queued for the next connection.
    } finally {
      this.flushing = false;
    }
  }

  private receipt(noticeId: string, state: 'delivered' | 'displayed' | 'read' | 'dismissed'): Promise<void> {
    const map = {
      delivered: ReceiptState.RECEIPT_STATE_DELIVERED,
      displayed: ReceiptState.RECEIPT_STATE_DISPLAYED,
      read: ReceiptState.RECEIPT_STATE_READ,
      dismissed: ReceiptState.RECEIPT_STATE_DISMISSED,
    };
    return this.send('receipt', { receipt: { noticeId, state: map[state], atMs: this.clock.now() } });
  }

  /** The UI showed the notice (banner or full screen, or opened in the mailbox list). */
  async markDisplayed(noticeId: string): Promise<void> {
    const m = this.mailbox.get(noticeId);
    if (m === undefined || m.displayed) return;
    this.mailbox.update(noticeId, { displayed: true });
    await this.receipt(noticeId, 'displayed');
  }

  async markRead(noticeId: string): Promise<void> {
    const m = this.mailbox.get(noticeId);
    if (m === undefined || m.read) return;
    if (!m.displayed) await this.markDisplayed(noticeId);
    this.mailbox.update(noticeId, { read: true });
    this.emit('mailbox', this.mailbox.list());
    await this.receipt(noticeId, 'read');
  }

  async dismiss(noticeId: string): Promise<void> {
    const m = this.mailbox.get(noticeId);
    if (m === undefined) return;
    if (!m.displayed) await this.markDisplayed(noticeId);
    await this.receipt(noticeId, 'dismissed');
  }

  deleteMail(noticeId: string): void {
    if (this.mailbox.delete(noticeId)) this.emit('mailbox', this.mailbox.list());
  }

  /** Self-service fault report with a diagnostics snapshot; the answer arrives as a `ticket` event with this report id. */
  async reportFault(symptom: Symptom, code = ''): Promise<string> {
    const now = this.clock.now();
    const reportId = `r-${now.toString(36)}-${Math.floor(this.random() * 1e6).toString(36)}`;
    const diagnostics = await this.deps.platform.diagnostics();
    const props: UplinkProps = {
      faultReport: { reportId, symptom, code, diagnostics, reportedAtMs: now, automatic: false },
    };
    this.unanswered.report(reportId, props, now);
    await this.send('fault', props);
    return reportId;
  }

  /** What a fault report would send now (shown to the subscriber before confirming). */
  currentDiagnostics(): Promise<DiagnosticsProps> {
    return this.deps.platform.diagnostics();
  }

  async sendDiagnostics(requestId = ''): Promise<void> {
    const d = await this.deps.platform.diagnostics();
    await this.send('diag', { diagnostics: { ...d, requestId } });
  }

  async answerSurvey(surveyId: string, ticketId: string, rating: number, resolved: boolean): Promise<void> {
    const props: UplinkProps = {
      surveyAnswer: { surveyId, ticketId, rating, resolved, answeredAtMs: this.clock.now() },
    };
    this.unanswered.survey(surveyId, props, this.clock.now());
    await this.send('survey', props);
  }

  /** Survey answers sent and not yet confirmed by the headend. */
  get unconfirmedSurveyAnswers(): number {
    return this.unanswered.surveyCount;
  }
}
