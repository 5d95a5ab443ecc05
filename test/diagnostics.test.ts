import { describe, expect, it } from 'vitest';
import { compareDiagnostics, diagnostic, hasErrors, quote, systemError, type Diagnostic } from '../src/diagnostics/index.js';
import { setLang } from '../src/i18n/index.js';

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
    ['x'.repeat(80), `“${'x'.repeat(80)}”`],
    ['x'.repeat(100), `“${'x'.repeat(79)}…”`],
    ['一'.repeat(1_000_000), `“${'一'.repeat(79)}…”`],
    // Cut between characters, never inside one written with two code units.
    ['𠀀'.repeat(100), `“${'𠀀'.repeat(79)}…”`],
    [Array.from({ length: 40 }, (_, i) => i), `${JSON.stringify(Array.from({ length: 40 }, (_, i) => i)).slice(0, 79)}…`],
    [Array.from({ length: 20 }, () => 1), JSON.stringify(Array.from({ length: 20 }, () => 1))],
    [10n, '10'],
  ])('%s → %s', (value, text) => {
    expect(quote(value)).toBe(text);
  });

  it('a value of exactly 80 characters is kept whole, 81 is cut', () => {
    const eighty = ['a'.repeat(76)];
    expect(JSON.stringify(eighty)).toHaveLength(80);
    expect(quote(eighty)).toBe(JSON.stringify(eighty));
    const more = ['a'.repeat(77)];
    expect(quote(more)).toBe(`${JSON.stringify(more).slice(0, 79)}…`);
  });

  it('control characters and direction overrides in a message are shown by their code, never sent to the terminal', () => {
    const d = diagnostic('a\u001b[2J.yaml', { ruleId: 'data/invalid-value', reason: `\`x\` is ${quote('红\u001b[31m\u202e字\u0007')}`, note: 'tab\there' });
    expect(d.file).toBe('a⟨U+001B⟩[2J.yaml');
    expect(d.reason).toBe('`x` is “红⟨U+001B⟩[31m⟨U+202E⟩字⟨U+0007⟩”');
    expect(d.note).toBe('tab⟨U+0009⟩here');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not be printed
    expect(`${d.file}${d.reason}${d.note}`).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});

describe('systemError', () => {
  it('says a common system error in words, with its file, and gives the first line of any other', () => {
    try {
      setLang('en');
      expect(systemError(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC', path: '/out/a.docx' }))).toBe('the disk is full（/out/a.docx）');
      expect(systemError(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }))).toBe('the disk is full');
      expect(systemError(Object.assign(new Error('first line\nsecond line'), { code: 'EWHATEVER' }))).toBe('first line');
      expect(systemError('a thrown string\nmore')).toBe('a thrown string');
      expect(systemError(undefined)).toBe('undefined');
      expect(systemError({ message: '' })).toBe('');
    } finally {
      setLang('zh');
    }
  });
});
