import { describe, expect, it } from 'vitest';
import { textPages, UNITS_PER_LINE } from '../src/ui/text-pages';

/** Issue 17: a long mail is read page by page, never cut off. */
describe('long texts in screen pages', () => {
  const zh = '尊敬的用户：因网络升级改造需要，我公司将对您所在区域的线路进行割接，期间电视信号可能中断。'.repeat(16);
  const en = 'Dear subscriber, the network in your area is being upgraded and the signal may be interrupted. '.repeat(
    12,
  );

  it('loses nothing: the pages joined are the text', () => {
    for (const text of [zh, en, `${zh}\n\n${en}`]) {
      const pages = textPages(text, 10);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.join('')).toBe(text);
    }
  });

  it('fits each page in its lines, and breaks Chinese after a sentence, English at a space', () => {
    for (const p of textPages(zh, 10)) {
      expect(Array.from(p).length).toBeLessThanOrEqual(UNITS_PER_LINE * 10);
      expect(p.endsWith('。') || p === textPages(zh, 10).at(-1)).toBe(true);
    }
    for (const p of textPages(en, 10).slice(0, -1)) {
      expect(p.length).toBeLessThanOrEqual(UNITS_PER_LINE * 2 * 10);
      expect(p.endsWith(' ') || p.endsWith('.')).toBe(true);
    }
  });

  it('a short text is one page; an empty one is one empty page', () => {
    expect(textPages('您好', 10)).toEqual(['您好']);
    expect(textPages('', 10)).toEqual(['']);
  });
});
