import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult, ReportResult } from '../src/batch/index.js';
import { formatDiagnostic, githubAnnotation, makeReporter, plainLine, REPORTERS, summaryLine, type Mode, type ReporterName } from '../src/cli/reporters.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { MINIMAL, runCli, tempDir } from './helpers.js';

// A reporter is the only view of a build: one that throws or stays silent must fail here, not
// pass as an ordinary exit code 1 (main() turns any exception into "unexpected failure", exit 1).

const warning: Diagnostic = { file: 'data/a.yaml', line: 7, column: 5, severity: 'warning', ruleId: 'writing/numbering-style', reason: '`plans.items` numbers with “（1）”', note: 'Write 1.' };
const error: Diagnostic = { file: 'data/b.yaml', line: 3, column: 9, endLine: 3, endColumn: 10, severity: 'error', ruleId: 'data/invalid-value', reason: '`township.kind` is “村”' };
const missing: Diagnostic = { file: 'gone.yaml', severity: 'error', ruleId: 'input/not-found', reason: 'No .yaml data file matches gone.yaml' };
const built: ReportResult = { input: 'data/a.yaml', status: 'built', outputs: ['out/a.md', 'out/a.docx'], diagnostics: [warning] };
const failed: ReportResult = { input: 'data/b.yaml', status: 'failed', outputs: [], diagnostics: [error] };
const unchanged: ReportResult = { input: 'data/c.yaml', status: 'unchanged', outputs: ['out/c.md'], diagnostics: [] };
const result: BuildResult = { reports: [built, failed, unchanged], diagnostics: [missing], ok: false, interrupted: false, manifest: undefined };

/** Runs a reporter through a whole build, recording what each call wrote. */
function drive(name: ReporterName, opts: { colors: boolean; progress: boolean; mode?: Mode }) {
  const out: string[] = [];
  const err: string[] = [];
  const raw: string[] = [];
  const reporter = makeReporter(name, { out: (s) => out.push(s), err: (s) => err.push(s), errRaw: (s) => raw.push(s) }, opts);
  const wrote = (call: () => void) => {
    const before = { out: out.length, err: err.length, raw: raw.length };
    call();
    return { out: out.slice(before.out), err: err.slice(before.err), raw: raw.slice(before.raw) };
  };
  const start = wrote(() => reporter.start({ total: result.reports.length, toBuild: 2 }));
  const reports = result.reports.map((r) => wrote(() => reporter.report(r)));
  const done = wrote(() => reporter.done(result, 1.5));
  return { out, err, raw, start, reports, done };
}

describe('reporters, called as a build calls them', () => {
  it.each(REPORTERS)('%s names every report and diagnostic and ends with the totals', (name) => {
    const run = drive(name, { colors: false, progress: false });
    const all = [...run.out, ...run.err].join('\n');
    for (const r of result.reports) expect(all).toContain(r.input);
    for (const d of [warning, error, missing]) expect(all).toContain(d.ruleId);
    expect(run.done.out.length + run.done.err.length, 'done() wrote nothing').toBeGreaterThan(0);
    if (name !== 'json') {
      // Text reporters print as they go, so a long build shows progress.
      for (const [i, r] of result.reports.entries()) expect(run.reports[i]!.err.join('\n'), `report(${r.input}) wrote nothing`).toContain(r.input);
      expect(run.err.at(-1)).toBe(summaryLine(result, 1.5));
    }
  });

  it('plain writes one plain line per report, then its diagnostics', () => {
    const run = drive('plain', { colors: false, progress: false });
    expect(run.reports.map((w) => w.err)).toEqual(result.reports.map((r) => [plainLine(r), ...r.diagnostics.map((d) => formatDiagnostic(d))]));
    expect(run.done.err).toEqual([formatDiagnostic(missing), summaryLine(result, 1.5)]);
    expect(run.out).toEqual([]);
  });

  it('github annotates every diagnostic on stdout and writes the plain lines on stderr', () => {
    const run = drive('github', { colors: false, progress: false });
    expect(run.out).toEqual([warning, error, missing].map(githubAnnotation));
    expect(run.reports.map((w) => w.err)).toEqual(result.reports.map((r) => [plainLine(r), ...r.diagnostics.map((d) => formatDiagnostic(d))]));
    expect(run.done.err).toEqual([formatDiagnostic(missing), summaryLine(result, 1.5)]);
  });

  it('json writes one document on stdout when done, and nothing before', () => {
    const run = drive('json', { colors: false, progress: false });
    expect([...run.start.out, ...run.reports.flatMap((w) => w.out)]).toEqual([]);
    expect(run.err).toEqual([]);
    expect(run.done.out).toHaveLength(1);
    const doc = JSON.parse(run.done.out[0]!);
    expect(doc).toMatchObject({ ok: false, interrupted: false, seconds: 1.5, manifest: null, reports: result.reports, diagnostics: [missing] });
    expect(doc.summary).toMatchObject({ built: 1, failed: 1, unchanged: 1, errors: 2, warnings: 1 });
  });

  it('pretty marks each report, lists its outputs and diagnostics, then the totals', () => {
    const run = drive('pretty', { colors: false, progress: false });
    expect(run.reports.map((w) => w.err)).toEqual([['✓ data/a.yaml → out/a.md, out/a.docx', formatDiagnostic(warning)], ['✗ data/b.yaml', formatDiagnostic(error)], ['= data/c.yaml']]);
    expect(run.done.err).toEqual([formatDiagnostic(missing), summaryLine(result, 1.5)]);
    expect(run.raw).toEqual([]);
  });

  it('pretty on a terminal redraws a progress bar and clears it before printing', () => {
    const run = drive('pretty', { colors: true, progress: true });
    expect(run.start.raw.join('')).toContain('0/3');
    expect(run.reports.at(-1)!.raw.join('')).toContain('3/3');
    // An unchanged report without diagnostics stays off the screen; the others are printed above the bar.
    expect(run.reports.map((w) => w.err.length)).toEqual([2, 2, 0]);
    expect(run.done.raw).toEqual(['\r\x1b[2K']);
    expect(run.done.err.at(-1)).toContain(summaryLine(result, 1.5));
  });

  it.each(['lint', 'verify'] as const)('the totals line counts what a %s run does', (mode) => {
    for (const name of ['pretty', 'plain', 'github'] as const) expect(drive(name, { colors: false, progress: false, mode }).err.at(-1)).toBe(summaryLine(result, 1.5, mode));
  });
});

