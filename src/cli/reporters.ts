/** Reporters turn results and diagnostics into text; they never decide the exit code. */
import { t } from '../i18n/index.js';
import { printable } from '../diagnostics/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { BuildResult, ReportResult } from '../batch/index.js';

export const REPORTERS = ['pretty', 'plain', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Writes to stderr as is, without a line end (for redrawing the progress bar). */
  errRaw?: (s: string) => void;
}

const color = (on: boolean) => ({
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  yellow: (s: string) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  green: (s: string) => (on ? `\x1b[32m${s}\x1b[39m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
});

/** file:line:column of a diagnostic, as far as it is known. */
export function location(d: Diagnostic): string {
  return d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
}

/** One line a diagnostic: `file:line:col  severity  reason  rule-id`, then the note indented. */
export function formatDiagnostic(d: Diagnostic, colors = false): string {
  const c = color(colors);
  const sev = d.severity === 'error' ? c.red(t('severity.error')) : d.severity === 'warning' ? c.yellow(t('severity.warning')) : t('severity.info');
  let s = `${location(d)}  ${sev}  ${d.reason}  ${c.dim(d.ruleId)}`;
  if (d.note) s += `\n  ${c.dim('→')} ${d.note}`;
  for (const r of d.related ?? []) s += `\n  ${c.dim('↳')} ${r.line !== undefined ? `${r.file}:${r.line}:${r.column ?? 1}` : r.file}: ${r.message}`;
  return s;
}

function escapeGithub(s: string, prop = false): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (prop) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

/** A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=rule::message`. */
export function githubAnnotation(d: Diagnostic): string {
  const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeGithub(d.file, true)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  props.push(`title=${escapeGithub(d.ruleId, true)}`);
  return `::${kind} ${props.join(',')}::${escapeGithub(d.reason + (d.note ? `\n${d.note}` : ''))}`;
}

export interface Reporter {
  start(info: { total: number; toBuild: number }): void;
  report(r: ReportResult): void;
  done(result: BuildResult, seconds: number): void;
}

export interface Counts {
  built: number;
  failed: number;
  unchanged: number;
  current: number;
  stale: number;
  checked: number;
  errors: number;
  warnings: number;
}

/** A build result's reports and diagnostics counted by outcome and severity. */
export function counts(result: BuildResult): Counts {
  const all = [...result.diagnostics, ...result.reports.flatMap((r) => r.diagnostics)];
  const n = (s: ReportResult['status']) => result.reports.filter((r) => r.status === s).length;
  return {
    built: n('built'),
    failed: n('failed'),
    unchanged: n('unchanged'),
    current: n('current'),
    stale: n('stale'),
    checked: n('checked'),
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

export type Mode = 'build' | 'verify' | 'lint';

/** The closing line of a build, check or lint: counts and seconds. */
export function summaryLine(result: BuildResult, seconds: number, mode: Mode = 'build'): string {
  const c = counts(result);
  const head = t(mode === 'lint' ? 'summary.lint' : mode === 'verify' ? 'summary.verify' : 'summary.build', { ...c });
  return `${head}${t('summary.tail', { errors: c.errors, warnings: c.warnings, seconds: seconds.toFixed(2) })}${result.interrupted ? t('summary.interrupted') : ''}`;
}

/** One plain line a report, no control characters. */
export function plainLine(r: ReportResult): string {
  return printable(`${t(`status.${r.status}`)} ${r.input}${r.outputs.length && r.status !== 'unchanged' ? ` -> ${r.outputs.join(' ')}` : ''}`);
}

/** The reporter of the given name, printing to `io`. */
export function makeReporter(name: ReporterName, io: Out, opts: { colors: boolean; progress: boolean; mode?: Mode }): Reporter {
  const mode = opts.mode ?? 'build';
  const c = color(opts.colors);
  const printDiagnostics = (list: readonly Diagnostic[]) => {
    for (const d of list) io.err(formatDiagnostic(d, opts.colors && name === 'pretty'));
  };
  switch (name) {
    case 'json':
      return {
        start() {},
        report() {},
        done(result, seconds) {
          io.out(
            JSON.stringify(
              {
                ok: result.ok,
                interrupted: result.interrupted,
                seconds: Math.round(seconds * 1000) / 1000,
                summary: counts(result),
                manifest: result.manifest ?? null,
                reports: result.reports,
                diagnostics: result.diagnostics,
              },
              null,
              2,
            ),
          );
        },
      };
    case 'github':
      // GitHub shows only the first annotations of a step, so the plain lines follow each one.
      return {
        start() {},
        report(r) {
          for (const d of r.diagnostics) io.out(githubAnnotation(d));
          io.err(plainLine(r));
          printDiagnostics(r.diagnostics);
        },
        done(result, seconds) {
          for (const d of result.diagnostics) io.out(githubAnnotation(d));
          printDiagnostics(result.diagnostics);
          io.err(summaryLine(result, seconds, mode));
        },
      };
    case 'plain':
      return {
        start() {},
        report(r) {
          io.err(plainLine(r));
          printDiagnostics(r.diagnostics);
        },
        done(result, seconds) {
          printDiagnostics(result.diagnostics);
          io.err(summaryLine(result, seconds, mode));
        },
      };
    default: {
      // pretty: a live progress bar on a terminal; reports that need attention are printed above it.
      let total = 0;
      let seen = 0;
      let ok = 0;
      let bad = 0;
      let same = 0;
      // The bar is one line with no line end, redrawn in place; lines printed above it clear it first.
      let barShown = false;
      const raw = io.errRaw;
      const clearBar = () => {
        if (barShown && raw) raw('\r\x1b[2K');
        barShown = false;
      };
      const drawBar = () => {
        if (!opts.progress || total === 0 || !raw) return;
        const width = 30;
        const filled = Math.round((seen / total) * width);
        raw(
          `\r\x1b[2K${c.dim('[')}${'█'.repeat(filled)}${c.dim('░'.repeat(width - filled))}${c.dim(']')} ${seen}/${total}  ${c.green(t('progress.built', { n: ok }))}  ${bad ? c.red(t('progress.failed', { n: bad })) : t('progress.failed', { n: 0 })}  ${c.dim(t('progress.unchanged', { n: same }))}`,
        );
        barShown = true;
      };
      return {
        start(info) {
          total = info.total;
          drawBar();
        },
        report(r) {
          seen++;
          if (r.status === 'built' || r.status === 'current' || r.status === 'checked') ok++;
          else if (r.status === 'unchanged') same++;
          else bad++;
          clearBar();
          const quiet = opts.progress && r.diagnostics.length === 0 && (r.status === 'unchanged' || total > 20);
          if (!quiet) {
            const mark = r.status === 'failed' || r.status === 'stale' ? c.red('✗') : r.status === 'unchanged' ? c.dim('=') : c.green('✓');
            io.err(`${mark} ${printable(r.input)}${r.outputs.length && r.status !== 'unchanged' ? c.dim(` → ${printable(r.outputs.join(', '))}`) : ''}`);
            printDiagnostics(r.diagnostics);
          }
          drawBar();
        },
        done(result, seconds) {
          clearBar();
          printDiagnostics(result.diagnostics);
          io.err(c.bold(summaryLine(result, seconds, mode)));
        },
      };
    }
  }
}
