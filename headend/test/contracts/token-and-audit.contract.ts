import { describe, expect, it } from 'vitest';
import type { StoresFactory } from './stores-factory';

export function tokenAndAuditContract(name: string, open: StoresFactory): void {
  describe(`TokenStore and AuditLog contract: ${name}`, () => {
    it('finds tokens by hash and revokes them once', async () => {
      const s = await open();
      const t = { id: 't1', name: 'alice', role: 'operator' as const, staffNo: '', createdAtMs: 1, revokedAtMs: 0 };
      await s.tokens.insert(t, 'hash1');
      expect(await s.tokens.findByHash('hash1')).toEqual(t);
      expect(await s.tokens.findByHash('other')).toBeUndefined();
      expect(await s.tokens.revoke('t1', 5)).toBe(true);
      expect(await s.tokens.revoke('t1', 6)).toBe(false);
      expect(await s.tokens.list()).toEqual([{ ...t, revokedAtMs: 5 }]);
      await s.close();
    });

    it('staff and approvals: one pending request per subject, decided once, never by its requester', async () => {
      const s = await open();
      const member = (staffNo: string, role: 'maintainer' | 'supervisor') => ({
        staffNo,
        name: `name ${staffNo}`,
        phone: '96956',
        role,
        zoneId: '',
        createdAtMs: 1,
        leftAtMs: 0,
      });
      expect(await s.staff.insertStaff(member('S1', 'maintainer'))).toBe(true);
      expect(await s.staff.insertStaff(member('S1', 'supervisor'))).toBe(false);
      await s.staff.insertStaff(member('S2', 'supervisor'));
      expect(await s.staff.getStaff('S1')).toEqual(member('S1', 'maintainer'));
      const approval = (id: string) => ({
        id,
        kind: 'extension' as const,
        subject: 't1',
        request: { ticketId: 't1', dueAtMs: 9 },
        reason: '等备件',
        requestedBy: 'S1',
        requestedAtMs: 2,
        status: 'pending' as const,
        decidedBy: '',
        decidedAtMs: 0,
        note: '',
        result: '',
      });
      const asked = await Promise.all(['a1', 'a2', 'a3'].map((id) => s.staff.insertApproval(approval(id))));
      expect(asked.filter(Boolean)).toHaveLength(1);
      const id = ['a1', 'a2', 'a3'][asked.indexOf(true)] ?? '';
      const decision = (by: string) => ({ status: 'approved' as const, decidedBy: by, atMs: 3, note: '', result: '' });
      await expect(s.staff.decideApproval(id, decision('S1'))).rejects.toThrow(); // the CHECK: not by the requester
      const decided = await Promise.all([
        s.staff.decideApproval(id, decision('S2')),
        s.staff.decideApproval(id, decision('S2')),
      ]);
      expect(decided.filter(Boolean)).toHaveLength(1);
      expect(await s.staff.getApproval(id)).toMatchObject({ status: 'approved', decidedBy: 'S2', requestedBy: 'S1' });
      expect(await s.staff.insertApproval(approval('a4'))).toBe(true); // decided: a new request may wait again
      expect((await s.staff.listApprovals({ status: 'pending', limit: 10 })).map((a) => a.id)).toEqual(['a4']);
      await s.close();
    });

    it('appends a batch of entries with every kind of text intact, in one statement or in runs', async () => {
      const s = await open();
      // A pass writes its rows in runs (SQLite) or as one JSON document (PostgreSQL): neither may
      // change a character. A lone surrogate is not valid UTF-8: it comes back as U+FFFD (one on
      // PostgreSQL, one per byte of its WTF-8 form on SQLite), the rest of the text intact.
      const texts = [
        '引号 \' " ` 和 \\ 反斜杠',
        '\\ud800 is text, not an escape',
        'emoji 📺',
        'lone \ud800 end',
        '{"json":[1]}',
      ];
      const entries = Array.from({ length: 300 }, (_, i) => ({
        atMs: i + 1,
        actor: texts[i % texts.length] ?? '',
        action: 'batch',
        subject: `s${i}`,
        detail: { i, text: texts[(i + 1) % texts.length] },
      }));
      await s.audit.appendMany(entries);
      const back = await s.audit.list({ action: 'batch', limit: 500 });
      expect(back).toHaveLength(300);
      for (const e of back) {
        const i = Number(e.subject.slice(1));
        const actor = texts[i % texts.length] ?? '';
        if (actor.startsWith('lone')) expect(e.actor).toMatch(/^lone \ufffd+ end$/);
        else expect(e.actor).toBe(actor);
        // The detail is stored as JSON text, where the surrogate is an escape: it comes back as it was.
        expect(e.detail).toEqual({ i, text: texts[(i + 1) % texts.length] });
      }
      await s.close();
    });

    it('lists audit entries newest first, filtered', async () => {
      const s = await open();
      await s.audit.append({ atMs: 1, actor: 'a', action: 'x', subject: 's1', detail: { n: 1 } });
      await s.audit.append({ atMs: 2, actor: 'a', action: 'y', subject: 's1', detail: {} });
      await s.audit.append({ atMs: 3, actor: 'b', action: 'x', subject: 's2', detail: {} });
      expect((await s.audit.list({ subject: 's1', limit: 10 })).map((e) => e.action)).toEqual(['y', 'x']);
      expect((await s.audit.list({ action: 'x', limit: 10 })).map((e) => e.subject)).toEqual(['s2', 's1']);
      expect((await s.audit.list({ subject: 's1', action: 'x', limit: 10 }))[0]?.detail).toEqual({ n: 1 });
      await s.close();
    });
  });
}
