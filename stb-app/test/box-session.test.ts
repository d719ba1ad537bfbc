import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boxTopic, EnvelopeHeader, sealDownlink, SignedEnvelope, Symptom } from '@stb-notify/protocol';
import { activeSigner, createNodeSigner } from '@stb-notify/protocol/node';
import { DAY, HOUR, ManualClock } from '../../headend/test/support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import type { MailItem } from '../src/core/index';
import { startBox, waitFor } from './support/box-harness';
import type { HarnessBox } from './support/box-harness';

const texts = (title: string) => [{ lang: 'zh-CN', title, body: '' }];

describe('box core against the real headend (MQTT over WebSocket, credential auth)', () => {
  let t: TestHeadend;
  let boxes: HarnessBox[] = [];
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    for (const b of boxes) await b.session.stop();
    boxes = [];
    await t.stop();
    await removeDir(t.dir);
  });

  async function box(id: string, opts: Parameters<typeof startBox>[2] = {}): Promise<HarnessBox> {
    const b = await startBox(t, id, opts);
    boxes.push(b);
    await waitFor(() => b.session.connection === 'online', 'box online');
    return b;
  }

  const send = async (body: Record<string, unknown>) =>
    String(((await t.api('POST', '/api/v1/notices', body)).body.notice as { id: string }).id);

  it('stores a notice, acknowledges delivery, and reports displayed and read', async () => {
    const b = await box('box-1');
    const shown: MailItem[] = [];
    b.session.on('notice', (m) => shown.push(m));
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('公告') });
    await waitFor(() => shown.length === 1, 'notice event');
    expect(shown[0]).toMatchObject({ noticeId: id, kind: 'ANNOUNCEMENT', display: 'MAILBOX', hotline: '96956' });
    await b.session.markRead(id);
    await waitFor(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.read === 1;
    }, 'read receipt stored');
    expect(b.session.mailbox.unreadCount()).toBe(0);
  });

  it('the mailbox survives a reboot, and the headend’s resend after hello is not shown twice', async () => {
    const b = await box('box-4');
    const id = await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-west'] },
      texts: texts('保留'),
    });
    await waitFor(() => b.session.mailbox.get(id) !== undefined, 'stored');
    await b.session.stop();
    boxes = [];
    const again = await box('box-4', { storage: b.storage, bundle: b.bundle });
    const fresh: string[] = [];
    again.session.on('notice', (m) => fresh.push(m.noticeId));
    expect(again.session.mailbox.get(id)?.texts[0]?.title).toBe('保留');
    const second = await send({
      kind: 'ANNOUNCEMENT',
      target: { type: 'zones', zoneIds: ['z-west'] },
      texts: texts('新'),
    });
    await waitFor(() => fresh.includes(second), 'new one arrives');
    expect(fresh).toEqual([second]);
  });

  it('collapse replaces; a withdrawal removes what was not shown and marks what was', async () => {
    const b = await box('box-1');
    const superseded: string[] = [];
    b.session.on('superseded', (id) => superseded.push(id));
    const a = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, collapseKey: 'tariff', texts: texts('v1') });
    await waitFor(() => b.session.mailbox.get(a) !== undefined, 'v1');
    const v2 = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, collapseKey: 'tariff', texts: texts('v2') });
    await waitFor(() => b.session.mailbox.get(v2) !== undefined, 'v2');
    expect(b.session.mailbox.list().map((m) => m.noticeId)).toEqual([v2]);
    // The screen is told to take v1 down if it is up.
    expect(superseded).toEqual([a]);
    const shown = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('shown') });
    await waitFor(() => b.session.mailbox.get(shown) !== undefined, 'shown');
    await b.session.markDisplayed(shown);
    await t.api('POST', `/api/v1/notices/${v2}/cancel`, { reason: 'x' });
    await t.api('POST', `/api/v1/notices/${shown}/cancel`, { reason: 'x' });
    await waitFor(() => b.session.mailbox.get(shown)?.withdrawn === true, 'marked withdrawn');
    expect(b.session.mailbox.get(v2)).toBeUndefined();
  });

  it('a tampered or expired notice never reaches the mailbox', async () => {
    const b = await box('box-1');
    const rejected: string[] = [];
    b.session.on('rejected', (c) => rejected.push(c));
    const signer = activeSigner(t.h.dataDir.noticeKeys());
    const body = {
      notice: {
        noticeId: 'n-evil',
        kind: 7,
        display: 2,
        priority: 2,
        texts: texts('伪造'),
        hotline: '96956',
        announcement: { topic: 'x' },
      },
    };
    const fields = {
      messageId: 'm1',
      sender: { kind: 'headend' as const, id: '' },
      recipient: { kind: 'box' as const, id: 'box-1' },
      issuedAtMs: t.clock.now(),
    };
    const good = await sealDownlink({ ...fields, expiresAtMs: t.clock.now() + HOUR }, body, signer);
    const env = SignedEnvelope.decode(good);
    env.payload[env.payload.length - 1] = (env.payload[env.payload.length - 1] ?? 0) ^ 1;
    await t.h.broker.publish(boxTopic('box-1'), SignedEnvelope.encode(env).finish());
    const h = EnvelopeHeader.decode(env.header);
    expect(h.keyId).toBe(signer.keyId);
    await t.h.broker.publish(
      boxTopic('box-1'),
      await sealDownlink({ ...fields, messageId: 'm2', expiresAtMs: t.clock.now() - 1 }, body, signer),
    );
    await t.h.broker.publish(
      boxTopic('box-1'),
      await sealDownlink(
        { ...fields, messageId: 'm3' },
        body,
        createNodeSigner(signer.keyId, new Uint8Array(32).fill(9)),
      ),
    );
    await waitFor(() => rejected.length === 3, 'three rejections');
    expect(rejected).toEqual(['PROTO_BAD_SIGNATURE', 'PROTO_EXPIRED', 'PROTO_BAD_SIGNATURE']);
    expect(b.session.mailbox.get('n-evil')).toBeUndefined();
  });

  it('a box whose own clock is days behind takes the network time from a signed notice, and never goes back', async () => {
    // A real box sets its clock from the operator's network; a browser box (or the demo,
    // whose headend runs days ahead) starts with its own.
    const local = new ManualClock(t.clock.now() - 3 * DAY);
    const b = await box('box-1', { clock: local });
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('网络时间') });
    await waitFor(() => b.session.mailbox.get(id) !== undefined, 'notice shown despite the box clock');
    expect(b.session.clock.now()).toBeGreaterThanOrEqual(t.clock.now());
    expect(b.session.clock.correctionMs).toBeGreaterThanOrEqual(3 * DAY);
    // Its receipt carries the network's time, so the headend stores a sensible one.
    await b.session.markRead(id);
    await waitFor(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.read === 1;
    }, 'read receipt stored');
    const [d] = await t.h.stores.notices.deliveriesForBoxes(id, ['box-1']);
    expect(d?.readAtMs).toBeGreaterThanOrEqual(t.clock.now());
    // An old (but still valid) message does not move the clock back.
    const before = b.session.clock.now();
    expect(b.session.clock.advanceTo(before - DAY)).toBe(false);
    expect(b.session.clock.now()).toBe(before);
  });

  it('a notice from the future signed by an unknown key moves neither the clock nor the mailbox', async () => {
    const b = await box('box-1');
    const rejected: string[] = [];
    b.session.on('rejected', (c) => rejected.push(c));
    const signer = activeSigner(t.h.dataDir.noticeKeys());
    const forged = await sealDownlink(
      {
        messageId: 'm-future',
        sender: { kind: 'headend', id: '' },
        recipient: { kind: 'box', id: 'box-1' },
        issuedAtMs: t.clock.now() + 30 * DAY,
      },
      {
        notice: {
          noticeId: 'n-future',
          kind: 7,
          display: 2,
          priority: 2,
          texts: texts('未来'),
          hotline: '96956',
          announcement: { topic: 'x' },
        },
      },
      createNodeSigner(signer.keyId, new Uint8Array(32).fill(9)),
    );
    await t.h.broker.publish(boxTopic('box-1'), forged);
    await waitFor(() => rejected.length === 1, 'rejected');
    expect(rejected).toEqual(['PROTO_BAD_SIGNATURE']);
    expect(b.session.clock.correctionMs).toBe(0);
    expect(b.session.mailbox.get('n-future')).toBeUndefined();
  });

  it('a fault report is answered with the ticket number and promise', async () => {
    const b = await box('box-4');
    b.platform.readings = { tunerLocked: false, signalLevelDbuv: 0 };
    const answers: Array<{ reportId: string; ticketId: string; dueAtMs: number }> = [];
    b.session.on('ticket', (x) => answers.push(x));
    const reportId = await b.session.reportFault(Symptom.SYMPTOM_NO_SIGNAL);
    await waitFor(() => answers.some((a) => a.reportId === reportId), 'ticket answer');
    const a = answers.find((x) => x.reportId === reportId);
    expect(a?.dueAtMs).toBe(t.clock.now() + 8 * HOUR);
    const ticket = await t.h.stores.tickets.get(a?.ticketId ?? '');
    expect(ticket).toMatchObject({ boxId: 'box-4', severity: 'urgent', owner: 'li' });
    expect(ticket?.diagnostics).toMatchObject({ tunerLocked: false, firmware: 'HX-3.2.1' });
  });

  it('T5: a report the headend received but never handled is sent again with its id, and makes one ticket', async () => {
    const b = await box('box-4', { reportRetryMs: 100 });
    const reports = t.h.tickets.reports;
    const original = reports.add.bind(reports);
    let failures = 0;
    // The instance that took the report dies before storing it (here: its handler fails once).
    reports.add = async (...args) => {
      if (failures++ === 0) throw new Error('instance died mid-way');
      return original(...args);
    };
    const answers: string[] = [];
    b.session.on('ticket', (x) => answers.push(x.reportId));
    const reportId = await b.session.reportFault(Symptom.SYMPTOM_NO_SOUND);
    await waitFor(() => failures >= 1, 'first attempt reached the headend');
    t.clock.advance(100);
    await waitFor(() => answers.includes(reportId), 'answer to the resent report');
    expect(failures).toBeGreaterThanOrEqual(2);
    const tickets = await t.h.stores.tickets.list({ limit: 10, offset: 0, boxId: 'box-4' });
    expect(tickets.items).toHaveLength(1);
    // Answered: not sent again, however far the clock moves past the retry time.
    expect(b.session.unansweredReports).toBe(0);
    const attempts = failures;
    t.clock.advance(1000);
    await b.session.idle();
    await t.h.settle();
    expect(failures).toBe(attempts);
  });

  it('T4, issue 21: a survey answer lost on its way is sent again until the headend confirms it, and counts once', async () => {
    const b = await box('box-4', { reportRetryMs: 100 });
    const tickets: string[] = [];
    b.session.on('ticket', (x) => tickets.push(x.ticketId));
    await b.session.reportFault(Symptom.SYMPTOM_NO_SOUND);
    await waitFor(() => tickets.length > 0, 'ticket answer');
    const ticketId = tickets[0] ?? '';
    await t.api('POST', `/api/v1/tickets/${ticketId}/resolve`, { resolution: '更换音频线' });
    const surveyId = (await t.h.stores.tickets.get(ticketId))?.surveyId ?? '';
    const followUp = t.h.tickets.followUp;
    const original = followUp.surveyAnswer.bind(followUp);
    let answers = 0;
    // The first answer is lost (a cluster acknowledged it and its stream dropped it).
    followUp.surveyAnswer = async (...args) => (answers++ === 0 ? undefined : original(...args));
    await b.session.answerSurvey(surveyId, ticketId, 5, true);
    await waitFor(() => answers === 1, 'first answer reached the headend');
    await b.session.idle();
    await t.h.settle();
    expect(b.session.unconfirmedSurveyAnswers).toBe(1);
    t.clock.advance(100);
    await waitFor(() => b.session.unconfirmedSurveyAnswers === 0, 'answer confirmed');
    expect(await t.h.stores.tickets.get(ticketId)).toMatchObject({ status: 'closed', followUp: 'survey', rating: 5 });
    const sent = answers;
    t.clock.advance(1000);
    await b.session.idle();
    await t.h.settle();
    expect(answers).toBe(sent);
  });

  it('T4: an answer the headend never confirms (not a survey it knows) is given up after a day', async () => {
    const b = await box('box-4', { reportRetryMs: HOUR });
    await b.session.answerSurvey('s-unknown', 't-unknown', 3, true);
    expect(b.session.unconfirmedSurveyAnswers).toBe(1);
    t.clock.advance(DAY - HOUR);
    await b.session.idle();
    expect(b.session.unconfirmedSurveyAnswers).toBe(1);
    t.clock.advance(HOUR);
    await b.session.idle();
    expect(b.session.unconfirmedSurveyAnswers).toBe(0);
  });

  it('issue 21: a hello the headend never handled is said again until answered, then not again', async () => {
    const notices = t.h.notices;
    const original = notices.resendPending.bind(notices);
    let hellos = 0;
    // The first hello is lost on its way (on a cluster: while the uplink stream elects a leader).
    notices.resendPending = async (boxId, held) => {
      if (hellos++ === 0) throw new Error('hello lost');
      return original(boxId, held);
    };
    const b = await box('box-1', { helloRetryMs: 1000 });
    await waitFor(() => hellos === 1, 'first hello reached the headend');
    await b.session.idle();
    await t.h.settle();
    expect(b.session.helloUnanswered).toBe(true);
    // Said again after the retry time; this time the headend resends what is pending and answers.
    t.clock.advance(1000);
    await waitFor(() => !b.session.helloUnanswered, 'hello answered');
    expect(hellos).toBe(2);
    t.clock.advance(60_000);
    await b.session.idle();
    await t.h.settle();
    expect(hellos).toBe(2);
  });

  it('reports made while the headend is down are queued and sent when it is back', async () => {
    const b = await box('box-1');
    await t.h.broker.close(); // the broker goes away under the box
    await waitFor(() => b.session.connection !== 'online', 'box noticed');
    const reportId = await b.session.reportFault(Symptom.SYMPTOM_NO_SOUND);
    expect(b.session.pendingUplink).toBeGreaterThan(0);
    t = await t.restart();
    // The box retries on its backoff timer (on the test's clock): move past the longest delay.
    expect(b.session.connection).not.toBe('online');
    t.clock.advance(60_000);
    await waitFor(() => b.session.connection === 'online', 'reconnected with backoff');
    await waitFor(async () => {
      await t.h.settle();
      return (await t.h.stores.tickets.findReport('box-1', reportId)) !== undefined;
    }, 'queued report became a ticket');
    await waitFor(() => b.session.pendingUplink === 0, 'outbox drained');
  });

  it('accepts a key rotation signed by a trusted key and verifies with the new key afterwards', async () => {
    const b = await box('box-1');
    const newKey = await t.h.rotateNoticeKey();
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('新密钥') });
    await waitFor(() => b.session.mailbox.get(id) !== undefined, 'notice signed with the new key accepted');
    expect(newKey).not.toBe(b.config.trustedKeys[0]?.keyId);
  });

  it('a box that was off through a key rotation and a headend restart verifies the next notice', async () => {
    const first = await box('box-1');
    const storage = first.storage;
    await first.session.stop();
    const newKey = await t.h.rotateNoticeKey();
    t = await t.restart(); // the embedded broker forgets its retained messages
    const again = await box('box-1', { storage, bundle: first.bundle });
    expect(again.bundle.trustedKeys.map((k) => k.keyId)).not.toContain(newKey);
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('轮换后') });
    await waitFor(() => again.session.mailbox.get(id) !== undefined, 'notice signed with the new key accepted');
  });

  for (const transport of ['browser', 'mqtt.js'] as const)
    it(`a box whose broker kept its session does not subscribe again, and still gets what came while it was off (${transport})`, async () => {
      const subscribes: string[][] = [];
      const b = await box('box-1', { transport, onSubscribe: (topics) => subscribes.push([...topics]) });
      expect(subscribes).toHaveLength(1);
      await b.session.stop(); // the broker keeps the session (and queues for it)
      const newKey = await t.h.rotateNoticeKey();
      const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('离线时') });
      b.session.start();
      await waitFor(() => b.session.connection === 'online', 'back online');
      // The key set and the notice queued in the session: the rotation is learned, the notice shown.
      await waitFor(() => b.session.mailbox.get(id) !== undefined, 'queued notice, signed with the new key, accepted');
      // Learned from the key set queued in the session (the box kept it), not from its bundle.
      expect(b.config.trustedKeys.map((k) => k.keyId)).not.toContain(newKey);
      expect(b.storage.get('stb.keys.v1')).toContain(newKey);
      expect(subscribes).toHaveLength(1);
      // The headend restarts: its embedded broker forgot the session, so the box subscribes again.
      t = await t.restart();
      t.clock.advance(60_000); // past the box's reconnect backoff
      await waitFor(() => subscribes.length === 2, 'subscribed again');
      await waitFor(() => b.session.connection === 'online', 'online after the restart');
      const next = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('重启后') });
      await waitFor(() => b.session.mailbox.get(next) !== undefined, 'notice after the restart');
    });

  it('a box told its session was kept, whose subscriptions are gone, subscribes again when its hello goes unanswered', async () => {
    const subscribes: string[][] = [];
    let claimKept = false;
    const b = await box('box-1', {
      helloRetryMs: 1000,
      onSubscribe: (topics) => subscribes.push([...topics]),
      sessionPresent: (said) => said || claimKept,
    });
    await b.session.stop();
    t = await t.restart(); // the broker forgot the session…
    claimKept = true; // …but says it kept it (as a broker restored from an older snapshot may)
    b.session.start();
    await waitFor(() => b.session.connection === 'online', 'online');
    await b.session.idle();
    await t.h.settle();
    expect(subscribes).toHaveLength(1);
    expect(b.session.helloUnanswered).toBe(true); // the answer went to a topic nobody holds
    t.clock.advance(1000);
    await waitFor(() => !b.session.helloUnanswered, 'subscribed again, and the hello said again is answered');
    expect(subscribes).toHaveLength(2);
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('补订阅') });
    await waitFor(() => b.session.mailbox.get(id) !== undefined, 'notices arrive again');
  });

  it('a box that skipped its subscription subscribes again when a headend message names a key it does not know', async () => {
    const subscribes: string[][] = [];
    const b = await box('box-1', { onSubscribe: (topics) => subscribes.push([...topics]) });
    await b.session.stop();
    b.session.start(); // the broker kept the session: no SUBSCRIBE
    await waitFor(() => b.session.connection === 'online', 'online');
    await b.session.idle();
    expect(subscribes).toHaveLength(1);
    // A key set lost from the session's queue: the next notice names a key the box never heard of.
    const forged = await sealDownlink(
      {
        messageId: 'm-new-key',
        sender: { kind: 'headend', id: '' },
        recipient: { kind: 'box', id: 'box-1' },
        issuedAtMs: t.clock.now(),
      },
      { notice: { noticeId: 'n-new-key', kind: 7, display: 2, priority: 2, texts: texts('新'), hotline: '96956' } },
      createNodeSigner('k-not-heard-of', new Uint8Array(32).fill(3)),
    );
    const rejected: string[] = [];
    b.session.on('rejected', (c) => rejected.push(c));
    await t.h.broker.publish(boxTopic('box-1'), forged);
    await waitFor(() => rejected.length === 1, 'rejected');
    expect(rejected).toEqual(['PROTO_UNKNOWN_KEY']);
    await waitFor(() => subscribes.length === 2, 'subscribed again (the retained key set comes with it)');
  });

  it('works with the pure-JS crypto a browser without WebCrypto falls back to', async () => {
    const b = await box('box-1', { nativeCrypto: false });
    const id = await send({ kind: 'ANNOUNCEMENT', target: { type: 'all' }, texts: texts('forge') });
    await waitFor(() => b.session.mailbox.get(id) !== undefined, 'verified');
    await b.session.markDisplayed(id);
    await waitFor(async () => {
      await t.h.settle();
      return (await t.h.stores.notices.counts(id, t.clock.now())).total.displayed === 1;
    }, 'receipt signed in pure JS accepted');
  });
});
