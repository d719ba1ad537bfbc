import { DisplayMode, NoticeKind, Priority } from '@stb-notify/protocol';
import type { Notice } from '@stb-notify/protocol';

export type MailKind = keyof typeof NoticeKind extends `NOTICE_KIND_${infer K}` ? K : never;

/** A notice as the box keeps it: plain JSON, so it can live in local storage. */
export interface MailItem {
  readonly noticeId: string;
  readonly kind: string;
  readonly display: 'MAILBOX' | 'BANNER' | 'FULLSCREEN';
  readonly priority: number;
  readonly collapseKey: string;
  readonly texts: ReadonlyArray<{ lang: string; title: string; body: string }>;
  readonly hotline: string;
  readonly actionRequired: boolean;
  /** The kind's structured fields; fields at their default value may be absent. */
  readonly detail: Record<string, unknown>;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly receivedAtMs: number;
  displayed: boolean;
  read: boolean;
  withdrawn: boolean;
}

const KIND_NAME: Record<number, string> = Object.fromEntries(
  Object.entries(NoticeKind)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v, k.replace('NOTICE_KIND_', '')]),
);

const DISPLAY: Record<number, MailItem['display']> = {
  [DisplayMode.DISPLAY_MODE_MAILBOX]: 'MAILBOX',
  [DisplayMode.DISPLAY_MODE_BANNER]: 'BANNER',
  [DisplayMode.DISPLAY_MODE_FULLSCREEN]: 'FULLSCREEN',
};

/** Converts a verified Notice into a mail item. */
export function noticeToMail(n: Notice, header: { issuedAtMs: number; expiresAtMs: number }, nowMs: number): MailItem {
  const detailField = n.detail;
  const raw = detailField === undefined ? undefined : (n as unknown as Record<string, unknown>)[detailField];
  return {
    noticeId: n.noticeId,
    kind: KIND_NAME[n.kind] ?? 'ANNOUNCEMENT',
    display: DISPLAY[n.display] ?? 'MAILBOX',
    priority: n.priority || Priority.PRIORITY_NORMAL,
    collapseKey: n.collapseKey,
    texts: (n.texts ?? []).map((t) => ({ lang: t.lang ?? '', title: t.title ?? '', body: t.body ?? '' })),
    hotline: n.hotline,
    actionRequired: n.actionRequired,
    detail: raw === undefined || raw === null ? {} : (JSON.parse(JSON.stringify(raw)) as Record<string, unknown>),
    issuedAtMs: header.issuedAtMs,
    expiresAtMs: header.expiresAtMs,
    receivedAtMs: nowMs,
    displayed: false,
    read: false,
    withdrawn: false,
  };
}

export { textOf } from './mail-text';
