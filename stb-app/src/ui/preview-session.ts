import type { DiagnosticsProps } from '@stb-notify/protocol';
import { MemoryStorage } from '../adapters/memory-storage';
import { Emitter } from '../core/emitter';
import { Mailbox } from '../core/mailbox';
import type { ConnectionState, MailItem, SessionEvents } from '../core/index';
import type { UiSession } from './box-ui';

const DISPLAYS = new Set(['MAILBOX', 'BANNER', 'FULLSCREEN']);
const KINDS = new Set([
  'FEE_DUE',
  'SUSPENSION_WARNING',
  'SUSPENDED',
  'RESTORED',
  'MAINTENANCE',
  'OUTAGE',
  'ANNOUNCEMENT',
  'TICKET_UPDATE',
  'SURVEY_REQUEST',
]);
/** The API's own bounds on a notice's texts. */
const MAX_TEXT = 4000;

/** What the console asks the preview to show: a notice not sent yet, and how to look at it. */
export interface PreviewRequest {
  readonly mail: MailItem;
  readonly lang: 'zh-CN' | 'en';
  /** Open it in the mailbox (the mail screen) instead of showing how it arrives. */
  readonly open: boolean;
}

const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The console's message, checked field by field (it crosses a window boundary): undefined
 * unless it is a preview request with texts within the API's bounds.
 */
export function previewRequest(data: unknown): PreviewRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const p = d.stbPreview;
  if (typeof p !== 'object' || p === null) return undefined;
  const n = p as Record<string, unknown>;
  const kind = str(n.kind, 32);
  const display = str(n.display, 16);
  const hotline = str(n.hotline, 32);
  if (kind === undefined || !KINDS.has(kind) || display === undefined || !DISPLAYS.has(display)) return undefined;
  if (!Array.isArray(n.texts) || n.texts.length > 4 || hotline === undefined) return undefined;
  const texts: Array<{ lang: string; title: string; body: string }> = [];
  for (const t of n.texts as unknown[]) {
    const x = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    const lang = str(x.lang, 8);
    const title = str(x.title, MAX_TEXT);
    const body = str(x.body, MAX_TEXT);
    if (lang === undefined || title === undefined || body === undefined) return undefined;
    texts.push({ lang, title, body });
  }
  const detail = (typeof n.detail === 'object' && n.detail !== null ? n.detail : {}) as Record<string, unknown>;
  const issuedAtMs = num(n.issuedAtMs);
  return {
    lang: n.lang === 'en' ? 'en' : 'zh-CN',
    open: n.open === true,
    mail: {
      noticeId: 'preview',
      kind,
      display: display as MailItem['display'],
      priority: 2,
      collapseKey: '',
      texts,
      hotline,
      actionRequired: n.actionRequired === true,
      detail: { startsAtMs: num(detail.startsAtMs), endsAtMs: num(detail.endsAtMs) },
      issuedAtMs,
      expiresAtMs: 0,
      receivedAtMs: issuedAtMs,
      displayed: false,
      read: false,
      withdrawn: false,
    },
  };
}

/**
 * The box's own UI fed by the operators' console instead of the network (issue 18): the
 * console shows a notice before it is sent with the TV's layout code, so what the TV cuts,
 * pages or wraps, the preview does too. Nothing here reaches a headend.
 */
export class PreviewSession extends Emitter<SessionEvents> implements UiSession {
  readonly mailbox = new Mailbox(new MemoryStorage(), 10);
  readonly connection: ConnectionState = 'online';
  private shown = 0;

  /** Shows `m` as it arrives on a box, in place of the last draft: the mailbox holds it alone. */
  show(m: MailItem): MailItem {
    const last = `preview-${this.shown}`;
    this.mailbox.delete(last);
    this.emit('withdrawn', last); // off the screen: the last draft's banner or full screen
    // A new id each time: a mailbox never takes the same notice twice.
    const mail = { ...m, noticeId: `preview-${++this.shown}` };
    this.mailbox.add(mail);
    this.emit('mailbox', this.mailbox.list());
    this.emit('notice', mail);
    return mail;
  }

  markDisplayed(): Promise<void> {
    return Promise.resolve();
  }

  markRead(): Promise<void> {
    return Promise.resolve();
  }

  deleteMail(): void {}

  reportFault(): Promise<string> {
    return Promise.resolve('');
  }

  currentDiagnostics(): Promise<DiagnosticsProps> {
    return Promise.resolve({});
  }

  answerSurvey(): Promise<void> {
    return Promise.resolve();
  }
}
