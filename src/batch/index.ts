/**
 * Builds a batch of reports: finds inputs, skips the ones whose data,
 * templates and tool are unchanged, compiles the rest in parallel (on this
 * thread and worker threads, each compiling the templates once), and writes
 * every report's outputs whole or not at all. One township's error never
 * stops the others.
 *
 * Compiling and writing are separate: compiling returns bytes, this thread
 * writes (or, with `check`, compares), so "build" and "check" share one path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { packHash } from '../render/pack-files.js';
import { STANDARD_PACK_DIR, TOOL } from '../version.js';
import type { LayoutOverrides } from './compile.js';
import { findInputs, type Input } from './inputs.js';
import { readManifest, serializeManifest, type ManifestEntry, type ManifestOutput } from './manifest.js';
import { DEFAULT_PATTERN, outputPath } from './paths.js';
import { indexHtml, rollupCsv, rollupHtml, rollupMarkdown } from './rollup.js';
import type { Compiler, Format, TaskResult } from './task.js';
import type { RuleSetting } from '../lint/rules.js';
import { previousPath } from './previous.js';
import { removeStaleTemporaries, writeAtomic } from './write.js';

export type { Format } from './task.js';
export const FORMATS = ['md', 'html', 'docx'] as const satisfies readonly Format[];

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface BuildOptions {
  inputs: readonly string[];
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  template?: string | undefined;
  layout?: LayoutOverrides | undefined;
  /** Reports compiled at once: this thread and jobs − 1 worker threads; default the number of cores. */
  jobs?: number | undefined;
  /** Rebuild even what is unchanged. */
  force?: boolean | undefined;
  /** Build in memory and compare with the files on disk; write nothing. */
  check?: boolean | undefined;
  /** Validate and lint only: no outputs, nothing written. */
  lintOnly?: boolean | undefined;
  shard?: Shard | undefined;
  /** Output path pattern, e.g. {year}/{county}/{township}.{ext}; default mirrors the input tree. */
  outPattern?: string | undefined;
  /** Rule severities from report.config.yaml. */
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Write summary.md/.html/.csv and index.html (default: yes, except for shards and checks). */
  rollup?: boolean | undefined;
  signal?: AbortSignal | undefined;
  onStart?: (info: { total: number; toBuild: number }) => void;
  onReport?: (report: ReportResult) => void;
}

export type ReportStatus = 'built' | 'failed' | 'unchanged' | 'current' | 'stale' | 'checked';

export interface ReportResult {
  input: string;
  status: ReportStatus;
  /** Output files, relative to the working folder. */
  outputs: string[];
  diagnostics: Diagnostic[];
}

export interface BuildResult {
  reports: ReportResult[];
  /** Problems not tied to one report (missing inputs, a broken template pack). */
  diagnostics: Diagnostic[];
  ok: boolean;
  interrupted: boolean;
  manifest: string | undefined;
}

