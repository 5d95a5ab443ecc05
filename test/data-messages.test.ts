// What a clerk is told for each kind of wrong value in a data file (src/load/index.ts): the rule,
// the place, what was written and what kind of value it is, and what to write instead. Each case
// is a data file with one thing wrong; each message is spelt out in full.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../src/i18n/index.js';
import { loadReport } from '../src/load/index.js';
import { MINIMAL } from './helpers.js';

const TOWNSHIP = /township:\n(?: {2}.*\n)+/;
const KEYS = '(name, kind, government, county, city, province)';

const message = (source: string) => loadReport('t.yaml', source).diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} | ${d.reason} | ${d.note}`);

afterEach(() => setLang('zh'));

describe('in English', () => {
  it.each<[string, string, string]>([
    ['an empty file', '', 'data/missing-field 1:1 | The data file is empty | Start from one of the files in examples/ and fill in your township (see README.en.md: The data file).'],
    ['a file holding only null', '~\n', 'data/missing-field 1:1 | The data file is empty | Start from one of the files in examples/ and fill in your township (see README.en.md: The data file).'],
    [
      'a block written as text',
      MINIMAL.replace(TOWNSHIP, 'township: 测试乡\n'),
      `data/wrong-type 1:11 | \`township\` is “测试乡” (text), but it should be a block of fields ${KEYS} | Indent the fields of \`township\` on the lines below it.`,
    ],
    [
      'a block written as a number',
      MINIMAL.replace(TOWNSHIP, 'township: 3\n'),
      `data/wrong-type 1:11 | \`township\` is 3 (a number), but it should be a block of fields ${KEYS} | Indent the fields of \`township\` on the lines below it.`,
    ],
    [
      'a block written as a list',
      MINIMAL.replace(TOWNSHIP, 'township: [a]\n'),
      `data/wrong-type 1:11 | \`township\` is ["a"] (a list), but it should be a block of fields ${KEYS} | Write a block of fields ${KEYS}.`,
    ],
    [
      'a block written as true',
      MINIMAL.replace(TOWNSHIP, 'township: true\n'),
      `data/wrong-type 1:11 | \`township\` is true (true/false), but it should be a block of fields ${KEYS} | Indent the fields of \`township\` on the lines below it.`,
    ],
    [
      'a block of more than six fields, written as a number',
      `${MINIMAL}achievements:\n  disputes: 3\n`,
      'data/wrong-type 8:13 | `achievements.disputes` is 3 (a number), but it should be a block of fields (heading, screenings, total, resolved, resolution_rate, petitions, …) | Indent the fields of `achievements.disputes` on the lines below it.',
    ],
    [
      'a year with its unit',
      MINIMAL.replace('year: 2025', 'year: 2025年'),
      'data/wrong-type 5:7 | `year` is “2025年” (text), but it should be a whole number such as 2025 | Write the number alone: 2025.',
    ],
    [
      'a year in words',
      MINIMAL.replace('year: 2025', 'year: 今年'),
      'data/wrong-type 5:7 | `year` is “今年” (text), but it should be a whole number such as 2025 | Write the number alone, without units.',
    ],
    ['a year too early', MINIMAL.replace('year: 2025', 'year: 1999'), 'data/invalid-value 5:7 | `year` is 1999: outside the range this field allows (≥ 2000) | Write a whole number such as 2025.'],
    ['a year too late', MINIMAL.replace('year: 2025', 'year: 2101'), 'data/invalid-value 5:7 | `year` is 2101: outside the range this field allows (≤ 2100) | Write a whole number such as 2025.'],
    [
      'a name written as a number',
      MINIMAL.replace('name: 测试乡', 'name: 12'),
      'data/wrong-type 2:9 | `township.name` is 12 (a number), but it should be text | Put the value in quotes if it is meant as text: "12".',
    ],
    ['an empty name', MINIMAL.replace('name: 测试乡', 'name: ""'), 'data/invalid-value 2:9 | `township.name` is “”: must not be empty | Write text.'],
    ['a kind not in the list', MINIMAL.replace('kind: 乡', 'kind: 村'), 'data/invalid-value 3:9 | `township.kind` is “村”: expected one of “乡”, “镇”, “街道” | Write one of “乡”, “镇”, “街道”.'],
    ['sealed written in words', `${MINIMAL}sealed: 是\n`, 'data/wrong-type 7:9 | `sealed` is “是” (text), but it should be true or false | Write true or false.'],
    [
      'parts written as text',
      `${MINIMAL}parts: 文字\n`,
      'data/wrong-type 7:8 | `parts` is “文字” (text), but it should be a list (lines starting with "- ") | Write a list (lines starting with "- ").',
    ],
    [
      'figures written as a list',
      `${MINIMAL}figures: [1]\n`,
      'data/wrong-type 7:10 | `figures` is [1] (a list), but it should be a block of “name: number” lines | Write a block of “name: number” lines.',
    ],
    [
      'a date in words',
      MINIMAL.replace('date: 2026-02-05', 'date: 二月五日'),
      'data/invalid-value 6:7 | `date` is “二月五日”: expected a date such as 2026-02-05 (or 2026年2月5日) | Write a date such as 2026-02-05.',
    ],
    ['a required field left out', MINIMAL.replace('year: 2025\n', ''), 'data/missing-field 1:1 | Required field `year` is missing | Add `year:` with a whole number such as 2025.'],
    [
      'a figure written as a list',
      `${MINIMAL}achievements:\n  disputes:\n    total: [1]\n`,
      'data/invalid-value 9:12 | `achievements.disputes.total` is [1]: expected a number such as 63, an approximate number such as 200余 or 约300, or a bound such as 95%以上 | Write a figure such as 63, 200余 or 95%以上.',
    ],
    ['text written as a list', `${MINIMAL}opening: [1]\n`, 'data/wrong-type 7:10 | `opening` is [1] (a list), but it should be text | Write text.'],
    ['text written as a block', `${MINIMAL}opening:\n  a: 1\n`, 'data/wrong-type 8:3 | `opening` is {"a":1} (a block of fields), but it should be text | Write text.'],
    [
      'a number YAML reads otherwise than it looks, which alone is said',
      `${MINIMAL}achievements:\n  disputes:\n    total: 0o17\n    resolved: 20\n`,
      'data/invalid-value 9:12 | `achievements.disputes.total` is written “0o17”, which YAML reads as 15 | Write numbers in decimal digits (95, 2025), or put the value in quotes if it is text.',
    ],
    [
      'a file in its own parts that also has the standard achievements',
      `${MINIMAL}parts:\n  - heading: 甲\n    body: 文字\nachievements:\n  disputes:\n    total: 3\n`,
      'data/invalid-value 10:1 | A file written in its own `parts` does not also have `achievements` | Move what `achievements:` holds into the part of `parts` it belongs to.',
    ],
  ])('%s', (_, source, expected) => {
    setLang('en');
    expect(message(source)).toEqual([expected]);
  });
});

