import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffToken } from './support/staff-fixtures';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import type { TestBox } from './support/test-box';
import { provisionBox, until } from './support/test-box';
import { report, Symptom } from './support/ticket-fixtures';

describe('Z1/Z4: the zone’s maintainer is a named staff member, published on the zone’s boxes with the supervision phone', () => {
  let t: TestHeadend;
  const boxes: TestBox[] = [];
  beforeEach(async () => {
    t = await startTestHeadend();
    await seedRegistry(t);
  });
  afterEach(async () => {
    for (const b of boxes.splice(0)) await b.disconnect();
    await t.stop();
    await removeDir(t.dir);
  });

  async function box(id: string): Promise<TestBox> {
    const b = await provisionBox(t, id);
    await b.connect();
    boxes.push(b);
    return b;
  }

  it('a new maintainer reaches the zone’s boxes (name, staff number, phone, supervision phone) and gets its tickets', async () => {
    await staffToken(t, 'M101', 'maintainer', '赵师傅');
    await staffToken(t, 'M102', 'maintainer', '钱师傅');
    const east = await box('box-1');
    const west = await box('box-4');
    const r = await t.api('PUT', '/api/v1/zones/z-east/maintainer', { staffNo: 'M101' });
    expect(r).toMatchObject({ status: 200, body: { zone: { id: 'z-east', maintainer: '赵师傅' } } });
    const id = (r.body.notice as { id: string }).id;
    await until(() => east.noticeIds().includes(id), 'the zone’s box got the contact');
    const shown = east.accepted.find((d) => d.notice?.noticeId === id)?.notice?.texts?.[0]?.body ?? '';
    expect(shown).toContain('赵师傅');
    expect(shown).toContain('工号 M101');
    expect(shown).toContain('0571-96956');
    expect(shown).toContain('服务监督电话：12345');
    expect(west.noticeIds()).not.toContain(id);
    // Z1: the zone's next ticket goes to the new maintainer.
    const opened = await t.h.tickets.intake.faultReport('box-2', report('z4', Symptom.SYMPTOM_NO_SOUND));
    expect(opened?.outcome === 'opened' ? opened.ticket.owner : '').toBe('赵师傅');
    // A change of maintainer replaces the published contact (same collapse key), and is audited.
    const next = await t.api('PUT', '/api/v1/zones/z-east/maintainer', { staffNo: 'M102' });
    const nextId = (next.body.notice as { id: string; collapseKey: string }).id;
    await until(() => east.noticeIds().includes(nextId), 'the change reached the box');
    const keys = east.accepted.filter((d) => d.notice?.noticeId === id || d.notice?.noticeId === nextId);
    expect(new Set(keys.map((d) => d.notice?.collapseKey))).toEqual(new Set(['zone-contact:z-east']));
    const audit = await t.h.stores.audit.list({ subject: 'z-east', limit: 5 });
    expect(audit.map((a) => a.detail)).toMatchObject([{ to: '钱师傅', staffNo: 'M102' }, { to: '赵师傅' }]);
  });

  it('Z4: a zone’s maintainer cannot be changed as free text behind the boxes’ back', async () => {
    const put = await t.api('PUT', '/api/v1/zones/z-east', { name: '东区', type: 'urban', maintainer: '某人' });
    expect(put).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    const imported = await t.api('POST', '/api/v1/registry/import', {
      zones: [{ id: 'z-east', name: '东区', type: 'urban', maintainer: '某人' }],
    });
    expect(imported).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect((await t.h.stores.registry.getZone('z-east'))?.maintainer).toBe('wang');
  });

  it('only a maintainer who is still here can be made responsible for a zone', async () => {
    await staffToken(t, 'S201', 'supervisor');
    expect(await t.api('PUT', '/api/v1/zones/z-east/maintainer', { staffNo: 'S201' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION' },
    });
    expect((await t.api('PUT', '/api/v1/zones/z-east/maintainer', { staffNo: 'nobody' })).status).toBe(404);
    expect((await t.api('PUT', '/api/v1/zones/z-nowhere/maintainer', { staffNo: 'S201' })).status).toBe(404);
  });

  it('T7: a rural zone (农村) can be registered, and its installations get the rural limit of 10 working days', async () => {
    const z = await t.api('PUT', '/api/v1/zones/z-village', { name: '山村', type: 'rural', maintainer: '孙师傅' });
    expect(z).toMatchObject({ status: 200, body: { type: 'rural' } });
    const rural = await t.api('POST', '/api/v1/tickets', {
      kind: 'installation',
      summary: '新装',
      zoneId: 'z-village',
    });
    const urban = await t.api('POST', '/api/v1/tickets', { kind: 'installation', summary: '新装', zoneId: 'z-east' });
    expect(Number(rural.body.dueAtMs)).toBeGreaterThan(Number(urban.body.dueAtMs) + 5 * 24 * 3600_000);
    expect(rural.body.owner).toBe('孙师傅');
  });
});
