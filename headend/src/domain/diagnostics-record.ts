import type { DiagnosticsProps } from '@stb-notify/protocol';

/**
 * A box's diagnostics as a plain record for the ticket, every field present (proto3 leaves
 * defaults such as `tunerLocked: false` off the decoded object, and they matter here).
 */
export function diagnosticsRecord(d: DiagnosticsProps | null | undefined): Record<string, unknown> {
  if (d === null || d === undefined) return {};
  return {
    firmware: d.firmware ?? '',
    uptimeS: Number(d.uptimeS ?? 0),
    tunerLocked: d.tunerLocked ?? false,
    signalLevelDbuv: d.signalLevelDbuv ?? 0,
    snrDb: d.snrDb ?? 0,
    merDb: d.merDb ?? 0,
    ber: d.ber ?? 0,
    network: {
      type: d.network?.type ?? 0,
      connected: d.network?.connected ?? false,
      ip: d.network?.ip ?? '',
      rttMs: d.network?.rttMs ?? 0,
    },
    memoryFreeKb: Number(d.memoryFreeKb ?? 0),
    memoryTotalKb: Number(d.memoryTotalKb ?? 0),
    errorCodes: [...(d.errorCodes ?? [])],
    lastRebootReason: d.lastRebootReason ?? '',
    decoderErrors: d.decoderErrors ?? 0,
    collectedAtMs: Number(d.collectedAtMs ?? 0),
  };
}
