import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Locator, pathString } from '../src/yaml/positions.js';

const SOURCE = ['township:', '  name: 金坪乡', '  kind: 乡', 'plans:', '  - 第一项', '  - text: 第二项', 'empty:', "'7': 数字键", ''].join('\n');

function locator(source = SOURCE): Locator {
  const lines = new LineCounter();
  return new Locator(parseDocument(source, { lineCounter: lines }), lines, source);
}
const at = (s: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined) => (s ? `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}` : 'none');

describe('positions of fields in a YAML file', () => {
  const l = locator();

  it('finds a value by its path through mappings and lists', () => {
    expect(at(l.value(['township', 'name']))).toBe('2:9-2:12');
    expect(at(l.value(['plans', 0]))).toBe('5:5-5:8');
    expect(at(l.value(['plans', 1, 'text']))).toBe('6:11-6:14');
    expect(at(l.value([7]))).toBe('8:6-8:9');
    expect(at(l.value(['7']))).toBe('8:6-8:9');
  });

  it('falls back to the nearest parent that is there, and to nothing without a document', () => {
    expect(at(l.value(['township', 'county']))).toBe('2:3-4:1');
    expect(at(l.value(['plans', 5, 'text']))).toBe('5:3-7:1');
    expect(at(l.value(['plans', 'name']))).toBe('5:3-7:1');
    expect(at(l.value(['township', 'name', 'deeper']))).toBe('2:9-2:12');
    // An empty value is there, at the end of its key.
    expect(at(l.value(['empty', 'x']))).toBe('7:7-7:7');
    expect(at(locator('').value(['x']))).toBe('none');
  });

  it('an entry without a value is not there (a flow block { x })', () => {
    expect(locator('b: {x}\n').node(['b', 'x'])).toBeUndefined();
    expect(locator('b: {x}\n').node(['b'])).toBeDefined();
  });

  it('finds a piece of text inside a value, or else the value itself', () => {
    const w = locator('a: 召开会议三次\nb: 会议\n');
    expect(at(w.within(['a'], '会议'))).toBe('1:6-1:8');
    // At the very end of the value, and a value that starts the file.
    expect(at(w.within(['a'], '三次'))).toBe('1:8-1:10');
    expect(at(locator('会议三次').within([], '会议'))).toBe('1:1-1:3');
    // Not in the value as written: the value's place, never a later value's.
    expect(at(w.within(['a'], '会议三次。'))).toBe('1:4-1:10');
    expect(at(locator('a: "会\\u8bae"\nb: 会议\n').within(['a'], '会议'))).toBe('1:4-1:13');
    expect(at(w.within(['a'], ''))).toBe('1:4-1:10');
    // Nor a comment right after it.
    expect(at(locator('a: 召开 #会议\n').within(['a'], '会议'))).toBe('1:4-1:6');
    expect(at(w.within(['nothing'], '会议'))).toBe('1:1-3:1');
  });

  it('finds the key of an entry', () => {
    expect(at(l.key(['township'], 'kind'))).toBe('3:3-3:7');
    expect(at(l.key(['township'], 'county'))).toBe('none');
    expect(at(l.key(['plans'], 'text'))).toBe('none');
  });

  it('turns offsets into lines and columns counted from 1', () => {
    expect(l.pos(0)).toEqual({ line: 1, column: 1 });
    expect(l.pos(SOURCE.indexOf('name'))).toEqual({ line: 2, column: 3 });
    expect(l.span(null)).toBeUndefined();
    expect(l.span(undefined)).toBeUndefined();
  });
});

describe('field paths as messages show them', () => {
  it.each([
    [[], ''],
    [['township'], 'township'],
    [['township', 'name'], 'township.name'],
    [['plans', 2], 'plans[2]'],
    [['plans', 2, 'text'], 'plans[2].text'],
    [[0, 'a'], '[0].a'],
  ] as const)('%j → %s', (path, text) => {
    expect(pathString(path)).toBe(text);
  });
});
