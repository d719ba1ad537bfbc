import { NetworkType, Symptom } from '@stb-notify/protocol';
import type { DiagnosticsProps, FaultReportProps } from '@stb-notify/protocol';

/** Healthy box diagnostics; tests override the fields that make a fault. */
export function diagnostics(over: Partial<DiagnosticsProps> = {}): DiagnosticsProps {
  return {
    firmware: 'HX-3.2.1',
    uptimeS: 3600,
    tunerLocked: true,
    signalLevelDbuv: 62,
    snrDb: 34,
    merDb: 33,
    ber: 1e-8,
    network: { type: NetworkType.NETWORK_TYPE_CABLE_MODEM, connected: true, ip: '10.0.0.2', rttMs: 20 },
    memoryFreeKb: 100_000,
    memoryTotalKb: 512_000,
    errorCodes: [],
    lastRebootReason: 'power-on',
    decoderErrors: 0,
    collectedAtMs: 0,
    ...over,
  };
}

export function report(reportId: string, symptom: Symptom, over: Partial<FaultReportProps> = {}): FaultReportProps {
  return { reportId, symptom, code: '', diagnostics: diagnostics(), reportedAtMs: 0, ...over };
}

export { Symptom };
