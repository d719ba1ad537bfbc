import pg from 'pg';

/** The PostgreSQL schema of this run's headend (`--database`): its own, dropped when the run ends. */
export const BENCH_SCHEMA = `bench_${process.pid}`;

/** Drops the run's schema: runs must not pile their tables up in a shared database. Never throws. */
export async function dropBenchSchema(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  } catch (err) {
    console.error(`bench: could not drop schema ${BENCH_SCHEMA}: ${(err as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
}