it('leaves nothing to check further when a number is not written in decimal digits', () => {
  const loaded = loadReport('t.yaml', `${MINIMAL}achievements:\n  disputes:\n    total: 0o17\n    resolved: 20\n`);
  expect(loaded.data).toBeUndefined();
  expect(loaded.partial).toBeUndefined();
});

describe('in Chinese, fields named by their labels', () => {
  it.each<[string, string, string]>([
    [
      'a name written as a number',
      MINIMAL.replace('name: 测试乡', 'name: 12'),
      'data/wrong-type 2:9 | “乡镇（街道）名称”（township.name）写的是12（数字），应当写乡镇（街道）名称 | 如果是文字，请加引号："12"。',
    ],
    ['an empty name', MINIMAL.replace('name: 测试乡', 'name: ""'), 'data/invalid-value 2:9 | “乡镇（街道）名称”（township.name）写的是“”：不能空着 | 请写乡镇（街道）名称。'],
    ['text written as a list', `${MINIMAL}opening: [1]\n`, 'data/wrong-type 7:10 | “开头段”（opening）写的是[1]（列表），应当写开头段 | 请写开头段。'],
    [
      'a misspelt key, the suggestion with its label',
      `${MINIMAL}achievements:\n  disputes:\n    totl: 3\n`,
      'data/unknown-key 9:5 | “矛盾纠纷化解与信访”（achievements.disputes）下没有“totl”这个字段 | 是不是要写 “total”（排查调处矛盾纠纷）？',
    ],
    [
      'a block written as text',
      MINIMAL.replace(TOWNSHIP, 'township: 测试乡\n'),
      `data/wrong-type 1:11 | “乡镇（街道）身份”（township）写的是“测试乡”（文字），应当写一组字段（name, kind, government, county, city, province） | 把 “乡镇（街道）身份”（township） 的各个字段缩进写在它下面几行。`,
    ],
  ])('%s', (_, source, expected) => {
    setLang('zh');
    expect(message(source)).toEqual([expected]);
  });
});
