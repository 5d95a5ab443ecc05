// Mutation runs only (vitest.mutate.config.ts). Code that runs while a module loads, such as a table
// or a pattern built at its top, is what Stryker calls static. A module that main() loads only when
// a command needs it (the DOCX writer, a reference document's reader) loads during a command-line
// test, so Stryker also counts such code as covered by that test ("hybrid"), and then tests a mutant
// of it with those tests alone, switched on after the test files' imports: the tests that import the
// module themselves, and would catch the mutant, are never run, and the mutant is reported alive.
// Here a test file's imports count as covered by its tests (the HybridCoverage reporter keeps this
// for the code some test also loads, leaving the purely static to be ignored), and a mutant is
// switched on before the file's imports load.
import { afterAll, inject } from 'vitest';

interface Coverage {
  static: Record<string, number>;
  perTest: Record<string, Record<string, number>>;
}
type Namespace = { activeMutant?: string; mutantCoverage?: Coverage };

const name = (inject as (key: string) => unknown)('globalNamespace') as string | undefined;
const mode = (inject as (key: string) => unknown)('mode');
const g = globalThis as unknown as Record<string, Namespace | undefined>;
if (name) {
  const ns = g[name] ?? {};
  g[name] = ns;
  if (mode === 'mutant') ns.activeMutant = (inject as (key: string) => unknown)('activeMutant') as string;
  else {
    const before = { ...(ns.mutantCoverage?.static ?? {}) };
    // Runs before Stryker's own afterAll (hooks after tests run last-registered first), which keeps the coverage.
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the hook's first argument as a destructured fixture
    afterAll(({}, suite) => {
      const now = ns.mutantCoverage?.static ?? {};
      suite.meta.loadedStatic = Object.keys(now).filter((id) => (now[id] ?? 0) > (before[id] ?? 0));
    });
  }
}

declare module 'vitest' {
  interface TaskMeta {
    loadedStatic?: string[];
    mutantCoverage?: Coverage;
  }
}
