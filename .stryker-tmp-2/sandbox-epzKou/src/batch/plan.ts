/**
 * The plan of a build: which reports are unchanged since the last build (their data file, the
 * files they depend on, the templates and the tool), which cannot be read, and which to compile.
 */
// @ts-nocheck

import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { previousPath } from '../compile/previous.js';
import { diagnostic } from '../diagnostics/index.js';
import type { ReportResult } from './index.js';
import type { Input } from './inputs.js';
import type { Manifest, ManifestEntry, ManifestOutput } from './manifest.js';
import { posix, sha256, shown, type BatchSettings } from './settings.js';

/** A report already settled by the plan: unchanged (with its manifest entry) or unreadable. */
export interface Settled {
  result: ReportResult;
  entry?: ManifestEntry | undefined;
}

/** A report to compile. */
export interface Todo {
  input: Input;
  /** Hash of its data file as the plan read it. */
  sourceHash: string;
}

export interface Plan {
  /** In input order. */
  done: Settled[];
  todo: Todo[];
}

/** The key of a report: the build's settings, its data file and every file it depends on. */
export function reportKey(settings: BatchSettings, sourceHash: string, dependencies: readonly string[]): string {
  const parts = [settings.buildKey, sourceHash];
  for (const d of [...new Set(dependencies)].sort()) {
    const abs = resolve(settings.cwd, d);
    parts.push(d, statSync(abs, { throwIfNoEntry: false })?.isFile() ? sha256(readFileSync(abs)) : 'absent');
  }
  return sha256(parts.join('\0'));
}

/** Reads each input once and sorts it into done (unchanged or unreadable) and to compile. */
export function planBuild(settings: BatchSettings, inputs: readonly Input[], previous: Manifest | undefined): Plan {
  const before = new Map((previous?.reports ?? []).map((r) => [r.input, r]));
  const plan: Plan = { done: [], todo: [] };
  for (const input of inputs) {
    let source: Buffer;
    try {
      source = readFileSync(input.path);
    } catch (e) {
      plan.done.push({ result: unreadable(input, e) });
      continue;
    }
    const sourceHash = sha256(source);
    const last = before.get(input.display);
    const lastYear = previousPath(input.path, source.toString('utf8'));
    const dependencies = [...(last?.dependencies ?? []), ...(lastYear ? [posix(relative(settings.cwd, lastYear))] : [])];
    if (last && last.status === 'built' && last.key === reportKey(settings, sourceHash, dependencies) && outputsIntact(settings.outDir, last.outputs)) {
      plan.done.push({ entry: last, result: { input: input.display, status: 'unchanged', outputs: last.outputs.map((o) => shown(settings, o.path)), diagnostics: [] } });
    } else {
      plan.todo.push({ input, sourceHash });
    }
  }
  return plan;
}

/** The result of a data file that cannot be read. */
export function unreadable(input: Input, e: unknown): ReportResult {
  return {
    input: input.display,
    status: 'failed',
    outputs: [],
    diagnostics: [diagnostic(input.display, { ruleId: 'input/read', reason: `Cannot read the file: ${(e as Error).message}` })],
  };
}

function outputsIntact(outDir: string, outputs: readonly ManifestOutput[]): boolean {
  return outputs.every((o) => {
    try {
      return statSync(join(outDir, o.path)).size === o.bytes;
    } catch {
      return false;
    }
  });
}
