// Which of the import's own marks a check's error points into (src/import/index.ts, marksAt): the
// mark an error lands in is taken back from that figure, and only from it.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { marksAt } from '../src/import/index.js';

/** An error at the `nth` place `needle` is found in `text`, `shift` characters on. */
function errorAt(text: string, needle: string, shift = 0, nth = 0): Diagnostic {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in the text`);
  index += shift;
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return { file: 'x.yaml', line, column, severity: 'error', ruleId: 'figures/breakdown-sum', reason: '' };
}

const ours = [
  { written: '5件', name: '案件数' },
  { written: '7人', name: '人数' },
  { written: '8件', name: '名"称' },
];
// A header comment and an indented comment hold marks like ours (examples, not figures); the
// paragraph holds a mark of the report's own between two of ours; a name YAML wrote escaped.
const TEXT = ['# 例：[5件|案件数]', 'a: 共[5件|案件数]，另[3件|旧的]', '  # 如 [7人|人数]', 'b: 有[7人|人数]', 'c: "[8件|名\\"称]"', ''].join('\n');
const at = (...errors: Diagnostic[]) => [...marksAt(TEXT, errors, ours)].sort();

describe('the mark an error points into', () => {
  it('is found from its first character to its last', () => {
    expect(at(errorAt(TEXT, '[5件', 0, 1))).toEqual([0]);
    expect(at(errorAt(TEXT, '案件数]', 3, 1))).toEqual([0]);
    expect(at(errorAt(TEXT, '[7人', 0, 1))).toEqual([1]);
    expect(at(errorAt(TEXT, '人数]', 2, 1))).toEqual([1]);
  });

  it('is none just before or just after a mark', () => {
    expect(at(errorAt(TEXT, '[5件', -1, 1))).toEqual([]);
    expect(at(errorAt(TEXT, '，另'))).toEqual([]);
    expect(at(errorAt(TEXT, '有'))).toEqual([]);
    expect(at({ ...errorAt(TEXT, 'b:'), column: 1 })).toEqual([]);
  });

  it('is not a mark in a comment, at the start of a line or indented', () => {
    expect(at(errorAt(TEXT, '[5件'))).toEqual([]);
    expect(at(errorAt(TEXT, '[7人'))).toEqual([]);
  });

  it('is not a mark the report held already, and ours after it are still counted', () => {
    expect(at(errorAt(TEXT, '[3件'))).toEqual([]);
    expect(at(errorAt(TEXT, '旧的]', 2))).toEqual([]);
    expect(at(errorAt(TEXT, '[8件'))).toEqual([2]);
  });

  it('takes a name YAML wrote escaped as ours', () => {
    expect(at(errorAt(TEXT, '称]'))).toEqual([2]);
  });

  it('gathers several errors, each mark once', () => {
    expect(at(errorAt(TEXT, '[8件'), errorAt(TEXT, '[5件', 0, 1), errorAt(TEXT, '件数]', 0, 1), errorAt(TEXT, '[3件'))).toEqual([0, 2]);
  });

  it('takes an error with no line or column as the file’s first character', () => {
    const text = '[5件|案件数] 之后\n';
    expect([...marksAt(text, [{ file: 'x.yaml', severity: 'error', ruleId: 'figures/breakdown-sum', reason: '' }], ours)]).toEqual([0]);
  });

  it('counts lines from a text that opens with an empty line', () => {
    const text = '\n\n# [5件|案件数]\na: [5件|案件数]\n';
    expect([...marksAt(text, [errorAt(text, '[5件', 0, 1)], ours)]).toEqual([0]);
    expect([...marksAt(text, [errorAt(text, '[5件')], ours)]).toEqual([]);
  });

  it('reads a mark at the very start of a line after a comment as in its own line', () => {
    const text = '# 说明\n[5件|案件数]\n';
    expect([...marksAt(text, [errorAt(text, '[5件')], ours)]).toEqual([0]);
  });

  it('is none before the first mark, however many follow', () => {
    const text = 'a: 前 [5件|案件数][7人|人数]\n';
    expect([...marksAt(text, [errorAt(text, '前')], ours)]).toEqual([]);
  });

  it('is not a mark of the same name holding another figure', () => {
    const text = 'a: [6件|案件数] [5件|案件数]\n';
    expect([...marksAt(text, [errorAt(text, '[6件')], ours)]).toEqual([]);
    expect([...marksAt(text, [errorAt(text, '[5件')], ours)]).toEqual([0]);
  });

  it('is none when the file holds no mark', () => {
    expect([...marksAt('a: 无\n', [errorAt('a: 无\n', '无')], ours)]).toEqual([]);
  });
});
