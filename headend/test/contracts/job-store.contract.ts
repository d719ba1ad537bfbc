import { describe, expect, it } from 'vitest';
import type { StoresFactory } from './stores-factory';

export function jobStoreContract(name: string, open: StoresFactory): void {
  describe(`JobStore contract: ${name}`, () => {
    it('a dedupe key schedules once', async () => {
      const s = await open();
      const a = await s.jobs.schedule({ kind: 'k', runAtMs: 10, payload: { x: 1 }, dedupeKey: 'once' });
      const b = await s.jobs.schedule({ kind: 'k', runAtMs: 20, payload: { x: 2 }, dedupeKey: 'once' });
      expect(b).toBe(a);
      await s.jobs.schedule({ kind: 'k', runAtMs: 10, payload: {} });
      await s.jobs.schedule({ kind: 'k', runAtMs: 10, payload: {} });
      expect(await s.jobs.countPending()).toBe(3);
      expect((await s.jobs.get(a))?.payload).toEqual({ x: 1 });
      await s.close();
    });

    it('claims only due jobs, once, until the lease runs out', async () => {
      const s = await open();
      await s.jobs.schedule({ kind: 'k', runAtMs: 10, payload: {} });
      await s.jobs.schedule({ kind: 'k', runAtMs: 100, payload: {} });
      const first = await s.jobs.claimDue(50, 'w1', 30, 10);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ state: 'running', attempts: 1 });
      expect(await s.jobs.claimDue(60, 'w2', 30, 10)).toHaveLength(0);
      const reclaimed = await s.jobs.claimDue(81, 'w2', 30, 10);
      expect(reclaimed.map((j) => j.id)).toEqual([first[0]?.id]);
      expect(reclaimed[0]?.attempts).toBe(2);
      await s.jobs.complete(first[0]?.id ?? 0, 90);
      expect(await s.jobs.claimDue(90, 'w3', 30, 10)).toHaveLength(0);
      expect((await s.jobs.claimDue(100, 'w3', 30, 10)).map((j) => j.runAtMs)).toEqual([100]);
      await s.close();
    });

    it('a failed job is retried later or fails for good; pending jobs cancel by key prefix', async () => {
      const s = await open();
      const id = await s.jobs.schedule({ kind: 'k', runAtMs: 0, payload: {} });
      await s.jobs.claimDue(0, 'w', 10, 10);
      await s.jobs.fail(id, 'boom', 500);
      expect(await s.jobs.get(id)).toMatchObject({ state: 'pending', lastError: 'boom', runAtMs: 500 });
      await s.jobs.claimDue(500, 'w', 10, 10);
      await s.jobs.fail(id, 'boom again', undefined);
      expect((await s.jobs.get(id))?.state).toBe('failed');
      await s.jobs.schedule({ kind: 'k', runAtMs: 0, payload: {}, dedupeKey: 'fee:inv-1:7' });
      await s.jobs.schedule({ kind: 'k', runAtMs: 0, payload: {}, dedupeKey: 'fee:inv-1:3' });
      await s.jobs.schedule({ kind: 'k', runAtMs: 0, payload: {}, dedupeKey: 'fee:inv-10:3' });
      expect(await s.jobs.cancelByKeyPrefix('fee:inv-1:')).toBe(2);
      expect((await s.jobs.list({ state: 'cancelled', limit: 10 })).map((j) => j.dedupeKey)).toEqual([
        'fee:inv-1:7',
        'fee:inv-1:3',
      ]);
      await s.close();
    });
  });
}
