import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketStatus } from '@stb-notify/protocol';
import type { ProvisioningResult } from '../src/services/provisioning-service';
import { HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { TestBox, until } from './support/test-box';
import { diagnostics, report, Symptom } from './support/ticket-fixtures';

describe('the repair loop with a real box over MQTT: report → ticket → updates → repair → survey', () => {
  let t: TestHeadend;
  let box: TestBox;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
    box = new TestBox(
      (await t.api('POST', '/api/v1/boxes/box-4/provision')).body as unknown as ProvisioningResult,
      t.clock,
    );
    await box.connect();
  });
  afterEach(async () => {
    await box.disconnect();
    await t.stop();
    await removeDir(t.dir);
  });

  const updates = () => box.accepted.flatMap((d) => (d.notice?.ticketUpdate ? [d.notice.ticketUpdate] : []));

  it('closes the loop', async () => {
    await box.send('fault', {
      faultReport: report('rep-1', Symptom.SYMPTOM_NO_SIGNAL, {
        diagnostics: diagnostics({ tunerLocked: false, errorCodes: ['E201'] }),
        code: 'E201',
      }),
    });
    await until(() => updates().some((u) => u.reportId === 'rep-1'), 'ticket promise reached the box');
    const first = updates()[0];
    expect(first).toMatchObject({
      status: TicketStatus.TICKET_STATUS_ASSIGNED,
      dueAtMs: T0 + 8 * HOUR,
      reportId: 'rep-1',
    });
    const list = await t.api('GET', '/api/v1/tickets?boxId=box-4');
    const ticket = (list.body.items as Array<Record<string, unknown>>)[0];
    expect(ticket).toMatchObject({
      id: first?.ticketId,
      // Issue 17: the short number the subscriber reads out, on the box and in its mail's title.
      number: first?.ticketNumber,
      severity: 'urgent',
      owner: 'li',
      code: 'E201',
      remainingMs: 8 * HOUR,
    });
    expect(ticket?.diagnostics).toMatchObject({ tunerLocked: false, errorCodes: ['E201'] });
    expect(first?.ticketNumber).toBeGreaterThan(100_000);
    const mail = box.accepted.find((d) => d.notice?.ticketUpdate?.reportId === 'rep-1')?.notice;
    expect(mail?.texts?.[0]?.title).toBe(`报修单 ${String(first?.ticketNumber)}：已受理`);

    t.clock.advance(HOUR);
    await t.api('POST', `/api/v1/tickets/${String(ticket?.id)}/pause`, {
      reason: 'waiting-on-customer',
      note: '电话无人接听',
    });
    await until(() => updates().some((u) => u.status === TicketStatus.TICKET_STATUS_PAUSED), 'pause reached the box');
    expect(updates().at(-1)?.pauseReason).toBe('waiting-on-customer');
    t.clock.advance(2 * HOUR);
    await t.api('POST', `/api/v1/tickets/${String(ticket?.id)}/resume`);
    await t.api('POST', `/api/v1/tickets/${String(ticket?.id)}/resolve`, { resolution: '更换分支器' });
    await until(() => box.accepted.some((d) => d.notice?.surveyRequest), 'survey reached the box');
    const survey = box.accepted.find((d) => d.notice?.surveyRequest)?.notice?.surveyRequest;
    // T3: the two hours the customer could not be reached do not count: the deadline moved by them.
    expect(updates().at(-1)).toMatchObject({ status: TicketStatus.TICKET_STATUS_RESOLVED, dueAtMs: T0 + 10 * HOUR });

    await box.send('survey', {
      surveyAnswer: {
        surveyId: survey?.surveyId ?? '',
        ticketId: survey?.ticketId ?? '',
        rating: 5,
        resolved: true,
        answeredAtMs: t.clock.now(),
      },
    });
    await until(async () => {
      await t.h.settle();
      return (await t.api('GET', `/api/v1/tickets/${String(ticket?.id)}`)).body.status === 'closed';
    }, 'ticket closed by the survey');
    expect((await t.api('GET', `/api/v1/tickets/${String(ticket?.id)}`)).body).toMatchObject({
      followUp: 'survey',
      rating: 5,
      customerResolved: 1,
    });
  });
});
