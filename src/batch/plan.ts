/**
 * The plan of a build: which reports are unchanged since the last build (their data file, the
 * files they depend on, the templates and the tool), which cannot be read, and which to compile.
 */
import { t } from '../i18n/index.js';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { previousPath } from '../compile/previous.js';
import { diagnostic } from '../diagnostics/index.js';
import { decodeText, readBytes } from '../load/read.js';
import type { ReportResult } from './index.js';
import type { Input } from './inputs.js';
import type { Manifest, ManifestEntry, ManifestOutput } from './manifest.js';
import { posix, sha256, shown, type BatchSettings } from './settings.js';

/** A report already settled by the plan: unchanged (with its manifest entry) or unreadable. */
export interface Settled {
  result: ReportResult;
  entry?: ManifestEntry | undefined;
  /** The township the data file names, when known (a report checked or failed has no summary). */
  township?: string | undefined;
}

/** A report to compile. */
export interface Todo {
  input: Input;
}

export interface Plan {
  /** In input order. */
  done: Settled[];
  todo: Todo[];
}

/** The key of a report: the build's settings, its data file and every file it depends on. */
export function reportKey(settings: BatchSettings, sourceHash: string, dependencies: readonly string[]): string {
  const parts = [settings.buildKey, sourceHash];
  // Stryker disable next-line MethodExpression: a dependency named twice is hashed twice into the key, the same whenever the key is made
  for (const d of [...new Set(dependencies)].sort()) {
    const abs = resolve(settings.cwd, d);
    // Stryker disable next-line StringLiteral: any text that is no hash of a file marks it absent
    let hash = 'absent';
    try {
      hash = sha256(readBytes(abs));
    } catch {
      /* missing, or not a file a report may read: it counts as absent */
    }
    parts.push(d, hash);
  }
  return sha256(parts.join('\0'));
}

/** Sorts the inputs into done (unchanged, or unreadable) and to compile; reads only those built before, to see whether they changed. */
export function planBuild(settings: BatchSettings, inputs: readonly Input[], previous: Manifest | undefined): Plan {
  const before = new Map((previous?.reports ?? []).map((r) => [r.input, r]));
  const manifestWritten = previous ? (statSync(settings.manifestPath, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const plan: Plan = { done: [], todo: [] };
  for (const input of inputs) {
    const last = before.get(input.display);
    // Nothing built before to compare with (a first build, a new township): the compile step reads
    // the file, once.
    if (last?.status !== 'built') {
      plan.todo.push({ input });
      continue;
    }
    let source: Buffer;
    try {
      source = readBytes(input.path);
    } catch (e) {
      plan.done.push({ result: unreadable(input, e) });
      continue;
    }
    const sourceHash = sha256(source);
    const lastYear = previousPath(input.path, decodeText(source).text, [settings.cwd]);
    const dependencies = [...last.dependencies, ...(lastYear ? [posix(relative(settings.cwd, lastYear))] : [])];
    if (last.key === reportKey(settings, sourceHash, dependencies) && outputsIntact(settings.outDir, last.outputs, manifestWritten)) {
      plan.done.push({ entry: last, result: { input: input.display, status: 'unchanged', outputs: last.outputs.map((o) => shown(settings, o.path)), diagnostics: [] } });
    } else {
      plan.todo.push({ input });
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
    diagnostics: [diagnostic(input.display, { ruleId: 'input/read', reason: t('read.cannot', { why: (e as Error).message }) })],
  };
}

/**
 * True when every output on disk is the one the manifest records: a build killed after writing
 * an output but before its manifest, or an output edited by hand, is rebuilt. An output written
 * before the manifest was (as every output of a finished build is) is the one it records, so
 * its size is checked; one written since, or at the same moment, is compared by content.
 */
function outputsIntact(outDir: string, outputs: readonly ManifestOutput[], manifestWritten: number): boolean {
  return outputs.every((o) => {
    const path = join(outDir, o.path);
    try {
      const st = statSync(path);
      if (st.size !== o.bytes) return false;
      return st.mtimeMs < manifestWritten || sha256(readFileSync(path)) === o.sha256;
    } catch {
      return false;
    }
  });
}
