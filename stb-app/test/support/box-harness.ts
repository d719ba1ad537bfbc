import { createNodeSigner, createNodeVerifier } from '@stb-notify/protocol/node';
import { createSeedSigner, createVerifierWithForge } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import { ManualClock } from '../../../headend/test/support/manual-clock';
import type { ProvisioningResult } from '../../../headend/src/services/provisioning-service';
import type { TestHeadend } from '../../../headend/test/support/test-headend';
import WebSocket from 'ws';
import { MemoryStorage, mqttTransport, StaticPlatform, wsMqttTransport } from '../../src/adapters/index';
import type { WebSocketConstructor } from '../../src/adapters/index';
import { BoxSession, configFromBundle } from '../../src/core/index';
import type { BoxConfig } from '../../src/core/index';

export interface HarnessBox {
  readonly session: BoxSession;
  readonly storage: MemoryStorage;
  readonly platform: StaticPlatform;
  readonly config: BoxConfig;
  readonly bundle: ProvisioningResult;
}

/** Provisions a registered box on the test headend and runs the real box core against it over WebSocket. */
export async function startBox(
  t: TestHeadend,
  boxId: string,
  opts: {
    storage?: MemoryStorage;
    bundle?: ProvisioningResult;
    clock?: Clock;
    nativeCrypto?: boolean;
    reportRetryMs?: number;
    helloRetryMs?: number;
    /** The browser's own MQTT client (default, as on the TV) or MQTT.js (as the Node boxes). */
    transport?: 'browser' | 'mqtt.js';
    /** Told of every SUBSCRIBE the box sends. */
    onSubscribe?: (topics: readonly string[]) => void;
    /** What the box is told of its session on CONNACK, from what the broker said (a broker that claims more than it kept). */
    sessionPresent?: (said: boolean) => boolean;
  } = {},
): Promise<HarnessBox> {
  const bundle =
    opts.bundle ?? ((await t.api('POST', `/api/v1/boxes/${boxId}/provision`)).body as unknown as ProvisioningResult);
  const checked = configFromBundle(
    { ...bundle, broker: { ...bundle.broker, ws: t.h.urls.ws.replace('localhost', '127.0.0.1') } },
    'ws',
  );
  if (!checked.ok) throw new Error(checked.reason);
  const storage = opts.storage ?? new MemoryStorage();
  const clock = opts.clock ?? t.clock;
  const platform = new StaticPlatform({ model: 'HX-9000', firmware: 'HX-3.2.1', appVersion: '0.1.0' }, clock);
  const transport =
    opts.transport === 'mqtt.js'
      ? mqttTransport(checked.config)
      : wsMqttTransport(checked.config, { WebSocket: WebSocket as unknown as WebSocketConstructor });
  const { onSubscribe, sessionPresent } = opts;
  const session = new BoxSession(checked.config, {
    transport:
      onSubscribe === undefined && sessionPresent === undefined
        ? transport
        : () => {
            const t = transport();
            return {
              open: async (handlers) => {
                const said = (await t.open(handlers)).sessionPresent;
                return { sessionPresent: sessionPresent?.(said) ?? said };
              },
              subscribe: (topics) => {
                onSubscribe?.(topics);
                return t.subscribe(topics);
              },
              publish: (topic, payload) => t.publish(topic, payload),
              close: () => t.close(),
            };
          },
    storage,
    platform,
    clock,
    // The box's timers (backoff, report retry) run on the test's clock when it is a manual one.
    ...(clock instanceof ManualClock ? { timers: clock } : {}),
    random: () => 0,
    ...(opts.reportRetryMs === undefined ? {} : { reportRetryMs: opts.reportRetryMs }),
    ...(opts.helloRetryMs === undefined ? {} : { helloRetryMs: opts.helloRetryMs }),
    ...(opts.nativeCrypto === false
      ? {
          signer: createSeedSigner(checked.config.uplinkKeyId, checked.config.uplinkSeed),
          verifier: createVerifierWithForge(),
        }
      : {
          signer: createNodeSigner(checked.config.uplinkKeyId, checked.config.uplinkSeed),
          verifier: createNodeVerifier(),
        }),
  });
  session.start();
  return { session, storage, platform, config: checked.config, bundle };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