describe('reporters in the command line', () => {
  function county(): string {
    const dir = tempDir('reporters-');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'good.yaml'), MINIMAL);
    writeFileSync(join(dir, 'data', 'bad.yaml'), MINIMAL.replace('kind: 乡', 'kind: 村'));
    return dir;
  }

  it.each(REPORTERS.flatMap((name) => [['build', name] as const, ['check', name] as const]))('%s --reporter %s reports every file and the totals, and does not crash', async (command, name) => {
    const dir = county();
    const r = await runCli([command, 'data', 'gone.yaml', ...(command === 'build' ? ['--out', 'out', '--format', 'md'] : []), '--reporter', name], dir);
    expect(r.stderr).not.toContain('unexpected failure');
    expect(r.code).toBe(1);
    const totals = command === 'build' ? /^1 built, 1 failed, 0 unchanged, 2 errors, \d+ warnings in [\d.]+s$/ : /^1 passed, 1 with errors, 2 errors, \d+ warnings in [\d.]+s$/;
    if (name === 'json') {
      const doc = JSON.parse(r.stdout);
      expect(doc.reports.map((x: ReportResult) => [x.input, x.status]).sort()).toEqual([
        ['data/bad.yaml', 'failed'],
        ['data/good.yaml', command === 'build' ? 'built' : 'checked'],
      ]);
      expect(doc.diagnostics.map((d: Diagnostic) => d.ruleId)).toEqual(['input/not-found']);
      return;
    }
    for (const file of ['data/good.yaml', 'data/bad.yaml']) expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/data\/bad\.yaml:3:9 +error +`township\.kind` is “村”/);
    expect(r.stderr).toMatch(/^gone\.yaml +error +No such file or folder: gone\.yaml +input\/not-found$/m);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(totals);
    if (name === 'github') {
      expect(r.stdout).toMatch(/^::error file=data\/bad\.yaml,line=3,col=9,endLine=3,title=data\/invalid-value::/m);
      expect(r.stdout).toMatch(/^::error file=gone\.yaml,title=input\/not-found::No such file or folder/m);
    }
  });
});

describe('one diagnostic as each reporter writes it', () => {
  const info: Diagnostic = {
    file: 'data/a,b:c.yaml',
    line: 2,
    severity: 'info',
    ruleId: 'input/skipped',
    reason: '100% done\r\nnext',
    related: [
      { file: 'data/total.yaml', line: 4, message: 'the total' },
      { file: 'data/other.yaml', message: 'the other file' },
    ],
  };

  it('in plain text: column 1 when none is known, a place of its own for each related one', () => {
    expect(formatDiagnostic(info)).toBe('data/a,b:c.yaml:2:1  info  100% done\r\nnext  input/skipped\n  ↳ data/total.yaml:4:1: the total\n  ↳ data/other.yaml: the other file');
  });

  it('for GitHub: a notice, with %, CR and LF escaped in the message and : and , too in the properties', () => {
    expect(githubAnnotation(info)).toBe('::notice file=data/a%2Cb%3Ac.yaml,line=2,col=1,title=input/skipped::100%25 done%0D%0Anext');
    expect(githubAnnotation({ ...warning, note: 'a: b, c' })).toBe('::warning file=data/a.yaml,line=7,col=5,title=writing/numbering-style::`plans.items` numbers with “（1）”%0Aa: b, c');
  });

  it('closes an interrupted build saying so', () => {
    expect(summaryLine({ ...result, interrupted: true }, 2)).toMatch(/ \(interrupted\)$/);
    expect(summaryLine(result, 2)).not.toMatch(/interrupted/);
  });
});

