import type { MailItem } from './mail';

/** The text in the wanted language, falling back to Chinese (always present). */
export function textOf(m: Pick<MailItem, 'texts'>, lang: string): { title: string; body: string } {
  return (
    m.texts.find((t) => t.lang === lang) ??
    m.texts.find((t) => t.lang === 'zh-CN') ??
    m.texts[0] ?? { title: '', body: '' }
  );
}
