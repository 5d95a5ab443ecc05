/**
 * The write step: a compiled report's outputs placed by the output pattern, checked against
 * the paths other reports claim, then written (each whole or not at all) or, with --check,
 * compared with the files on disk.
 */
import { t } from '../i18n/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, quote, systemError, type Diagnostic } from '../diagnostics/index.js';
import type { ReportSummary } from '../compile/summary.js';
import type { Format } from '../formats.js';
import type { CompiledReport } from './compile.js';
import { MAX_PROBLEMS, type ManifestOutput, type Problem } from './manifest.js';
import { outputPath } from './paths.js';
import { reportKey, type Settled } from './plan.js';
import { writeAllAtomic } from './write.js';
import { sha256, shown, type BatchSettings } from './settings.js';

interface Planned {
  format: Format;
  /** Relative to the output folder. */
  rel: string;
  bytes: Uint8Array;
}

/** Writes (or checks) one compiled report's outputs; `claimed` maps output paths to the input writing them. */
export function writeReport(settings: BatchSettings, report: CompiledReport, claimed: Map<string, string>): Settled {
  const { todo, result, dependencies } = report;
  const input = todo.input.display;
  const key = reportKey(settings, report.sourceHash, dependencies);
  // In the order of the file, so a clerk can work down it.
  const ds = [...result.diagnostics].sort(compareDiagnostics);
  const counts = { errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length };
  const problemsOf = (list: readonly Diagnostic[]) => problems(list);
  const township = result.township;
  const failed = (extra: Diagnostic[] = []): Settled => ({
    township,
    entry: { input, key, status: 'failed', dependencies, outputs: [], summary: null, errors: counts.errors + extra.length, warnings: counts.warnings, problems: problemsOf([...ds, ...extra]) },
    result: { input, status: 'failed', outputs: [], diagnostics: [...ds, ...extra] },
  });
  if (hasErrors(ds)) return failed();
  if (settings.lintOnly) return { township, result: { input, status: 'checked', outputs: [], diagnostics: ds } };

  const summary = result.summary === undefined ? undefined : (JSON.parse(result.summary) as ReportSummary);
  const planned: Planned[] = [];
  for (const format of settings.formats) {
    const bytes = result.outputs[format];
    if (bytes) planned.push({ format, rel: outputPath(settings.pattern, todo.input.outStem, format, summary), bytes });
  }
  const outside = planned.filter((p) => !isInsideFolder(settings.outDir, p.rel));
  if (outside.length > 0) {
    return failed(
      outside.map((p) =>
        diagnostic(input, {
          ruleId: 'output/write',
          reason: t('outputs.outside', { path: quote(p.rel) }),
          note: t('outputs.outside.note'),
        }),
      ),
    );
  }
  const reserved = planned.filter((p) => isRollupName(p.rel));
  const collisions = planned.filter((p) => claimed.has(p.rel) && claimed.get(p.rel) !== input);
  if (reserved.length > 0 || collisions.length > 0) {
    return failed([
      ...reserved.map((c) =>
        diagnostic(input, {
          ruleId: 'output/collision',
          reason: t('outputs.rollup', { path: shown(settings, c.rel) }),
          note: t('outputs.rollup.note'),
        }),
      ),
      ...collisions.map((c) =>
        diagnostic(input, {
          ruleId: 'output/collision',
          reason: t('outputs.collision', { path: shown(settings, c.rel), other: claimed.get(c.rel) ?? '' }),
          note: t('outputs.collision.note'),
        }),
      ),
    ]);
  }
  for (const p of planned) claimed.set(p.rel, input);

  if (settings.check) {
    const problems = planned.flatMap((p) => compareWithDisk(settings, input, p));
    return { result: { input, status: problems.length ? 'stale' : 'current', outputs: planned.map((p) => shown(settings, p.rel)), diagnostics: [...ds, ...problems] } };
  }

  const outputs: ManifestOutput[] = planned.map((p) => ({ format: p.format, path: p.rel, sha256: sha256(p.bytes), bytes: p.bytes.byteLength }));
  try {
    writeAllAtomic(planned.map((p) => ({ path: join(settings.outDir, p.rel), bytes: p.bytes })));
  } catch (e) {
    return failed([diagnostic(input, { ruleId: 'output/write', reason: t('outputs.write', { message: systemError(e) }) })]);
  }
  return {
    entry: { input, key, status: 'built', dependencies, outputs, summary: summary ?? null, ...counts, problems: problemsOf(ds) },
    result: { input, status: 'built', outputs: outputs.map((o) => shown(settings, o.path)), diagnostics: ds },
  };
}

/** A report's first problems for the dashboard: errors before warnings, each in the order of the file. */
function problems(list: readonly Diagnostic[]): Problem[] {
  return list
    .filter((d): d is Diagnostic & { severity: 'error' | 'warning' } => d.severity === 'error' || d.severity === 'warning')
    .sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'))
    .slice(0, MAX_PROBLEMS)
    .map((d) => ({ severity: d.severity, ruleId: d.ruleId, ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}), reason: d.reason }));
}

/** True when `rel` resolved against `dir` stays inside it. */
export function isInsideFolder(dir: string, rel: string): boolean {
  const r = relative(dir, resolve(dir, rel));
  // Stryker disable next-line ConditionalExpression,LogicalOperator: relative() gives an absolute path only across Windows drives
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}

/** The files a build writes for the county in the output folder itself, which no report may take (compared as Windows and macOS do: ignoring case). */
export function isRollupName(rel: string): boolean {
  return /^(summary\.(md|html|csv|xlsx)|index\.html|manifest(\.shard-\d+-of-\d+)?\.json|\.report\.lock)$/i.test(rel);
}

/** --check: a missing or different output file, as a diagnostic. */
function compareWithDisk(settings: BatchSettings, input: string, p: Planned): Diagnostic[] {
  const path = join(settings.outDir, p.rel);
  const onDisk = existsSync(path) ? readFileSync(path) : undefined;
  const at = shown(settings, p.rel);
  if (!onDisk) return [diagnostic(at, { ruleId: 'output/missing', reason: t('outputs.missing', { path: at }), note: t('outputs.missing.note', { input }) })];
  if (!onDisk.equals(p.bytes)) return [diagnostic(at, { ruleId: 'output/stale', reason: t('outputs.stale', { path: at, input }), note: t('outputs.stale.note') })];
  return [];
}
