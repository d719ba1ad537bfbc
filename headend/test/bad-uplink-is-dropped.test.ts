import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedEnvelope, sealUplink, uplinkTopic } from '@stb-notify/protocol';
import { createNodeSigner } from '@stb-notify/protocol/node';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { connectBoxes, until } from './support/test-box';
import type { TestBox } from './support/test-box';

describe('malformed, oversize and unsigned uplink is counted and dropped; other boxes are not affected', () => {
  let t: TestHeadend;
  let bad: TestBox;
  let good: TestBox;
  beforeAll(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    [bad, good] = await connectBoxes(t, ['box-1', 'box-4']);
  });
  afterAll(async () => {
    await bad.disconnect();
    await good.disconnect();
    await t.stop();
    await removeDir(t.dir);
  });

  const rejected = (code: string) => t.h.metrics.uplinkRejected.get({ code });

  it('drops each kind of bad message with its code, and the headend keeps serving both boxes', async () => {
    const raw = (bytes: Uint8Array | Buffer) =>
      bad.client?.publishAsync(uplinkTopic('box-1', 'receipt'), Buffer.from(bytes), { qos: 1 });
    await raw(Buffer.from('not protobuf at all'));
    await raw(new Uint8Array(70 * 1024));
    const signed = await sealUplink(
      {
        messageId: randomUUID(),
        sender: { kind: 'box', id: 'box-1' },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: t.clock.now(),
      },
      { receipt: { noticeId: 'n-1', state: 1, atMs: t.clock.now() } },
      createNodeSigner('box:box-1', new Uint8Array(32).fill(1)),
    );
    await raw(signed); // signed, but not with box-1's provisioned key
    const env = SignedEnvelope.decode(signed);
    env.signature = new Uint8Array();
    await raw(SignedEnvelope.encode(env).finish()); // unsigned
    await t.h.settle();
    expect(rejected('PROTO_DECODE')).toBe(1);
    expect(rejected('PROTO_OVERSIZE')).toBe(1);
    expect(rejected('PROTO_BAD_SIGNATURE')).toBe(1);
    expect(rejected('PROTO_UNSIGNED')).toBe(1);

    const metrics = await t.h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('stb_uplink_rejected_total{code="PROTO_OVERSIZE"} 1');

    // Both boxes are still connected and served.
    expect(bad.client?.connected).toBe(true);
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'zh-CN', title: 'ok', body: '' }],
    });
    const id = (r.body.notice as { id: string }).id;
    await until(() => good.noticeIds().includes(id) && bad.noticeIds().includes(id), 'both boxes still receive');
    await until(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered === 2;
    }, 'receipts from both boxes stored');
  });
});
