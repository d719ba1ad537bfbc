import { afterEach, describe, expect, it } from 'vitest';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { HOUR } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';

describe('durable delivery: an offline box gets its pending, unexpired notices when it returns', () => {
  let t: TestHeadend;
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  it('after a headend restart the box receives the pending notice, and an expired one never', async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const bundle = (await t.api('POST', '/api/v1/boxes/box-4/provision')).body as unknown as ProvisioningResult;
    const texts = (title: string) => [{ lang: 'zh-CN', title, body: '' }];
    const live = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-west'] },
      texts: texts('仍有效'),
      expiresAtMs: t.clock.now() + 48 * HOUR,
    });
    const shortLived = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-4'] },
      texts: texts('将过期'),
      expiresAtMs: t.clock.now() + HOUR,
    });
    const liveId = (live.body.notice as { id: string }).id;
    const expiredId = (shortLived.body.notice as { id: string }).id;

    t = await t.restart();
    t.clock.advance(2 * HOUR);
    const box = new TestBox({ ...bundle, broker: { ...bundle.broker, mqtts: t.h.urls.mqtts } }, t.clock);
    box.autoReceipts = ['delivered', 'displayed'];
    await box.connect();
    try {
      await box.hello();
      await until(() => box.noticeIds().includes(liveId), 'pending notice resent after restart');
      await t.h.settle();
      expect(box.noticeIds()).toEqual([liveId]);
      expect(box.noticeIds()).not.toContain(expiredId);
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(liveId, t.clock.now())).total.displayed === 1;
      }, 'displayed recorded');
      const counts = await t.h.stores.notices.counts(expiredId, t.clock.now());
      expect(counts.total).toMatchObject({ expired: 1, queued: 0 });
      // A second hello resends nothing: the box acknowledged it.
      expect(await t.h.notices.resendPending('box-4')).toBe(0);
    } finally {
      await box.disconnect();
    }
  });

  it('boxes that missed a broadcast get its one signed envelope again, each on its own topic (issue 19: a storm signs once per notice)', async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'zh-CN', title: '全网通知', body: '' }],
    });
    const id = (sent.body.notice as { id: string }).id;
    const boxes: TestBox[] = [];
    try {
      for (const b of ['box-1', 'box-4']) {
        const bundle = (await t.api('POST', `/api/v1/boxes/${b}/provision`)).body as unknown as ProvisioningResult;
        const box = new TestBox(bundle, t.clock);
        boxes.push(box);
        await box.connect();
        await box.hello();
      }
      for (const box of boxes) await until(() => box.noticeIds().includes(id), `${box.id}: the broadcast resent`);
      const [one, two] = boxes.map((b) => b.acceptedHeaders[b.noticeIds().indexOf(id)]);
      expect(one?.recipient.kind).toBe('all');
      expect(one?.messageId).toBe(two?.messageId);
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered >= 2;
      }, 'both receipts stored');
    } finally {
      for (const box of boxes) await box.disconnect();
    }
  });

  /** box-4 says hello, goes away, and a notice to all is sent meanwhile (its persistent broker session keeps it). */
  async function awayWhileNoticeSent(): Promise<{ box: TestBox; id: string }> {
    t = await startTestHeadend();
    await seedRegistry(t);
    const bundle = (await t.api('POST', '/api/v1/boxes/box-4/provision')).body as unknown as ProvisioningResult;
    const box = new TestBox(bundle, t.clock);
    await box.connect();
    await box.hello();
    await until(() => box.helloAnswers.length === 1, 'first hello answered');
    await box.disconnect();
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'zh-CN', title: '停电通知', body: '' }],
    });
    return { box, id: (sent.body.notice as { id: string }).id };
  }

  /**
   * Back online, the box gets what its session kept and says hello before it answers it: the
   * hello sends nothing again (the answer follows any resend on the same topic, so a resend
   * would have come first).
   */
  async function backSayingHelloBeforeAnswering(box: TestBox, id: string): Promise<void> {
    box.autoReceipts = [];
    await box.connect();
    await until(() => box.noticeIds().includes(id), 'the kept notice delivered on reconnect');
    await box.hello();
    await until(() => box.helloAnswers.length === 2, 'second hello answered');
    expect(box.repeats).toBe(0);
  }

  it('issue 19: a notice the broker session kept and delivered on reconnect is not sent again by the hello, though its receipt has not come yet', async () => {
    const { box, id } = await awayWhileNoticeSent();
    try {
      await backSayingHelloBeforeAnswering(box, id);
      await box.receipt(id, 'delivered');
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered === 1;
      }, 'its receipt stored when it comes');
      // On the next connection nothing is kept for it any more, and nothing is pending: no resend.
      await box.disconnect();
      await box.connect();
      await box.hello();
      await until(() => box.helloAnswers.length === 3, 'third hello answered');
      expect(box.repeats).toBe(0);
    } finally {
      await box.disconnect();
    }
  });

  it('issue 19: a kept notice the box never answered is sent again at its next connection', async () => {
    const { box, id } = await awayWhileNoticeSent();
    try {
      await backSayingHelloBeforeAnswering(box, id);
      // It goes before it answers (a reboot at the wrong moment).
      await box.disconnect();
      // Its session kept nothing this time: the hello sends the notice still pending.
      box.autoReceipts = ['delivered'];
      await box.connect();
      await box.hello();
      await until(() => box.repeats === 1, 'the unanswered notice sent again');
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered === 1;
      }, 'its receipt stored');
    } finally {
      await box.disconnect();
    }
  });

  /**
   * box-4 is away while a notice to all is sent (its persistent broker session keeps it), comes
   * back, gets the kept notice and answers with a receipt; the store holds that receipt back
   * (`store` stands in for applyReceipts, once `release` is called) while the box says hello.
   */
  async function keptNoticeAndHello(store: (apply: () => Promise<number>, call: number) => Promise<number>) {
    const { box, id } = await awayWhileNoticeSent();
    const notices = t.h.stores.notices;
    const apply = notices.applyReceipts.bind(notices);
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    notices.applyReceipts = async (batch) => {
      await gate;
      return store(() => apply(batch), ++calls);
    };
    await box.connect();
    await until(() => box.noticeIds().includes(id), 'the kept notice delivered on reconnect');
    await until(() => t.h.receipts.holds('box-4', id), 'its receipt taken by the headend');
    const hellos = t.h.metrics.uplinkAccepted.get({ kind: 'hello' });
    await box.hello();
    await until(() => t.h.metrics.uplinkAccepted.get({ kind: 'hello' }) > hellos, 'the hello reached the headend');
    release();
    await until(() => box.helloAnswers.length === 2, 'second hello answered');
    await until(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered === 1;
    }, 'receipt stored');
    return { box, id, release };
  }

  it('issue 19: the hello does not send again a notice the broker kept for the box and the box acknowledged, while its receipt is on its way to the store', async () => {
    const { box, id, release } = await keptNoticeAndHello((apply) => apply());
    try {
      // The answer follows any resend on the same topic: a resend would have come first.
      expect(box.repeats).toBe(0);
      expect(t.h.receipts.holds('box-4', id)).toBe(false);
    } finally {
      release();
      await box.disconnect();
    }
  });

  it('issue 19, N2: when the store loses that receipt, the hello sends the notice again and the repeated receipt is stored', async () => {
    const { box, release } = await keptNoticeAndHello(async (apply, call) => {
      if (call <= 3) throw new Error('database unavailable'); // the batch is given up after three tries
      return apply();
    });
    try {
      expect(box.repeats).toBe(1);
    } finally {
      release();
      await box.disconnect();
    }
  });
});
