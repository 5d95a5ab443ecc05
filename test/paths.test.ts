import { describe, expect, it } from 'vitest';
import { shardOf, inShard } from '../src/batch/shard.js';
import { checkPattern, DEFAULT_PATTERN, outputPath, safeName } from '../src/batch/paths.js';
import type { ReportSummary } from '../src/compile/summary.js';

const SUMMARY: ReportSummary = {
  township: '金坪乡',
  kind: '乡',
  county: '城口县',
  city: '重庆市',
  province: '重庆市',
  government: '金坪乡人民政府',
  year: 2025,
  title: '金坪乡人民政府2025年法治政府建设年度报告',
  figures: {},
  recorded: {},
  previous: null,
};

describe('--out-pattern', () => {
  it.each([
    ['{dir}/{name}.{ext}', undefined],
    ['{year}/{county}/{city}/{province}/{kind}/{township}.{ext}', undefined],
    ['{ext}', undefined],
    ['{town}.{ext}', 'unknown placeholder {town} in --out-pattern; use {dir} {name} {ext} {year} {county} {city} {province} {township} {kind}'],
    ['{town}/{}.{ext}', 'unknown placeholder {town}, {} in --out-pattern; use {dir} {name} {ext} {year} {county} {city} {province} {township} {kind}'],
    ['{year}/{township}.docx', '--out-pattern must contain {ext}, or the formats would overwrite each other'],
    ['/srv/{township}.{ext}', '--out-pattern must stay inside the output folder'],
    ['../{township}.{ext}', '--out-pattern must stay inside the output folder'],
    ['a/../../{township}.{ext}', '--out-pattern must stay inside the output folder'],
    ['a..b/{township}.{ext}', undefined],
  ])('%s: %s', (pattern, message) => {
    expect(checkPattern(pattern)).toBe(message);
  });

  it('mirrors the input tree by default', () => {
    expect(outputPath(DEFAULT_PATTERN, 'towns/jinping-2025', 'docx', SUMMARY)).toBe('towns/jinping-2025.docx');
    expect(outputPath(DEFAULT_PATTERN, 'a/b/jinping-2025', 'md', undefined)).toBe('a/b/jinping-2025.md');
    // An input at the top: no empty folder, no leading slash.
    expect(outputPath(DEFAULT_PATTERN, 'jinping-2025', 'html', SUMMARY)).toBe('jinping-2025.html');
  });

  it('fills each placeholder from the report', () => {
    expect(outputPath('{year}/{province}/{city}/{county}/{kind}/{township}.{ext}', 'x/y', 'md', SUMMARY)).toBe('2025/重庆市/重庆市/城口县/乡/金坪乡.md');
    expect(outputPath('{name}-{dir}.{ext}', 'x/y', 'md', SUMMARY)).toBe('y-x.md');
  });

  it('leaves out what a report has not got, and skips empty and "." folders', () => {
    const bare = { ...SUMMARY, city: null, province: null };
    expect(outputPath('{province}/{city}/{county}/./{township}.{ext}', 'x', 'md', bare)).toBe('城口县/金坪乡.md');
    expect(outputPath('{year}/{county}/{name}.{ext}', 'x', 'md', undefined)).toBe('x.md');
  });

  it('makes each value a safe file name: no separators, reserved or control characters, never empty', () => {
    const odd = { ...SUMMARY, township: 'a/b\\c:d*e?f"g<h>i|j\u0001k\u001fl', county: '  ', kind: ' 乡 ' };
    expect(outputPath('{county}/{kind}/{township}.{ext}', 'x', 'md', odd)).toBe('_/乡/a_b_c_d_e_f_g_h_i_j_k_l.md');
  });
});

describe('a value as a file name', () => {
  it.each([
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['LPT²', '_LPT²'],
    ['aux', '_aux'],
    ['prn.yaml', '_prn.yaml'],
    ['console', 'console'],
    ['xcon', 'xcon'],
    ['com', 'com'],
    ['comx', 'comx'],
    ['..', '_'],
    ['. 金坪乡 .', '金坪乡'],
  ])('%j is %j', (value, name) => {
    expect(safeName(value)).toBe(name);
  });

  it('keeps the input’s folders and name, with control and direction characters made _', () => {
    expect(outputPath(DEFAULT_PATTERN, 'a\u0001b/c\u202ed', 'md', SUMMARY)).toBe('a_b/c_d.md');
  });

  it('gives nothing for a placeholder of the report when there is no report, nor for one it does not know', () => {
    expect(outputPath('{kind}/{township}/{other}{name}.{ext}', 'x', 'md', undefined)).toBe('x.md');
  });
});

describe('--shard', () => {
  const inputs = Array.from({ length: 60 }, (_, i) => ({ path: `/d/t${i}.yaml`, display: `data/t${i}.yaml`, outStem: `t${i}` }));

  it('puts each input in exactly one shard, every shard getting some', () => {
    const shards = [1, 2, 3].map((index) => inShard(inputs, { index, count: 3 }));
    expect(
      shards
        .flat()
        .map((i) => i.display)
        .sort(),
    ).toEqual(inputs.map((i) => i.display).sort());
    for (const s of shards) expect(s.length).toBeGreaterThan(5);
  });

  it('decides by the path alone, so adding a file moves no other', () => {
    const before = inputs.map((i) => shardOf(i.display, 4));
    expect(before.every((s) => s >= 1 && s <= 4)).toBe(true);
    expect(new Set(before).size).toBe(4);
    const more = [...inputs, { path: '/d/new.yaml', display: 'data/new.yaml', outStem: 'new' }];
    expect(more.slice(0, inputs.length).map((i) => shardOf(i.display, 4))).toEqual(before);
  });

  it('keeps every input without a shard', () => {
    const all = inShard(inputs, undefined);
    expect(all).toEqual(inputs);
    expect(all).not.toBe(inputs);
  });
});
