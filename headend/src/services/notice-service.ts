import type { Clock, Signer } from '@stb-notify/protocol';
import type { Logger } from 'pino';
import { assertDeliverable } from '../domain/notice-props';
import { newId } from '../domain/ids';
import { HeadendError, notFound } from '../errors';
import type { Metrics } from '../metrics/metrics';
import type { Broker } from '../ports/broker';
import type { DeliveryCounts, NoticeRecord, NoticeTarget, OutboxOp } from '../ports/notice-store';
import { KIND_DEFAULTS } from './notice-input';
import type { BoxRef, NoticeInput, Outgoing, PreparedNotice } from './notice-input';
import { NoticePublisher } from './notice-publisher';
import { PublishedMarks } from './published-marks';
import { orderKey, sideBySide } from './side-by-side';
import { NoticeSendBatch } from './notice-send-batch';
import { OUTBOX_LEASE_MS, stageNotices } from './notice-staging';
import type { StorePorts, Stores } from '../ports/store';
import type { HeldReceipts } from './receipt-batcher';

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

/**
 * Creates and stores notices (through units of work and the outbox, issue 15), publishes
 * them after the commit (NoticePublisher signs and sends), resends what a box missed, and
 * withdraws cancelled ones.
 */
export class NoticeService {
  private readonly cache = new Map<string, NoticeRecord>();

  readonly publisher: NoticePublisher;
  private readonly sends: NoticeSendBatch;

  constructor(private readonly d: NoticeServiceDeps) {
    this.publisher = new NoticePublisher(d);
    this.sends = new NoticeSendBatch({ ...d, prepare: this.prepare.bind(this), dispatch: this.dispatch.bind(this) });
    this.marks = new PublishedMarks((op, ids) => d.stores.notices.markPublished(op, ids, d.clock.now()), d.log);
  }

