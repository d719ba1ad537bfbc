import { randomUUID } from 'node:crypto';
import {
  boxSubscriptions,
  fromBase64,
  KeyRing,
  openDownlink,
  ReceiptState,
  sealUplink,
  uplinkTopic,
} from '@stb-notify/protocol';
import type { Clock, Downlink, HeaderInfo, UplinkKind, UplinkProps } from '@stb-notify/protocol';
import { createNodeSigner, createNodeVerifier } from '@stb-notify/protocol/node';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { ProvisioningResult } from '../../src/services/provisioning-service';

/**
 * A minimal box for headend tests: connects over mutual TLS with its provisioned
 * certificate, verifies every downlink with protocol/, keeps what it accepted, and
 * answers with receipts. (The real box core lives in stb-app/.)
 */
export class TestBox {
  readonly accepted: Downlink[] = [];
  /** The envelope header of each accepted downlink, in the same order. */
  readonly acceptedHeaders: HeaderInfo[] = [];
  /** Boot ids of the hellos the headend answered (HelloAnswer; kept apart from `accepted`). */
  readonly helloAnswers: string[] = [];
  readonly refused: string[] = [];
  readonly sendErrors: string[] = [];
  private readonly keys: KeyRing;
  private readonly verifier = createNodeVerifier();
  private readonly signer;
  client: MqttClient | undefined;
  /** Receipt states sent automatically for each new notice. */
  autoReceipts: Array<'delivered' | 'displayed'> = ['delivered'];
  /** Notices received again that the box already had. */
  repeats = 0;

  constructor(
    readonly bundle: ProvisioningResult,
    private readonly clock: Clock,
  ) {
    this.keys = new KeyRing(
      bundle.trustedKeys.map((k) => ({
        keyId: k.keyId,
        publicKey: fromBase64(k.publicKey) ?? new Uint8Array(),
        notAfterMs: k.notAfterMs,
      })),
    );
    this.signer = createNodeSigner(bundle.uplinkKeyId, fromBase64(bundle.uplinkSeed) ?? new Uint8Array());
  }

  get id(): string {
    return this.bundle.boxId;
  }

  noticeIds(): string[] {
    return this.accepted.flatMap((d) => (d.notice?.noticeId ? [d.notice.noticeId] : []));
  }

