import { randomUUID } from 'node:crypto';
import { allTopic, boxTopic, sealDownlink, zoneTopic } from '@stb-notify/protocol';
import type { Clock, DownlinkProps, PartyInfo, Signer } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import { assertDeliverable } from '../domain/notice-props';
import { newId } from '../domain/ids';
import { HeadendError, notFound } from '../errors';
import type { Metrics } from '../metrics/metrics';
import type { Broker } from '../ports/broker';
import type {
  DeliveryCounts,
  DisplayName,
  NoticeKindName,
  NoticeRecord,
  NoticeTarget,
  PriorityName,
  Text,
} from '../ports/notice-store';
import type { Stores } from '../ports/store';

export interface NoticeInput {
  readonly kind: NoticeKindName;
  readonly target: NoticeTarget;
  readonly texts: readonly Text[];
  readonly detail?: Record<string, unknown>;
  readonly display?: DisplayName;
  readonly priority?: PriorityName;
  readonly collapseKey?: string;
  readonly actionRequired?: boolean;
  readonly accountId?: string;
  /** Absolute expiry; default now + noticeTtlHours. */
  readonly expiresAtMs?: number;
  readonly createdBy: string;
}

/** Defaults by kind: how loud a notice is, and whether it asks the subscriber to act (N7). */
const KIND_DEFAULTS: Record<NoticeKindName, { display: DisplayName; priority: PriorityName; act: boolean }> = {
  FEE_DUE: { display: 'BANNER', priority: 'NORMAL', act: true },
  SUSPENSION_WARNING: { display: 'FULLSCREEN', priority: 'URGENT', act: true },
  SUSPENDED: { display: 'FULLSCREEN', priority: 'URGENT', act: true },
  RESTORED: { display: 'BANNER', priority: 'NORMAL', act: false },
  MAINTENANCE: { display: 'BANNER', priority: 'HIGH', act: false },
  OUTAGE: { display: 'BANNER', priority: 'HIGH', act: false },
  ANNOUNCEMENT: { display: 'MAILBOX', priority: 'NORMAL', act: false },
  TICKET_UPDATE: { display: 'BANNER', priority: 'NORMAL', act: false },
  SURVEY_REQUEST: { display: 'BANNER', priority: 'NORMAL', act: true },
};

export interface NoticeServiceDeps {
  readonly stores: Stores;
  readonly broker: Broker;
  readonly clock: Clock;
  readonly signer: () => Signer;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly hotline: string;
  readonly noticeTtlMs: number;
}

type BoxRef = { id: string; zoneId: string };

const HEADEND: PartyInfo = { kind: 'headend', id: '' };

/**
 * Creates, signs, stores and publishes notices; resends what a box missed; withdraws
 * cancelled ones. Broadcasts are signed once per topic (all, or each zone); personalised
 * notices (accounts, boxes) once per box.
 */
export class NoticeService {
  private readonly cache = new Map<string, NoticeRecord>();

  constructor(private readonly d: NoticeServiceDeps) {}

  async resolveTarget(target: NoticeTarget): Promise<BoxRef[]> {
    const reg = this.d.stores.registry;
    switch (target.type) {
      case 'all':
        return reg.allBoxIds();
      case 'zones':
        return reg.boxIdsForZones(target.zoneIds);
      case 'accounts':
        return reg.boxIdsForAccounts(target.accountIds);
      case 'boxes': {
        const out: BoxRef[] = [];
        for (const id of target.boxIds) {
          const b = await reg.getBox(id);
          if (b === undefined) throw notFound('box', id);
          out.push({ id: b.id, zoneId: b.zoneId });
        }
        return out;
      }
    }
  }

  /** Validates, stores the notice with one delivery per box, then publishes it. */
  async send(input: NoticeInput): Promise<NoticeRecord> {
    const now = this.d.clock.now();
    const defaults = KIND_DEFAULTS[input.kind];
    const record: NoticeRecord = {
      id: newId('n', now),
      kind: input.kind,
      display: input.display ?? defaults.display,
      priority: input.priority ?? defaults.priority,
      collapseKey: input.collapseKey ?? '',
      texts: input.texts,
      // N7: the hotline goes on every notice; the box shows it where the notice asks to act.
      hotline: this.d.hotline,
      actionRequired: input.actionRequired ?? defaults.act,
      accountId: input.accountId ?? '',
      detail: input.detail ?? {},
      target: input.target,
      status: 'sent',
      createdBy: input.createdBy,
      issuedAtMs: now,
      expiresAtMs: input.expiresAtMs ?? now + this.d.noticeTtlMs,
      cancelledAtMs: 0,
      cancelReason: '',
    };
    if (record.expiresAtMs <= now) throw new HeadendError('VALIDATION', 'expiresAtMs is in the past');
    const props = assertDeliverable(record);
    const boxes = await this.resolveTarget(input.target);
    if (boxes.length === 0) throw new HeadendError('TARGET_EMPTY', 'the target has no boxes', { target: input.target });
    // Stored with its audit entry in the same commit (one wait, not two): from here on the
    // notice is sent — a box that misses the publish below gets it again on its next hello.
    await Promise.all([
      this.d.stores.notices.create(
        record,
        boxes.map((b) => ({ boxId: b.id, zoneId: b.zoneId })),
      ),
      this.d.stores.audit.append({
        atMs: now,
        actor: input.createdBy,
        action: 'notice.sent',
        subject: record.id,
        detail: { kind: record.kind, target: record.target, boxes: boxes.length },
      }),
    ]);
    this.remember(record);
    this.d.metrics.noticesSent.inc({ kind: record.kind });
    await this.publish(record, { notice: props }, boxes);
    return record;
  }

