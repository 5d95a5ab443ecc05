// The tests Stryker runs against each mutant (stryker.config.mjs). The command-line tests run main()
// in this process (test/helpers.ts runCli, and the watcher's tests), so they see mutants of src/cli
// and src/batch. Left out are the LibreOffice round trip, which runs the built program in a child
// process (dist/, where Stryker neither sees what a test covers nor activates a mutant), and the
// Chromium checks of the HTML, which launch a browser per run (test/golden.test.ts holds the same
// HTML as text). The package test packs the project with npm, which in Stryker's sandbox (whose
// node_modules is a link) holds no libraries; it tests no code of src/. The import of Word files
// LibreOffice writes (test/import-libreoffice.test.ts) converts with LibreOffice for seconds per run;
// test/import.test.ts reads every other kind of Word file in-process.
//
// Each test file runs with its own modules (vitest's default, isolate: true). Sharing them between
// files (isolate: false, with test/write.test.ts, which mocks node:fs, in a project of its own) was
// measured on src/markdown: the first run of all tests took 1 min 5 s instead of 2 min 12 s, but
// the mutants only about a tenth less time (277 against some 252 tested after 28 minutes), since
// most of it goes to the tests themselves; and a test then sees what the files before it left (the
// stack they use, modules' caches, the language set), so its verdict depends on the order.
import { relative } from 'node:path';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type Reporter, type TestModule, type TestSpecification, type Vitest } from 'vitest/node';
import base from './vitest.config.js';

/** Quickest test files first (by their last duration), so that the first failure, where Stryker stops, comes early. */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const duration = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.duration ?? 0;
    return (await super.sort(files)).sort((a, b) => duration(a) - duration(b));
  }
}

/**
 * A test file that fails to load (an import that throws, a file it reads that is not there) has no
 * tests, and Stryker, which counts tests, would leave it out without a word: every mutant only it
 * covers would count as not covered. Each such file becomes an error of the run, which stops Stryker
 * with the file's name and the error.
 */
class LoadFailures implements Reporter {
  private vitest: Vitest | undefined;
  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    for (const m of modules) {
      for (const e of m.errors()) this.vitest?.state.catchError(new Error(`${relative(process.cwd(), m.moduleId)} did not load: ${e.message}`), 'Unhandled Error');
    }
  }
}

/**
 * After a first, unmutated run (Stryker's dry run): the code a test file's imports ran while loading
 * (test/mutate-setup.ts) counts as covered by each of its tests, for the code that some test also
 * loaded itself (a module main() loads when a command needs it). Purely static code stays static,
 * and ignored (stryker.config.mjs, ignoreStatic).
 */
class HybridCoverage implements Reporter {
  private vitest: Vitest | undefined;
  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }
  onTestRunEnd() {
    const files = this.vitest?.state.getFiles() ?? [];
    const inTests = new Set(files.flatMap((f) => Object.values(f.meta.mutantCoverage?.perTest ?? {}).flatMap((c) => Object.keys(c))));
    for (const f of files) {
      const coverage = f.meta.mutantCoverage;
      const loaded = (f.meta.loadedStatic ?? []).filter((id) => inTests.has(id));
      if (!coverage || loaded.length === 0) continue;
      for (const [test, c] of Object.entries(coverage.perTest)) {
        if (!test.startsWith(`${f.filepath}#`)) continue;
        for (const id of loaded) c[id] = (c[id] ?? 0) + 1;
      }
    }
  }
}

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'test/libreoffice.test.ts', 'test/html.test.ts', 'test/package.test.ts', 'test/volume-libreoffice.test.ts', 'test/import-libreoffice.test.ts'],
      sequence: { sequencer: QuickestFirst },
      reporters: ['default', new LoadFailures(), new HybridCoverage()],
    },
  }),
);
// First, so that a mutant is switched on before test/setup.ts loads the language.
config.test.setupFiles = ['test/mutate-setup.ts', 'test/setup.ts'];
export default config;
