import type { Clock } from '@stb-notify/protocol';
import { createNodeSigner, createNodeVerifier } from '@stb-notify/protocol/node';
import WebSocket from 'ws';
import { MemoryStorage, mqttTransport, StaticPlatform, wsMqttTransport } from '@stb-notify/stb-app/adapters';
import type { WebSocketConstructor } from '@stb-notify/stb-app/adapters';
import { BoxSession, configFromBundle } from '@stb-notify/stb-app';
import type { BoxConfig, TransportFactory } from '@stb-notify/stb-app';

export interface SimBoxOptions {
  readonly clock: Clock;
  /** Broker URL to use instead of the bundle's (ws://host:port/mqtt). */
  readonly brokerUrl?: string;
  /** MQTT over TLS with the bundle's certificate (a broker cluster) instead of WebSocket with its credential. */
  readonly mqtts?: boolean;
  /** How long the box waits for an answer to a fault report before sending it again (box core default: 2 min). */
  readonly reportRetryMs?: number;
  /** How long the box waits for the answer to its hello before saying it again (box core default: 30 s). */
  readonly helloRetryMs?: number;
  /** Show every notice at once (sends the displayed receipt), as a TV that is on. */
  readonly autoDisplay?: boolean;
}

/**
 * Over WebSocket, the TV's own transport (ws-mqtt-transport.ts, with the `ws` package's
 * WebSocket for the browser's): the fleet then runs what the box runs. MQTT.js for the rest:
 * TLS with the box certificate (a broker cluster) and plain MQTT (an external broker in the bench).
 */
function transportFor(config: BoxConfig): TransportFactory {
  return /^wss?:\/\//.test(config.brokerUrl)
    ? wsMqttTransport(config, { WebSocket: WebSocket as unknown as WebSocketConstructor })
    : mqttTransport(config);
}

/** Times (performance.now, ms) at which this box got and showed each notice. */
export interface NoticeTiming {
  readonly deliveredAt: number;
  displayedAt: number;
}

/**
 * A simulated set-top box: the real box core (BoxSession) with Node adapters — memory
 * storage (kept across a simulated reboot), native Ed25519, a platform whose readings fault
 * injection changes.
 */
export class SimBox {
  readonly session: BoxSession;
  readonly platform: StaticPlatform;
  readonly storage = new MemoryStorage();
  readonly timings = new Map<string, NoticeTiming>();
  /** How many times the box core put each notice on screen or in the mailbox (once is right). */
  readonly shown = new Map<string, number>();
  readonly config: BoxConfig;

  constructor(bundle: unknown, o: SimBoxOptions) {
    // A broker URL given here wins over the bundle's (the scale-out bench points boxes at an
    // external broker, and bundles from a headend without its own broker carry no ws URL).
    const b = bundle as { broker?: Record<string, string> };
    const via = o.mqtts === true ? 'mqtts' : 'ws';
    const checked = configFromBundle(
      o.brokerUrl === undefined ? bundle : { ...b, broker: { ...b.broker, [via]: o.brokerUrl } },
      via,
    );
    if (!checked.ok) throw new Error(`bad bundle: ${checked.reason}`);
    this.config = { ...checked.config, ...(o.brokerUrl ? { brokerUrl: o.brokerUrl } : {}) };
    this.platform = new StaticPlatform({ model: 'SIM-1', firmware: 'sim-1.0', appVersion: '0.1.0' }, o.clock);
    this.session = new BoxSession(this.config, {
      transport: transportFor(this.config),
      storage: this.storage,
      platform: this.platform,
      clock: o.clock,
      signer: createNodeSigner(this.config.uplinkKeyId, this.config.uplinkSeed),
      verifier: createNodeVerifier(),
      ...(o.reportRetryMs === undefined ? {} : { reportRetryMs: o.reportRetryMs }),
      ...(o.helloRetryMs === undefined ? {} : { helloRetryMs: o.helloRetryMs }),
    });
    this.session.on('notice', (m) => {
      this.shown.set(m.noticeId, (this.shown.get(m.noticeId) ?? 0) + 1);
      const at = performance.now();
      this.timings.set(m.noticeId, { deliveredAt: at, displayedAt: 0 });
      if (o.autoDisplay !== false && m.display !== 'MAILBOX') {
        void this.session.markDisplayed(m.noticeId).then(() => {
          const t = this.timings.get(m.noticeId);
          if (t) t.displayedAt = performance.now();
        });
      }
    });
  }

  get id(): string {
    return this.config.boxId;
  }

  /** Fault injection: loss of signal (the tuner loses lock). */
  loseSignal(): void {
    this.platform.readings = { ...this.platform.readings, tunerLocked: false, signalLevelDbuv: 0, snrDb: 0 };
  }

  restoreSignal(): void {
    this.platform.readings = {};
  }
}
