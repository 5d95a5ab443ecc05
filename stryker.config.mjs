// Mutation testing: npm run mutate (see README, Development).
//
// Mutants are tested by the tests that call src/ in this process (vitest.mutate.config.ts). Tests
// that run the CLI as a child process cannot kill a mutant here: Stryker knows which tests cover a
// mutant only from the process it runs them in, and the child would have to be told the active
// mutant. Both can be arranged (a bundle built from the instrumented sources switches mutants on
// __STRYKER_ACTIVE_MUTANT__), but then a mutant costs about 17 s instead of about 3, too slow for
// the whole of src/. src/cli and most of src/batch are therefore reported as not covered.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  // A static mutant (one run only while a module loads, such as the zod schemas and the rule
  // catalogue) makes Stryker reload and run every test: 448 of them took 57% of the estimated time.
  ignoreStatic: true,
  // Mutants that do not type-check are not bugs a test must catch; the checker leaves them out.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // Tests read dist/prebuilt.json: build it in each sandbox from the sources there, so a fresh clone needs no build first.
  buildCommand: 'npm run build',
  ignorePatterns: ['/dist', '/out', '/coverage', '/test/.artifacts', '/reports', '/bench'],
  // Unchanged files whose tests did not change keep their results from the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false, allowColor: false },
  // 2 cores: one checker and one test runner, then two test runners once every mutant is checked.
  concurrency: 2,
  // A busy machine makes a normal test run slower; don't count that as a mutant's infinite loop.
  timeoutMS: 10000,
};
