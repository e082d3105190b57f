/**
 * Closes the test summary with the count of tests run on each database, and says plainly when the
 * PostgreSQL suites did not run (no `TEST_DATABASE_URL`), so a missing database is never silent.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { testDatabaseUrl } from './test-database-url.ts';

type Tally = { passed: number; failed: number; skipped: number };

export default class DatabaseSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tallies: Record<string, Tally> = { pglite: { passed: 0, failed: 0, skipped: 0 }, postgres: { passed: 0, failed: 0, skipped: 0 } };
    let withoutDatabase = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const kind = /^\[(pglite|postgres)\]/.exec(test.fullName)?.[1];
        const state = test.result().state;
        if (!kind) {
          if (state === 'passed' || state === 'failed') withoutDatabase++;
          continue;
        }
        const tally = tallies[kind]!;
        if (state === 'passed') tally.passed++;
        else if (state === 'failed') tally.failed++;
        else tally.skipped++;
      }
    }
    const line = (kind: string, t: Tally) => `  ${kind.padEnd(9)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} not run` : ''}`;
    const lines = ['', 'Database tests:', line('pglite', tallies.pglite!), line('postgres', tallies.postgres!)];
    if (!testDatabaseUrl()) {
      lines.push('  PostgreSQL suites did not run: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them.');
    }
    lines.push(`  other    ${withoutDatabase} tests without a database`, '');
    console.log(lines.join('\n'));
  }
}
