import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

describe('live delivery progress (server-sent events for the console)', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const open = (path: string, token = t.token) =>
    fetch(`${t.h.urls.http}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('needs an operator token and an existing notice', async () => {
    expect((await open('/api/v1/notices/nope/progress', 'stbn_wrong')).status).toBe(401);
    const r = await open('/api/v1/notices/nope/progress');
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends the counts per zone and the pending boxes, and again when a receipt changes them', async () => {
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-east'] },
      texts: [{ lang: 'zh-CN', title: '新频道', body: '' }],
    });
    const id = (sent.body.notice as { id: string }).id;
    const ac = new AbortController();
    const res = await fetch(`${t.h.urls.http}/api/v1/notices/${id}/progress?intervalMs=100`, {
      headers: { authorization: `Bearer ${t.token}` },
      signal: ac.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const next = async (): Promise<{ total: Record<string, number>; pending: { boxId: string }[] }> => {
      let buf = '';
      for (;;) {
        const { value } = await reader.read();
        buf += decoder.decode(value, { stream: true });
        const m = /event: progress\ndata: (.*)\n\n/.exec(buf);
        if (m?.[1] !== undefined) return JSON.parse(m[1]) as never;
      }
    };
    const first = await next();
    expect(first.total.queued).toBe(3);
    expect(first.pending.map((p) => p.boxId).sort()).toEqual(['box-1', 'box-2', 'box-3']);

    t.h.receipts.add({ noticeId: id, boxId: 'box-2', state: 'displayed', atMs: t.clock.now() });
    await t.h.receipts.flush();
    const second = await next();
    expect(second.total).toMatchObject({ queued: 2, displayed: 1 });
    expect(second.pending.map((p) => p.boxId)).not.toContain('box-2');
    ac.abort();
  });
});
