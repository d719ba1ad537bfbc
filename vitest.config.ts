import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One fork runs many files and keeps its module cache: importing the headend afresh for each
    // of ~110 files cost ~2 of the suite's 10 minutes. Tests keep no module-level state (every
    // test builds its own headend, clock and stores); globals stubbed are unstubbed in afterEach.
    isolate: false,
    // Two forks on the 2-core machine: vitest's default (cores - 1) ran the files one at a time
    // and left a core idle (8m21s of user CPU in 10m52s); two forks took 7m00s on the same
    // machine (session 20). Tests already pass with the other core busy.
    maxWorkers: 2,
    globalSetup: ['./vitest.global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'all', include: ['*/test/**/*.test.ts', '*/src/**/*.test.ts', '*/e2e/**/*.test.ts'] },
      },
      {
        // The headend's scenario tests once more with every store on PostgreSQL: same rules, same ports.
        extends: true,
        test: {
          name: 'headend-on-postgres',
          include: ['headend/test/**/*.test.ts'],
          exclude: [
            'headend/test/sqlite-*.test.ts',
            'headend/test/postgres-*.test.ts',
            'headend/test/external-*.test.ts',
            'headend/test/scale-out-*.test.ts',
            'headend/test/cli.test.ts',
            'headend/test/config.test.ts',
            'headend/test/schema-parity.test.ts',
            'headend/test/ticket-number-migration.test.ts',
            'headend/test/layering-lint.test.ts',
            'headend/test/sqlite-file-mode.test.ts',
          ],
          env: { STB_NOTIFY_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