  async connect(url = this.bundle.broker.mqtts): Promise<void> {
    const client = mqtt.connect(url, {
      protocolVersion: 4,
      clientId: this.id,
      clean: false,
      // mqtt.js turns mqtt:// into mqtts:// when given a key and certificate: none for a plain broker.
      ...(url.startsWith('mqtt:')
        ? {}
        : { ca: this.bundle.caPem, cert: this.bundle.certPem, key: this.bundle.keyPem, rejectUnauthorized: true }),
      reconnectPeriod: 0,
    });
    this.client = client;
    // A receipt racing a disconnect the test asked for is recorded, not thrown into the runner.
    client.on('message', (_topic, payload) =>
      this.onMessage(payload).catch((err: unknown) => this.sendErrors.push((err as Error).message)),
    );
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      client.once('close', () => reject(new Error('connection closed')));
    });
    await client.subscribeAsync(boxSubscriptions(this.id, this.bundle.zoneId), { qos: 1 });
  }

  private async onMessage(payload: Buffer): Promise<void> {
    const r = await openDownlink(
      new Uint8Array(payload),
      { boxId: this.id, zoneId: this.bundle.zoneId },
      {
        keys: this.keys,
        verifier: this.verifier,
        nowMs: this.clock.now(),
      },
    );
    if (!r.ok) {
      this.refused.push(r.code);
      return;
    }
    if (r.message.helloAnswer) {
      this.helloAnswers.push(r.message.helloAnswer.bootId ?? '');
      return;
    }
    const n = r.message.notice;
    if (n?.noticeId && this.noticeIds().includes(n.noticeId)) {
      // A repeat (a resend after reconnect, or of a notice whose receipt was lost): answered
      // again with its receipts, as the box core does.
      this.repeats++;
      for (const s of this.autoReceipts) await this.receipt(n.noticeId, s);
      return;
    }
    this.accepted.push(r.message);
    this.acceptedHeaders.push(r.header);
    const answered = n?.ticketUpdate?.reportId;
    if (answered) this.unanswered.delete(answered);
    if (n?.noticeId) for (const s of this.autoReceipts) await this.receipt(n.noticeId, s);
  }

  /** Fault reports not yet answered by a TICKET_UPDATE with their id (as the box core keeps them). */
  readonly unanswered = new Map<string, UplinkProps>();

  /** What the box core does on its retry timer and on reconnect: send unanswered reports again, same ids. */
  async resendUnanswered(): Promise<number> {
    for (const props of this.unanswered.values()) await this.send('fault', props);
    return this.unanswered.size;
  }

  async send(kind: UplinkKind, body: UplinkProps): Promise<void> {
    if (kind === 'fault' && body.faultReport?.reportId) this.unanswered.set(body.faultReport.reportId, body);
    const bytes = await sealUplink(
      {
        messageId: randomUUID(),
        sender: { kind: 'box', id: this.id },
        recipient: { kind: 'headend', id: '' },
        issuedAtMs: this.clock.now(),
      },
      body,
      this.signer,
    );
    await this.client?.publishAsync(uplinkTopic(this.id, kind), Buffer.from(bytes), { qos: 1 });
  }

  receipt(noticeId: string, state: 'delivered' | 'displayed' | 'read' | 'dismissed'): Promise<void> {
    const map = {
      delivered: ReceiptState.RECEIPT_STATE_DELIVERED,
      displayed: ReceiptState.RECEIPT_STATE_DISPLAYED,
      read: ReceiptState.RECEIPT_STATE_READ,
      dismissed: ReceiptState.RECEIPT_STATE_DISMISSED,
    };
    return this.send('receipt', { receipt: { noticeId, state: map[state], atMs: this.clock.now() } });
  }

  hello(): Promise<void> {
    return this.send('hello', {
      hello: {
        model: 'TEST-1',
        firmware: '1.0',
        appVersion: 'test',
        locale: 'zh-CN',
        bootId: randomUUID().slice(0, 8),
      },
    });
  }

  async disconnect(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c === undefined) return;
    // The broker is gone already (a killed headend): a graceful end would wait for it for ever.
    if (!c.connected) {
      c.end(true);
      return;
    }
    await Promise.race([c.endAsync(), new Promise<void>((r) => c.once('close', () => r()))]);
  }
}

/** Waits until `cond` holds, polling the event loop (real I/O, not the rules' clock). */
export async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Provisions each box through the operator API and connects it over mutual TLS. */
export async function connectBoxes<const Ids extends readonly string[]>(
  t: { api(method: 'POST', url: string): Promise<{ body: Record<string, unknown> }>; clock: Clock },
  ids: Ids,
): Promise<{ [K in keyof Ids]: TestBox }> {
  const boxes: TestBox[] = [];
  for (const id of ids) {
    const bundle = (await t.api('POST', `/api/v1/boxes/${id}/provision`)).body as unknown as ProvisioningResult;
    const box = new TestBox(bundle, t.clock);
    await box.connect();
    boxes.push(box);
  }
  return boxes as { [K in keyof Ids]: TestBox };
}

/** A registered box provisioned through the operator API (not yet connected). */
export async function provisionBox(
  t: { api(method: 'POST', url: string): Promise<{ status: number; body: unknown }>; clock: Clock },
  id: string,
): Promise<TestBox> {
  const r = await t.api('POST', `/api/v1/boxes/${id}/provision`);
  if (r.status !== 200) throw new Error(`provisioning ${id} answered ${r.status}`);
  return new TestBox(r.body as ProvisioningResult, t.clock);
}
