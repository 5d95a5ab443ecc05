/** Finds the data files a build names: files as given, folders searched recursively. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

export interface Input {
  /** Absolute path of the data file. */
  path: string;
  /** Path as shown in messages (relative to the working directory). */
  display: string;
  /** Path of the output without extension, relative to the output folder. */
  outStem: string;
}

const DATA_FILE = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);
const NOT_DATA = new Set(['report.config.yaml', 'report.config.yml', 'pack.yaml']);

export function findInputs(args: readonly string[], cwd: string): { inputs: Input[]; diagnostics: Diagnostic[] } {
  const inputs: Input[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string, root: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const stem = relative(root, path).replace(DATA_FILE, '');
    inputs.push({ path, display: relative(cwd, path) || path, outStem: stem });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (!existsSync(abs)) {
      diagnostics.push(
        diagnostic(arg, {
          ruleId: 'input/not-found',
          reason: `No such file or folder: ${arg}`,
          note: 'Name a data file (.yaml) or a folder of them.',
        }),
      );
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const found = walk(abs);
      if (found.length === 0) {
        diagnostics.push(diagnostic(arg, { ruleId: 'input/not-found', reason: `The folder ${arg} holds no .yaml data files` }));
      }
      for (const f of found) add(f, abs);
    } else {
      add(abs, dirname(abs));
    }
  }
  return { inputs, diagnostics };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) out.push(...walk(path));
    } else if (DATA_FILE.test(name) && !NOT_DATA.has(basename(name))) {
      out.push(path);
    }
  }
  return out;
}
