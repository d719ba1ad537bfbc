import { Symptom } from '@stb-notify/protocol';
import type { BoxSession, MailItem, TicketInfo } from '../core/index';
import { textOf } from '../core/index';
import { strings } from './i18n';
import type { Lang } from './i18n';
import type { Overlay, Row, ScreenName, View } from './view';

export type Key =
  'Up' | 'Down' | 'Left' | 'Right' | 'Enter' | 'Back' | 'Menu' | 'Mailbox' | 'Delete' | `Digit${number}`;

export interface UiOptions {
  readonly hotline: string;
  readonly timeZone?: string;
  readonly fetchPayments?: () => Promise<
    Array<{ paidAtMs: number; amountMinor: number; currency: string; method: string }>
  >;
  readonly speak?: (text: string, lang: Lang) => void;
  readonly settings: { get(k: string): string | null; set(k: string, v: string): void };
  readonly bannerMs?: number;
  readonly timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
}

const SYMPTOMS = [
  Symptom.SYMPTOM_NO_SIGNAL,
  Symptom.SYMPTOM_PICTURE_FREEZE,
  Symptom.SYMPTOM_MOSAIC,
  Symptom.SYMPTOM_NO_SOUND,
  Symptom.SYMPTOM_CHANNELS_MISSING,
  Symptom.SYMPTOM_INTERACTIVE_SERVICE,
  Symptom.SYMPTOM_BOX_REBOOTS,
  Symptom.SYMPTOM_REMOTE_CONTROL,
  Symptom.SYMPTOM_OTHER,
];
const MENU = ['mailbox', 'fault-symptom', 'tickets', 'payments', 'settings'] as const;
const REPAIR_HOURS: Record<number, number> = { 1: 8, 2: 24, 3: 48 };

/**
 * The box UI as plain state: which screen, what is focused, what overlays show. Keys from
 * the remote come in, a View goes out. Lightning only renders the View.
 */
export class BoxUi {
  private screen: ScreenName = 'home';
  private focus = 0;
  private openMail: string | undefined;
  private banner: Overlay | undefined;
  private bannerTimer: unknown;
  private readonly fullscreens: Overlay[] = [];
  private symptom = 0;
  private diag: Record<string, unknown> = {};
  private faultReportId = '';
  private faultAnswer: TicketInfo | undefined;
  private faultQueued = false;
  private survey: { surveyId: string; ticketId: string; rating: number; resolved: boolean; done: boolean } | undefined;
  private payments: string[] | undefined;
  private readonly listeners = new Set<() => void>();
  lang: Lang;
  tts: boolean;

