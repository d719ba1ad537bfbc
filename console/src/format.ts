import type { Lang } from './i18n';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date and time, e.g. 2026-11-27 14:00. */
export function formatTime(ms: number): string {
  if (!ms) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A signed duration as "5 h 03 min" / "-1 h 20 min" (negative: overdue). */
export function formatDuration(ms: number, lang: Lang): string {
  const sign = ms < 0 ? '-' : '';
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  return lang === 'zh-CN' ? `${sign}${h} 小时 ${pad(m)} 分` : `${sign}${h} h ${pad(m)} min`;
}

/** Value for <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Parses a datetime-local value; NaN when empty or invalid. */
export function fromLocalInput(v: string): number {
  return v === '' ? Number.NaN : new Date(v).getTime();
}

/** Splits a list typed by hand: commas, spaces or new lines. */
export function splitIds(v: string): string[] {
  return v
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
