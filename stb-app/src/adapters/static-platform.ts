import { NetworkType } from '@stb-notify/protocol';
import type { DiagnosticsProps } from '@stb-notify/protocol';
import type { Clock } from '@stb-notify/protocol';
import type { Platform } from '../core/ports';

export interface StaticPlatformOptions {
  readonly model: string;
  readonly firmware: string;
  readonly appVersion: string;
  readonly locale?: string;
  /** Readings this platform cannot take itself (a browser has no tuner); simulators change them. */
  readonly readings?: Partial<DiagnosticsProps>;
}

/**
 * A platform whose tuner readings are configured rather than measured: the browser box
 * (which reads what a browser can — online state, memory, uptime — and is told the rest)
 * and simulated boxes (whose fault injection changes `readings`).
 */
export class StaticPlatform implements Platform {
  readings: Partial<DiagnosticsProps>;
  private readonly bootMs: number;

  constructor(
    private readonly o: StaticPlatformOptions,
    private readonly clock: Clock,
  ) {
    this.readings = { ...o.readings };
    this.bootMs = clock.now();
  }

  info(): { model: string; firmware: string; appVersion: string; locale: string } {
    return {
      model: this.o.model,
      firmware: this.o.firmware,
      appVersion: this.o.appVersion,
      locale: this.o.locale ?? 'zh-CN',
    };
  }

  async diagnostics(): Promise<DiagnosticsProps> {
    const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
    const mem = (globalThis as { performance?: { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } } })
      .performance?.memory;
    return {
      firmware: this.o.firmware,
      uptimeS: Math.floor((this.clock.now() - this.bootMs) / 1000),
      tunerLocked: true,
      signalLevelDbuv: 62,
      snrDb: 34,
      merDb: 33,
      ber: 1e-8,
      network: { type: NetworkType.NETWORK_TYPE_ETHERNET, connected: nav?.onLine ?? true, ip: '', rttMs: 0 },
      memoryFreeKb: mem ? Math.round((mem.jsHeapSizeLimit - mem.usedJSHeapSize) / 1024) : 0,
      memoryTotalKb: mem ? Math.round(mem.jsHeapSizeLimit / 1024) : 0,
      errorCodes: [],
      lastRebootReason: 'power-on',
      decoderErrors: 0,
      collectedAtMs: this.clock.now(),
      ...this.readings,
    };
  }
}