  constructor(
    private readonly session: BoxSession,
    private readonly o: UiOptions,
  ) {
    this.lang = (o.settings.get('lang') as Lang | null) ?? 'zh-CN';
    this.tts = o.settings.get('tts') === 'on';
    session.on('notice', (m) => this.onNotice(m));
    session.on('withdrawn', (id) => this.onWithdrawn(id));
    session.on('mailbox', () => this.changed());
    session.on('state', () => this.changed());
    session.on('ticket', (t) => {
      if (t.reportId !== '' && t.reportId === this.faultReportId) {
        this.faultAnswer = t;
        if (this.screen === 'fault-confirm') this.go('fault-result');
      }
      this.changed();
    });
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private get s() {
    return strings(this.lang);
  }

  private fmt(ms: number): string {
    return new Intl.DateTimeFormat(this.lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: this.o.timeZone ?? 'Asia/Shanghai',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(ms);
  }

  private overlayOf(m: MailItem): Overlay {
    const t = textOf(m, this.lang);
    return {
      id: m.noticeId,
      title: t.title,
      body: t.body,
      hotline: m.actionRequired ? this.s.hotline(m.hotline || this.o.hotline) : '',
    };
  }

  private speak(text: string): void {
    if (this.tts) this.o.speak?.(text, this.lang);
  }

  private onNotice(m: MailItem): void {
    if (m.kind === 'SURVEY_REQUEST') {
      this.survey = {
        surveyId: String(m.detail.surveyId ?? ''),
        ticketId: String(m.detail.ticketId ?? ''),
        rating: 5,
        resolved: true,
        done: false,
      };
    }
    if (m.display === 'FULLSCREEN') {
      this.fullscreens.push(this.overlayOf(m));
      void this.session.markDisplayed(m.noticeId);
    } else if (m.display === 'BANNER') {
      this.banner = this.overlayOf(m);
      void this.session.markDisplayed(m.noticeId);
      const timers = this.o.timers ?? {
        setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
        clearTimeout: (h: unknown) => clearTimeout(h as number),
      };
      timers.clearTimeout(this.bannerTimer);
      this.bannerTimer = timers.setTimeout(() => {
        this.banner = undefined;
        this.changed();
      }, this.o.bannerMs ?? 10_000);
    }
    const t = textOf(m, this.lang);
    this.speak(`${t.title}。${t.body}`);
    this.changed();
  }

  private onWithdrawn(id: string): void {
    if (this.banner?.id === id) this.banner = undefined;
    const i = this.fullscreens.findIndex((f) => f.id === id);
    if (i >= 0) this.fullscreens.splice(i, 1);
    this.changed();
  }

  private go(screen: ScreenName, focus = 0): void {
    this.screen = screen;
    this.focus = focus;
    if (screen === 'fault-confirm') void this.loadDiag();
    if (screen === 'payments') void this.loadPayments();
    this.changed();
    const v = this.view();
    this.speak(`${v.title}${v.rows[v.focus] ? `，${v.rows[v.focus]?.label ?? ''}` : ''}`);
  }

  private async loadDiag(): Promise<void> {
    this.diag = { ...(await this.session.currentDiagnostics()) };
    this.changed();
  }

  private async loadPayments(): Promise<void> {
    this.payments = undefined;
    try {
      const list = (await this.o.fetchPayments?.()) ?? [];
      this.payments = list.map(
        (p) => `${this.fmt(p.paidAtMs)}\u3000${(p.amountMinor / 100).toFixed(2)} ${p.currency}\u3000${p.method}`,
      );
    } catch {
      this.payments = [this.s.offline];
    }
    this.changed();
  }

  private mails(): readonly MailItem[] {
    return this.session.mailbox.list();
  }

  private ticketRows(): Row[] {
    const latest = new Map<string, MailItem>();
    for (const m of this.mails()) {
      const id = String(m.detail.ticketId ?? '');
      if (m.kind === 'TICKET_UPDATE' && id !== '' && !latest.has(id)) latest.set(id, m);
    }
    return [...latest.entries()].map(([id, m]) => {
      const status = Number(m.detail.status ?? 0);
      const pause = String(m.detail.pauseReason ?? '');
      const sub =
        status === 4
          ? this.s.paused(this.s.pauseReasons[pause] ?? pause)
          : this.s.due(this.fmt(Number(m.detail.dueAtMs ?? 0)));
      return { id, label: `${id}\u3000${this.s.status[status] ?? ''}`, sub };
    });
  }

  /** Handles one remote key; returns false when the app should let the platform have it (Back on home). */
  key(k: Key): boolean {
    const fs = this.fullscreens[0];
    if (fs !== undefined) {
      // Suspension notices stay until OK (N2): nothing else gets through.
      if (k === 'Enter') {
        this.fullscreens.shift();
        void this.session.markRead(fs.id);
        this.changed();
      }
      return true;
    }
    if (this.banner !== undefined && (k === 'Back' || k === 'Enter') && this.screen === 'home') {
      void this.session.markRead(this.banner.id);
      this.banner = undefined;
      this.changed();
      return true;
    }
    if (k === 'Mailbox') return (this.go('mailbox'), true);
    if (k === 'Menu') return (this.go(this.screen === 'menu' ? 'home' : 'menu'), true);
    const rows = this.view().rows.length;
    if (k === 'Up' && this.screen !== 'survey') this.focus = Math.max(0, this.focus - 1);
    else if (k === 'Down' && this.screen !== 'survey') this.focus = Math.min(Math.max(rows - 1, 0), this.focus + 1);
    else if (k === 'Back') return this.back();
    else if (k === 'Enter') this.enter();
    else this.other(k);
    this.changed();
    const v = this.view();
    if (k === 'Up' || k === 'Down') this.speak(v.rows[v.focus]?.label ?? '');
    return true;
  }

  private back(): boolean {
    const parent: Partial<Record<ScreenName, ScreenName>> = {
      menu: 'home',
      mailbox: 'menu',
      mail: 'mailbox',
      'fault-symptom': 'menu',
      'fault-confirm': 'fault-symptom',
      'fault-result': 'menu',
      tickets: 'menu',
      survey: 'menu',
      payments: 'menu',
      settings: 'menu',
    };
    const to = parent[this.screen];
    if (to === undefined) return false;
    this.go(to);
    return true;
  }

  private enter(): void {
    switch (this.screen) {
      case 'home':
        return this.go(this.survey && !this.survey.done ? 'survey' : 'menu');
      case 'menu':
        return this.go(MENU[this.focus] ?? 'mailbox');
      case 'mailbox': {
        const m = this.mails()[this.focus];
        if (m === undefined) return;
        if (m.kind === 'SURVEY_REQUEST' && this.survey && !this.survey.done) return this.go('survey');
        this.openMail = m.noticeId;
        void this.session.markRead(m.noticeId);
        return this.go('mail');
      }
      case 'mail':
        return this.go(
          'mailbox',
          Math.max(
            0,
            this.mails().findIndex((x) => x.noticeId === this.openMail),
          ),
        );
      case 'fault-symptom':
        this.symptom = this.focus;
        this.faultAnswer = undefined;
        return this.go('fault-confirm');
      case 'fault-confirm':
        void this.submitFault();
        return;
      case 'fault-result':
        return this.go('tickets');
      case 'settings':
        if (this.focus === 0) this.lang = this.lang === 'zh-CN' ? 'en' : 'zh-CN';
        else this.tts = !this.tts;
        this.o.settings.set('lang', this.lang);
        this.o.settings.set('tts', this.tts ? 'on' : 'off');
        return;
      case 'survey':
        void this.submitSurvey();
        return;
      default:
        return;
    }
  }

  private other(k: Key): void {
    if (this.screen === 'survey' && this.survey && !this.survey.done) {
      if (k === 'Left') this.survey.rating = Math.max(1, this.survey.rating - 1);
      if (k === 'Right') this.survey.rating = Math.min(5, this.survey.rating + 1);
      const d = /^Digit([1-5])$/.exec(k);
      if (d) this.survey.rating = Number(d[1]);
    }
    if (this.screen === 'survey' && (k === 'Up' || k === 'Down') && this.survey)
      this.survey.resolved = !this.survey.resolved;
    if ((k === 'Delete' || k === 'Digit0') && (this.screen === 'mail' || this.screen === 'mailbox')) {
      const id = this.screen === 'mail' ? this.openMail : this.mails()[this.focus]?.noticeId;
      if (id !== undefined) this.session.deleteMail(id);
      if (this.screen === 'mail') this.go('mailbox', Math.min(this.focus, Math.max(0, this.mails().length - 1)));
      else this.focus = Math.min(this.focus, Math.max(0, this.mails().length - 1));
    }
  }

  private async submitFault(): Promise<void> {
    this.faultReportId = await this.session.reportFault(SYMPTOMS[this.symptom] ?? Symptom.SYMPTOM_OTHER);
    this.faultQueued = this.session.connection !== 'online';
    this.go('fault-result');
  }

  private async submitSurvey(): Promise<void> {
    const sv = this.survey;
    if (sv === undefined || sv.done) return;
    await this.session.answerSurvey(sv.surveyId, sv.ticketId, sv.rating, sv.resolved);
    sv.done = true;
    this.changed();
  }

  view(): View {
    const s = this.s;
    const base = {
      focus: this.focus,
      hint: s.hintList,
      hotline: '',
      status: this.session.connection === 'online' ? s.online : s.offline,
      unread: this.session.mailbox.unreadCount(),
      // Banners show over the picture only; with a menu open the notice waits in the mailbox badge.
      ...(this.banner && this.screen === 'home' ? { banner: this.banner } : {}),
      ...(this.fullscreens[0] ? { fullscreen: this.fullscreens[0] } : {}),
    };
    switch (this.screen) {
      case 'home':
        return { ...base, screen: 'home', title: '', rows: [], body: [], hint: `OK ${s.menu}` };
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
        const rows = this.mails().map((m) => ({
          id: m.noticeId,
          label: textOf(m, this.lang).title,
          sub: this.fmt(m.issuedAtMs),
          badge: !m.read && !m.withdrawn,
        }));
        return {
          ...base,
          screen: 'mailbox',
          title: `${s.mailbox}（${s.unread(base.unread)}）`,
          rows,
          body: rows.length === 0 ? [s.empty] : [],
        };
      }
      case 'mail': {
        const m = this.openMail === undefined ? undefined : this.session.mailbox.get(this.openMail);
        const t = m === undefined ? { title: '', body: '' } : textOf(m, this.lang);
        return {
          ...base,
          screen: 'mail',
          title: t.title,
          rows: [],
          body: [t.body],
          hint: s.hintMail,
          hotline: m?.actionRequired ? s.hotline(m.hotline || this.o.hotline) : '',
        };
      }
      case 'fault-symptom':
        return {
          ...base,
          screen: 'fault-symptom',
          title: s.chooseSymptom,
          rows: s.symptoms.map((l, i) => ({ id: `sym-${i}`, label: l })),
          body: [],
          hotline: s.hotline(this.o.hotline),
        };
      case 'fault-confirm':
        return {
          ...base,
          screen: 'fault-confirm',
          title: `${s.reportFault}：${s.symptoms[this.symptom] ?? ''}`,
          rows: [],
          body: [s.confirmFault, ...s.diag(this.diag)],
          hotline: s.hotline(this.o.hotline),
        };
      case 'fault-result': {
        const a = this.faultAnswer;
        let body: string[] = [s.sending];
        if (a && a.ticketId === '' && a.incidentId !== '')
          body = [s.knownOutage, ...(a.dueAtMs > 0 ? [s.eta(this.fmt(a.dueAtMs))] : [])];
        else if (a) body = [s.ticketNo(a.ticketId), s.promise(REPAIR_HOURS[a.severity] ?? 24, this.fmt(a.dueAtMs))];
        else if (this.faultQueued) body = [s.faultQueued];
        return {
          ...base,
          screen: 'fault-result',
          title: s.reportFault,
          rows: [],
          body,
          hotline: s.hotline(this.o.hotline),
        };
      }
      case 'tickets': {
        const rows = this.ticketRows();
        return {
          ...base,
          screen: 'tickets',
          title: s.tickets,
          rows,
          body: rows.length === 0 ? [s.empty] : [],
          hotline: s.hotline(this.o.hotline),
        };
      }
      case 'survey': {
        const sv = this.survey;
        const body =
          sv === undefined
            ? [s.empty]
            : sv.done
              ? [s.surveyThanks]
              : [s.surveyRate(sv.rating), s.surveyResolved(sv.resolved), s.surveySubmit];
        return { ...base, screen: 'survey', title: s.surveyTitle, rows: [], body, hotline: s.hotline(this.o.hotline) };
      }
      case 'payments':
        return {
          ...base,
          screen: 'payments',
          title: s.paymentsTitle,
          rows: [],
          body: this.payments === undefined ? [s.loading] : this.payments.length === 0 ? [s.empty] : this.payments,
        };
      case 'settings':
        return {
          ...base,
          screen: 'settings',
          title: s.settings,
          rows: [
            { id: 'lang', label: s.language },
            { id: 'tts', label: s.tts(this.tts) },
          ],
          body: [],
        };
    }
  }
}
