import { describe, expect, it } from 'vitest';
import { UNANSWERED_RESEND_MS } from '../src/ports/notice-store';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { useSeededHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';

/**
 * Issue 21, N2's proof: a receipt lost on its way (a broker cluster acknowledges an uplink
 * publish before storing it) must not leave a delivery "queued" for ever — the headend sends the
 * notice to its box again until the box answers.
 */
describe('N2 proof: a notice whose receipt was lost is sent to its box again', () => {
  const headend = useSeededHeadend();

  it('the online box gets it again and its receipt is recorded; the offline box is left to its hello', async () => {
    const t = headend();
    const bundle = (await t.api('POST', '/api/v1/boxes/box-1/provision')).body as unknown as ProvisioningResult;
    const box = new TestBox({ ...bundle, broker: { ...bundle.broker, mqtts: t.h.urls.mqtts } }, t.clock);
    await box.connect();
    try {
      await box.hello();
      await until(() => box.helloAnswers.length === 1, 'hello answered');
      // The box takes the notice, but its receipt never reaches the headend.
      box.autoReceipts = [];
      const sent = await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        display: 'BANNER',
        target: { type: 'zones', zoneIds: ['z-east'] },
        texts: [{ lang: 'zh-CN', title: '线路检修', body: '' }],
      });
      const id = (sent.body.notice as { id: string }).id;
      await until(() => box.noticeIds().includes(id), 'notice shown');
      await t.h.settle();
      const counts = async () => (await t.h.stores.notices.counts(id, t.clock.now())).total;
      expect(await counts()).toMatchObject({ queued: 3, displayed: 0 });

      box.autoReceipts = ['displayed'];
      const resent = () => t.h.metrics.envelopesPublished.get({ scope: 'unanswered' });
      t.clock.advance((UNANSWERED_RESEND_MS[0] ?? 0) - 1);
      await t.h.scheduler.runDue();
      expect(resent()).toBe(0);
      t.clock.advance(1);
      await t.h.scheduler.runDue();
      await until(async () => {
        await t.h.settle();
        return (await counts()).displayed === 1;
      }, 'receipt of the repeat recorded');
      expect(box.repeats).toBe(1);
      // box-2 and box-3 never connected: nothing was sent to them, their deliveries still wait.
      expect(resent()).toBe(1);
      expect(await counts()).toMatchObject({ queued: 2, displayed: 1 });

      // Answered: the box is not sent it again, however long it waits.
      for (const ms of UNANSWERED_RESEND_MS) {
        t.clock.advance(ms);
        await t.h.scheduler.runDue();
      }
      await t.h.settle();
      expect(box.repeats).toBe(1);
      expect(resent()).toBe(1);
    } finally {
      await box.disconnect();
    }
  });
});
