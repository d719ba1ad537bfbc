import type { MailItem, TicketInfo } from '../core/index';
import { textOf } from '../core/mail-text';
import { strings } from './i18n';
import { textPages } from './text-pages';
import type { Lang } from './i18n';
import type { Overlay, Row, ScreenName, View } from './view';

export const MENU = ['mailbox', 'fault-symptom', 'tickets', 'payments', 'settings'] as const;
const REPAIR_HOURS: Record<number, number> = { 1: 8, 2: 24, 3: 48 };
/** The panel's body shows 12 lines; a page of text is budgeted below that (see text-pages.ts). */
const BODY_LINES = 11;
const PAYMENTS_PER_PAGE = 10;

/** The page `page` of `pages` and the hint with its position, when there is more than one. */
function paged<T>(
  pages: readonly T[],
  page: number,
  hint: string,
  turn: string,
): { item: T | undefined; hint: string; pages: number } {
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  return {
    item: pages[at],
    hint: pages.length > 1 ? `${at + 1}/${pages.length}\u3000${turn}\u3000${hint}` : hint,
    pages: pages.length,
  };
}

/** What the view is computed from: the UI's state at one moment. */
export interface UiSnapshot {
  readonly screen: ScreenName;
  readonly focus: number;
  readonly lang: Lang;
  readonly tts: boolean;
  readonly hotline: string;
  readonly connection: string;
  readonly mails: readonly MailItem[];
  readonly openMail: MailItem | undefined;
  readonly unread: number;
  /** Banners show over the picture only; with a menu open the notice waits in the mailbox badge. */
  readonly banner: Overlay | undefined;
  readonly fullscreen: Overlay | undefined;
  readonly symptom: number;
  readonly diag: Record<string, unknown>;
  readonly faultAnswer: TicketInfo | undefined;
  readonly faultQueued: boolean;
  readonly survey: { rating: number; resolved: boolean; done: boolean } | undefined;
  readonly payments: readonly string[] | undefined;
  /** The mail waiting for a second 0 to be deleted. */
  readonly confirmDelete: string | undefined;
  /** The page of a long text being read (0-based). */
  readonly page: number;
  fmt(ms: number): string;
}

/**
 * The View for a UI state: which screen, rows, texts and overlays. Pure; the renderer draws it.
 * Its hint names only keys that do something on it (issue 17): no "↑↓ choose" in a list of
 * one, no "OK" where nothing can be chosen.
 */
export function renderView(u: UiSnapshot): View {
  const v = screenView(u);
  const s = strings(u.lang);
  if (v.hint !== s.hintList || v.rows.length > 1) return v;
  return { ...v, hint: v.rows.length === 1 ? s.hintSelect : s.hintBack };
}

