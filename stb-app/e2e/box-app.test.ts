import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boxTopic, sealDownlink, SignedEnvelope } from '@stb-notify/protocol';
import { activeSigner } from '@stb-notify/protocol/node';
import { HOUR } from '../../headend/test/support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { launchBrowser, press, screenTexts } from './support/browser';
import { openTv, waitForText } from './support/tv-page';

const SCREENS = fileURLToPath(new URL('./screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });
const measured: Record<string, number> = {};

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENS}${name}.png` });
}

describe('the box app in Chromium against the real headend', () => {
  let browser: Browser;
  let t: TestHeadend;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    writeFileSync(`${SCREENS}measurements.json`, `${JSON.stringify(measured, null, 2)}\n`);
    console.log('box app measurements', measured);
  });
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    ({ page } = await openTv(browser, t, 'box-1'));
  });
  afterEach(async () => {
    await page.close();
    await t.stop();
    await removeDir(t.dir);
  });

  const send = async (body: Record<string, unknown>): Promise<string> => {
    const r = await t.api('POST', '/api/v1/notices', body);
    expect(r.status).toBe(201);
    return String((r.body.notice as { id: string }).id);
  };

  it('a notice sent through the operator API appears on screen, and its receipts are counted', async () => {
    measured.firstFrameMs = Math.round(
      await page.evaluate(() => (window as unknown as { __stbFirstFrameMs: number }).__stbFirstFrameMs),
    );
    const t0 = Date.now();
    const id = await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      display: 'BANNER',
      texts: [
        {
          lang: 'zh-CN',
          title: '资费调整公告',
          body: '自2027年1月1日起，基本收视费调整为每月26元，详情请咨询营业厅或拨打客服热线。',
        },
      ],
    });
    await waitForText(page, 'banner-title', '资费调整公告');
    measured.publishToScreenMs = Date.now() - t0;
    await shot(page, 'banner');
    expect((await screenTexts(page)).status).toContain('1');
    await t.h.settle();
    await expect
      .poll(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.displayed;
      })
      .toBe(1);
  });

  it('a suspension warning is full screen with the hotline and stays until OK is pressed (N2, N7)', async () => {
    const r = await t.api('POST', '/api/v1/billing/overdue', { accountId: 'acct-1', amountMinor: 5200 });
    expect(r.status).toBe(201);
    const texts = await waitForText(page, 'full-title', '欠费停机提醒');
    expect(texts['full-hotline']).toContain('96956');
    expect(texts['full-body']).toContain('52.00元');
    await shot(page, 'suspension-warning');
    await press(page, 'Back', 'Menu', 'Down');
    expect((await screenTexts(page))['full-title']).toBe('欠费停机提醒');
    await press(page, 'OK');
    await expect.poll(async () => (await screenTexts(page))['full-title']).toBeUndefined();
  });

  it('every screen is reachable and leavable with the remote', async () => {
    await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [
        {
          lang: 'zh-CN',
          title: '邮箱里的公告',
          body: '这是一封很长的邮件，用来检查中文在电视上能否正确换行，'.repeat(4),
        },
      ],
    });
    await waitForText(page, 'status', '未读');
    await press(page, 'OK');
    await waitForText(page, 'title', '菜单');
    await shot(page, 'menu');
    const screens: Array<[number, string, string]> = [
      [0, '邮箱', 'mailbox'],
      [1, '请选择故障现象', 'fault-symptoms'],
      [2, '报修进度', 'tickets'],
      [3, '近12个月缴费记录', 'payments'],
      [4, '设置', 'settings'],
    ];
    for (const [down, title, name] of screens) {
      await press(page, ...Array<string>(down).fill('Down'), 'OK');
      await waitForText(page, 'title', title);
      await shot(page, name);
      await press(page, 'Back');
      await waitForText(page, 'title', '菜单');
      await press(page, ...Array<string>(4).fill('Up'));
    }
    // Mailbox → detail → back to the list → back to the menu → home.
    await press(page, 'OK', 'OK');
    await waitForText(page, 'title', '邮箱里的公告');
    await shot(page, 'mail-detail');
    await press(page, 'Back');
    await waitForText(page, 'title', '邮箱');
    await press(page, 'Back', 'Back');
    await expect.poll(async () => (await screenTexts(page)).title).toBeUndefined();
    // The mailbox key opens the mailbox from anywhere; settings switch the language to English.
    await press(page, 'Mailbox');
    await waitForText(page, 'title', '邮箱');
    await press(page, 'Back', 'Down', 'Down', 'Down', 'Down', 'OK', 'OK');
    await waitForText(page, 'row-0', 'Language: English');
    await press(page, 'Back');
    await waitForText(page, 'title', 'Menu');
    await shot(page, 'menu-en');
  });

  it('a fault report from the remote creates a ticket and shows its number and the repair promise (T1, T5)', async () => {
    await press(page, 'OK', 'Down', 'OK');
    await waitForText(page, 'title', '请选择故障现象');
    await press(page, 'OK');
    const confirm = await waitForText(page, 'body', '锁频');
    expect(confirm.hotline).toContain('96956');
    await shot(page, 'fault-confirm');
    await press(page, 'OK');
    const result = await waitForText(page, 'body', '报修单号');
    await shot(page, 'fault-result');
    // Issue 17: a short number the subscriber can read out on the phone; the operator finds the ticket by it.
    const number = /报修单号：(\S+)/.exec(result.body ?? '')?.[1] ?? '';
    expect(number).toMatch(/^\d{6}$/);
    expect(result.body).toContain('8 小时内修复');
    const found = (await t.api('GET', `/api/v1/tickets?number=${number}`)).body.items as unknown[];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      number: Number(number),
      boxId: 'box-1',
      severity: 'urgent',
      symptom: 'no-signal',
      owner: 'wang',
    });
  });

  it('after a repair the survey is answered with the remote and recorded (T4)', async () => {
    await press(page, 'OK', 'Down', 'OK', 'Down', 'Down', 'Down', 'OK', 'OK');
    const result = await waitForText(page, 'body', '报修单号');
    const number = /报修单号：(\S+)/.exec(result.body ?? '')?.[1] ?? '';
    const byNumber = (await t.api('GET', `/api/v1/tickets?number=${number}`)).body.items as Array<{ id: string }>;
    const ticketId = String(byNumber[0]?.id);
    await press(page, 'Back', 'Back');
    await t.api('POST', `/api/v1/tickets/${ticketId}/resolve`, { resolution: '更换音频线' });
    await waitForText(page, 'banner-title', '维修回访');
    await press(page, 'Back', 'OK'); // dismiss the banner, then OK opens the survey
    await waitForText(page, 'title', '维修回访');
    // Issue 17: the rows are focused like any list — ↑↓ choose, ←→ change the focused one, 1-5 rate.
    await press(page, '4');
    await waitForText(page, 'row-0', '★★★★☆');
    const focus = () =>
      page.evaluate(
        () => (window as unknown as { __stb: { ui: { view(): { focus: number } } } }).__stb.ui.view().focus,
      );
    await press(page, 'Down', 'Right');
    await waitForText(page, 'row-1', '问题已解决：否');
    expect(await focus()).toBe(1);
    await press(page, 'Right', 'Up', 'Left');
    await waitForText(page, 'row-0', '★★★☆☆');
    expect((await waitForText(page, 'row-1', '问题已解决')).body ?? '').not.toContain('评分'); // rows, not body text
    await press(page, 'Right');
    await waitForText(page, 'row-0', '★★★★☆');
    await waitForText(page, 'row-1', '问题已解决：是');
    await shot(page, 'survey');
    await press(page, 'OK');
    await waitForText(page, 'body', '感谢');
    await expect
      .poll(async () => {
        await t.h.settle();
        return (await t.h.stores.tickets.get(ticketId))?.rating;
      })
      .toBe(4);
    expect((await t.h.stores.tickets.get(ticketId))?.status).toBe('closed');
  });

  it('by remote: OK opens a banner, 0 asks before deleting, planned work shows its times, Back keeps the list position (issue 17)', async () => {
    const day = 24 * HOUR;
    const startsAtMs = t.clock.now() + 3 * day;
    const plan = await t.api('POST', '/api/v1/maintenance', {
      zoneIds: ['z-east'],
      startsAtMs,
      endsAtMs: startsAtMs + 4 * HOUR,
      reason: '光缆割接',
    });
    expect(plan.status).toBe(201);
    for (const title of ['第一封', '第二封']) {
      await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: [{ lang: 'zh-CN', title, body: '正文' }] });
    }
    await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      display: 'BANNER',
      texts: [{ lang: 'zh-CN', title: '横幅通知', body: '按 OK 查看' }],
    });
    await waitForText(page, 'banner-title', '横幅通知');
    await press(page, 'OK');
    const opened = await waitForText(page, 'title', '横幅通知');
    expect(opened.hint).toContain('0');
    expect(opened.body).toContain('发布时间');
    // 0 once only asks: the mail stays open. 0 again deletes it.
    await press(page, '0');
    expect((await waitForText(page, 'hint', '再按 0')).title).toBe('横幅通知');
    await press(page, '0');
    await waitForText(page, 'title', '邮箱');
    expect(Object.values(await screenTexts(page)).join(' ')).not.toContain('横幅通知');

    // The planned work's notice: its window from the notice's fields, not from the operator's words.
    const rows = await screenTexts(page);
    const maintenanceRow = Object.entries(rows).find(([k, v]) => k.startsWith('row-') && v.includes('维护'))?.[0];
    expect(maintenanceRow).toBeDefined();
    const downs = Number(maintenanceRow?.slice(4) ?? 0);
    await press(page, ...Array<string>(4).fill('Up'), ...Array<string>(downs).fill('Down'), 'OK');
    const work = await waitForText(page, 'body', '作业时间');
    expect(work.body).toMatch(/作业时间：\d{2}\/\d{2} \d{2}:\d{2} 至 \d{2}\/\d{2} \d{2}:\d{2}/);
    // Back returns to the same place in the list: OK opens the same mail again.
    await press(page, 'Back');
    await waitForText(page, 'title', '邮箱');
    await press(page, 'OK');
    await waitForText(page, 'title', work.title ?? '');
    await press(page, 'Back');
    await waitForText(page, 'title', '邮箱');
  });

  it('the mailbox survives a reload', async () => {
    await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      texts: [{ lang: 'zh-CN', title: '重启后仍在', body: '' }],
    });
    await waitForText(page, 'status', '未读');
    await page.reload();
    await page.waitForFunction(
      () =>
        (window as unknown as { __stb?: { session: { connection: string } } }).__stb?.session.connection === 'online',
    );
    await press(page, 'Mailbox');
    await waitForText(page, 'row-0', '重启后仍在');
  });

  it('a tampered or expired notice is never shown', async () => {
    const signer = activeSigner(t.h.dataDir.noticeKeys());
    const notice = {
      notice: {
        noticeId: 'n-fake',
        kind: 7,
        display: 2,
        priority: 2,
        texts: [{ lang: 'zh-CN', title: '伪造通知', body: '' }],
        hotline: '96956',
        announcement: { topic: 'x' },
      },
    };
    const fields = {
      messageId: 'm-x',
      sender: { kind: 'headend' as const, id: '' },
      recipient: { kind: 'box' as const, id: 'box-1' },
      issuedAtMs: t.clock.now(),
    };
    const good = await sealDownlink({ ...fields, expiresAtMs: t.clock.now() + HOUR }, notice, signer);
    const env = SignedEnvelope.decode(good);
    env.payload[env.payload.length - 3] = (env.payload[env.payload.length - 3] ?? 0) ^ 4;
    await t.h.broker.publish(boxTopic('box-1'), SignedEnvelope.encode(env).finish());
    // Expired by the box's clock (the test's): an hour before now.
    const past = t.clock.now() - 2 * HOUR;
    await t.h.broker.publish(
      boxTopic('box-1'),
      await sealDownlink({ ...fields, messageId: 'm-y', issuedAtMs: past, expiresAtMs: past + HOUR }, notice, signer),
    );
    await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      display: 'BANNER',
      texts: [{ lang: 'zh-CN', title: '真实通知', body: '' }],
    });
    await waitForText(page, 'banner-title', '真实通知');
    await press(page, 'Mailbox');
    await waitForText(page, 'title', '邮箱');
    const texts = Object.values(await screenTexts(page)).join(' ');
    expect(texts).toContain('真实通知');
    expect(texts).not.toContain('伪造通知');
  });
});
