import type { Role } from '../../src/ports/token-store';
import type { TestHeadend } from './test-headend';

/** Adds a named staff member and returns an API token issued to them (issue 16: people, not free text). */
export async function staffToken(t: TestHeadend, staffNo: string, role: Role, name = `staff ${staffNo}`) {
  await t.h.tokens.addStaff({ staffNo, name, phone: '0571-96956', role, zoneId: '' }, 'test');
  return (await t.h.tokens.create('', 'read-only', staffNo)).token;
}

/** An OUTAGE notice made by hand, asked for by one staff member and approved by a supervisor (N4); its notice id. */
export async function approvedOutage(t: TestHeadend, outage: Record<string, unknown>): Promise<string> {
  const asker = await staffToken(t, `M-${Math.random().toString(36).slice(2, 8)}`, 'maintainer');
  const boss = await staffToken(t, `S-${Math.random().toString(36).slice(2, 8)}`, 'supervisor');
  const asked = await t.api('POST', '/api/v1/outages', { reason: 'test outage', ...outage }, asker);
  const ok = await t.api('POST', `/api/v1/approvals/${String(asked.body.id)}/approve`, {}, boss);
  const m = /^notice (\S+)$/.exec(String(ok.body.result));
  if (m?.[1] === undefined) throw new Error(`outage not approved: ${JSON.stringify(ok.body)}`);
  return m[1];
}