  private async seal(record: NoticeRecord, recipient: PartyInfo, body: DownlinkProps): Promise<Uint8Array> {
    return sealDownlink(
      {
        messageId: randomUUID(),
        sender: HEADEND,
        recipient,
        issuedAtMs: this.d.clock.now(),
        expiresAtMs: record.expiresAtMs,
      },
      body,
      this.d.signer(),
    );
  }

  /** Publishes `body` to the notice's target: one envelope per broadcast topic, or one per box. */
  private async publish(record: NoticeRecord, body: DownlinkProps, boxes: readonly BoxRef[]): Promise<void> {
    const t = record.target;
    const out: Array<Promise<void>> = [];
    if (t.type === 'all') {
      out.push(this.d.broker.publish(allTopic(), await this.seal(record, { kind: 'all', id: '' }, body)));
      this.d.metrics.envelopesPublished.inc({ scope: 'all' });
    } else if (t.type === 'zones') {
      for (const z of t.zoneIds) {
        out.push(this.d.broker.publish(zoneTopic(z), await this.seal(record, { kind: 'zone', id: z }, body)));
        this.d.metrics.envelopesPublished.inc({ scope: 'zone' });
      }
    } else {
      for (const b of boxes) {
        out.push(this.d.broker.publish(boxTopic(b.id), await this.seal(record, { kind: 'box', id: b.id }, body)));
      }
      this.d.metrics.envelopesPublished.inc({ scope: 'box' }, boxes.length);
    }
    await Promise.all(out);
  }

  private remember(r: NoticeRecord): void {
    if (this.cache.size > 2000) this.cache.clear();
    this.cache.set(r.id, r);
  }

  async get(id: string): Promise<NoticeRecord> {
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.status === 'sent') return cached;
    const r = await this.d.stores.notices.get(id);
    if (r === undefined) throw notFound('notice', id);
    this.remember(r);
    return r;
  }

  async status(
    id: string,
  ): Promise<{ notice: NoticeRecord; total: DeliveryCounts; byZone: Record<string, DeliveryCounts> }> {
    const notice = await this.get(id);
    const counts = await this.d.stores.notices.counts(id, this.d.clock.now());
    return { notice, ...counts };
  }

  /**
   * A box said hello: send it, addressed to it alone, every unexpired notice it has not
   * acknowledged. This is what makes delivery survive a headend restart (the broker's
   * in-memory session queue does not). The box drops duplicates by notice id.
   */
  async resendPending(boxId: string): Promise<number> {
    const ids = await this.d.stores.notices.pendingForBox(boxId, this.d.clock.now());
    for (const id of ids) {
      const record = await this.get(id);
      const body = { notice: assertDeliverable(record) };
      await this.d.broker.publish(boxTopic(boxId), await this.seal(record, { kind: 'box', id: boxId }, body));
    }
    if (ids.length > 0) this.d.metrics.envelopesPublished.inc({ scope: 'resend' }, ids.length);
    return ids.length;
  }

  /** Cancels a notice: boxes that have not shown it drop it; deliveries become withdrawn. */
  async cancel(id: string, reason: string, actor: string): Promise<{ withdrawn: number }> {
    const record = await this.get(id);
    if (record.status !== 'sent') throw new HeadendError('NOTICE_NOT_CANCELLABLE', `notice ${id} is ${record.status}`);
    const now = this.d.clock.now();
    const withdrawn = await this.d.stores.notices.cancel(id, now, reason);
    const cancelled: NoticeRecord = { ...record, status: 'cancelled', cancelledAtMs: now, cancelReason: reason };
    this.remember(cancelled);
    const boxes =
      record.target.type === 'all' || record.target.type === 'zones' ? [] : await this.resolveTarget(record.target);
    await this.publish(cancelled, { withdrawal: { noticeId: id, reason } }, boxes);
    await this.d.stores.audit.append({
      atMs: now,
      actor,
      action: 'notice.cancelled',
      subject: id,
      detail: { reason, withdrawn },
    });
    return { withdrawn };
  }
}
