import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/ports/ticket-store';
import type { StoresFactory } from './stores-factory';

export function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id,
    number: 0,
    kind: 'repair',
    status: 'assigned',
    severity: 'ordinary',
    severityReason: 'r',
    boxId: 'b1',
    accountId: 'a1',
    zoneId: 'z1',
    source: 'box-report',
    symptom: 'no-sound',
    code: '',
    faultKey: `b1:${id}`,
    diagnostics: { tunerLocked: false, errorCodes: ['E1'] },
    summary: 's',
    callerWords: '',
    callReceivedAtMs: 0,
    urgentHandling: false,
    owner: 'wang',
    openedAtMs: 100,
    clockStartedAtMs: 100,
    dueAtMs: 200,
    firstReplyAtMs: 0,
    firstReplyNoticeId: '',
    pausedAtMs: 0,
    pauseReason: '',
    resolvedAtMs: 0,
    closedAtMs: 0,
    resolution: '',
    incidentId: '',
    breachedAtMs: 0,
    breachCount: 0,
    resolutions: 0,
    extensions: 0,
    reportCount: 1,
    lastReportAtMs: 100,
    surveyId: '',
    answerByMs: 0,
    followUp: '',
    followUpAtMs: 0,
    rating: 0,
    customerResolved: -1,
    ...over,
  };
}

const ev = (ticketId: string, type: string) => ({ ticketId, atMs: 1, actor: 'x', type, detail: { k: type } });

