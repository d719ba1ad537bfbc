import { systemClock } from '@stb-notify/protocol';
import { StaticPlatform } from '../adapters/static-platform';
import { wsMqttTransport } from '../adapters/ws-mqtt-transport';
import { BoxSession, NetworkClock } from '../core/index';
import type { BoxConfig } from '../core/box-config';
import type { KeyValueStorage } from '../core/ports';
import { boxCrypto } from './ed25519-fallback';

/**
 * session.js, the box's second script (issue 17): the protocol, the crypto and the MQTT client,
 * loaded by app.js after its first frame. Registers `startSession` on `globalThis.stbSession`.
 */
export type StartSession = (config: BoxConfig, storage: KeyValueStorage) => BoxSession;

const startSession: StartSession = (config, storage) => {
  // The box keeps the network's time (corrected by the headend's signed envelopes).
  const clock = new NetworkClock(systemClock);
  const platform = new StaticPlatform(
    // A browser has no box firmware to report: say what runs, not the browser's user agent.
    // On a set-top box its middleware's platform API fills these in (ports.ts, Platform).
    { model: 'web', firmware: 'web-0.1.0', appVersion: '0.1.0' },
    clock,
  );
  return new BoxSession(config, {
    transport: wsMqttTransport(config),
    storage,
    platform,
    clock,
    ...boxCrypto(config.uplinkKeyId, config.uplinkSeed),
    diagnosticsIntervalMs: 15 * 60_000,
  });
};

(globalThis as unknown as { stbSession: { startSession: StartSession } }).stbSession = { startSession };
