import { describe, expect, it } from 'vitest';
import { cjkBreaks } from '../src/ui/cjk-wrap';

const Z = '\u200B';

describe('Chinese line breaking for Lightning text', () => {
  it('allows breaks between Chinese characters, but never before closing or after opening punctuation', () => {
    expect(cjkBreaks('您好，世界。')).toBe(`您${Z}好，${Z}世${Z}界。`);
    expect(cjkBreaks('请拨打（96956）')).toBe(`请${Z}拨${Z}打${Z}（96956）`);
  });

  it('leaves Latin text and spaces alone', () => {
    expect(cjkBreaks('Hotline 96956')).toBe('Hotline 96956');
    expect(cjkBreaks('CCTV-1 高清')).toBe(`CCTV-1 高${Z}清`);
  });
});
