import type { Lang } from './i18n';
import { translateValue } from './i18n';

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

/**
 * A recorded detail (a ticket's history, an audit entry) as an operator reads it: field names
 * in the operator's language where known, times as local times, durations as hours and
 * minutes, people as "name (staff no.)", instead of epoch numbers and JSON.
 */
export function readableDetail(detail: Record<string, unknown>, lang: Lang): string {
  const value = (k: string, v: unknown): string => {
    if (typeof v === 'number' && /(AtMs|dueAtMs|^from$|^to$)/.test(k) && v > 1e12) return formatTime(v);
    if (typeof v === 'number' && /Ms$/.test(k)) return formatDuration(v, lang);
    if (Array.isArray(v)) return v.map(String).join('、');
    if (v !== null && typeof v === 'object') {
      const p = v as { name?: unknown; staffNo?: unknown };
      if (p.staffNo !== undefined) return `${String(p.name ?? '')} (${String(p.staffNo)})`;
      // A nested record (an approval's request): the same way, in brackets.
      return `(${readableDetail(v as Record<string, unknown>, lang)})`;
    }
    return String(v);
  };
  return Object.entries(detail)
    .filter(([, v]) => v !== '' && v !== undefined)
    .map(([k, v]) => `${translateValue(lang, 'field', k)}: ${value(k, v)}`)
    .join(' · ');
}
