import type { DraftContent } from '@stb-notify/headend/api-types';
import { fromLocalInput, splitIds, toLocalInput } from '../format';

export type Kind = 'MAINTENANCE' | 'OUTAGE' | 'ANNOUNCEMENT' | 'SUSPENSION';
export type TargetType = 'all' | 'zones' | 'accounts' | 'boxes';
export type Display = 'MAILBOX' | 'BANNER' | 'FULLSCREEN';
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

/** The compose form's fields, as its inputs hold them (times as datetime-local text). */
export interface ComposeFields {
  readonly kind: Kind;
  readonly targetType: TargetType;
  readonly zoneIds: readonly string[];
  readonly ids: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly suspendAt: string;
  readonly eta: string;
  readonly reason: string;
  readonly amount: string;
  readonly texts: { zhTitle: string; zhBody: string; enTitle: string; enBody: string };
  readonly display: Display;
  readonly priority: string;
}

/** The form's target, when it names any box yet (a draft may have none). */
function targetOf(f: ComposeFields): DraftContent['target'] {
  const list = splitIds(f.ids);
  if (f.targetType === 'all') return { type: 'all' };
  if (f.targetType === 'zones') return f.zoneIds.length > 0 ? { type: 'zones', zoneIds: [...f.zoneIds] } : undefined;
  if (list.length === 0) return undefined;
  return f.targetType === 'accounts' ? { type: 'accounts', accountIds: list } : { type: 'boxes', boxIds: list };
}

const msOf = (v: string): number | undefined => {
  const ms = fromLocalInput(v);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
};

/** Issue 18: the form as a draft — what is filled in, nothing made up. */
export function draftOf(f: ComposeFields): DraftContent {
  const target = targetOf(f);
  const amountMinor = Math.round(Number(f.amount) * 100);
  const { zhTitle, zhBody, enTitle, enBody } = f.texts;
  const times = {
    startsAtMs: f.kind === 'MAINTENANCE' ? msOf(f.startsAt) : undefined,
    endsAtMs: f.kind === 'MAINTENANCE' ? msOf(f.endsAt) : undefined,
    etaMs: f.kind === 'OUTAGE' ? msOf(f.eta) : undefined,
    suspendAtMs: f.kind === 'SUSPENSION' ? msOf(f.suspendAt) : undefined,
  };
  const priority = PRIORITIES.find((p) => p === f.priority);
  return {
    kind: f.kind,
    ...(target === undefined ? {} : { target }),
    texts: [
      { lang: 'zh-CN', title: zhTitle, body: zhBody },
      ...(enTitle || enBody ? [{ lang: 'en' as const, title: enTitle, body: enBody }] : []),
    ],
    display: f.display,
    ...(priority === undefined ? {} : { priority }),
    ...Object.fromEntries(Object.entries(times).filter(([, v]) => v !== undefined)),
    ...(f.amount !== '' && amountMinor >= 0 ? { amountMinor } : {}),
    ...(f.reason === '' ? {} : { reason: f.reason }),
  };
}

/** A draft back into the form; what it does not hold keeps the form's value. */
export function fieldsOf(c: DraftContent, f: ComposeFields): ComposeFields {
  const text = (lang: string) => c.texts?.find((x) => x.lang === lang);
  const t = c.target;
  const local = (ms: number | undefined, v: string) => (ms === undefined ? v : toLocalInput(ms));
  return {
    kind: c.kind ?? f.kind,
    targetType: t?.type ?? f.targetType,
    zoneIds: t?.type === 'zones' ? t.zoneIds : f.zoneIds,
    ids: t?.type === 'accounts' ? t.accountIds.join('\n') : t?.type === 'boxes' ? t.boxIds.join('\n') : f.ids,
    startsAt: local(c.startsAtMs, f.startsAt),
    endsAt: local(c.endsAtMs, f.endsAt),
    suspendAt: local(c.suspendAtMs, f.suspendAt),
    eta: local(c.etaMs, f.eta),
    reason: c.reason ?? f.reason,
    amount: c.amountMinor === undefined ? f.amount : (c.amountMinor / 100).toFixed(2),
    texts: {
      zhTitle: text('zh-CN')?.title ?? '',
      zhBody: text('zh-CN')?.body ?? '',
      enTitle: text('en')?.title ?? '',
      enBody: text('en')?.body ?? '',
    },
    display: c.display ?? f.display,
    priority: c.priority ?? f.priority,
  };
}

/** The boxes the notice goes to, as the headend will resolve them (the review counts these). */
export function reachTargetOf(f: ComposeFields): Record<string, unknown> {
  const list = splitIds(f.ids);
  if (f.kind === 'MAINTENANCE' || f.kind === 'OUTAGE') return { type: 'zones', zoneIds: f.zoneIds };
  if (f.kind === 'SUSPENSION') return { type: 'accounts', accountIds: list.slice(0, 1) };
  if (f.targetType === 'all') return { type: 'all' };
  if (f.targetType === 'zones') return { type: 'zones', zoneIds: f.zoneIds };
  return f.targetType === 'accounts' ? { type: 'accounts', accountIds: list } : { type: 'boxes', boxIds: list };
}

/** What the rule's text needs from the form (the preview shows that text), or undefined while it is incomplete. */
export function ruleTextRequest(f: ComposeFields): Record<string, unknown> | undefined {
  const etaMs = fromLocalInput(f.eta);
  const amountMinor = Math.round(Number(f.amount) * 100);
  const suspendAtMs = fromLocalInput(f.suspendAt);
  const startsAtMs = fromLocalInput(f.startsAt);
  const endsAtMs = fromLocalInput(f.endsAt);
  if (f.kind === 'MAINTENANCE')
    return Number.isFinite(startsAtMs) && endsAtMs > startsAtMs
      ? { kind: f.kind, startsAtMs, endsAtMs, reason: f.reason.trim() }
      : undefined;
  if (f.kind === 'OUTAGE') return { kind: f.kind, ...(Number.isFinite(etaMs) && etaMs > 0 ? { etaMs } : {}) };
  if (f.kind === 'SUSPENSION')
    return amountMinor >= 1 && Number.isFinite(suspendAtMs)
      ? { kind: 'SUSPENSION_WARNING', amountMinor, currency: 'CNY', suspendAtMs }
      : undefined;
  return undefined;
}
