// The loader's checks of single values (src/load): dates, keys and values holding what no document
// may hold, keys that could reach an object's prototype, and the part a heading names.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../src/i18n/index.js';
import { loadReport } from '../src/load/index.js';
import { partOf } from '../src/load/part-of.js';
import { withoutForbidden } from '../src/load/values.js';
import { MINIMAL } from './helpers.js';

beforeEach(() => setLang('en'));
afterEach(() => setLang('zh'));

const load = (source: string) => {
  const l = loadReport('t.yaml', source);
  return { data: l.data, found: l.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.reason}`) };
};
const dated = (date: string, year = 2025) => MINIMAL.replace('date: 2026-02-05', `date: ${date}`).replace('year: 2025', `year: ${year}`);

describe('dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-02-00', '2025-02-29', '2026-00-10', '2026-12-32'])('%s is not a day of the calendar', (date) => {
    expect(load(dated(date)).found).toEqual([`data/invalid-value 6:7 \`date\` is “${date}”: not a day of the calendar`]);
  });

  it.each([
    ['2024-02-29', '2024-02-29', 2023],
    ['2026年2月5日', '2026-02-05', 2025],
    ['" 2026年2月5日 "', '2026-02-05', 2025],
    ['2026/2/5', '2026-02-05', 2025],
    ['2026.12.31', '2026-12-31', 2025],
  ])('%s is %s', (date, iso, year) => {
    const r = load(dated(date, year));
    expect(r.found).toEqual([]);
    expect(r.data?.date).toBe(iso);
  });
});

describe('keys and values', () => {
  it('refuses a __proto__ key at the top and inside a block, and pollutes nothing', () => {
    const r = load(`${MINIMAL}__proto__:\n  polluted: 1\nachievements:\n  __proto__:\n    polluted: 1\n`);
    expect(r.found).toEqual(['data/unknown-key 7:1 `__proto__` is not a field the data file knows', 'data/unknown-key 10:3 `achievements.__proto__` is not a field the data file knows']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('takes a character no document may hold out of a list item, saying where', () => {
    const r = load(`${MINIMAL}shortcomings:\n  - problem: "执法\\u0007不足"\n`);
    expect(r.found).toEqual(['data/control-character 8:14 `shortcomings[0].problem` holds a character no document may hold (U+0007); it was left out']);
    expect(r.data?.shortcomings?.[0]?.problem).toBe('执法不足');
  });

  it('takes it out of a key, which then names its field', () => {
    const r = load(`${MINIMAL}"open\\u0007ing": 文字\n`);
    expect(r.found).toEqual(['data/control-character 7:1 The key `open⟨U+0007⟩ing` holds characters no document may hold (U+0007); they were left out']);
    expect((r.data as { opening?: string } | undefined)?.opening).toBe('文字');
  });

  it('checks a block used twice through an alias once, cleaning both uses', () => {
    const r = load(`${MINIMAL}shortcomings:\n  - &a\n    problem: "甲\\u0007"\n  - *a\n`);
    expect(r.found).toHaveLength(1);
    expect(r.data?.shortcomings?.map((s) => s.problem)).toEqual(['甲', '甲']);
  });
});

describe('withoutForbidden', () => {
  it('takes out what no document may hold and keeps line breaks, tabs and whole surrogate pairs', () => {
    expect(withoutForbidden('甲\u0007乙\u000B丙\u007F丁\uFFFE')).toBe('甲乙丙丁');
    expect(withoutForbidden('a\tb\nc\r\n😀')).toBe('a\tb\nc\r\n😀');
    expect(withoutForbidden('x\uD800y\uDC00z')).toBe('xyz');
  });

  it('takes out exactly the characters no document may hold, whatever the text', () => {
    // The same, code point by code point: controls but tab and line breaks, DEL and C1, noncharacters, lone surrogates.
    const forbidden = (c: number) =>
      (c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || (c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    const reference = (text: string) => [...text].filter((ch) => !forbidden(ch.codePointAt(0)!)).join('');
    const unit = fc.oneof(
      fc.constantFrom(
        '甲',
        'a',
        '\t',
        '\n',
        '\r',
        '\u0000',
        '\u0007',
        '\u000B',
        '\u001F',
        '\u007F',
        '\u0085',
        '\u009F',
        '\u00A0',
        '\uFDD0',
        '\uFDEF',
        '\uFDF0',
        '\uFFFD',
        '\uFFFE',
        '\uFFFF',
        '\uD800',
        '\uDBFF',
        '\uDC00',
        '\uDFFF',
        '😀',
        '\u202E',
      ),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        expect(withoutForbidden(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the part a heading names', () => {
  it.each<[string | null, number]>([
    ['履行法治建设职责情况', 3],
    ['党政主要负责人', 3],
    ['第一责任人', 3],
    ['存在问题', 2],
    ['存在的主要问题', 2],
    ['问题和不足', 2],
    ['工作短板', 2],
    ['下一步工作安排', 4],
    ['2026年工作思路', 4],
    ['其他需要报告的情况', 5],
    ['主要举措和成效', 1],
    ['', 1],
    [null, 1],
  ])('%s → %i', (heading, part) => {
    expect(partOf(heading)).toBe(part);
  });
});