  /** The boxes a target names now; `via` is the unit of work's ports when called inside one. */
  async resolveTarget(target: NoticeTarget, via: StorePorts = this.d.stores): Promise<BoxRef[]> {
    const reg = via.registry;
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

  /**
   * Validates and builds a notice and resolves its boxes — reads only. The caller stores it
   * with `stage` inside its unit of work, then calls `dispatch` after the commit. `known`: the
   * boxes the target names, when the caller has just read them (a ticket's own box, a pass of sends).
   */
  async prepare(
    input: NoticeInput,
    via: StorePorts = this.d.stores,
    known?: readonly BoxRef[],
  ): Promise<PreparedNotice> {
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
    const boxes = known !== undefined ? known : await this.resolveTarget(input.target, via);
    if (boxes.length === 0) throw new HeadendError('TARGET_EMPTY', 'the target has no boxes', { target: input.target });
    return { record, boxes, props };
  }

  /** Writes the notice, its deliveries, outbox claim and audit entry through `tx` (notice-staging.ts). */
  async stage(tx: StorePorts, p: PreparedNotice): Promise<NoticeRecord> {
    await stageNotices(tx, [p]);
    return p.record;
  }

  /** `stage` for many prepared notices at once (issue 19); `out` collects them for `dispatch`. */
  async stageMany(tx: StorePorts, prepared: readonly PreparedNotice[], out: Outgoing): Promise<void> {
    await stageNotices(tx, prepared);
    for (const p of prepared) {
      out.prepared.push(p);
      out.items.push({ noticeId: p.record.id, op: 'publish' });
    }
  }

  /**
   * Prepares and stages a notice inside a unit of work; `out` collects it for `dispatch` after
   * the commit. `known`: as for `prepare`.
   */
  async stageInto(tx: StorePorts, input: NoticeInput, out: Outgoing, known?: readonly BoxRef[]): Promise<NoticeRecord> {
    const p = await this.prepare(input, tx, known);
    out.prepared.push(p);
    out.items.push({ noticeId: p.record.id, op: 'publish' });
    return this.stage(tx, p);
  }

  /**
   * Prepares, stores (one commit) and publishes a notice; its draft (issue 18) goes in that
   * commit, sent once. Concurrent sends share their commit (notice-send-batch.ts).
   */
  send(input: NoticeInput, fromDraft?: string): Promise<NoticeRecord> {
    return this.sends.add(input, fromDraft);
  }

  /**
   * After a commit: publishes what it staged. Its outbox entries were born claimed by this
   * instance (a sweep elsewhere leaves them alone for OUTBOX_LEASE_MS) and are marked
   * published in batches. A publish that fails is logged and left to the sweep, which retries
   * once the claim lapses: the decision is committed, and a box drops a repeat by notice id.
   */
  async dispatch(
    items: ReadonlyArray<{ noticeId: string; op: OutboxOp }>,
    prepared: readonly PreparedNotice[] = [],
  ): Promise<void> {
    for (const p of prepared) {
      this.remember(p.record);
      this.d.metrics.noticesSent.inc({ kind: p.record.kind });
    }
    const byId = new Map(prepared.map((p) => [p.record.id, p]));
    // Committed now: a cached 'sent' copy of a withdrawn notice must not outlive the commit.
    for (const it of items) if (it.op === 'withdraw') this.cache.delete(it.noticeId);
    // Side by side (issue 19); one notice's entries, and one box's notices, in order (side-by-side.ts).
    await sideBySide(
      items,
      (it) => orderKey(it.noticeId, byId.get(it.noticeId)),
      (it) =>
        this.publishEntry(it.noticeId, it.op, byId.get(it.noticeId)).catch((err: unknown) =>
          this.d.log.error({ err, notice: it.noticeId, op: it.op }, 'publish failed; the outbox sweep retries it'),
        ),
    );
  }

  /**
   * Publishes outbox entries nobody has published: left by a crash between commit and
   * publish, or by a publish that failed. Run at start and on every scheduler pass.
   */
  async sweepOutbox(): Promise<number> {
    // Marks still queued here would let the sweep take published entries for unpublished ones.
    await this.marks.flush();
    let n = 0;
    for (;;) {
      const entries = await this.d.stores.notices.claimOutbox(this.d.clock.now(), OUTBOX_LEASE_MS, 100);
      if (entries.length === 0) break;
      for (const e of entries) {
        try {
          await this.publishEntry(e.noticeId, e.op);
          n++;
        } catch (err) {
          this.d.log.error({ err, notice: e.noticeId, op: e.op }, 'outbox publish failed; retried later');
        }
      }
    }
    await this.marks.flush();
    return n;
  }

  /** Marks what was published, in one statement per turn (published_at_ms also ends the claim). */
  private readonly marks: PublishedMarks;

  /** Waits for the published marks queued so far (tests, shutdown). */
  flushMarks(): Promise<void> {
    return this.marks.flush();
  }

  /**
   * `known`: the notice as this instance just committed it. Otherwise (the sweep) the notice is
   * read from the store, never from the cache: another instance may have cancelled it since.
   */
  private async publishEntry(noticeId: string, op: OutboxOp, known?: PreparedNotice): Promise<void> {
    const record = known?.record ?? (await this.d.stores.notices.get(noticeId));
    if (record === undefined) throw notFound('notice', noticeId);
    if (op === 'withdraw') {
      const boxes =
        record.target.type === 'all' || record.target.type === 'zones' ? [] : await this.resolveTarget(record.target);
      await this.publisher.publish(record, { withdrawal: { noticeId: record.id, reason: record.cancelReason } }, boxes);
    } else if (record.status === 'sent' && (record.expiresAtMs === 0 || record.expiresAtMs > this.d.clock.now())) {
      // Cancelled or expired before it went out: nothing to show, only to mark.
      const boxes = known?.boxes ?? (await this.d.stores.notices.deliveryBoxes(record.id));
      // Checked when it was prepared; the sweep's copy from the store is checked again.
      await this.publisher.publish(record, { notice: known?.props ?? assertDeliverable(record) }, boxes);
      if (this.publishedAt.size >= 10_000) this.publishedAt.clear();
      if (!this.publishedAt.has(record.id))
        this.publishedAt.set(record.id, { kind: record.kind, atMs: this.d.clock.now() });
    }
    this.marks.add(op, noticeId);
  }

  private remember(r: NoticeRecord): void {
    if (this.cache.size > 2000) this.cache.clear();
    this.cache.set(r.id, r);
  }

  /** Notices this instance published, and when (bounded): publish → displayed, for metrics. */
  private readonly publishedAt = new Map<string, { kind: string; atMs: number }>();

  /** When this instance first published notice `id`, if it did recently. */
  recentlyPublished(id: string): { kind: string; atMs: number } | undefined {
    return this.publishedAt.get(id);
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
   * acknowledged (delivery survives a headend restart; the box drops repeats by notice id) but
   * what its broker session `kept` for it (issue 19; unanswered-resend covers a receipt lost
   * later) — unless its `held` receipt, waited for, was given up by the store: then it is too.
   */
  async resendPending(boxId: string, held?: HeldReceipts, kept?: ReadonlySet<string>): Promise<number> {
    const pending = await this.d.stores.notices.pendingForBox(boxId, this.d.clock.now());
    const inHand = pending.filter((id) => held?.holds(boxId, id) === true);
    const lost = held !== undefined && inHand.length > 0 ? await held.settle(boxId, inHand) : new Set<string>();
    const ids = pending.filter((id) => (inHand.includes(id) ? lost.has(id) : kept?.has(id) !== true));
    for (const id of ids) {
      const record = await this.get(id);
      await this.publisher.toBox(record, boxId, () => ({ notice: assertDeliverable(record) }));
    }
    if (ids.length > 0) this.d.metrics.envelopesPublished.inc({ scope: 'resend' }, ids.length);
    return ids.length;
  }

  /** Cancels a notice: boxes that have not shown it drop it; deliveries become withdrawn. */
  async cancel(id: string, reason: string, actor: string): Promise<{ withdrawn: number }> {
    const withdrawn = await this.d.stores.transaction((tx) => this.stageCancel(tx, id, reason, actor));
    await this.dispatch([{ noticeId: id, op: 'withdraw' }]);
    return { withdrawn };
  }

  /** The cancel as part of a unit of work (the withdrawal goes out through the outbox, via `out` after the commit). */
  async stageCancel(tx: StorePorts, id: string, reason: string, actor: string, out?: Outgoing): Promise<number> {
    out?.items.push({ noticeId: id, op: 'withdraw' });
    const record = await tx.notices.get(id);
    if (record === undefined) throw notFound('notice', id);
    if (record.status !== 'sent') throw new HeadendError('NOTICE_NOT_CANCELLABLE', `notice ${id} is ${record.status}`);
    const now = this.d.clock.now();
    const withdrawn = await tx.notices.cancel(id, now, reason, now + OUTBOX_LEASE_MS);
    this.cache.delete(id);
    await tx.audit.append({
      atMs: now,
      actor,
      action: 'notice.cancelled',
      subject: id,
      detail: { reason, withdrawn },
    });
    return withdrawn;
  }
}
