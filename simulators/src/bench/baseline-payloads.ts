import type { Headend } from '@stb-notify/headend';
import { sealDownlink, sealUplink, Symptom } from '@stb-notify/protocol';
import type { LocalizedTextProps } from '@stb-notify/protocol';
import { activeSigner, createNodeSigner } from '@stb-notify/protocol/node';

/** What travels in the headend's run — a signed broadcast notice and a signed fault report — for the raw baseline's payload sizes. */
export async function baselinePayloads(
  h: Headend,
  noticeId: string,
  texts: readonly LocalizedTextProps[],
): Promise<{ notice: Uint8Array; fault: Uint8Array }> {
  const notice = await sealDownlink(
    {
      messageId: 'm',
      sender: { kind: 'headend', id: '' },
      recipient: { kind: 'all', id: '' },
      issuedAtMs: Date.now(),
    },
    {
      notice: {
        noticeId,
        kind: 7,
        display: 2,
        priority: 2,
        texts: [...texts],
        hotline: '96956',
        announcement: { topic: 'general' },
      },
    },
    activeSigner(h.dataDir.noticeKeys()),
  );
  const fault = await sealUplink(
    {
      messageId: 'u',
      sender: { kind: 'box', id: 'sim-000000' },
      recipient: { kind: 'headend', id: '' },
      issuedAtMs: Date.now(),
    },
    {
      faultReport: {
        reportId: 'r-1',
        symptom: Symptom.SYMPTOM_NO_SOUND,
        diagnostics: { firmware: 'sim-1.0', tunerLocked: true, signalLevelDbuv: 62 },
      },
    },
    createNodeSigner('box:sim-000000', new Uint8Array(32).fill(1)),
  );
  return { notice, fault };
}
