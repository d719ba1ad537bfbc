import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HOUR } from '../../headend/test/support/manual-clock';
import { until } from '../../headend/test/support/test-box';
import type { TestBox } from '../../headend/test/support/test-box';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { SCREENS, useConsoleSession } from './support/console-session';

describe('the subscriber on the phone: an account and its boxes in the console (issue 18)', () => {
  const session = useConsoleSession();
  let page: Page;
  let t: TestHeadend;
  let connectBox: (id: string) => Promise<TestBox>;
  beforeEach(() => {
    ({ page, t, connectBox } = session());
  });

  it('N2 proof: an account’s suspension warning per box — issued, delivered, displayed — exported for a regulator', async () => {
    const [, box2] = await Promise.all(['box-1', 'box-2'].map((id) => connectBox(id))); // the two boxes of acct-1
    await box2?.hello();
    const s = await t.api('POST', '/api/v1/billing/overdue', {
      accountId: 'acct-1',
      amountMinor: 5200,
      suspendAtMs: t.clock.now() + 30 * HOUR,
    });
    expect(s.status).toBe(201);
    const proofOf = async () =>
      (await t.api('GET', `/api/v1/suspensions/${String(s.body.id)}/proof`)).body.boxes as Array<{
        displayedAtMs: number;
      }>;
    await until(async () => (await proofOf()).every((b) => b.displayedAtMs > 0), 'the warning on both screens');

    // Issue 18: the subscriber calls; the operator opens the account.
    await page.click('a[href="#/accounts"]');
    await page.fill('input[name=account]', 'acct-1');
    await page.press('input[name=account]', 'Enter');
    await page.waitForSelector('[data-testid=account-boxes] tr[data-box=box-2]');
    expect(await page.textContent('[data-testid=account-status]')).toBe('欠费');
    const proof = await page.waitForSelector(`[data-testid=proof][data-suspension="${String(s.body.id)}"]`);
    for (const box of ['box-1', 'box-2']) {
      await proof.waitForSelector(`tr[data-box=${box}] td[data-displayed=true]`);
      expect(await proof.$eval(`tr[data-box=${box}] td[data-met]`, (e) => e.getAttribute('data-met'))).toBe('true');
    }
    expect(await proof.textContent()).toContain('30.0 h');
    await page.screenshot({ path: `${SCREENS}console-account.png` });

    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-proof]');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`n2-proof-${String(s.body.id)}.csv`);
    const bytes = readFileSync(String(await file.path()));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // Chinese intact in a spreadsheet
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('机顶盒 box');
    expect(lines).toHaveLength(3);
    for (const box of ['box-1', 'box-2']) expect(lines.find((l) => l.includes(`,${box},`))).toMatch(/,30\.0,是 yes$/);

    // One box's page: the warning, shown on it, with its times.
    await page.click('[data-testid=account-boxes] a[href="#/boxes/box-2"]');
    const warning = await page.waitForSelector(
      `[data-testid=box-notices] tr[data-notice="${String(s.body.warningNoticeId)}"][data-state=displayed]`,
    );
    expect(await warning.textContent()).toContain('已显示');
    expect(await page.textContent('[data-testid=box-page] h2')).toContain('在线');
    // Its online history: connected (the broker saw it) and said hello, newest first.
    const events = await (
      await page.waitForSelector('[data-testid=box-presence] tr[data-event=online]')
    ).evaluate((row) =>
      [...(row.closest('tbody')?.querySelectorAll('tr') ?? [])].map((r) => r.getAttribute('data-event')),
    );
    expect(events).toContain('hello');
    expect(events.at(-1)).toBe('online');
    expect(await page.textContent('[data-testid=box-presence]')).toContain('开机报到');
  });
});