export function ticketStoreContract(name: string, open: StoresFactory): void {
  describe(`TicketStore contract: ${name}`, () => {
    it('inserts, updates with an event, and keeps the history in order', async () => {
      const s = await open();
      const t = { ...ticket('t1'), number: 100001 };
      expect(await s.tickets.insert(ticket('t1'), ev('t1', 'opened'))).toEqual(t);
      expect(await s.tickets.get('t1')).toEqual(t);
      const u = await s.tickets.update(
        't1',
        { status: 'paused', pausedAtMs: 150, pauseReason: 'force-majeure' },
        ev('t1', 'paused'),
      );
      expect(u).toMatchObject({ status: 'paused', pausedAtMs: 150, pauseReason: 'force-majeure', owner: 'wang' });
      expect((await s.tickets.events('t1')).map((e) => e.type)).toEqual(['opened', 'paused']);
      expect((await s.tickets.events('t1'))[1]?.detail).toEqual({ k: 'paused' });
      await s.close();
    });

    it('finds the open ticket of a fault, remembers report ids, lists with filters', async () => {
      const s = await open();
      await s.tickets.insert(ticket('t1', { faultKey: 'b1:signal' }), ev('t1', 'opened'));
      await s.tickets.insert(
        ticket('t2', { faultKey: 'b2:signal', boxId: 'b2', status: 'resolved', resolvedAtMs: 150 }),
        ev('t2', 'opened'),
      );
      expect((await s.tickets.findOpenByFaultKey('b1:signal'))?.id).toBe('t1');
      expect(await s.tickets.findOpenByFaultKey('b2:signal')).toBeUndefined();
      expect(await s.tickets.rememberReport('r1', 'b1', 't1', 1)).toBe(true);
      expect(await s.tickets.rememberReport('r1', 'b1', 't1', 2)).toBe(false);
      expect(await s.tickets.findReport('b1', 'r1')).toBe('t1');
      expect(await s.tickets.findReport('b2', 'r1')).toBeUndefined();
      expect((await s.tickets.list({ limit: 10, offset: 0, status: 'resolved' })).items.map((t) => t.id)).toEqual([
        't2',
      ]);
      expect((await s.tickets.list({ limit: 10, offset: 0, zoneId: 'z1' })).total).toBe(2);
      expect(await s.tickets.overdue(200)).toEqual([]); // due at 200: on time at 200, late after it
      expect((await s.tickets.overdue(201)).map((t) => t.id)).toEqual(['t1']);
      expect((await s.tickets.forPeriod(140, 160)).map((t) => t.id)).toEqual(['t2']);
      expect((await s.tickets.withoutFollowUp(151)).map((t) => t.id)).toEqual(['t2']);
      await s.close();
    });

    it('gives every ticket its own short number, in order, also when twenty are stored at once (issue 17)', async () => {
      const s = await open();
      expect((await s.tickets.insert(ticket('n0'), ev('n0', 'opened')))?.number).toBe(100001);
      const many = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.tickets.insert(ticket(`n${i + 1}`), ev(`n${i + 1}`, 'opened'))),
      );
      const numbers = many.map((x) => x?.number ?? 0);
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 100002 + i));
      for (const x of many) expect((await s.tickets.get(x?.id ?? ''))?.number).toBe(x?.number);
      // The number a caller reads out finds the ticket.
      const page = await s.tickets.list({ limit: 5, offset: 0, number: numbers[7] ?? 0 });
      expect(page.items.map((x) => x.id)).toEqual([many[7]?.id]);
    });

    it('one open ticket per fault and one open incident per zone, held by the database, also under concurrency', async () => {
      const s = await open();
      const tries = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.tickets.insert(ticket(`c${i}`, { faultKey: 'b1:signal' }), ev(`c${i}`, 'opened')),
        ),
      );
      expect(tries.filter((x) => x !== undefined)).toHaveLength(1);
      const won = tries.findIndex((x) => x !== undefined);
      const winner = `c${won}`;
      expect((await s.tickets.list({ limit: 20, offset: 0 })).items.map((x) => x.id)).toEqual([winner]);
      expect(await s.tickets.events(`c${(won + 1) % 10}`)).toEqual([]);
      // Counted in SQL: ten reports at once, ten more.
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => s.tickets.addReport(winner, 100 + i, undefined, ev(winner, 'report'))),
      );
      expect((await s.tickets.get(winner))?.reportCount).toBe(11);
      // Resolved, the fault may be ticketed again.
      await s.tickets.update(winner, { status: 'resolved', resolvedAtMs: 200 }, ev(winner, 'resolved'));
      expect(await s.tickets.insert(ticket('again', { faultKey: 'b1:signal' }), ev('again', 'opened'))).toBeDefined();

      const incident = (id: string) => ({
        id,
        zoneId: 'z9',
        status: 'open' as const,
        openedAtMs: 1,
        etaMs: 5,
        resolvedAtMs: 0,
        noticeId: '',
        reportCount: 0,
      });
      const opened = await Promise.all(
        Array.from({ length: 10 }, (_, i) => s.tickets.insertIncident(incident(`i${i}`))),
      );
      expect(opened.filter(Boolean)).toHaveLength(1);
      const current = await s.tickets.openIncidentForZone('z9');
      // Linking counts each ticket once, however often it is asked.
      const links = await Promise.all(
        [1, 2, 3].map(() => s.tickets.linkIncident('again', current?.id ?? '', ev('again', 'incident'))),
      );
      expect(links.filter(Boolean)).toHaveLength(1);
      await s.tickets.addIncidentReports(current?.id ?? '', 2);
      expect((await s.tickets.getIncident(current?.id ?? ''))?.reportCount).toBe(3);
      await s.tickets.updateIncident(current?.id ?? '', { status: 'resolved', resolvedAtMs: 9 });
      expect(await s.tickets.insertIncident(incident('later'))).toBe(true);
      await s.close();
    });

    it('T1/T8: a missed deadline is recorded once, also when the job and a change race, and never cleared', async () => {
      const s = await open();
      await s.tickets.insert(ticket('late', { dueAtMs: 200 }), ev('late', 'opened'));
      const tries = await Promise.all(
        Array.from({ length: 8 }, () => s.tickets.recordBreach('late', 200, ev('late', 'breached'))),
      );
      expect(tries.filter((x) => x !== undefined)).toHaveLength(1);
      expect(await s.tickets.get('late')).toMatchObject({ breachCount: 1, breachedAtMs: 200 });
      expect((await s.tickets.events('late')).filter((e) => e.type === 'breached')).toHaveLength(1);
      expect(await s.tickets.recordBreach('late', 150, ev('late', 'breached'))).toBeUndefined(); // not its deadline
      // A new deadline (a reopen) can be missed too; the first breach stays.
      await s.tickets.update('late', { dueAtMs: 500 }, ev('late', 'reopened'));
      expect(await s.tickets.overdue(500)).toEqual([]);
      expect((await s.tickets.overdue(501)).map((t) => t.id)).toEqual(['late']);
      expect(await s.tickets.recordBreach('late', 500, ev('late', 'breached'))).toMatchObject({
        breachCount: 2,
        breachedAtMs: 200,
      });
      expect(await s.tickets.overdue(600)).toEqual([]);
      expect((await s.tickets.breaches(0, 1000)).map((b) => [b.ticketId, b.dueAtMs, b.owner])).toEqual([
        ['late', 200, 'wang'],
        ['late', 500, 'wang'],
      ]);
      expect((await s.tickets.list({ limit: 10, offset: 0, breached: true })).total).toBe(1);
      await s.close();
    });

    it('a change decided on a state applies only while the ticket is still in it (compare-and-set)', async () => {
      const s = await open();
      await s.tickets.insert(ticket('cas'), ev('cas', 'opened'));
      const expected = { status: 'assigned' as const, resolutions: 0, dueAtMs: 200 };
      const tries = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          s.tickets.updateIf(
            'cas',
            expected,
            { status: 'resolved', resolutions: 1, resolution: `r${i}` },
            ev('cas', 'resolved'),
          ),
        ),
      );
      expect(tries.filter((x) => x !== undefined)).toHaveLength(1);
      expect((await s.tickets.events('cas')).filter((e) => e.type === 'resolved')).toHaveLength(1);
      expect(await s.tickets.updateIf('cas', expected, {}, ev('cas', 'reply'))).toBeUndefined();
      // The resolution is a row of its own, and its outcome is recorded only while it is the current one.
      expect((await s.tickets.resolutionsIn(0, 1000)).map((r) => [r.ticketId, r.resolution, r.breaches])).toEqual([
        ['cas', 1, 0],
      ]);
      const outcome = { followUp: 'survey' as const, atMs: 300, rating: 2, customerResolved: 0 };
      expect(await s.tickets.recordOutcome('cas', 2, outcome, {}, ev('cas', 'survey'))).toBeUndefined();
      expect(
        await s.tickets.recordOutcome('cas', 1, outcome, { status: 'in_progress' }, ev('cas', 'reopened')),
      ).toMatchObject({ status: 'in_progress' });
      expect((await s.tickets.resolutionsIn(0, 1000))[0]).toMatchObject({ rating: 2, customerResolved: 0 });
      await s.close();
    });

    it('incidents, signal reports and callbacks', async () => {
      const s = await open();
      await s.tickets.recordSignalReport('z1', 'b1', 10);
      await s.tickets.recordSignalReport('z1', 'b1', 11);
      await s.tickets.recordSignalReport('z1', 'b2', 12);
      await s.tickets.recordSignalReport('z2', 'b3', 12);
      expect(await s.tickets.distinctSignalBoxes('z1', 0)).toBe(2);
      expect(await s.tickets.distinctSignalBoxes('z1', 12)).toBe(1);
      await s.tickets.insertIncident({
        id: 'i1',
        zoneId: 'z1',
        status: 'open',
        openedAtMs: 1,
        etaMs: 5,
        resolvedAtMs: 0,
        noticeId: '',
        reportCount: 0,
      });
      await s.tickets.updateIncident('i1', { noticeId: 'n1', reportCount: 3 });
      expect(await s.tickets.openIncidentForZone('z1')).toMatchObject({ id: 'i1', noticeId: 'n1', reportCount: 3 });
      await s.tickets.updateIncident('i1', { status: 'resolved', resolvedAtMs: 9 });
      expect(await s.tickets.openIncidentForZone('z1')).toBeUndefined();
      expect(await s.tickets.listIncidents({ status: 'resolved', limit: 5 })).toHaveLength(1);
      const cb = {
        id: 'c1',
        ticketId: 't1',
        resolution: 1,
        createdAtMs: 1,
        dueAtMs: 72,
        status: 'open' as const,
        outcome: '',
        doneAtMs: 0,
        agent: '',
      };
      await s.tickets.insertCallback(cb);
      await s.tickets.insertCallback({ ...cb, id: 'c2' }); // one callback per resolution of a ticket
      expect(await s.tickets.listCallbacks({ status: 'open', limit: 10 })).toEqual([cb]);
      const second = { ...cb, id: 'c3', resolution: 2, dueAtMs: 90 }; // T4: the ticket resolved again
      await s.tickets.insertCallback(second);
      expect(await s.tickets.callbackFor('t1', 2)).toEqual(second);
      expect(await s.tickets.completeCallback('c1', 'reached', 'agent-7', 5)).toBe(true);
      expect(await s.tickets.completeCallback('c1', 'unreachable', 'agent-8', 6)).toBe(false); // done once
      expect(await s.tickets.getCallback('c1')).toMatchObject({
        status: 'done',
        outcome: 'reached',
        agent: 'agent-7',
        doneAtMs: 5,
      });
      await s.close();
    });
  });
}
