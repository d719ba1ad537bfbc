import { afterEach, describe, expect, it } from 'vitest';
import { connectBoxes, until } from './support/test-box';
import type { TestBox } from './support/test-box';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/**
 * Stopping the headend: the boxes' MQTT over WebSocket shares the HTTP server, so the broker
 * closes before the server does; a request in flight must still finish while the broker
 * publishes (http/request-drain.ts). Also runs on PostgreSQL.
 */
describe('stopping the headend', () => {
  let t: TestHeadend | undefined;
  let box: TestBox | undefined;
  afterEach(async () => {
    await box?.disconnect();
    if (t !== undefined) await removeDir(t.dir);
  });

  /** A headend with box-3 connected, whose publishes to box-3 wait at a gate until `release()`. */
  async function heldAtPublish(): Promise<{
    h: TestHeadend['h'];
    post(signal?: AbortSignal): Promise<Response>;
    atPublish: Promise<void>;
    release(): void;
  }> {
    t = await startTestHeadend();
    await seedRegistry(t);
    [box] = await connectBoxes(t, ['box-3']);
    const { h, token } = t;
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let reached = (): void => undefined;
    const atPublish = new Promise<void>((r) => (reached = r));
    const publish = h.broker.publish.bind(h.broker);
    h.broker.publish = async (topic, payload, opts) => {
      if (topic.includes('box-3')) {
        reached();
        await gate;
      }
      return publish(topic, payload, opts);
    };
    const post = (signal?: AbortSignal): Promise<Response> =>
      fetch(`${h.urls.http}/api/v1/notices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'ANNOUNCEMENT',
          target: { type: 'boxes', boxIds: ['box-3'] },
          texts: [{ lang: 'zh-CN', title: '线路检修', body: '今晚检修' }],
        }),
        ...(signal === undefined ? {} : { signal }),
      });
    return { h, post, atPublish, release };
  }

  it('an operator’s send in flight when the headend stops reaches the box before it stops; new requests get a coded 503', async () => {
    const { h, post, atPublish, release } = await heldAtPublish();
    const sent = post();
    await atPublish;

    const stopped = h.close();
    await until(async () => (await fetch(`${h.urls.http}/healthz`)).status === 503, 'new requests refused');
    const late = await post();
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('5');
    expect(await late.json()).toMatchObject({ code: 'SHUTTING_DOWN' });

    release();
    const res = await sent;
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { notice: { id: string } }).notice.id;
    await stopped;
    // Published while the broker was still up: the box has it now, not after the next start.
    await until(() => box?.noticeIds().includes(id) === true, 'the notice on the box');
  });

  it('a send whose operator closed the page meanwhile still reaches the box before the headend stops', async () => {
    const { h, post, atPublish, release } = await heldAtPublish();
    const left = new AbortController();
    const sent = post(left.signal).catch(() => undefined);
    await atPublish;
    left.abort();
    await sent;
    const [notice] = (await h.stores.notices.list({ limit: 10, offset: 0 })).items;
    if (notice === undefined) throw new Error('the send stores its notice before it publishes');

    const stopped = h.close();
    await until(async () => (await fetch(`${h.urls.http}/healthz`)).status === 503, 'new requests refused');
    release();
    await stopped;
    await until(() => box?.noticeIds().includes(notice.id) === true, 'the notice on the box');
  });
});
