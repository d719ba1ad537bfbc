import { openUplink, parseTopic } from '@stb-notify/protocol';
import type { Clock, HeaderInfo, Uplink, Verifier } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics';
import type { BoxKeyLookup } from './box-key-lookup';
import { clip, LogThrottle } from './log-throttle';

export type UplinkBody = NonNullable<Uplink['body']>;
export type UplinkHandler = (boxId: string, msg: Uplink, header: HeaderInfo) => Promise<void> | void;

/**
 * Every uplink message goes through here: topic check, the protocol's guarded decode
 * (size, signature by the box's own key, schema), de-duplication by message id, then
 * the handler for its body. A bad message is counted by code, logged and dropped; it
 * never throws into the broker and never affects another box.
 */
export class UplinkRouter {
  private readonly handlers = new Map<UplinkBody, UplinkHandler>();
  private readonly seen = new Map<string, true>();

  constructor(
    private readonly deps: {
      readonly keys: BoxKeyLookup;
      readonly verifier: Verifier;
      readonly clock: Clock;
      readonly metrics: Metrics;
      readonly log: Logger;
      readonly maxBytes?: number;
    },
  ) {}

  on(body: UplinkBody, handler: UplinkHandler): void {
    this.handlers.set(body, handler);
  }

  private readonly rejectLog = new LogThrottle();

  private reject(code: string, topic: string, reason: string): true {
    this.deps.metrics.uplinkRejected.inc({ code });
    const admitted = this.rejectLog.admit(code);
    if (admitted !== undefined)
      this.deps.log.warn(
        { code, topic: clip(topic), reason: clip(reason), ...(admitted.suppressed > 0 ? admitted : {}) },
        'uplink dropped',
      );
    return true;
  }

  /**
   * Handles one message; resolves when its handler finished. Never rejects: resolves false
   * only when the handler failed (the message may be redelivered), true otherwise — bad
   * messages are dropped for good.
   */
  async handle(topic: string, payload: Uint8Array): Promise<boolean> {
    let dedupe = '';
    try {
      const t = parseTopic(topic);
      if (t === undefined || t.dir !== 'up') return this.reject('PROTO_BAD_TOPIC', topic, 'not an uplink topic');
      const r = await openUplink(payload, t, {
        keys: this.deps.keys,
        verifier: this.deps.verifier,
        nowMs: this.deps.clock.now(),
        maxBytes: this.deps.maxBytes ?? 64 * 1024,
        // Box clocks drift; a report is still worth having when the box's clock is a day off.
        maxFutureSkewMs: 24 * 60 * 60 * 1000,
      });
      if (!r.ok) return this.reject(r.code, topic, r.reason);
      dedupe = `${t.boxId}/${r.header.messageId}`;
      if (this.seen.has(dedupe)) {
        this.deps.metrics.uplinkRejected.inc({ code: 'DUPLICATE' });
        return true;
      }
      if (this.seen.size >= 100_000) this.seen.clear();
      this.seen.set(dedupe, true);
      this.deps.metrics.uplinkAccepted.inc({ kind: t.kind });
      const body = r.message.body;
      const handler = body === undefined ? undefined : this.handlers.get(body);
      if (handler === undefined) {
        this.deps.log.debug({ topic, body }, 'uplink without handler');
        return true;
      }
      const timer = this.deps.metrics.uplinkHandling.startTimer({ kind: t.kind });
      try {
        await handler(t.boxId, r.message, r.header);
      } finally {
        timer();
      }
      return true;
    } catch (err) {
      // Not handled: a redelivery of the same message (after a headend restart, or by the
      // external broker to another instance) must not be dropped as a duplicate.
      this.seen.delete(dedupe);
      this.deps.metrics.uplinkRejected.inc({ code: 'HANDLER_ERROR' });
      this.deps.log.error({ err, topic }, 'uplink handler failed');
      return false;
    }
  }
}
