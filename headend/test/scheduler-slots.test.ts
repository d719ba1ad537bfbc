import { beforeEach, describe, expect, it } from 'vitest';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Issue 19: a billing run's jobs (a fee reminder per invoice, a suspension per account) run
 * side by side, a few at a time, so their store round trips overlap; one entity's jobs still
 * run one after another in due order, and a failing job fails alone.
 */
describe('scheduler: jobs side by side', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  it('runs up to 8 jobs at once, one entity’s in due order, and a failure stays its own', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    t.h.scheduler.register('test-job', async (job) => {
      const name = String(job.payload['name']);
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await turn();
      await turn();
      log.push(`end ${name}`);
      running--;
      if (name === 'bad') throw new Error('this job fails');
    });
    const now = t.clock.now();
    const jobs = [
      ...Array.from({ length: 16 }, (_, i) => ({ name: `free-${i}`, key: undefined })),
      { name: 'inv-1 first', key: 'test:inv-1:3' },
      { name: 'bad', key: 'test:inv-2:1' },
      { name: 'inv-1 second', key: 'test:inv-1:1' },
      { name: 'inv-2 after the failure', key: 'test:inv-2:2' },
    ];
    for (const j of jobs)
      await t.h.scheduler.schedule({
        kind: 'test-job',
        runAtMs: now,
        payload: { name: j.name },
        ...(j.key === undefined ? {} : { dedupeKey: j.key }),
      });
    expect(await t.h.scheduler.runDue()).toBe(jobs.length);
    expect(most).toBe(8);
    for (const j of jobs) expect(log, j.name).toContain(`end ${j.name}`);
    const at = (e: string) => log.indexOf(e);
    expect(at('end inv-1 first')).toBeLessThan(at('start inv-1 second'));
    expect(at('end bad')).toBeLessThan(at('start inv-2 after the failure'));
    const states = await t.h.stores.jobs.list({ kind: 'test-job', limit: 100 });
    expect(states.filter((j) => j.state === 'done')).toHaveLength(jobs.length - 1);
    expect(states.find((j) => j.payload['name'] === 'bad')).toMatchObject({
      state: 'pending',
      lastError: 'this job fails',
    });
  });
});
