/** Reporters turn diagnostics and results into text; they never decide the exit code. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { BuildResult, ReportResult } from '../build/index.js';

export const REPORTERS = ['pretty', 'plain', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

const color = (on: boolean) => ({
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  yellow: (s: string) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  green: (s: string) => (on ? `\x1b[32m${s}\x1b[39m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
});

export function location(d: Diagnostic): string {
  return d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
}

/** One line a diagnostic: `file:line:col  severity  reason  rule-id`, then the note indented. */
export function formatDiagnostic(d: Diagnostic, colors = false): string {
  const c = color(colors);
  const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : 'info';
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

export function githubAnnotation(d: Diagnostic): string {
  const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeGithub(d.file, true)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  props.push(`title=${escapeGithub(d.ruleId, true)}`);
  return `::${kind} ${props.join(',')}::${escapeGithub(d.reason + (d.note ? `\n${d.note}` : ''))}`;
}

export interface Reporter {
  report(r: ReportResult): void;
  done(result: BuildResult, seconds: number): void;
}

export function makeReporter(name: ReporterName, io: Out, colors: boolean): Reporter {
  const c = color(colors);
  const printDiagnostics = (list: readonly Diagnostic[]) => {
    for (const d of list) io.err(formatDiagnostic(d, name === 'pretty' && colors));
  };
  switch (name) {
    case 'json':
      return {
        report() {},
        done(result, seconds) {
          io.out(
            JSON.stringify(
              {
                ok: result.ok,
                seconds: Math.round(seconds * 1000) / 1000,
                summary: summary(result),
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
      return {
        report(r) {
          for (const d of r.diagnostics) io.out(githubAnnotation(d));
          io.err(plainLine(r));
          printDiagnostics(r.diagnostics);
        },
        done(result, seconds) {
          for (const d of result.diagnostics) io.out(githubAnnotation(d));
          printDiagnostics(result.diagnostics);
          io.err(summaryLine(result, seconds));
        },
      };
    default:
      return {
        report(r) {
          const mark = r.status === 'built' ? c.green('✓') : c.red('✗');
          io.err(name === 'pretty' ? `${mark} ${r.input}${r.outputs.length ? c.dim(' → ' + r.outputs.join(', ')) : ''}` : plainLine(r));
          printDiagnostics(r.diagnostics);
        },
        done(result, seconds) {
          printDiagnostics(result.diagnostics);
          io.err(name === 'pretty' ? c.bold(summaryLine(result, seconds)) : summaryLine(result, seconds));
        },
      };
  }
}

function plainLine(r: ReportResult): string {
  return `${r.status} ${r.input}${r.outputs.length ? ' -> ' + r.outputs.join(' ') : ''}`;
}

function summary(result: BuildResult) {
  const all = [...result.diagnostics, ...result.reports.flatMap((r) => r.diagnostics)];
  return {
    built: result.reports.filter((r) => r.status === 'built').length,
    failed: result.reports.filter((r) => r.status === 'failed').length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

function summaryLine(result: BuildResult, seconds: number): string {
  const s = summary(result);
  return `${s.built} built, ${s.failed} failed, ${s.errors} errors, ${s.warnings} warnings in ${seconds.toFixed(2)}s`;
}
