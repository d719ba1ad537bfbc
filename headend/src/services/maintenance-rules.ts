import type { Clock } from '@stb-notify/protocol';
import { newId } from '../domain/ids';
import type { NoticeTexts } from '../domain/notice-texts';
import { HeadendError, notFound } from '../errors';
import type { Metrics } from '../metrics/metrics';
import type { NoticeRecord, Text } from '../ports/notice-store';
import type { Stores } from '../ports/store';
import type { NoticeInput } from './notice-input';
import type { NoticeService } from './notice-service';
import type { Scheduler } from './scheduler';
import { consumeDraft } from './consume-draft';
import { Outgoing } from './notice-input';

const HOUR = 60 * 60 * 1000;

export interface MaintenanceInput {
  readonly zoneIds: readonly string[];
  readonly startsAtMs: number;
  readonly endsAtMs: number;
  readonly reason: string;
  /** Operator-written texts; default texts are generated from the window and reason. */
  readonly texts?: readonly Text[];
  /** Issue 18: the draft it was written in, deleted with it. */
  readonly draftId?: string;
}

export interface OutageInput {
  readonly zoneIds: readonly string[];
  /** Estimated restore time; 0 or absent when unknown. */
  readonly etaMs?: number;
  readonly incidentId?: string;
  readonly texts?: readonly Text[];
}

/** N4: planned work is announced ≥ 48 h ahead, with a reminder shortly before; outages go out at once. */
export class MaintenanceRules {
  constructor(
    private readonly d: {
      readonly stores: Stores;
      readonly notices: NoticeService;
      readonly scheduler: Scheduler;
      readonly clock: Clock;
      readonly texts: NoticeTexts;
      readonly metrics: Metrics;
      readonly rules: { readonly maintenanceLeadHours: number; readonly maintenanceReminderMinutes: number };
    },
  ) {
    d.scheduler.register('maintenance-reminder', (job) => this.remind(String(job.payload.noticeId)));
  }

  /** The N4 check alone, for previews: undefined when allowed, else the refusal. */
  check(startsAtMs: number): HeadendError | undefined {
    const now = this.d.clock.now();
    const earliest = now + this.d.rules.maintenanceLeadHours * HOUR;
    if (startsAtMs >= earliest) return undefined;
    const leadH = Math.max(0, (startsAtMs - now) / HOUR);
    return new HeadendError(
      'N4_LEAD_TIME_TOO_SHORT',
      `N4: planned work must be announced ${this.d.rules.maintenanceLeadHours} h ahead; this is ${leadH.toFixed(1)} h. ` +
        'Move the start, or send an OUTAGE notice if the work cannot wait.',
      {
        earliestStartAtMs: earliest,
        earliestStartAt: new Date(earliest).toISOString(),
        leadHours: Number(leadH.toFixed(2)),
      },
    );
  }

  async requireZones(zoneIds: readonly string[]): Promise<void> {
    if (zoneIds.length === 0) throw new HeadendError('VALIDATION', 'at least one zone is needed');
    for (const z of zoneIds) if ((await this.d.stores.registry.getZone(z)) === undefined) throw notFound('zone', z);
  }

  async plan(input: MaintenanceInput, actor: string): Promise<{ notice: NoticeRecord; reminderAtMs: number }> {
    if (input.endsAtMs <= input.startsAtMs) throw new HeadendError('VALIDATION', 'endsAtMs must be after startsAtMs');
    const refusal = this.check(input.startsAtMs);
    if (refusal !== undefined) {
      this.d.metrics.ruleRefusals.inc({ code: refusal.code });
      throw refusal;
    }
    await this.requireZones(input.zoneIds);
    // The reminder replaces the first notice on the box (same collapse key) shortly before the work.
    const reminderAtMs = input.startsAtMs - this.d.rules.maintenanceReminderMinutes * 60_000;
    // One unit of work (issue 15): the notice (through the outbox), its reminder and the draft it was written in.
    const out = new Outgoing();
    const notice = await this.d.stores.transaction(async (tx) => {
      await consumeDraft(tx, input.draftId);
      const n = await this.d.notices.stageInto(
        tx,
        {
          kind: 'MAINTENANCE',
          target: { type: 'zones', zoneIds: input.zoneIds },
          collapseKey: newId('mnt', this.d.clock.now()),
          texts: input.texts ?? this.d.texts.maintenance(input.startsAtMs, input.endsAtMs, input.reason, false),
          detail: {
            startsAtMs: input.startsAtMs,
            endsAtMs: input.endsAtMs,
            zoneIds: input.zoneIds,
            reason: input.reason,
          },
          expiresAtMs: input.endsAtMs,
          createdBy: actor,
        },
        out,
      );
      const job = { kind: 'maintenance-reminder', runAtMs: reminderAtMs, payload: { noticeId: n.id } };
      await this.d.scheduler.schedule({ ...job, dedupeKey: `mnt-reminder:${n.id}` }, tx.jobs);
      return n;
    });
    await this.d.notices.dispatch(out.items, out.prepared);
    return { notice, reminderAtMs };
  }

  private async remind(noticeId: string): Promise<void> {
    const first = await this.d.stores.notices.get(noticeId);
    if (first === undefined || first.status !== 'sent' || first.target.type !== 'zones') return; // cancelled
    const m = first.detail as { startsAtMs: number; endsAtMs: number; reason: string; zoneIds: string[] };
    await this.d.notices.send({
      kind: 'MAINTENANCE',
      target: first.target,
      collapseKey: first.collapseKey,
      display: 'BANNER',
      priority: 'HIGH',
      texts: this.d.texts.maintenance(m.startsAtMs, m.endsAtMs, m.reason, true),
      detail: m,
      expiresAtMs: m.endsAtMs,
      createdBy: 'system:N4',
    });
  }

  /** Unplanned outage: an immediate OUTAGE notice to the zones. */
  async outage(input: OutageInput, actor: string): Promise<NoticeRecord> {
    await this.requireZones(input.zoneIds);
    return this.d.notices.send(this.outageNotice(input, actor));
  }

  /** The OUTAGE notice for `input`, for a caller that stages it in its own unit of work. */
  outageNotice(input: OutageInput, actor: string): NoticeInput {
    const now = this.d.clock.now();
    const eta = input.etaMs ?? 0;
    return {
      kind: 'OUTAGE',
      target: { type: 'zones', zoneIds: input.zoneIds },
      collapseKey: input.incidentId === undefined ? '' : `outage:${input.incidentId}`,
      texts: input.texts ?? this.d.texts.outage(eta),
      detail: { startedAtMs: now, etaMs: eta, zoneIds: input.zoneIds, incidentId: input.incidentId ?? '' },
      expiresAtMs: Math.max(eta, now) + 24 * HOUR,
      createdBy: actor,
    };
  }
}
