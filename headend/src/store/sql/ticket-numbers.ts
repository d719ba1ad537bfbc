import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { compiledOnce } from './compiled-once';
import type { DB } from './schema';
import type { SqlDialect } from './sql-context';

/** The first ticket number (see TICKET_NUMBERS in shared-migrations.ts). */
const FIRST = 100_001;

/** PostgreSQL's next ticket number, as an expression inside the ticket's INSERT. */
export const nextPgTicketNumber = () => sql<number>`nextval('ticket_numbers')`;

/**
 * The next ticket number (issue 17), read inside the unit of work that inserts the ticket:
 * SQLite runs one writer at a time, so the highest number plus one stays free until the
 * insert (a unique index backs it); PostgreSQL draws from its sequence, which never hands out
 * a number twice however many instances insert at once.
 */
export async function nextTicketNumber(dialect: SqlDialect, db: Kysely<DB>): Promise<number> {
  if (dialect === 'postgres') {
    const r = await sql<{ n: number }>`SELECT nextval('ticket_numbers') AS n`.execute(db);
    return Number(r.rows[0]?.n);
  }
  const [r] = await compiledOnce(dialect, db, 'highestTicketNumber', [], () =>
    db.selectFrom('tickets').select((eb) => eb.fn.max('number').as('n')),
  );
  return Math.max(FIRST - 1, Number(r?.n ?? 0)) + 1;
}

/** The next `n` ticket numbers, for a batch inserted in the same unit of work (as nextTicketNumber). */
export async function nextTicketNumbers(dialect: SqlDialect, db: Kysely<DB>, n: number): Promise<number[]> {
  if (dialect === 'postgres') {
    const r = await sql<{ n: number }>`SELECT nextval('ticket_numbers') AS n FROM generate_series(1, ${n})`.execute(db);
    return r.rows.map((row) => Number(row.n));
  }
  const first = await nextTicketNumber(dialect, db);
  return Array.from({ length: n }, (_, i) => first + i);
}
