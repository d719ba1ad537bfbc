import { randomUUID } from 'node:crypto';
import { allTopic, boxTopic, sealDownlink, zoneTopic } from '@stb-notify/protocol';
import type { Clock, DownlinkProps, PartyInfo, Signer } from '@stb-notify/protocol';
import type { Metrics } from '../metrics/metrics';
import type { Broker } from '../ports/broker';
import type { NoticeRecord } from '../ports/notice-store';
import { keptNoticeIds } from './kept-notices';
import type { BoxRef } from './notice-input';

const HEADEND: PartyInfo = { kind: 'headend', id: '' };
/**
 * Long enough for a box whose clock runs ahead (an expired answer would be ignored, and the box
 * would say hello again and again); an old answer does no harm: it must name the current hello.
 */
const HELLO_ANSWER_TTL_MS = 24 * 3_600_000;

/**
 * Signs and publishes notice envelopes: broadcasts once per topic (all, or each zone),
 * personalised notices (accounts, boxes) once per box.
 */
export class NoticePublisher {
  constructor(
    private readonly d: {
      readonly broker: Broker;
      readonly clock: Clock;
      readonly signer: () => Signer;
      readonly metrics: Metrics;
    },
  ) {}

  private async seal(
    record: NoticeRecord,
    recipient: PartyInfo,
    body: DownlinkProps,
    signer = this.d.signer(),
  ): Promise<Uint8Array> {
    return sealDownlink(
      {
        messageId: randomUUID(),
        sender: HEADEND,
        recipient,
        issuedAtMs: this.d.clock.now(),
        expiresAtMs: record.expiresAtMs,
      },
      body,
      signer,
    );
  }

  /** Publishes `body` to the notice's target: one envelope per broadcast topic, or one per box. */
  async publish(record: NoticeRecord, body: DownlinkProps, boxes: readonly BoxRef[]): Promise<void> {
    const t = record.target;
    const out: Array<Promise<void>> = [];
    if (t.type === 'all') {
      const signer = this.d.signer();
      const bytes = await this.seal(record, { kind: 'all', id: '' }, body, signer);
      // A notice, not a withdrawal: the bytes a box that missed it gets again (toBox).
      if (body.notice) this.rememberSealed(record.id, signer.keyId, bytes);
      out.push(this.d.broker.publish(allTopic(), bytes));
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

  /**
   * Answers a box's hello once what it lacked was sent again: until answered, the box says
   * hello again (an uplink can be lost on a cluster while its stream elects a leader).
   */
  async answerHello(boxId: string, bootId: string, resent: number): Promise<void> {
    const now = this.d.clock.now();
    const bytes = await sealDownlink(
      {
        messageId: randomUUID(),
        sender: HEADEND,
        recipient: { kind: 'box', id: boxId },
        issuedAtMs: now,
        expiresAtMs: now + HELLO_ANSWER_TTL_MS,
      },
      { helloAnswer: { bootId, resent } },
      this.d.signer(),
    );
    await this.d.broker.publish(boxTopic(boxId), bytes);
  }

  /**
   * One envelope to one box (a resend after its hello, or of an unanswered delivery). A
   * broadcast goes as the same signed bytes for every box, on the box's own topic: the box
   * accepts an envelope addressed to all wherever it arrives, and a reconnect storm then
   * costs one signature per notice, not one per box (issue 19). Others are addressed to the box.
   * `body` is built only when an envelope is sealed.
   */
  async toBox(record: NoticeRecord, boxId: string, body: () => DownlinkProps): Promise<void> {
    if (record.target.type !== 'all') {
      await this.d.broker.publish(boxTopic(boxId), await this.seal(record, { kind: 'box', id: boxId }, body()));
      return;
    }
    // Sealed again after a key rotation: the box may no longer trust the old key.
    const signer = this.d.signer();
    const cached = this.sealedForAll.get(record.id);
    let bytes = cached?.keyId === signer.keyId ? cached.bytes : undefined;
    if (bytes === undefined) {
      bytes = await this.seal(record, { kind: 'all', id: '' }, body(), signer);
      this.rememberSealed(record.id, signer.keyId, bytes);
    }
    await this.d.broker.publish(boxTopic(boxId), bytes);
  }

  /**
   * The notices the box's broker session delivered since it connected or still holds for it,
   * sealed with the current key (kept-notices.ts): what its hello need not send again. Asked
   * at every hello: it also ends the broker's remembering for that connection.
   */
  async keptFor(boxId: string): Promise<Set<string>> {
    return keptNoticeIds((await this.d.broker.keptFor?.(boxId)) ?? [], this.d.signer().keyId);
  }

  /** Broadcast envelopes by notice id, as sealed (bounded: a few hundred broadcasts are live at most). */
  private readonly sealedForAll = new Map<string, { readonly keyId: string; readonly bytes: Uint8Array }>();

  private rememberSealed(noticeId: string, keyId: string, bytes: Uint8Array): void {
    if (this.sealedForAll.size >= 500) this.sealedForAll.clear();
    this.sealedForAll.set(noticeId, { keyId, bytes });
  }
}
