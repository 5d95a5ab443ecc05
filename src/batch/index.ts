/**
 * Builds a batch of reports. The one place that knows the order of the batch's steps:
 *
 *   find inputs → plan (what is unchanged) → compile (this thread and workers)
 *   → write (or compare, for --check) → manifest → roll-up
 *
 * Each step is a function in its own module that takes the data it needs and returns what
 * the next step uses. One township's error never stops the others, and every report's
 * outputs are written whole or not at all.
 */
import { resolve } from 'node:path';
import { t } from '../i18n/index.js';
import { diagnostic, hasErrors, systemError, type Diagnostic } from '../diagnostics/index.js';
import type { LayoutOverrides } from '../compile/index.js';
import type { Format } from '../formats.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { compileInOrder } from './compile.js';
import { findInputs, type Input } from './inputs.js';
import { LOCK_NAME, lockFolder, type Lock } from './lock.js';
import { Ledger } from './ledger.js';
import { finishManifest, flushManifest, readPreviousManifest, type ManifestStep } from './manifest.js';
import { writeReport } from './outputs.js';
import { readFiguresSheet } from './figures-sheet.js';
import { writeRollup } from './rollup.js';
import { notSubmitted, notSubmittedDiagnostics, readRoster, type RosterEntry } from './roster.js';
import { planBuild } from './plan.js';
import { posix, settle, sha256, shown, type BatchSettings, type Shard } from './settings.js';
import { inShard } from './shard.js';
import { removeStaleTemporaries } from './write.js';

export type { Format } from '../formats.js';
export { manifestName, type Shard } from './settings.js';
export { writeRollup } from './rollup.js';
export { shardOf } from './shard.js';

export interface BuildOptions {
  /** How long to wait for another build writing into the same output folder, in ms (default 10 minutes). */
  lockWaitMs?: number | undefined;
  /** Told once when another build holds the output folder and this one waits. */
  onWaitForLock?: ((holder: { pid: number; host: string }) => void) | undefined;
  inputs: readonly string[];
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  template?: string | undefined;
  layout?: LayoutOverrides | undefined;
  /** Reports compiled at once: this thread and jobs − 1 worker threads; default the number of cores. */
  jobs?: number | undefined;
  /** Seconds one report may take to compile (default 30). */
  timeLimit?: number | undefined;
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
  /** The county's roster (.csv or .xlsx), relative to the working folder: who has not submitted. */
  roster?: string | undefined;
  /** The county's spreadsheet of figures (.csv or .xlsx in the layout of summary.csv), relative to the working folder: its figures win. */
  figures?: string | undefined;
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
  /** The manifest written or found current, relative to the working folder. */
  manifest: string | undefined;
}

/** Builds (or checks) every report the options name; returns each report's result and the batch's own problems. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const settings = settle(options);
  const found = findInputs(options.inputs, options.cwd);
  const inputs = inShard(found.inputs, options.shard);
  let lock: Lock | undefined;
  if (!settings.readOnly) {
    const taken = await lockFolder(settings.outDir, { waitMs: options.lockWaitMs ?? LOCK_WAIT_MS, signal: options.signal, onWait: options.onWaitForLock });
    if (!('lock' in taken)) return locked(settings, found.diagnostics, taken.holder, Boolean(options.signal?.aborted));
    lock = taken.lock;
  }
  try {
    return await buildLocked(settings, options, found.diagnostics, inputs);
  } finally {
    lock?.release();
  }
}

/** How long a build waits for another one writing into the same output folder. */
const LOCK_WAIT_MS = 10 * 60 * 1000;
/** How often the manifest on disk is brought up to date while a batch writes. */
const FLUSH_MS = 5000;

function locked(settings: BatchSettings, found: Diagnostic[], holder: { pid: number; host: string } | undefined, interrupted: boolean): BuildResult {
  const busy = diagnostic(shown(settings, LOCK_NAME), {
    ruleId: 'output/locked',
    reason: t('batch.locked', { holder: holder ? t('batch.locked.holder', { pid: holder.pid, host: holder.host }) : '' }),
    note: t('batch.locked.note', { lock: shown(settings, LOCK_NAME) }),
  });
  return { reports: [], diagnostics: [...found, ...(interrupted ? [] : [busy])], ok: false, interrupted, manifest: undefined };
}

