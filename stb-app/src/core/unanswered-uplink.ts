import type { UplinkProps } from '@stb-notify/protocol';

const DAY_MS = 24 * 3_600_000;

interface Pending {
  readonly props: UplinkProps;
  sentAtMs: number;
  readonly firstSentAtMs: number;
}

/**
 * Uplink the box sends again until the headend answers it:
 * - fault reports, until a TICKET_UPDATE carries the report id — a report the headend
 *   received but never handled (an instance that died mid-way) is not lost, and one it did
 *   handle is answered again, not doubled (T5);
 * - survey answers, until a TICKET_UPDATE carries the survey id (T4) — a broker cluster may
 *   lose a publish it acknowledged (issue 21). One unconfirmed for a day is for a survey the
 *   headend no longer takes (it phones instead) and is dropped.
 */
export class UnansweredUplink {
  private readonly reports = new Map<string, Pending>();
  private readonly surveys = new Map<string, Pending>();

  report(reportId: string, props: UplinkProps, nowMs: number): void {
    this.reports.set(reportId, { props, sentAtMs: nowMs, firstSentAtMs: nowMs });
  }

  survey(surveyId: string, props: UplinkProps, nowMs: number): void {
    this.surveys.set(surveyId, { props, sentAtMs: nowMs, firstSentAtMs: nowMs });
  }

  /** A TICKET_UPDATE came: what it answers is not sent again. */
  answered(update: { readonly reportId?: string | null; readonly surveyId?: string | null }): void {
    if (update.reportId) this.reports.delete(update.reportId);
    if (update.surveyId) this.surveys.delete(update.surveyId);
  }

  get reportCount(): number {
    return this.reports.size;
  }

  get surveyCount(): number {
    return this.surveys.size;
  }

  /** Sends again, through `send`, whatever was last sent `olderThanMs` ago or more. */
  resend(olderThanMs: number, nowMs: number, send: (kind: 'fault' | 'survey', props: UplinkProps) => void): void {
    for (const [id, r] of this.surveys) if (nowMs - r.firstSentAtMs >= DAY_MS) this.surveys.delete(id);
    for (const [kind, pending] of [
      ['fault', this.reports],
      ['survey', this.surveys],
    ] as const) {
      for (const r of pending.values()) {
        if (nowMs - r.sentAtMs < olderThanMs) continue;
        r.sentAtMs = nowMs;
        send(kind, r.props);
      }
    }
  }
}
