import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../src/ports/ticket-store';
import { HOUR, T0 } from './support/manual-clock';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { diagnostics, report, Symptom } from './support/ticket-fixtures';

describe('T1/T5/Z1: fault reports and diagnostics become tickets at once, with severity, deadline and owner', () => {
  let t: TestHeadend;
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  const ticketOf = (r: Awaited<ReturnType<TestHeadend['h']['tickets']['intake']['faultReport']>>): Ticket => {
    if (r === undefined || r.outcome === 'known-outage') throw new Error(`no ticket: ${JSON.stringify(r)}`);
    return r.ticket;
  };

  it('T1: urgent 8 h, ordinary 24 h, complex 48 h — opened the moment the report arrives (T5)', async () => {
    const urgent = ticketOf(
      await t.h.tickets.intake.faultReport(
        'box-1',
        report('r1', Symptom.SYMPTOM_NO_SIGNAL, { diagnostics: diagnostics({ tunerLocked: false }) }),
      ),
    );
    const ordinary = ticketOf(await t.h.tickets.intake.faultReport('box-2', report('r2', Symptom.SYMPTOM_NO_SOUND)));
    const complex = ticketOf(
      await t.h.tickets.intake.faultReport('box-3', report('r3', Symptom.SYMPTOM_CHANNELS_MISSING)),
    );
    expect([urgent.severity, ordinary.severity, complex.severity]).toEqual(['urgent', 'ordinary', 'complex']);
    expect(urgent.dueAtMs - urgent.openedAtMs).toBe(8 * HOUR);
    expect(ordinary.dueAtMs - T0).toBe(24 * HOUR);
    expect(complex.dueAtMs - T0).toBe(48 * HOUR);
    expect(urgent.openedAtMs).toBe(T0);
    expect(urgent.diagnostics).toMatchObject({ tunerLocked: false, firmware: 'HX-3.2.1' });
  });

  it('Z1: the ticket goes to the zone’s maintainer; Z3: a zone without one falls to dispatch', async () => {
    const east = ticketOf(await t.h.tickets.intake.faultReport('box-1', report('r1', Symptom.SYMPTOM_NO_SOUND)));
    const west = ticketOf(await t.h.tickets.intake.faultReport('box-4', report('r2', Symptom.SYMPTOM_NO_SOUND)));
    expect([east.owner, west.owner]).toEqual(['wang', 'li']);
    await t.h.stores.registry.upsertZones([{ id: 'z-new', name: 'n', type: 'urban', maintainer: '' }]);
    await t.h.stores.registry.upsertBoxes([{ id: 'box-n', accountId: 'acct-n', zoneId: 'z-new' }]);
    const orphan = ticketOf(await t.h.tickets.intake.faultReport('box-n', report('r3', Symptom.SYMPTOM_NO_SOUND)));
    expect(orphan.owner).toBe('dispatch');
  });

  it('one open ticket per box and fault: a resend changes nothing, a new report updates it', async () => {
    const first = await t.h.tickets.intake.faultReport('box-1', report('r1', Symptom.SYMPTOM_NO_SOUND));
    const resend = await t.h.tickets.intake.faultReport('box-1', report('r1', Symptom.SYMPTOM_NO_SOUND));
    t.clock.advance(HOUR);
    const again = await t.h.tickets.intake.faultReport('box-1', report('r2', Symptom.SYMPTOM_NO_SOUND));
    const other = await t.h.tickets.intake.faultReport('box-1', report('r3', Symptom.SYMPTOM_REMOTE_CONTROL));
    expect([first?.outcome, resend?.outcome, again?.outcome, other?.outcome]).toEqual([
      'opened',
      'repeat',
      'updated',
      'opened',
    ]);
    expect(ticketOf(again).id).toBe(ticketOf(first).id);
    expect(ticketOf(again)).toMatchObject({ reportCount: 2, lastReportAtMs: T0 + HOUR, dueAtMs: T0 + 24 * HOUR });
    expect((await t.h.stores.tickets.list({ boxId: 'box-1', limit: 10, offset: 0 })).total).toBe(2);
  });

  it('diagnostics open a ticket by themselves only when a threshold is crossed', async () => {
    expect(await t.h.tickets.intake.diagnostics('box-1', diagnostics({ collectedAtMs: T0 }))).toBeUndefined();
    const low = await t.h.tickets.intake.diagnostics(
      'box-1',
      diagnostics({ signalLevelDbuv: 38, collectedAtMs: T0 + 1 }),
    );
    expect(ticketOf(low)).toMatchObject({ source: 'diagnostics', code: 'signal-level', severity: 'ordinary' });
    const decoder = await t.h.tickets.intake.diagnostics(
      'box-2',
      diagnostics({ decoderErrors: 50, collectedAtMs: T0 + 2 }),
    );
    expect(ticketOf(decoder).code).toBe('decoder-errors');
    // The same fault again the next period updates the ticket.
    const repeat = await t.h.tickets.intake.diagnostics(
      'box-1',
      diagnostics({ signalLevelDbuv: 37, collectedAtMs: T0 + 3 }),
    );
    expect(repeat?.outcome).toBe('updated');
  });

  it('an operator opens a complaint by hand; the ticket always has an owner (Z3)', async () => {
    const r = await t.api('POST', '/api/v1/tickets', {
      kind: 'complaint',
      summary: '装机人员态度差',
      callerWords: '你们的装机师傅态度太差了',
      boxId: 'box-1',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'complaint', owner: 'wang', zoneId: 'z-east' });
    const bad = await t.api('POST', '/api/v1/tickets', { kind: 'complaint', summary: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });
});
