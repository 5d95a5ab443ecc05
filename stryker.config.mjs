// Mutation testing: npm run mutate (see README, Development).
//
// Mutants are tested by the tests that call src/ in this process (vitest.mutate.config.ts), the
// command-line tests included: they run main() in-process. What runs elsewhere cannot kill a mutant:
// Stryker knows which tests cover a mutant only in the process it runs them in, so the worker
// threads of a batch (dist/worker.cjs) and the few tests that start the built program (a real Ctrl-C,
// the time zone) run unmutated code.
import { resolve } from 'node:path';

// The tests run in a copy of the project under .stryker-tmp/, where no ../shared lies beside it: they
// find the seeds through this (test/helpers.ts, SHARED); the test runners inherit it.
process.env.REPORT_TEST_SHARED ??= resolve(import.meta.dirname, '..', 'shared');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Left out: code that runs only where Stryker cannot switch a mutant on. worker.ts is the entry of
  // a worker thread (tested through the pool, test/pool.test.ts); prebuild.ts runs once in
  // `npm run build` (its output is checked by test/prebuilt.test.ts); unbundled.ts replaces two
  // modules in the bundles only.
  mutate: ['src/**/*.ts', '!src/batch/worker.ts', '!src/speed/prebuild.ts', '!src/speed/unbundled.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  // A static mutant (one run only while a module loads, such as the zod schemas and the rule
  // catalogue) makes Stryker reload and run every test: 448 of them took 57% of the estimated time.
  ignoreStatic: true,
  // Mutants that do not type-check are not bugs a test must catch; the checker leaves them out.
  checkers: ['typescript'],
  // Stryker puts // @ts-nocheck in each file of these; its default takes in .html files too, and so
  // changed the <script> of the dashboard's reference copy (test/golden/batch-out/index.html).
  disableTypeChecks: '{src,test}/**/*.{js,ts}',
  tsconfigFile: 'tsconfig.json',
  // Tests read dist/prebuilt.json: build it in each sandbox from the sources there, so a fresh clone needs no build first.
  buildCommand: 'npm run build',
  ignorePatterns: ['/dist', '/out', '/coverage', '/test/.artifacts', '/reports', '/bench'],
  // Unchanged files whose tests did not change keep their results from the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false, allowColor: false },
  // 2 cores: one checker and one test runner, then two test runners once every mutant is checked.
  concurrency: 2,
  // A busy machine makes a normal test run slower; don't count that as a mutant's infinite loop.
  // MUTATE_TIMEOUT_MS raises it for a run that shares the machine with other work (run it niced).
  timeoutMS: Number(process.env.MUTATE_TIMEOUT_MS ?? 10000),
  // The first, unmutated run of every test takes 3 minutes on a quiet machine; Stryker gives up after 5 by default.
  dryRunTimeoutMinutes: 30,
};
