import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Symptom } from '@stb-notify/protocol';
import { removeDir, startTestHeadend } from '../../headend/test/support/test-headend';
import type { TestHeadend } from '../../headend/test/support/test-headend';
import { Fleet, until } from '../src/fleet';
import { provisionFleet, zoneId } from '../src/provision-fleet';

describe('a fleet of simulated boxes running the real box core', () => {
  let t: TestHeadend;
  let fleet: Fleet;
  beforeEach(async () => {
    t = await startTestHeadend();
    const bundles = await provisionFleet(t.h, { boxes: 60, zones: 3 });
    fleet = new Fleet(bundles, { clock: t.clock, brokerUrl: t.h.urls.ws.replace('localhost', '127.0.0.1') });
    await fleet.start();
    expect(await fleet.waitOnline(20_000)).toBe(true);
  });
  afterEach(async () => {
    await fleet.stop();
    await t.stop();
    await removeDir(t.dir);
  });

  it('a broadcast reaches every box, and every displayed receipt is counted at the headend', async () => {
    const r = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'all' },
      display: 'BANNER',
      texts: [{ lang: 'zh-CN', title: '全网公告', body: '' }],
    });
    const id = String((r.body.notice as { id: string }).id);
    expect(await until(() => fleet.displayed(id) === 60, 10_000)).toBe(true);
    expect(
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.notices.counts(id, t.clock.now())).total.displayed === 60;
      }, 10_000),
    ).toBe(true);
  });

  it('zone-wide signal loss: boxes report on their own, and the reports become one outage incident', async () => {
    const zone = fleet.boxes.filter((b) => b.config.zoneId === zoneId(1));
    for (const b of zone.slice(0, 8)) {
      b.loseSignal();
      await b.session.reportFault(Symptom.SYMPTOM_NO_SIGNAL);
    }
    expect(
      await until(async () => {
        await t.h.settle();
        return (await t.h.stores.tickets.openIncidentForZone(zoneId(1))) !== undefined;
      }, 10_000),
    ).toBe(true);
    const incident = await t.h.stores.tickets.openIncidentForZone(zoneId(1));
    const outage = await t.h.stores.notices.get(incident?.noticeId ?? '');
    expect(outage?.kind).toBe('OUTAGE');
    expect(await until(() => zone.every((b) => b.timings.has(outage?.id ?? '')), 10_000)).toBe(true);
  });

  it('boxes that were offline get what they missed when they come back, nothing lost or shown twice', async () => {
    const away = fleet.boxes.slice(0, 20);
    for (const b of away) await b.session.stop();
    const ids: string[] = [];
    for (const title of ['离线一', '离线二']) {
      const r = await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target: { type: 'all' },
        texts: [{ lang: 'zh-CN', title, body: '' }],
      });
      ids.push(String((r.body.notice as { id: string }).id));
    }
    for (const b of away) b.session.start();
    expect(await until(() => ids.every((id) => fleet.received(id) === 60), 15_000)).toBe(true);
    expect(away.every((b) => b.session.mailbox.list().filter((m) => ids.includes(m.noticeId)).length === 2)).toBe(true);
  });
});
