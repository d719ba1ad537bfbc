import { NetworkType, Symptom } from '@stb-notify/protocol';
import type { DiagnosticsProps, FaultReportProps } from '@stb-notify/protocol';
import type { Stores } from '../../src/ports/store';

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

/** The box acknowledges the reply on its way to it now (a delivered receipt), and the scheduler's sweep runs (T6). */
export async function replyReachesBox(
  t: { h: { stores: Stores; scheduler: { runDue(): Promise<number> } }; clock: { now(): number } },
  ticketId: string,
): Promise<void> {
  const tk = await t.h.stores.tickets.get(ticketId);
  if (tk === undefined || tk.firstReplyNoticeId === '') throw new Error(`ticket ${ticketId} has no reply on its way`);
  await t.h.stores.notices.applyReceipts([
    { noticeId: tk.firstReplyNoticeId, boxId: tk.boxId, state: 'delivered', atMs: t.clock.now() },
  ]);
  await t.h.scheduler.runDue();
}
