import type { DiagnosticsProps } from '@stb-notify/protocol';

/**
 * The box core's ports. A real box, the browser app and the simulators each plug in their
 * own adapters; the core never touches a global.
 */

/** One MQTT connection (QoS 1, persistent session). The session reconnects; the transport does not. */
export interface Transport {
  /**
   * Resolves on CONNACK with its session-present flag (the broker kept this box's session:
   * its subscriptions and queued messages), rejects when the connection is refused or fails.
   */
  open(handlers: {
    onMessage(topic: string, payload: Uint8Array): void;
    onClose(reason: string): void;
  }): Promise<{ readonly sessionPresent: boolean }>;
  /** SUBACK return codes per topic (128 = refused). */
  subscribe(topics: readonly string[]): Promise<number[]>;
  /** Resolves on PUBACK. */
  publish(topic: string, payload: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export type TransportFactory = () => Transport;

/** Small persistent key-value storage: localStorage on a browser box, a file or memory elsewhere. */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** Box identity and readings; a real box's middleware APIs plug in here. */
export interface Platform {
  info(): { model: string; firmware: string; appVersion: string; locale: string };
  /** A fresh diagnostics snapshot (protocol Diagnostics fields). */
  diagnostics(): Promise<DiagnosticsProps>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
