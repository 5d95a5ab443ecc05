// The tests Stryker runs against each mutant (stryker.config.mjs). Left out are the test files whose
// tests run the CLI as a child process (or LibreOffice): that process runs dist/, where Stryker
// neither sees what a test covers nor activates a mutant, so they could only slow the dry run. The
// CLI tests in the other files are never picked for a mutant, as they cover none in this process.
import { relative } from 'node:path';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/** Quickest test files first (by their last duration), so that the first failure, where Stryker stops, comes early. */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const duration = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.duration ?? 0;
    return (await super.sort(files)).sort((a, b) => duration(a) - duration(b));
  }
}

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'test/batch.test.ts', 'test/watch.test.ts', 'test/cli-errors.test.ts', 'test/libreoffice.test.ts'],
      sequence: { sequencer: QuickestFirst },
    },
  }),
);
