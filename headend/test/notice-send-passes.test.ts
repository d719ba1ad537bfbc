import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { staffToken } from './support/staff-fixtures';

const texts = [{ lang: 'zh-CN', title: '账单', body: '您的本月账单已出。' }];
const accounts = Array.from({ length: 12 }, (_, i) => `acct-p${i}`);

/**
 * Issue 19: notices sent at the same moment (a billing system's concurrent calls) are stored
 * in passes (notice-send-batch.ts). Each send must still answer as if it were alone: its own
 * boxes, its own audit entry, its own draft (issue 18), its own refusal. Also runs on
 * PostgreSQL (vitest project headend-on-postgres).
 */
describe('notice sends taken in passes', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  let op: string;
  beforeEach(async () => {
    t = headend();
    op = await staffToken(t, 'op-1', 'operator', '张三');
    const imp = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-pass', name: '南区', type: 'urban', maintainer: 'zhao' }],
      // Two boxes per account, listed out of order: a notice reaches exactly its account's boxes.
      boxes: accounts.flatMap((a, i) => [
        { id: `pass-${i}-b`, accountId: a, zoneId: 'z-pass' },
        { id: `pass-${i}-a`, accountId: a, zoneId: 'z-pass' },
      ]),
    });
    expect(imp.status).toBe(200);
  });

  const idOf = (r: { body: unknown }) => (r.body as { notice: { id: string } }).notice.id;
  const send = (body: Record<string, unknown>) =>
    t.api('POST', '/api/v1/notices', { kind: 'ANNOUNCEMENT', texts, ...body }, op);

  it('concurrent sends each reach their own boxes, with their own audit entry, in one commit', async () => {
    const commits = vi.spyOn(t.h.stores, 'transaction');
    const answers = await Promise.all([
      ...accounts.map((a) => send({ target: { type: 'accounts', accountIds: [a] } })),
      send({ target: { type: 'accounts', accountIds: ['acct-p3', 'acct-p1'] } }),
    ]);
    for (const r of answers) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ids = answers.map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, a] of accounts.entries()) {
      const boxes = await t.h.stores.notices.deliveryBoxes(ids[i] ?? '');
      expect(boxes.map((b) => b.id).sort(), a).toEqual([`pass-${i}-a`, `pass-${i}-b`]);
      // On its way to both boxes (the outbox published it).
      expect(await t.h.stores.notices.pendingForBox(`pass-${i}-a`, t.clock.now())).toContain(ids[i]);
    }
    const both = await t.h.stores.notices.deliveryBoxes(ids[accounts.length] ?? '');
    expect(both.map((b) => b.id).sort()).toEqual(['pass-1-a', 'pass-1-b', 'pass-3-a', 'pass-3-b']);
    const audit = await t.h.stores.audit.list({ action: 'notice.sent', limit: 100 });
    expect(audit.map((e) => e.subject).sort()).toEqual([...ids].sort());
    // Taken together: far fewer commits than the 13 sends (requests reach the service as
    // their authentication completes, so the first ones may make a pass of their own).
    expect(commits.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('a refused send, a draft sent twice and an empty target fail alone; the others are sent', async () => {
    const draft = await t.api('POST', '/api/v1/notice-drafts', { content: { kind: 'ANNOUNCEMENT', texts } }, op);
    expect(draft.status).toBe(201);
    const draftId = (draft.body as { id: string }).id;
    const answers = await Promise.all([
      ...accounts.map((a) => send({ target: { type: 'accounts', accountIds: [a] } })),
      send({ target: { type: 'accounts', accountIds: ['acct-p0'] }, draftId }),
      send({ target: { type: 'accounts', accountIds: ['acct-p1'] }, draftId }),
      send({ target: { type: 'accounts', accountIds: ['acct-nobody'] } }),
      send({ target: { type: 'accounts', accountIds: ['acct-p2'] }, expiresAtMs: t.clock.now() - 1 }),
    ]);
    const codes = answers.map((r) => r.status);
    expect(codes.slice(0, accounts.length)).toEqual(accounts.map(() => 201));
    // One of the two sends of the draft made the notice; the other was refused, as when alone.
    expect(codes.slice(accounts.length, accounts.length + 2).sort()).toEqual([201, 409]);
    expect((await t.api('GET', `/api/v1/notice-drafts/${draftId}`)).status).toBe(404);
    expect(answers[accounts.length + 2]?.body).toMatchObject({ code: 'TARGET_EMPTY' });
    expect(answers[accounts.length + 3]?.body).toMatchObject({ code: 'VALIDATION' });
    const sent = answers.filter((r) => r.status === 201).map(idOf);
    const audit = await t.h.stores.audit.list({ action: 'notice.sent', limit: 100 });
    expect(audit.map((e) => e.subject).sort()).toEqual([...sent].sort());
    for (const id of sent) expect(await t.h.stores.notices.deliveryBoxes(id)).toHaveLength(2);
  });
});