/** The shard (1-based) an input belongs to: a hash of its path, so adding a file moves no other. */
export function shardOf(input: string, count: number): number {
  const h = createHash('sha256').update(input).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function manifestName(shard: Shard | undefined): string {
  return shard ? `manifest.shard-${shard.index}-of-${shard.count}.json` : 'manifest.json';
}

const posix = (p: string) => p.split(sep).join('/');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const outDir = resolve(options.cwd, options.outDir);
  const pattern = options.outPattern ?? DEFAULT_PATTERN;
  const found = findInputs(options.inputs, options.cwd);
  diagnostics.push(...found.diagnostics);
  const inputs = options.shard ? found.inputs.filter((i) => shardOf(i.display, options.shard!.count) === options.shard!.index) : found.inputs;

  const packDir = options.template ? resolve(options.cwd, options.template) : STANDARD_PACK_DIR;
  const formats = options.lintOnly ? [] : [...new Set(options.formats)];
  const readOnly = Boolean(options.check || options.lintOnly);
  const buildKey = sha256(
    JSON.stringify([TOOL, existsSync(join(packDir, 'pack.yaml')) ? packHash(packDir) : '', formats, options.layout ?? {}, pattern]),
  );
  const manifestPath = join(outDir, manifestName(options.shard));
  const previous = readOnly || options.force ? undefined : readManifest(manifestPath);
  const previousByInput = new Map((previous?.reports ?? []).map((r) => [r.input, r]));
  if (!readOnly) removeStaleTemporaries(outDir);

  const entries = new Map<string, ManifestEntry>();
  const reports: ReportResult[] = [];
  const claimed = new Map<string, string>();
  const emit = (r: ReportResult) => {
    reports.push(r);
    options.onReport?.(r);
  };
  const display = (rel: string) => posix(relative(options.cwd, join(outDir, rel)));

  // 1. What is unchanged since the last build?
  /** The key of a report: the build's settings, its data file and every file it depends on. */
  const keyOf = (sourceHash: string, deps: readonly string[]) => {
    const parts = [buildKey, sourceHash];
    for (const d of [...new Set(deps)].sort()) {
      const abs = resolve(options.cwd, d);
      parts.push(d, statSync(abs, { throwIfNoEntry: false })?.isFile() ? sha256(readFileSync(abs)) : 'absent');
    }
    return sha256(parts.join('\0'));
  };
  const todo: { input: Input; sourceHash: string }[] = [];
  for (const input of inputs) {
    let source: Buffer;
    try {
      source = readFileSync(input.path);
    } catch (e) {
      emit({ input: input.display, status: 'failed', outputs: [], diagnostics: [diagnostic(input.display, { ruleId: 'input/read', reason: `Cannot read the file: ${(e as Error).message}` })] });
      continue;
    }
    const sourceHash = sha256(source);
    const before = previousByInput.get(input.display);
    const prevYear = previousPath(input.path, source.toString('utf8'));
    const deps = [...(before?.dependencies ?? []), ...(prevYear ? [posix(relative(options.cwd, prevYear))] : [])];
    if (before && before.key === keyOf(sourceHash, deps) && before.status === 'built' && outputsIntact(outDir, before.outputs)) {
      entries.set(input.display, before);
      for (const o of before.outputs) claimed.set(o.path, input.display);
      emit({ input: input.display, status: 'unchanged', outputs: before.outputs.map((o) => display(o.path)), diagnostics: [] });
    } else {
      todo.push({ input, sourceHash });
    }
  }
  options.onStart?.({ total: inputs.length, toBuild: todo.length });

  // 2. Compile the rest.
  let interrupted = false;
  let compiler: Compiler | undefined;
  if (todo.length > 0) {
    const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), todo.length));
    const setup = { packDir, formats, layout: options.layout ?? {}, rules: options.rules };
    compiler = jobs > 1 ? (await import('./pool.js')).workerPool(setup, jobs) : (await import('./inline.js')).inlineCompiler(setup);
    const packProblems = await compiler.init();
    diagnostics.push(...packProblems);
    if (hasErrors(packProblems)) {
      await compiler.close();
      return finish(false);
    }
    const onAbort = () => {
      interrupted = true;
      void compiler?.close();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // A bounded window of tasks in flight keeps memory flat however large the batch. Results
    // are handled in input order, so logs and collision reports do not depend on timing.
    const window = jobs * 4;
    let nextIndex = 0;
    let nextToHandle = 0;
    const ready = new Map<number, () => void>();
    const inOrder = (id: number, handleIt: () => void) => {
      ready.set(id, handleIt);
      for (let h = ready.get(nextToHandle); h && !interrupted; h = ready.get(nextToHandle)) {
        ready.delete(nextToHandle++);
        h();
      }
    };
    const runOne = async (): Promise<void> => {
      while (!interrupted && nextIndex < todo.length) {
        const id = nextIndex++;
        const { input, sourceHash } = todo[id]!;
        let source: string;
        try {
          source = readFileSync(input.path, 'utf8');
        } catch (e) {
          const d = diagnostic(input.display, { ruleId: 'input/read', reason: `Cannot read the file: ${(e as Error).message}` });
          inOrder(id, () => emit({ input: input.display, status: 'failed', outputs: [], diagnostics: [d] }));
          continue;
        }
        const result = await compiler!.run({ id, display: input.display, path: input.path, source });
        if (interrupted) return;
        const dependencies = result.dependencies.map((d) => posix(relative(options.cwd, d)));
        inOrder(id, () => handle(input, keyOf(sourceHash, dependencies), dependencies, result));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(window, todo.length) }, runOne));
    } finally {
      // Whatever happened, the worker threads must not keep the process alive.
      options.signal?.removeEventListener('abort', onAbort);
      await compiler.close();
    }
  }
  return finish(true);

  function handle(input: Input, key: string, dependencies: string[], result: TaskResult): void {
    // In the order of the file, so a clerk can work down it.
    const ds = [...result.diagnostics].sort(compareDiagnostics);
    const counts = { errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length };
    const failed = (extra: Diagnostic[] = []) => {
      entries.set(input.display, { input: input.display, key, status: 'failed', dependencies, outputs: [], summary: null, errors: counts.errors + extra.length, warnings: counts.warnings });
      emit({ input: input.display, status: 'failed', outputs: [], diagnostics: [...ds, ...extra] });
    };
    if (hasErrors(ds)) return failed();
    if (options.lintOnly) {
      emit({ input: input.display, status: 'checked', outputs: [], diagnostics: ds });
      return;
    }

    const planned: { format: Format; rel: string; bytes: Uint8Array }[] = [];
    for (const format of formats) {
      const bytes = result.outputs[format];
      if (bytes) planned.push({ format, rel: outputPath(pattern, input.outStem, format, result.summary), bytes });
    }
    const collisions = planned.filter((p) => claimed.has(p.rel) && claimed.get(p.rel) !== input.display);
    if (collisions.length > 0) {
      return failed(
        collisions.map((c) =>
          diagnostic(input.display, {
            ruleId: 'output/collision',
            reason: `This report would be written to ${display(c.rel)}, which ${claimed.get(c.rel)} already writes`,
            note: 'Give the two townships different data file names, or add {dir} or {name} to --out-pattern.',
          }),
        ),
      );
    }
    for (const p of planned) claimed.set(p.rel, input.display);

    if (options.check) {
      const problems: Diagnostic[] = [];
      for (const p of planned) {
        const path = join(outDir, p.rel);
        const onDisk = existsSync(path) ? readFileSync(path) : undefined;
        if (!onDisk) problems.push(diagnostic(display(p.rel), { ruleId: 'output/missing', reason: `${display(p.rel)} is missing`, note: `Run “report build” to write it from ${input.display}.` }));
        else if (!onDisk.equals(p.bytes)) problems.push(diagnostic(display(p.rel), { ruleId: 'output/stale', reason: `${display(p.rel)} differs from what ${input.display} builds`, note: 'Run “report build” and commit the result.' }));
      }
      emit({ input: input.display, status: problems.length ? 'stale' : 'current', outputs: planned.map((p) => display(p.rel)), diagnostics: [...ds, ...problems] });
      return;
    }

    const outputs: ManifestOutput[] = [];
    try {
      for (const p of planned) {
        writeAtomic(join(outDir, p.rel), p.bytes);
        outputs.push({ format: p.format, path: p.rel, sha256: sha256(p.bytes), bytes: p.bytes.byteLength });
      }
    } catch (e) {
      return failed([diagnostic(input.display, { ruleId: 'output/write', reason: `Could not write this report: ${(e as Error).message}` })]);
    }
    entries.set(input.display, { input: input.display, key, status: 'built', dependencies, outputs, summary: result.summary ?? null, ...counts });
    emit({ input: input.display, status: 'built', outputs: outputs.map((o) => display(o.path)), diagnostics: ds });
  }

  function finish(packOk: boolean): BuildResult {
    let manifest: string | undefined;
    // Nothing built and nothing gone: the manifest and roll-up on disk are already right.
    const nothingChanged =
      previous !== undefined &&
      reports.length > 0 &&
      reports.every((r) => r.status === 'unchanged') &&
      previous.reports.every((r) => existsSync(resolve(options.cwd, r.input))) &&
      existsSync(join(outDir, 'index.html'));
    if (nothingChanged) manifest = posix(relative(options.cwd, manifestPath));
    else if (!readOnly && packOk && (entries.size > 0 || previous)) {
      // Reports of an earlier build whose data file still exists but is not part of this build are kept.
      for (const [input, entry] of previousByInput) if (!entries.has(input) && existsSync(resolve(options.cwd, input))) entries.set(input, entry);
      writeAtomic(manifestPath, serializeManifest(TOOL, entries.values()));
      manifest = posix(relative(options.cwd, manifestPath));
      if (options.rollup ?? !options.shard) writeRollup(outDir, [...entries.values()]);
    }
    const ok = !interrupted && packOk && !hasErrors(diagnostics) && reports.length > 0 && reports.every((r) => r.status === 'built' || r.status === 'unchanged' || r.status === 'current' || r.status === 'checked');
    return { reports, diagnostics, ok, interrupted, manifest };
  }
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

/** The county roll-up and the index, from manifest entries. */
export function writeRollup(outDir: string, entries: ManifestEntry[]): void {
  writeAtomic(join(outDir, 'summary.md'), rollupMarkdown(entries));
  writeAtomic(join(outDir, 'summary.html'), rollupHtml(entries));
  writeAtomic(join(outDir, 'summary.csv'), rollupCsv(entries));
  writeAtomic(join(outDir, 'index.html'), indexHtml(entries));
}
