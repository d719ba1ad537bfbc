import type { Logger } from 'pino';
import { HeadendError } from '../errors';
import type { NoticeRecord } from '../ports/notice-store';
import type { StorePorts, Stores } from '../ports/store';
import { consumeDraft } from './consume-draft';
import type { BoxRef, NoticeInput, PreparedNotice } from './notice-input';
import { stageNotices } from './notice-staging';
import { Passes } from './passes';

/** Sends taken into one pass at most. */
const MAX_BATCH = 64;

interface Pending {
  readonly input: NoticeInput;
  readonly draftId: string | undefined;
  readonly resolve: (r: NoticeRecord) => void;
  readonly reject: (err: unknown) => void;
}

interface Ready {
  readonly p: Pending;
  readonly prepared: PreparedNotice;
}

export interface NoticeSendDeps {
  readonly stores: Stores;
  readonly log: Logger;
  /** NoticeService.prepare: validates and builds one notice; `known`, the boxes its target names. */
  prepare(input: NoticeInput, via: StorePorts, known?: readonly BoxRef[]): Promise<PreparedNotice>;
  /** NoticeService.dispatch: publishes what a commit staged. */
  dispatch(
    items: ReadonlyArray<{ noticeId: string; op: 'publish' }>,
    prepared: readonly PreparedNotice[],
  ): Promise<void>;
}

/**
 * Notices sent through the API (issue 19): the sends that arrive while a pass runs are taken in
 * the next pass together, as a billing system's concurrent calls come. A pass reads the boxes
 * of all its accounts in one query and stores every notice — each with its deliveries, outbox
 * claim, audit entry and consumed draft (issue 18) — in one unit of work, a few multi-row
 * statements instead of a few per notice; then publishes them. Each send still answers on its
 * own: one that fails validation is refused alone, and when the unit of work fails (a draft
 * sent meanwhile), its sends are stored one by one, so one conflict never fails another's.
 */
export class NoticeSendBatch {
  private readonly passes = new Passes<Pending>(MAX_BATCH, (batch) => this.pass(batch));

  constructor(private readonly d: NoticeSendDeps) {}

  /** Resolves with the notice once it is stored and published (a failed publish is left to the outbox sweep). */
  add(input: NoticeInput, draftId?: string): Promise<NoticeRecord> {
    return new Promise<NoticeRecord>((resolve, reject) => this.passes.add({ input, draftId, resolve, reject }));
  }

  private async pass(batch: readonly Pending[]): Promise<void> {
    const ready = await this.prepareAll(batch);
    if (ready.length === 0) return;
    if (ready.length > 1) {
      try {
        await this.store(ready);
      } catch (err) {
        // A draft sent twice is a refusal like any other; anything else is worth a look.
        const level = err instanceof HeadendError ? 'debug' : 'warn';
        this.d.log[level]({ err, sends: ready.length }, 'send pass failed; storing its notices one by one');
        await Promise.all(ready.map((r) => this.one(r)));
        return;
      }
      this.publish(ready);
      return;
    }
    await this.one(ready[0] as Ready);
  }

  /** Builds each notice; the boxes of every 'accounts' target come from one read for the pass. */
  private async prepareAll(batch: readonly Pending[]): Promise<Ready[]> {
    const accountIds = batch.flatMap((p) => (p.input.target.type === 'accounts' ? p.input.target.accountIds : []));
    const byAccount =
      accountIds.length > 0 && batch.length > 1
        ? await this.d.stores.registry.boxIdsByAccount(accountIds)
        : new Map<string, BoxRef[]>();
    const ready: Ready[] = [];
    for (const p of batch) {
      const t = p.input.target;
      // As resolveTarget: grouped by account in the order given.
      const known =
        t.type === 'accounts' && batch.length > 1 ? t.accountIds.flatMap((a) => byAccount.get(a) ?? []) : undefined;
      try {
        ready.push({ p, prepared: await this.d.prepare(p.input, this.d.stores, known) });
      } catch (err) {
        p.reject(err);
      }
    }
    return ready;
  }

  private async store(ready: readonly Ready[]): Promise<void> {
    const [only] = ready;
    if (ready.length === 1 && only !== undefined && only.p.draftId === undefined) {
      // One notice, no draft: its write is atomic by itself (on PostgreSQL one statement, so no
      // BEGIN and COMMIT round trips around it).
      await stageNotices(this.d.stores, [only.prepared]);
      return;
    }
    await this.d.stores.transaction(async (tx) => {
      // In id order: two headends consuming the same drafts take their locks in one order.
      const drafts = ready.flatMap((r) => (r.p.draftId === undefined ? [] : [r.p.draftId])).sort();
      for (const id of drafts) await consumeDraft(tx, id);
      await stageNotices(
        tx,
        ready.map((r) => r.prepared),
      );
    });
  }

  private async one(r: Ready): Promise<void> {
    try {
      await this.store([r]);
    } catch (err) {
      r.p.reject(err);
      return;
    }
    this.publish([r]);
  }

  /**
   * Publishes a committed pass while the next one is prepared and stored; each send answers
   * once its notice is out. Committed, a notice is sent whatever the publish did: dispatch logs
   * a failure and the outbox sweep retries it.
   */
  private publish(ready: readonly Ready[]): void {
    this.d
      .dispatch(
        ready.map((r) => ({ noticeId: r.prepared.record.id, op: 'publish' as const })),
        ready.map((r) => r.prepared),
      )
      .catch((err: unknown) =>
        this.d.log.error({ err }, 'publishing a pass of sends failed; the outbox sweep retries it'),
      )
      .finally(() => {
        for (const r of ready) r.p.resolve(r.prepared.record);
      });
  }
}
