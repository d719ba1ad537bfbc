import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeDir, seedRegistry, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { UNANSWERED_RESEND_MS } from '../src/ports/notice-store';
import { report, Symptom } from './support/ticket-fixtures';
import { provisionBox, until } from './support/test-box';

/**
 * Issue 15/19: the statements a fault report, a notice, a receipt and the periodic sweeps run
 * must find their rows through an index, never by reading a whole table that grows with the
 * operator's history. A partial index (one open ticket per fault, the unpublished notices, …)
 * is only usable by SQLite when the query's own text implies the index's WHERE: the same
 * query with the values as parameters read every ticket for every fault report.
 */

/** Tables that stay small: reading them whole is fine. */
const SMALL = new Set(['zones', 'accounts', 'staff', 'api_tokens', 'notice_keys']);

describe('hot paths use their indexes (SQLite query plans; PostgreSQL plans its own)', () => {
  let t: TestHeadend | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (t !== undefined) {
      await t.stop();
      await removeDir(t.dir);
    }
  });

  it('fault reports, notices, receipts and sweeps read no growing table whole', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    t = await startTestHeadend();
    await seedRegistry(t);
    const box = await provisionBox(t, 'box-1');
    box.autoReceipts = ['delivered', 'displayed'];
    await box.connect();
    const h = t.h;
    // Fault reports: a new fault, the same fault again, another box's loss of signal.
    await h.tickets.intake.faultReport('box-1', report('r-1', Symptom.SYMPTOM_NO_SOUND));
    await h.tickets.intake.faultReport('box-1', report('r-2', Symptom.SYMPTOM_NO_SOUND));
    await h.tickets.intake.faultReport('box-3', report('r-3', Symptom.SYMPTOM_NO_SIGNAL));
    // The same through the uplink's passes (issue 19): batched reads of boxes, report ids, open tickets.
    await Promise.all([
      h.tickets.reports.add('box-2', report('r-4', Symptom.SYMPTOM_NO_SOUND)),
      h.tickets.reports.add('box-1', report('r-5', Symptom.SYMPTOM_NO_SOUND)),
    ]);
    // Notices to one box and to a zone; the box receives them and answers with receipts.
    for (const target of [
      { type: 'boxes', boxIds: ['box-1'] },
      { type: 'zones', zoneIds: ['z-east'] },
    ]) {
      const r = await t.api('POST', '/api/v1/notices', {
        kind: 'ANNOUNCEMENT',
        target,
        texts: [{ lang: 'zh-CN', title: '通知', body: '' }],
      });
      expect(r.status).toBe(201);
    }
    await until(() => box.noticeIds().length >= 2, 'notices on the box');
    // Periodic work: the scheduler's sweeps (T6 first replies, the outbox, unanswered
    // deliveries — box-2's and box-3's — due once the first resend is, jobs).
    await h.tickets.lifecycle.settleFirstReplies();
    t.clock.advance(UNANSWERED_RESEND_MS[0] ?? 0);
    await h.scheduler.runDue();
    await h.settle();

    const db = prepare.mock.contexts[0] as Database.Database;
    const statements = new Set(prepare.mock.calls.map(([text]) => text).filter((s) => !/^\s*EXPLAIN\b/i.test(s)));
    prepare.mockRestore();
    // Reading a partial index whole is reading only the rows it is there for (the unpublished
    // notices, the replies on their way).
    const partial = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE%'").all() as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    );
    const scans: string[] = [];
    for (const text of statements) {
      if (!/^\s*(select|update|delete|insert|with)\b/i.test(text)) continue;
      const plan = explain(db, text);
      for (const step of plan) {
        const m = /^SCAN (\S+)(?: USING (?:COVERING )?INDEX (\S+))?/.exec(step);
        if (m?.[1] === undefined || /VALUES CLAUSE|CONSTANT ROW/.test(step)) continue;
        // A VALUES list the statement carries (a batch of receipts), materialised and read whole.
        if (plan.includes(`MATERIALIZE ${m[1]}`) && plan.some((p) => /CONSTANT ROW/.test(p))) continue;
        if (SMALL.has(m[1]) || (m[2] !== undefined && partial.has(m[2]))) continue;
        scans.push(`${step}  ←  ${text.replace(/\s+/g, ' ').slice(0, 160)}  [${plan.join(' | ')}]`);
      }
    }
    expect(statements.size).toBeGreaterThan(20);
    expect(scans).toEqual([]);
    // Issue 19: SQLite compiles a statement whose LIMIT or OFFSET is a parameter again at every
    // run (28 µs instead of 5 for the open-ticket lookup): they are written as literals.
    const compiledEachRun = [...statements].filter((s) => /\b(limit|offset)\s+\?/i.test(s));
    expect(compiledEachRun).toEqual([]);
  });
});

/** The query plan of `text`, its parameters bound to null (the plan does not depend on them). */
function explain(db: Database.Database, text: string): string[] {
  const st = db.prepare(`EXPLAIN QUERY PLAN ${text}`);
  for (let n = 0; n <= 64; n++) {
    try {
      return (st.all(...Array<null>(n).fill(null)) as Array<{ detail: string }>).map((r) => r.detail);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
  throw new Error(`could not bind the parameters of ${text}`);
}