describe('the pretty reporter’s progress bar', () => {
  const r = (input: string, status: ReportResult['status'], diagnostics: Diagnostic[] = []): ReportResult => ({ input, status, outputs: [], diagnostics });

  function bar(reports: ReportResult[], total = reports.length) {
    const raw: string[] = [];
    const err: string[] = [];
    const reporter = makeReporter('pretty', { out: () => {}, err: (s) => err.push(s), errRaw: (s) => raw.push(s) }, { colors: false, progress: true });
    reporter.start({ total, toBuild: total });
    const bars = [raw.at(-1)];
    for (const x of reports) {
      reporter.report(x);
      bars.push(raw.at(-1));
    }
    return { bars, err };
  }

  it('fills in proportion and counts built, checked and current as built, failed and stale as failed', () => {
    const { bars } = bar([r('a', 'built'), r('b', 'current'), r('c', 'checked'), r('d', 'unchanged'), r('e', 'failed'), r('f', 'stale')]);
    expect(bars).toEqual([
      `\r\x1b[2K[${'░'.repeat(30)}] 0/6  0 built  0 failed  0 unchanged`,
      `\r\x1b[2K[${'█'.repeat(5)}${'░'.repeat(25)}] 1/6  1 built  0 failed  0 unchanged`,
      `\r\x1b[2K[${'█'.repeat(10)}${'░'.repeat(20)}] 2/6  2 built  0 failed  0 unchanged`,
      `\r\x1b[2K[${'█'.repeat(15)}${'░'.repeat(15)}] 3/6  3 built  0 failed  0 unchanged`,
      `\r\x1b[2K[${'█'.repeat(20)}${'░'.repeat(10)}] 4/6  3 built  0 failed  1 unchanged`,
      `\r\x1b[2K[${'█'.repeat(25)}${'░'.repeat(5)}] 5/6  3 built  1 failed  1 unchanged`,
      `\r\x1b[2K[${'█'.repeat(30)}] 6/6  3 built  2 failed  1 unchanged`,
    ]);
  });

  it('shows the failed count in red once there is one, on a terminal with colours', () => {
    const raw: string[] = [];
    const reporter = makeReporter('pretty', { out: () => {}, err: () => {}, errRaw: (s) => raw.push(s) }, { colors: true, progress: true });
    reporter.start({ total: 2, toBuild: 2 });
    reporter.report(r('a', 'built'));
    expect(raw.at(-1)).toContain('  0 failed  ');
    reporter.report(r('b', 'failed'));
    expect(raw.at(-1)).toContain('  \x1b[31m1 failed\x1b[39m  ');
  });

  it('is not drawn for a build of nothing', () => {
    expect(bar([], 0).bars).toEqual([undefined]);
  });

  it('marks a stale output as failed, and keeps a report without problems off the screen in a batch of more than twenty', () => {
    const few = bar([r('a.yaml', 'stale'), r('b.yaml', 'built')]);
    expect(few.err).toEqual(['✗ a.yaml', '✓ b.yaml']);
    const twenty = bar(Array.from({ length: 20 }, (_, i) => r(`t${i}.yaml`, 'built')));
    expect(twenty.err).toHaveLength(20);
    const more = bar([...Array.from({ length: 20 }, (_, i) => r(`t${i}.yaml`, 'built')), r('w.yaml', 'built', [warning])]);
    expect(more.err).toEqual(['✓ w.yaml', formatDiagnostic(warning)]);
  });
});

describe('colours and times in the other reporters', () => {
  it('are never written by the plain and github reporters, and the json reporter gives seconds to the millisecond', () => {
    for (const name of ['plain', 'github'] as const) {
      const err: string[] = [];
      const reporter = makeReporter(name, { out: () => {}, err: (s) => err.push(s) }, { colors: true, progress: false });
      reporter.report({ input: 'a.yaml', status: 'failed', outputs: [], diagnostics: [error] });
      expect(err.join('\n')).not.toContain('\x1b[');
    }
    const out: string[] = [];
    makeReporter('json', { out: (s) => out.push(s), err: () => {} }, { colors: false, progress: false }).done(result, 1.23456);
    expect(JSON.parse(out[0]!).seconds).toBe(1.235);
  });
});
