/** The console's texts, Chinese first (i18n-zh.ts, i18n-en.ts). `t(key, vars)` fills {name} placeholders. */
import { en } from './i18n-en';
import { zh } from './i18n-zh';

export type TextKey = keyof typeof zh;
export type Lang = 'zh-CN' | 'en';
const TABLES: Record<Lang, Record<TextKey, string>> = { 'zh-CN': zh, en };

export function translate(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Keys built from API values (states, kinds); unknown values are shown as they are. */
export function translateValue(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}_${value.replace(/-/g, '_')}` as TextKey;
  return key in zh ? translate(lang, key) : value;
}