async function buildLocked(settings: BatchSettings, options: BuildOptions, found: Diagnostic[], inputs: Input[]): Promise<BuildResult> {
  // The county's figures: read once; a changed sheet changes every report's key, so each is built again.
  if (options.figures) {
    const read = await readFiguresSheet(resolve(options.cwd, options.figures), posix(options.figures));
    found = [...found, ...read.diagnostics];
    if (read.sheet) {
      settings.figures = read.sheet;
      // Stryker disable next-line StringLiteral: both hashes are 64 hex digits, so joined without a separator they still differ whenever either does
      settings.buildKey = sha256(`${settings.buildKey}\0${read.sheet.hash}`);
    }
  }
  const previous = settings.readOnly || options.force ? undefined : readPreviousManifest(settings);
  if (!settings.readOnly) removeStaleTemporaries(settings.outDir);

  const plan = planBuild(settings, inputs, previous);
  const ledger = new Ledger(settings, options.onReport);
  for (const done of plan.done) ledger.record(done);
  options.onStart?.({ total: inputs.length, toBuild: plan.todo.length });

  // The manifest follows the outputs as they land, so a build killed half-way keeps what it wrote.
  // A large batch's manifest takes long to write: at most a twentieth of the time goes to it.
  let flushed = Date.now();
  let every = FLUSH_MS;
  const compiled = await compileInOrder(settings, plan.todo, options, (r) => {
    ledger.record('todo' in r ? writeReport(settings, r, ledger.claimed) : r);
    // Stryker disable next-line EqualityOperator: real time passes between two readings of the clock; at exactly the interval either is right
    if (!settings.readOnly && Date.now() - flushed > every) {
      const started = Date.now();
      flushManifest(settings, ledger, previous);
      flushed = Date.now();
      every = Math.max(FLUSH_MS, 20 * (flushed - started));
    }
  });
  const diagnostics = [...found, ...compiled.diagnostics];
  // Who on the county's roster has not submitted: a warning each, and a row on the dashboard.
  let missing: RosterEntry[] | undefined;
  if (options.roster && !settings.sharded && !compiled.interrupted) {
    const read = await readRoster(resolve(options.cwd, options.roster), posix(options.roster));
    diagnostics.push(...read.diagnostics);
    if (read.roster) {
      missing = notSubmitted(
        read.roster,
        ledger.reports.map((r) => ({ input: r.input, township: ledger.townships.get(r.input) })),
      );
      diagnostics.push(...notSubmittedDiagnostics(read.roster, missing));
    }
  }
  let manifest: ManifestStep = { path: undefined, written: undefined };
  try {
    manifest = finishManifest(settings, ledger, previous, compiled.packOk);
    // With a roster, the dashboard follows it even when no report changed.
    const entries = manifest.written ?? (missing && settings.rollup && !settings.readOnly ? readPreviousManifest(settings)?.reports : undefined);
    if (entries && settings.rollup) await writeRollup(settings.outDir, entries, { missing, cwd: options.cwd });
  } catch (e) {
    diagnostics.push(
      diagnostic(shown(settings, 'manifest.json'), {
        ruleId: 'output/write',
        reason: t('batch.manifest-write', { message: systemError(e) }),
        note: t('batch.manifest-write.note'),
      }),
    );
  }

  const ok =
    !compiled.interrupted &&
    compiled.packOk &&
    !hasErrors(diagnostics) &&
    // A shard may be given none of the inputs (more shards than townships): that is no failure.
    (ledger.reports.length > 0 || settings.sharded) &&
    ledger.reports.every((r) => r.status === 'built' || r.status === 'unchanged' || r.status === 'current' || r.status === 'checked');
  return { reports: ledger.reports, diagnostics, ok, interrupted: compiled.interrupted, manifest: manifest.path };
}
