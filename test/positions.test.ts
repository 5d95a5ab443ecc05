import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Locator, pathString } from '../src/yaml/positions.js';

const SOURCE = ['township:', '  name: 金坪乡', '  kind: 乡', 'plans:', '  - 第一项', '  - text: 第二项', 'empty:', "'7': 数字键", ''].join('\n');

function locator(source = SOURCE): Locator {
  const lines = new LineCounter();
  return new Locator(parseDocument(source, { lineCounter: lines }), lines);
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
