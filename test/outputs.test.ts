// The write step of one report: where its outputs go, what no report may take, what the dashboard keeps of its problems.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledReport } from '../src/batch/compile.js';
import { isInsideFolder, isRollupName, writeReport } from '../src/batch/outputs.js';
import { settle } from '../src/batch/settings.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { MINIMAL, tempDir } from './helpers.js';

function report(dir: string, outStem: string, diagnostics: Diagnostic[] = [], md = '# 报告\n'): CompiledReport {
  const path = join(dir, 'data', `${outStem}.yaml`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(path, MINIMAL);
  return {
    todo: { input: { path, display: `data/${outStem}.yaml`, outStem } },
    sourceHash: '',
    result: { id: 0, diagnostics, outputs: { md: new TextEncoder().encode(md) }, summary: undefined, dependencies: [] },
    dependencies: [],
  };
}

const at = (severity: 'error' | 'warning' | 'info', line?: number, column?: number): Diagnostic => ({
  file: 'x.yaml',
  severity,
  ruleId: 'writing/year-style',
  reason: `${severity} ${line ?? '-'}`,
  ...(line !== undefined ? { line } : {}),
  ...(column !== undefined ? { column } : {}),
});

describe('a path inside the output folder', () => {
  it.each([
    ['a.md', true],
    ['sub/a.md', true],
    ['..x/a.md', true],
    ['sub/../a.md', true],
    ['', false],
    ['.', false],
    ['..', false],
    ['../a.md', false],
    ['sub/../../a.md', false],
    ['/etc/a.md', false],
  ])('%j is inside: %s', (rel, inside) => {
    expect(isInsideFolder('/county/out', rel)).toBe(inside);
  });
});

describe('the county’s own files in the output folder', () => {
  it.each([
    ['summary.md', true],
    ['summary.html', true],
    ['summary.csv', true],
    ['SUMMARY.XLSX', true],
    ['index.html', true],
    ['manifest.json', true],
    ['manifest.shard-12-of-34.json', true],
    ['.report.lock', true],
    ['summary.txt', false],
    ['sub/summary.md', false],
    ['index.htm', false],
    ['manifest.shard-1-of-.json', false],
    ['manifest.shard--of-2.json', false],
    ['my-summary.md', false],
    ['summary.md.bak', false],
  ])('%j is one: %s', (rel, reserved) => {
    expect(isRollupName(rel)).toBe(reserved);
  });
});

describe('writing one report', () => {
  it('keeps its first ten problems for the dashboard, errors first, each group in the order of the file, and no notes', () => {
    const dir = tempDir('outputs-');
    const diagnostics = [at('warning', 1, 3), at('info', 2), at('error', 5), at('warning'), ...Array.from({ length: 9 }, (_, i) => at('error', 10 + i, 2))];
    const settled = writeReport(settle({ cwd: dir, outDir: 'out', formats: ['md'] }), report(dir, 'a', diagnostics), new Map());
    expect(settled.result.status).toBe('failed');
    expect(settled.entry!.errors).toBe(10);
    expect(settled.entry!.warnings).toBe(2);
    expect(settled.entry!.problems.map((p) => [p.severity, p.line, p.column])).toEqual([['error', 5, 1], ...Array.from({ length: 9 }, (_, i) => ['error', 10 + i, 2])]);
    const warnings = writeReport(settle({ cwd: dir, outDir: 'out', formats: ['md'] }), report(dir, 'b', [at('info', 1), at('warning'), at('warning', 4, 2)]), new Map());
    expect(warnings.result.status).toBe('built');
    expect(warnings.entry!.problems).toEqual([
      { severity: 'warning', ruleId: 'writing/year-style', reason: 'warning -' },
      { severity: 'warning', ruleId: 'writing/year-style', line: 4, column: 2, reason: 'warning 4' },
    ]);
  });

  it('fails a report whose output another report writes, or that is one of the county’s files, counting the error', () => {
    const dir = tempDir('outputs-');
    const settings = settle({ cwd: dir, outDir: 'out', formats: ['md'] });
    const claimed = new Map<string, string>([['a.md', 'data/other.yaml']]);
    const taken = writeReport(settings, report(dir, 'a', [at('warning', 1)]), claimed);
    expect(taken.result.diagnostics.map((d) => [d.ruleId, d.reason])).toEqual([
      ['writing/year-style', 'warning 1'],
      ['output/collision', 'This report would be written to out/a.md, which data/other.yaml already writes'],
    ]);
    expect([taken.entry!.errors, taken.entry!.warnings]).toEqual([1, 1]);
    const again = writeReport(settings, report(dir, 'b'), new Map([['b.md', 'data/b.yaml']]));
    expect(again.result.status).toBe('built');
    const county = writeReport(settings, report(dir, 'summary'), new Map());
    expect(county.result.diagnostics.map((d) => [d.ruleId, d.reason])).toEqual([['output/collision', "This report would be written to out/summary.md, which is the county roll-up's file"]]);
    expect(existsSync(join(dir, 'out', 'summary.md'))).toBe(false);
  });
});
