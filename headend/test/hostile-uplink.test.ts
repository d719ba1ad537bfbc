import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeHeader, SignedEnvelope, sealUplink, uplinkTopic } from '@stb-notify/protocol';
import { createNodeSigner } from '@stb-notify/protocol/node';
import { EmbeddedAedesBroker } from '../src/broker/embedded-aedes-broker';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { connectBoxes, until } from './support/test-box';
import type { TestBox } from './support/test-box';

describe('a hostile box costs the headend a bounded amount and never affects another box', () => {
  let t: TestHeadend;
  let bad: TestBox;
  let good: TestBox;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    [bad, good] = await connectBoxes(t, ['box-1', 'box-4']);
  });
  afterEach(async () => {
    await bad.disconnect().catch(() => undefined);
    await good.disconnect();
    await t.stop();
    await removeDir(t.dir);
  });

  /** Box ids the headend looks up in the registry from now on. */
  const spyOnBoxLookups = (): string[] => {
    const registry = t.h.stores.registry;
    const getBox = registry.getBox.bind(registry);
    const looked: string[] = [];
    registry.getBox = async (id: string) => {
      looked.push(id);
      return getBox(id);
    };
    return looked;
  };

  /** A receipt from box-1, signed under `keyId` with a key that is not box-1's. */
  const foreignReceipt = (keyId: string): Promise<Uint8Array> =>
    sealUplink(
      {
        messageId: randomUUID(),
        sender: { kind: 'box', id: 'box-1' },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: t.clock.now(),
      },
      { receipt: { noticeId: 'n-1', state: 1, atMs: t.clock.now() } },
      createNodeSigner(keyId, new Uint8Array(32).fill(1)),
    );

  const stillServed = async (): Promise<void> => {
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-4'] },
      texts: [{ lang: 'zh-CN', title: '仍在服务', body: '' }],
    });
    const id = (r.body.notice as { id: string }).id;
    await until(() => good.noticeIds().includes(id), 'the other box still receives');
    await until(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.delivered === 1;
    }, 'the other box’s receipt is stored');
  };

  it('a 1 MB publish on the TLS port closes that connection before it is acknowledged', async () => {
    const client = bad.client;
    if (client === undefined) throw new Error('not connected');
    let acked = false;
    const closed = new Promise<void>((r) => client.once('close', () => r()));
    client.publish(uplinkTopic('box-1', 'receipt'), Buffer.alloc(1024 * 1024, 7), { qos: 1 }, (err) => {
      if (!err) acked = true;
    });
    await closed;
    client.end(true);
    bad.client = undefined;
    expect(acked).toBe(false);
    expect(t.h.metrics.brokerRefused.get({ what: 'publish', reason: 'oversize' })).toBe(1);
    await stillServed();
  });

  it('a retained uplink publish is not kept by the broker', async () => {
    const bytes = await sealUplink(
      {
        messageId: randomUUID(),
        sender: { kind: 'box', id: 'box-1' },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: t.clock.now(),
      },
      { hello: { model: 'X', firmware: '1', appVersion: '1', locale: 'zh-CN', bootId: 'b' } },
      createNodeSigner(bad.bundle.uplinkKeyId, Buffer.from(bad.bundle.uplinkSeed, 'base64')),
    );
    await bad.client?.publishAsync(uplinkTopic('box-1', 'hello'), Buffer.from(bytes), { qos: 1, retain: true });
    await t.h.settle();
    const broker = t.h.broker;
    if (!(broker instanceof EmbeddedAedesBroker)) throw new Error('embedded broker expected');
    expect(await broker.retainedTopics('stb/v1/up/#')).toEqual([]);
    expect(t.h.metrics.brokerRefused.get({ what: 'publish', reason: 'retained' })).toBe(1);
    // The message itself was still handled: the box's hello is recorded.
    await until(async () => (await t.h.stores.registry.getBox('box-1'))?.model === 'X', 'hello recorded');
  });

  it('frames with a 60 KB key id are refused from the header alone: no key lookup, nothing cached', async () => {
    const looked = spyOnBoxLookups();
    const signed = await foreignReceipt('box:box-1');
    const frames = 300;
    for (let i = 0; i < frames; i++) {
      const env = SignedEnvelope.decode(signed);
      const header = EnvelopeHeader.decode(env.header);
      header.keyId = `box:${String(i).padStart(6, '0')}${'k'.repeat(60 * 1024)}`;
      env.header = EnvelopeHeader.encode(header).finish();
      await bad.client?.publishAsync(
        uplinkTopic('box-1', 'receipt'),
        Buffer.from(SignedEnvelope.encode(env).finish()),
        {
          qos: 1,
        },
      );
    }
    await t.h.settle();
    expect(t.h.metrics.uplinkRejected.get({ code: 'PROTO_DECODE' })).toBe(frames);
    expect(looked.filter((id) => id.length > 64)).toEqual([]);
    expect(looked).toHaveLength(0);
    expect(bad.client?.connected).toBe(true);
    await stillServed();
  });

  it('a frame signed with another box’s key id is refused before that key is looked up', async () => {
    const looked = spyOnBoxLookups();
    const forged = await foreignReceipt('box:box-3');
    await bad.client?.publishAsync(uplinkTopic('box-1', 'receipt'), Buffer.from(forged), { qos: 1 });
    await t.h.settle();
    expect(t.h.metrics.uplinkRejected.get({ code: 'PROTO_MISDIRECTED' })).toBe(1);
    expect(looked).not.toContain('box-3');
  });
});
