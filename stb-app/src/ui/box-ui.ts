import type { BoxSession, MailItem, TicketInfo } from '../core/index';
import { textOf } from '../core/mail-text';
import { SYMPTOM_OTHER, SYMPTOMS } from './symptoms';
import { strings } from './i18n';
import type { Lang } from './i18n';
import { MENU, renderView } from './render-view';
import type { Overlay, ScreenName, View } from './view';

/**
 * What the UI uses of a box session: a real BoxSession on the box, an in-memory one for the
 * console's preview (preview-session.ts) and the tests.
 */
export type UiSession = Pick<
  BoxSession,
  | 'mailbox'
  | 'connection'
  | 'on'
  | 'markDisplayed'
  | 'markRead'
  | 'deleteMail'
  | 'reportFault'
  | 'currentDiagnostics'
  | 'answerSurvey'
>;

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
  /** A mail the subscriber pressed 0 on once: a second 0 deletes it, any other key keeps it. */
  private confirmDelete: string | undefined;
  /** The page of a long text being read (mail, payments). */
  private page = 0;
  private readonly listeners = new Set<() => void>();
  lang: Lang;
  tts: boolean;

  constructor(
    private readonly session: UiSession,
    private readonly o: UiOptions,
  ) {
    this.lang = (o.settings.get('lang') as Lang | null) ?? 'zh-CN';
    this.tts = o.settings.get('tts') === 'on';
    session.on('notice', (m) => this.onNotice(m));
    session.on('withdrawn', (id) => this.onWithdrawn(id));
    session.on('superseded', (id) => this.onWithdrawn(id));
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

  /** Back to the picture, nothing open (the console's preview, between drafts). */
  home(lang: Lang = this.lang): void {
    this.lang = lang;
    this.go('home');
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

  /** Month, day and time; with `year` the date alone (payments span twelve months and a new year, N6). */
  private fmt(ms: number, year = false): string {
    return new Intl.DateTimeFormat(this.lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: this.o.timeZone ?? 'Asia/Shanghai',
      ...(year ? { year: 'numeric' } : { hour: '2-digit', minute: '2-digit', hour12: false }),
      month: '2-digit',
      day: '2-digit',
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

  /** Withdrawn by the operator, or replaced by a newer notice: off the screen (the mailbox keeps what it should). */
  private onWithdrawn(id: string): void {
    if (this.banner?.id === id) this.banner = undefined;
    const i = this.fullscreens.findIndex((f) => f.id === id);
    if (i >= 0) this.fullscreens.splice(i, 1);
    this.changed();
  }

  private go(screen: ScreenName, focus = 0): void {
    this.screen = screen;
    this.focus = focus;
    this.page = 0;
    if (screen === 'fault-confirm') void this.loadDiag();
    if (screen === 'payments') void this.loadPayments();
    this.changed();
    this.speakScreen();
  }

  /**
   * Read-aloud (issue 17): the screen's title and what is focused, or a whole opened text —
   * a mail or the payments list in full, though the screen shows them a page at a time.
   */
  private speakScreen(): void {
    const v = this.view();
    const row = v.rows[v.focus];
    const focused = row === undefined ? '' : `，${row.label}${row.sub ? `，${row.sub}` : ''}`;
    this.speak([`${v.title}${focused}`, ...this.wholeText(v), v.hotline].filter((x) => x !== '').join('。'));
  }

  /** What an opened screen holds, every page of it. */
  private wholeText(v: View): readonly string[] {
    if (v.rows.length > 0) return [];
    const m =
      this.screen === 'mail' && this.openMail !== undefined ? this.session.mailbox.get(this.openMail) : undefined;
    // A mail's body is its last line on screen (after the issued time and any work window), one page of it.
    if (m !== undefined) return [...v.body.slice(0, -1), textOf(m, this.lang).body];
    if (this.screen === 'payments' && this.payments !== undefined && this.payments.length > 0) return this.payments;
    return v.body;
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
        (p) => `${this.fmt(p.paidAtMs, true)}\u3000${(p.amountMinor / 100).toFixed(2)} ${p.currency}\u3000${p.method}`,
      );
    } catch {
      this.payments = [this.s.offline];
    }
    this.changed();
    if (this.screen === 'payments') this.speakScreen();
  }

  /** Where the open mail is in the mailbox list (0 when it is gone). */
  private mailIndex(): number {
    return Math.max(
      0,
      this.mails().findIndex((x) => x.noticeId === this.openMail),
    );
  }

  private mails(): readonly MailItem[] {
    return this.session.mailbox.list();
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
    if (this.banner !== undefined && this.screen === 'home' && (k === 'Back' || k === 'Enter')) {
      // OK opens the notice in the mailbox; Back puts the banner away (the mail stays unread).
      const id = this.banner.id;
      this.banner = undefined;
      if (k === 'Enter' && this.session.mailbox.get(id) !== undefined) {
        this.openMail = id;
        void this.session.markRead(id);
        this.go('mail');
      } else this.changed();
      return true;
    }
    const deleting = this.confirmDelete;
    this.confirmDelete = undefined;
    if (k === 'Mailbox') return (this.go('mailbox'), true);
    if (k === 'Menu') return (this.go(this.screen === 'menu' ? 'home' : 'menu'), true);
    const { rows: shown, pages } = this.view();
    const rows = shown.length;
    if ((k === 'Up' || k === 'Down') && pages > 1) {
      // A long text: ↑↓ turn its pages, read aloud as they come.
      this.page = Math.min(Math.max(this.page + (k === 'Down' ? 1 : -1), 0), pages - 1);
      this.changed();
      this.speak(this.view().body.join('。'));
      return true;
    }
    if (k === 'Up') this.focus = Math.max(0, this.focus - 1);
    else if (k === 'Down') this.focus = Math.min(Math.max(rows - 1, 0), this.focus + 1);
    else if (k === 'Back') return this.back();
    else if (k === 'Enter') this.enter();
    else this.other(k, deleting);
    this.changed();
    const v = this.view();
    if (k === 'Up' || k === 'Down')
      this.speak([v.rows[v.focus]?.label, v.rows[v.focus]?.sub].filter(Boolean).join('，'));
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
    // Back from a mail returns to where it was in the list.
    if (this.screen === 'mail') return (this.go('mailbox', this.mailIndex()), true);
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
        return this.go('mailbox', this.mailIndex());
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

  private other(k: Key, deleting: string | undefined): void {
    if (this.screen === 'survey' && this.survey && !this.survey.done) {
      // ←→ change the focused row: the rating, or whether the problem is solved; 1-5 rate at once.
      const step = k === 'Left' ? -1 : k === 'Right' ? 1 : 0;
      if (step !== 0 && this.focus === 0) this.survey.rating = Math.min(5, Math.max(1, this.survey.rating + step));
      if (step !== 0 && this.focus === 1) this.survey.resolved = !this.survey.resolved;
      const d = /^Digit([1-5])$/.exec(k);
      if (d) this.survey.rating = Number(d[1]);
    }
    if ((k === 'Delete' || k === 'Digit0') && (this.screen === 'mail' || this.screen === 'mailbox')) {
      const id = this.screen === 'mail' ? this.openMail : this.mails()[this.focus]?.noticeId;
      if (id === undefined) return;
      if (deleting !== id) {
        // The first 0 only asks: a mail is never lost to one stray key.
        this.confirmDelete = id;
        this.speak(this.s.hintConfirmDelete);
        return;
      }
      this.session.deleteMail(id);
      if (this.screen === 'mail') this.go('mailbox', Math.min(this.focus, Math.max(0, this.mails().length - 1)));
      else this.focus = Math.min(this.focus, Math.max(0, this.mails().length - 1));
    }
  }

  private async submitFault(): Promise<void> {
    this.faultReportId = await this.session.reportFault(SYMPTOMS[this.symptom] ?? SYMPTOM_OTHER);
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

  /**
   * The hotline to show (N7): the one the operator's notices carry — the newest notice's, so a
   * changed hotline reaches every screen with the next notice — or the configured fallback
   * before any notice arrived.
   */
  private hotline(): string {
    return this.mails().find((m) => m.hotline !== '')?.hotline ?? this.o.hotline;
  }

  view(): View {
    return renderView({
      screen: this.screen,
      focus: this.focus,
      lang: this.lang,
      tts: this.tts,
      hotline: this.hotline(),
      connection: this.session.connection,
      mails: this.mails(),
      openMail: this.openMail === undefined ? undefined : this.session.mailbox.get(this.openMail),
      unread: this.session.mailbox.unreadCount(),
      banner: this.screen === 'home' ? this.banner : undefined,
      fullscreen: this.fullscreens[0],
      symptom: this.symptom,
      diag: this.diag,
      faultAnswer: this.faultAnswer,
      faultQueued: this.faultQueued,
      survey: this.survey,
      payments: this.payments,
      confirmDelete: this.confirmDelete,
      page: this.page,
      fmt: (ms) => this.fmt(ms),
    });
  }
}
