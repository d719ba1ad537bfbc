/**
 * Splits a long text into screen pages (issue 17: a 733-character notice lost its second half
 * at the panel's last line). Widths are estimated in "full-width units": a CJK character is
 * one, any other character half of one — the panel's body line holds 36 units at its font
 * size, and a page is budgeted below its 12 lines so word wrapping never pushes text out.
 * Pages break at a line end, else after sentence punctuation, else at a space, never inside
 * a word when it can be helped. Joining the pages gives the text back.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const SENTENCE_END = /[。！？；…!?;.\n]/;

export const UNITS_PER_LINE = 36;

const units = (c: string): number => (WIDE.test(c) ? 1 : 0.5);

export function textPages(text: string, linesPerPage: number): string[] {
  const budget = UNITS_PER_LINE * linesPerPage;
  const chars = Array.from(text);
  const pages: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let lines = 1;
    let lineUsed = 0;
    let end = start;
    let sentenceBreak = -1;
    let spaceBreak = -1;
    for (; end < chars.length; end++) {
      const c = chars[end] ?? '';
      if (c === '\n') {
        // A hard line break uses up the rest of its line.
        used += UNITS_PER_LINE - lineUsed;
        lines++;
        lineUsed = 0;
      } else {
        used += units(c);
        lineUsed += units(c);
        if (lineUsed > UNITS_PER_LINE) {
          lines++;
          lineUsed = units(c);
        }
      }
      if (used > budget || lines > linesPerPage) break;
      if (SENTENCE_END.test(c)) sentenceBreak = end + 1;
      else if (c === ' ') spaceBreak = end + 1;
    }
    if (end < chars.length) {
      // Not the last page: cut at the best break in the page's second half.
      const half = start + Math.floor((end - start) / 2);
      if (sentenceBreak > half) end = sentenceBreak;
      else if (spaceBreak > half) end = spaceBreak;
    }
    end = Math.max(end, start + 1);
    pages.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pages.length === 0 ? [''] : pages;
}