function screenView(u: UiSnapshot): View {
  const s = strings(u.lang);
  const base = {
    focus: u.focus,
    hint: s.hintList,
    hotline: '',
    status: u.connection === 'online' ? s.online : s.offline,
    unread: u.unread,
    pages: 1,
    ...(u.banner ? { banner: u.banner } : {}),
    ...(u.fullscreen ? { fullscreen: u.fullscreen } : {}),
  };
  switch (u.screen) {
    case 'home':
      return { ...base, screen: 'home', title: '', rows: [], body: [], hint: s.hintHome };
    case 'menu':
      return {
        ...base,
        screen: 'menu',
        title: s.menu,
        rows: [s.mailbox, s.reportFault, s.tickets, s.payments, s.settings].map((l, i) => ({
          id: MENU[i] ?? '',
          label: l,
        })),
        body: [],
      };
    case 'mailbox': {
      const rows = u.mails.map((m) => ({
        id: m.noticeId,
        label: textOf(m, u.lang).title,
        sub: u.fmt(m.issuedAtMs),
        badge: !m.read && !m.withdrawn,
      }));
      return {
        ...base,
        screen: 'mailbox',
        title: `${s.mailbox}（${s.unread(base.unread)}）`,
        rows,
        body: rows.length === 0 ? [s.empty] : [],
        ...(u.confirmDelete === undefined ? {} : { hint: s.hintConfirmDelete }),
      };
    }
    case 'mail': {
      const m = u.openMail;
      const t = m === undefined ? { title: '', body: '' } : textOf(m, u.lang);
      // Planned work says when, from the notice's own fields, whatever the operator typed (N4).
      const from = Number(m?.detail.startsAtMs ?? 0);
      const to = Number(m?.detail.endsAtMs ?? 0);
      const head = [
        ...(m === undefined ? [] : [s.issued(u.fmt(m.issuedAtMs))]),
        ...(from > 0 && to > 0 ? [s.workWindow(u.fmt(from), u.fmt(to))] : []),
      ];
      const p = paged(
        textPages(t.body, BODY_LINES - head.length),
        u.page,
        u.confirmDelete === undefined ? s.hintMail : s.hintConfirmDelete,
        s.turnPages,
      );
      return {
        ...base,
        screen: 'mail',
        title: t.title,
        rows: [],
        body: [...head, p.item ?? ''],
        hint: p.hint,
        pages: p.pages,
        hotline: m?.actionRequired ? s.hotline(m.hotline || u.hotline) : '',
      };
    }
    case 'fault-symptom':
      return {
        ...base,
        screen: 'fault-symptom',
        title: s.chooseSymptom,
        rows: s.symptoms.map((l, i) => ({ id: `sym-${i}`, label: l })),
        body: [],
        hotline: s.hotline(u.hotline),
      };
    case 'fault-confirm':
      return {
        ...base,
        screen: 'fault-confirm',
        title: `${s.reportFault}：${s.symptoms[u.symptom] ?? ''}`,
        rows: [],
        body: [s.confirmFault, ...s.diag(u.diag)],
        hint: s.hintSubmitFault,
        hotline: s.hotline(u.hotline),
      };
    case 'fault-result': {
      const a = u.faultAnswer;
      let body: string[] = [s.sending];
      if (a && a.ticketId === '' && a.incidentId !== '')
        body = [s.knownOutage, ...(a.dueAtMs > 0 ? [s.eta(u.fmt(a.dueAtMs))] : [])];
      else if (a)
        body = [
          s.ticketNo(ticketRef(a.ticketNumber, a.ticketId)),
          s.promise(REPAIR_HOURS[a.severity] ?? 24, u.fmt(a.dueAtMs)),
        ];
      else if (u.faultQueued) body = [s.faultQueued];
      return {
        ...base,
        screen: 'fault-result',
        title: s.reportFault,
        rows: [],
        body,
        hint: s.hintToTickets,
        hotline: s.hotline(u.hotline),
      };
    }
    case 'tickets': {
      const rows = ticketRows(u);
      return {
        ...base,
        screen: 'tickets',
        title: s.tickets,
        rows,
        body: rows.length === 0 ? [s.empty] : [],
        hint: rows.length > 1 ? s.hintBrowse : s.hintBack, // OK opens nothing here
        hotline: s.hotline(u.hotline),
      };
    }
    case 'survey': {
      // Issue 17: three focusable rows, the focused one highlighted like any list: ↑↓ choose,
      // ←→ change it, OK sends.
      const sv = u.survey;
      const open = sv !== undefined && !sv.done;
      return {
        ...base,
        screen: 'survey',
        title: s.surveyTitle,
        rows: open
          ? [
              { id: 'rating', label: s.surveyRate(sv.rating) },
              { id: 'resolved', label: s.surveyResolved(sv.resolved) },
              { id: 'send', label: s.surveySubmit },
            ]
          : [],
        body: sv === undefined ? [s.empty] : sv.done ? [s.surveyThanks] : [],
        hint: open ? s.hintSurvey : s.hintBack,
        hotline: s.hotline(u.hotline),
      };
    }
    case 'payments': {
      const list = u.payments === undefined ? [s.loading] : u.payments.length === 0 ? [s.empty] : u.payments;
      const chunks: string[][] = [];
      for (let i = 0; i < list.length; i += PAYMENTS_PER_PAGE) chunks.push(list.slice(i, i + PAYMENTS_PER_PAGE));
      // Nothing to choose on this screen: the hint names only the keys that do something here.
      const p = paged(chunks, u.page, s.hintBack, s.turnPages);
      return {
        ...base,
        screen: 'payments',
        title: s.paymentsTitle,
        rows: [],
        body: p.item ?? [],
        hint: p.hint,
        pages: p.pages,
      };
    }
    case 'settings':
      return {
        ...base,
        screen: 'settings',
        title: s.settings,
        rows: [
          { id: 'lang', label: s.language },
          { id: 'tts', label: s.tts(u.tts) },
        ],
        body: [],
      };
  }
}

/** A ticket as the subscriber names it on the phone: its short number (issue 17), else its id. */
function ticketRef(number: number, id: string): string {
  return number > 0 ? String(number) : id;
}

function ticketRows(u: UiSnapshot): Row[] {
  const s = strings(u.lang);
  const latest = new Map<string, MailItem>();
  for (const m of u.mails) {
    const id = String(m.detail.ticketId ?? '');
    if (m.kind === 'TICKET_UPDATE' && id !== '' && !latest.has(id)) latest.set(id, m);
  }
  return [...latest.entries()].map(([id, m]) => {
    const status = Number(m.detail.status ?? 0);
    const pause = String(m.detail.pauseReason ?? '');
    const sub = status === 4 ? s.paused(s.pauseReasons[pause] ?? pause) : s.due(u.fmt(Number(m.detail.dueAtMs ?? 0)));
    const ref = ticketRef(Number(m.detail.ticketNumber ?? 0), id);
    return { id, label: `${ref}\u3000${s.status[status] ?? ''}`, sub };
  });
}
