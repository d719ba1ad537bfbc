import type { DiagnosticsProps, Symptom } from '@stb-notify/protocol';
import type { BoxSession, ConnectionState, SessionEvents } from '../core/box-session';
import { Emitter } from '../core/emitter';
import { Mailbox } from '../core/mailbox';
import type { KeyValueStorage } from '../core/ports';
import type { UiSession } from './box-ui';

const EVENTS = ['state', 'notice', 'withdrawn', 'superseded', 'mailbox', 'ticket', 'rejected'] as const;

/**
 * The session the box's UI starts with (issue 17: first frame on a low-end box): the mailbox
 * as stored, "connecting". The protocol, the crypto and the MQTT client come in a second
 * script (session.js) loaded after the first frame; once it is there (`attach`) every call and
 * event is the real session's, and calls made before then wait for it.
 */
export class DeferredSession extends Emitter<SessionEvents> implements UiSession {
  private real: BoxSession | undefined;
  private readonly stored: Mailbox;
  private readonly ready: Promise<BoxSession>;
  private resolveReady: (s: BoxSession) => void = () => undefined;

  constructor(storage: KeyValueStorage) {
    super();
    this.stored = new Mailbox(storage);
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  get mailbox(): Mailbox {
    return this.real?.mailbox ?? this.stored;
  }

  get connection(): ConnectionState {
    return this.real?.connection ?? 'connecting';
  }

  get attached(): boolean {
    return this.real !== undefined;
  }

  /** The real session is here: its events become this one's, and the UI redraws from it. */
  attach(real: BoxSession): void {
    this.real = real;
    for (const e of EVENTS) real.on(e, (payload: SessionEvents[typeof e]) => this.emit(e, payload));
    this.resolveReady(real);
    this.emit('mailbox', real.mailbox.list());
    this.emit('state', real.connection);
  }

  async markDisplayed(noticeId: string): Promise<void> {
    return (await this.ready).markDisplayed(noticeId);
  }

  async markRead(noticeId: string): Promise<void> {
    return (await this.ready).markRead(noticeId);
  }

  deleteMail(noticeId: string): void {
    if (this.real !== undefined) return this.real.deleteMail(noticeId);
    // Gone from the screen now, and from storage, which the session will read its mailbox from.
    this.stored.delete(noticeId);
    this.emit('mailbox', this.stored.list());
    void this.ready.then((s) => s.deleteMail(noticeId));
  }

  async reportFault(symptom: Symptom, code = ''): Promise<string> {
    return (await this.ready).reportFault(symptom, code);
  }

  async currentDiagnostics(): Promise<DiagnosticsProps> {
    return (await this.ready).currentDiagnostics();
  }

  async answerSurvey(surveyId: string, ticketId: string, rating: number, resolved: boolean): Promise<void> {
    return (await this.ready).answerSurvey(surveyId, ticketId, rating, resolved);
  }
}
