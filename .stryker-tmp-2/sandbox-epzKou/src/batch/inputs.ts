/**
 * Finds the data files a build names: files as given, folders searched
 * recursively, and glob patterns (data/**\/2025*.yaml).
 */
// @ts-nocheck

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

export interface Input {
  /** Absolute path of the data file. */
  path: string;
  /** Path as shown in messages and the manifest (relative to the working folder, with /). */
  display: string;
  /** Path of the output without extension, relative to the output folder. */
  outStem: string;
}

const DATA_FILE = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);
const NOT_DATA = new Set(['report.config.yaml', 'report.config.yml', 'pack.yaml']);
/** Top-level keys of a data file; a YAML file met in a folder with none of them is someone else's. */
const DATA_KEYS = /^(township|year|date|achievements|shortcomings|plans|responsibility)\s*:/m;

const posix = (p: string) => p.split(sep).join('/');

/** The data files that input arguments (files, folders, glob patterns) name, each with its display path and output stem; arguments that match nothing as diagnostics. */
export function findInputs(args: readonly string[], cwd: string): { inputs: Input[]; diagnostics: Diagnostic[] } {
  const inputs: Input[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string, root: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const stem = posix(relative(root, path)).replace(DATA_FILE, '');
    inputs.push({ path, display: posix(relative(cwd, path)) || path, outStem: stem });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })
        .filter((f) => DATA_FILE.test(f) && !NOT_DATA.has(basename(f)))
        .sort();
      if (matches.length === 0) {
        diagnostics.push(diagnostic(arg, { ruleId: 'input/not-found', reason: `No .yaml data file matches ${arg}` }));
      }
      const root = resolve(cwd, globBase(arg));
      for (const f of matches) add(f, root);
      continue;
    }
    const abs = resolve(cwd, arg);
    if (!existsSync(abs)) {
      diagnostics.push(
        diagnostic(arg, {
          ruleId: 'input/not-found',
          reason: `No such file or folder: ${arg}`,
          note: 'Name a data file (.yaml), a folder of them, or a pattern such as "data/**/*.yaml".',
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

/** The folder part of a glob before its first pattern character. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) out.push(...walk(path));
    } else if (DATA_FILE.test(name) && !NOT_DATA.has(name) && looksLikeData(path)) {
      out.push(path);
    }
  }
  return out;
}

/** Other YAML in a data folder (a CI workflow, say) is passed over; an empty file is not. */
function looksLikeData(path: string): boolean {
  try {
    const head = readFileSync(path, 'utf8').slice(0, 65536);
    return DATA_KEYS.test(head) || !/^[A-Za-z_][\w-]*\s*:/m.test(head);
  } catch {
    return true;
  }
}
