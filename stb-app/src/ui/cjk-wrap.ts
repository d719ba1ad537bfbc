/**
 * Lightning wraps text at spaces and zero-width spaces only; Chinese has neither. This
 * inserts U+200B between CJK characters so lines can break there, except where Chinese
 * typesetting forbids it (禁则): never before closing punctuation, never after opening
 * punctuation.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const NO_BREAK_BEFORE = new Set('，。！？、；：”’）》」』】〕…—·%）,.!?;:)'.split(''));
const NO_BREAK_AFTER = new Set('“‘（《「『【〔(￥¥'.split(''));

export function cjkBreaks(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const next = chars[i + 1];
    out += c;
    if (next === undefined) continue;
    const breakable = (CJK.test(c) || CJK.test(next)) && c !== ' ' && next !== ' ' && next !== '\n' && c !== '\n';
    if (breakable && !NO_BREAK_BEFORE.has(next) && !NO_BREAK_AFTER.has(c)) out += '\u200B';
  }
  return out;
}
