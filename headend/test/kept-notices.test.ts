import { sealDownlink } from '@stb-notify/protocol';
import { createNodeSigner, generateEd25519 } from '@stb-notify/protocol/node';
import { describe, expect, it } from 'vitest';
import { keptNoticeIds } from '../src/services/kept-notices';

const seal = (noticeId: string, keyId: string) =>
  sealDownlink(
    {
      messageId: `m-${noticeId}`,
      sender: { kind: 'headend', id: '' },
      recipient: { kind: 'all', id: '' },
      issuedAtMs: 1_000,
    },
    { notice: { noticeId, texts: [{ lang: 'zh-CN', title: '通知', body: '' }] } },
    createNodeSigner(keyId, generateEd25519().seed),
  );

describe('keptNoticeIds: what a hello need not send again (issue 19)', () => {
  it('names the notices sealed with the current key, and leaves out older keys and anything else', async () => {
    const payloads = [
      await seal('n-current', 'k2'),
      await seal('n-old-key', 'k1'), // sealed before a rotation: the box may refuse it, so it is sent again
      new Uint8Array([1, 2, 3]), // not an envelope
      await sealDownlink(
        { messageId: 'm-w', sender: { kind: 'headend', id: '' }, recipient: { kind: 'all', id: '' }, issuedAtMs: 1 },
        { withdrawal: { noticeId: 'n-withdrawn' } },
        createNodeSigner('k2', generateEd25519().seed),
      ),
    ];
    expect([...keptNoticeIds(payloads, 'k2')]).toEqual(['n-current']);
    expect([...keptNoticeIds(payloads, 'k1')]).toEqual(['n-old-key']);
    expect(keptNoticeIds([], 'k2').size).toBe(0);
  });
});
