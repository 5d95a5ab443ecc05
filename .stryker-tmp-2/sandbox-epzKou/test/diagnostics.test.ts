// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, diagnostic, hasErrors, quote, type Diagnostic } from '../src/diagnostics/index.js';

describe('diagnostics', () => {
  it('take their rule’s severity unless told, and keep only what is given', () => {
    expect(diagnostic('a.yaml', { ruleId: 'data/wrong-type', reason: 'r' })).toEqual({ file: 'a.yaml', severity: 'error', ruleId: 'data/wrong-type', reason: 'r' });
    expect(diagnostic('a.yaml', { ruleId: 'regulation/late-date', reason: 'r' }).severity).toBe('warning');
    expect(diagnostic('a.yaml', { ruleId: 'regulation/late-date', reason: 'r', severity: 'error' }).severity).toBe('error');
    const full = diagnostic('a.yaml', {
      ruleId: 'figures/part-exceeds-total',
      reason: 'r',
      note: 'n',
      start: { line: 2, column: 3 },
      end: { line: 2, column: 9 },
      related: [{ file: 'a.yaml', line: 1, column: 1, message: 'm' }],
    });
    expect(full).toEqual({
      file: 'a.yaml',
      severity: 'error',
      ruleId: 'figures/part-exceeds-total',
      reason: 'r',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 9,
      note: 'n',
      related: [{ file: 'a.yaml', line: 1, column: 1, message: 'm' }],
    });
    expect(diagnostic('a.yaml', { ruleId: 'data/wrong-type', reason: 'r', note: '', related: [] })).not.toHaveProperty('related');
    expect(diagnostic('a.yaml', { ruleId: 'data/wrong-type', reason: 'r', note: '' })).not.toHaveProperty('note');
  });

  it('sort by file, then line, then column; those without a position first', () => {
    const d = (file: string, line?: number, column?: number): Diagnostic => ({
      file,
      ...(line === undefined ? {} : { line, column: column ?? 1 }),
      severity: 'error',
      ruleId: 'data/wrong-type',
      reason: `${file}:${line}:${column}`,
    });
    const list = [d('b.yaml', 1, 1), d('a.yaml', 10, 2), d('a.yaml', 2, 30), d('a.yaml', 2, 4), d('a.yaml'), d('a.yaml', 10, 1), d('c.yaml', 1, 1)];
    expect([...list].sort(compareDiagnostics).map((x) => x.reason)).toEqual(['a.yaml:undefined:undefined', 'a.yaml:2:4', 'a.yaml:2:30', 'a.yaml:10:1', 'a.yaml:10:2', 'b.yaml:1:1', 'c.yaml:1:1']);
    expect(compareDiagnostics(d('a.yaml', 3, 3), d('a.yaml', 3, 3))).toBe(0);
    expect(compareDiagnostics(d('b.yaml', 1, 1), d('a.yaml', 9, 9))).toBe(1);
    expect(compareDiagnostics(d('a.yaml', 9, 9), d('b.yaml', 1, 1))).toBe(-1);
  });

  it('tell whether any is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([diagnostic('a', { ruleId: 'regulation/late-date', reason: 'r' })])).toBe(false);
    expect(hasErrors([diagnostic('a', { ruleId: 'regulation/late-date', reason: 'r' }), diagnostic('a', { ruleId: 'data/wrong-type', reason: 'r' })])).toBe(true);
  });
});

describe('values quoted in messages', () => {
  it.each<[unknown, string]>([
    ['二〇二五', '“二〇二五”'],
    ['', '“”'],
    [undefined, 'nothing'],
    [null, 'null'],
    [2025, '2025'],
    [true, 'true'],
    [[1, 2], '[1,2]'],
    [{ a: 1 }, '{"a":1}'],
    ['x'.repeat(100), `“${'x'.repeat(100)}”`],
    [Array.from({ length: 30 }, (_, i) => i), `${JSON.stringify(Array.from({ length: 30 }, (_, i) => i)).slice(0, 57)}…`],
    [Array.from({ length: 20 }, () => 1), JSON.stringify(Array.from({ length: 20 }, () => 1))],
    [10n, '10'],
  ])('%s → %s', (value, text) => {
    expect(quote(value)).toBe(text);
  });

  it('a value of exactly 60 characters is kept whole, 61 is cut', () => {
    const sixty = ['a'.repeat(56)];
    expect(JSON.stringify(sixty)).toHaveLength(60);
    expect(quote(sixty)).toBe(JSON.stringify(sixty));
    const more = ['a'.repeat(57)];
    expect(quote(more)).toBe(`${JSON.stringify(more).slice(0, 57)}…`);
  });
});
