import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../src/domain/csv';
import { n2ProofCsv } from '../src/services/n2-proof-csv';

describe('CSV exports for spreadsheets (issue 18)', () => {
  it('start with a BOM, quote what needs it, and never hand a spreadsheet a formula', () => {
    const csv = toCsv(
      ['名字', 'note'],
      [
        ['东城', 'a "quoted", text\nover two lines'],
        ['=HYPERLINK("http://evil")', '+1 and @me'],
        ['-12.5', null],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      { 名字: '东城', note: 'a "quoted", text\nover two lines' },
      { 名字: `'=HYPERLINK("http://evil")`, note: `'+1 and @me` },
      { 名字: '-12.5', note: '' },
    ]);
  });

  it('N2 proof: per box, in the operator’s time zone, and whether the warning came ≥ 24 h ahead', () => {
    const H = 3_600_000;
    const issued = Date.UTC(2026, 10, 24, 16, 0); // 2026-11-25 00:00 in Shanghai
    const suspension = {
      id: 's-1',
      accountId: 'acct-1',
      warningNoticeId: 'n-1',
      warnedAtMs: issued,
      suspendAtMs: issued + 24 * H,
      state: 'scheduled' as const,
      executedAtMs: 0,
      suspendedNoticeId: '',
      note: '',
      amountMinor: 5200,
      paidMinor: 0,
    };
    const delivery = (boxId: string, queuedAtMs: number, displayedAtMs: number) => ({
      noticeId: 'n-1',
      boxId,
      zoneId: 'z-east',
      state: 'displayed' as const,
      queuedAtMs,
      deliveredAtMs: displayedAtMs,
      displayedAtMs,
      readAtMs: 0,
      dismissedAtMs: 0,
    });
    const rows = parseCsv(
      n2ProofCsv(
        { suspension, boxes: [delivery('box-1', issued, issued + 60_000), delivery('box-2', issued + 1, 0)] },
        'Asia/Shanghai',
      ),
    );
    expect(rows[0]).toMatchObject({
      '机顶盒 box': 'box-1',
      '发出 issued': '2026-11-25 00:00:00',
      '显示 displayed': '2026-11-25 00:01:00',
      '停机时间 suspension at': '2026-11-26 00:00:00',
      '提前小时 lead hours': '24.0',
      '满足N2 (≥24h) N2 met': '是 yes',
    });
    // One millisecond short of 24 hours is not enough; never displayed is left empty, not invented.
    expect(rows[1]).toMatchObject({ '机顶盒 box': 'box-2', '显示 displayed': '', '满足N2 (≥24h) N2 met': '否 no' });
  });
});
