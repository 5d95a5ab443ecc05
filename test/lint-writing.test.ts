import { afterEach, describe, expect, it } from 'vitest';
import { applyFixes } from '../src/cli/fix-command.js';
import { compile } from '../src/compile/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { lint, type RequiredPart } from '../src/lint/index.js';
import { loadReport } from '../src/load/index.js';
import { setLang } from '../src/i18n/index.js';
import { MINIMAL, standardPack } from './helpers.js';

/** The findings of one writing rule for a data file: MINIMAL and `more` (its line 7 on). */
async function findings(more: string, rule: string): Promise<Diagnostic[]> {
  const r = await compile('a.yaml', `${MINIMAL}${more}`, standardPack(), { formats: [] });
  return r.diagnostics.filter((d) => d.ruleId === rule);
}
const at = (d: Diagnostic) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
/** The data file after `report fix` has made the findings' corrections. */
const fixed = (more: string, found: Diagnostic[]) => applyFixes(`${MINIMAL}${more}`, found).text.slice(MINIMAL.length);

describe('writing/numbered-heading: a heading written with its number', () => {
  it.each([
    ['十二、强化组织领导', '十二、'],
    ['（十二）强化组织领导', '（十二）'],
    ['(十二)强化组织领导', '(十二)'],
    ['12.强化组织领导', '12.'],
    ['12、强化组织领导', '12、'],
    ['（12）强化组织领导', '（12）'],
    ['"  三、强化组织领导"', '三、'],
  ])('heading: %s is flagged for “%s”', async (heading, number) => {
    const found = await findings(`achievements:\n  leadership:\n    heading: ${heading}\n`, 'writing/numbered-heading');
    expect(found.map((d) => d.reason)).toEqual([expect.stringContaining(`“${number}”`)]);
    expect(found[0]?.line).toBe(9);
  });

  it.each(['强化组织领导', '学习（2025）1号文件精神', '落实“一、二、三”工作法'])('heading: %s is not flagged: the number must open the heading', async (heading) => {
    expect(await findings(`achievements:\n  leadership:\n    heading: ${heading}\n`, 'writing/numbered-heading')).toEqual([]);
  });

  it('a shortcoming’s problem is a heading too, and a heading is never an enumeration', async () => {
    const found = await findings('shortcomings:\n  - problem: 一、执法保障有待加强\n    text: 执法力量不足。\n', 'writing/numbered-heading');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['8:14']);
    const heading = '一是健全机制，首先抓考核';
    expect(await findings(`achievements:\n  leadership:\n    heading: ${heading}\n`, 'writing/mixed-enumeration')).toEqual([]);
    expect(await findings(`achievements:\n  leadership:\n    text: ${heading}\n`, 'writing/mixed-enumeration')).toHaveLength(1);
  });
});

describe('writing/numbering-style: an item number written 1、', () => {
  it('finds a number of two digits after a full stop, and the fix changes only its 、', async () => {
    const more = 'achievements:\n  leadership:\n    text: 开展活动。12、落实责任。\n';
    const found = await findings(more, 'writing/numbering-style');
    expect(found.map(at)).toEqual(['9:16-9:19']);
    expect(found[0]?.reason).toContain('“12、”');
    expect(fixed(more, found)).toBe('achievements:\n  leadership:\n    text: 开展活动。12.落实责任。\n');
  });

  it('finds a number that ends the value', async () => {
    const more = 'achievements:\n  leadership:\n    text: 分两步：1、\n';
    const found = await findings(more, 'writing/numbering-style');
    expect(found.map(at)).toEqual(['9:15-9:17']);
    expect(fixed(more, found)).toBe('achievements:\n  leadership:\n    text: 分两步：1.\n');
  });
});

describe('writing/year-style', () => {
  it('a year with spaces before 年 is flagged and closed up', async () => {
    const more = 'achievements:\n  leadership:\n    text: 2025  年召开会议三次。\n';
    const found = await findings(more, 'writing/year-style');
    expect(found).toHaveLength(1);
    expect(fixed(more, found)).toBe('achievements:\n  leadership:\n    text: 2025年召开会议三次。\n');
  });

  it('a year written as GB/T 15835 writes it is not flagged', async () => {
    expect(await findings('achievements:\n  leadership:\n    text: 2025年召开会议三次，2024年两次。\n', 'writing/year-style')).toEqual([]);
  });
});

describe('writing/half-width-punctuation: each offender at its own place', () => {
  it('the same offender twice: two findings, two fixes', async () => {
    const more = 'achievements:\n  leadership:\n    text: 会议,研究。会议,研究。\n';
    const found = await findings(more, 'writing/half-width-punctuation');
    expect(found.map(at)).toEqual(['9:13-9:14', '9:19-9:20']);
    expect(fixed(more, found)).toBe('achievements:\n  leadership:\n    text: 会议，研究。会议，研究。\n');
  });

  it('beside a marked figure, the place is the mark alone', async () => {
    const found = await findings('opening: 全年排查[95件|disputes.total],化解率100%。\n', 'writing/half-width-punctuation');
    expect(found.map(at)).toEqual(['7:34-7:35']);
  });

  it.each(['|', '>'])('in a block scalar (%s) with a comment, the place is in the text, not the comment', async (style) => {
    const found = await findings(`achievements:\n  leadership:\n    text: ${style} # 会议,研究\n      会议,研究部署。\n`, 'writing/half-width-punctuation');
    expect(found.map(at)).toEqual(['10:9-10:10']);
  });

  it('a value whose text is not in the file as written is flagged at its start, never at a later value', async () => {
    const found = await findings('achievements:\n  leadership:\n    text: "会议\\x2c研究"\n  enforcement:\n    text: 会议,研究\n', 'writing/half-width-punctuation');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['9:11', '11:13']);
    expect(found.map((d) => d.fix === undefined)).toEqual([true, false]);
  });

  it('only narrative is checked: the county’s name is left as written', async () => {
    const found = await findings('', 'writing/half-width-punctuation');
    expect(found).toEqual([]);
    const r = await compile('a.yaml', MINIMAL.replace('某某县', '某某县,某某市'), standardPack(), { formats: [] });
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith('writing/'))).toEqual([]);
  });
});

describe('regulation/missing-part: a required part of a pack', () => {
  const source = `${MINIMAL}`;
  const loaded = loadReport('a.yaml', source);
  const data = loaded.data!;
  afterEach(() => setLang('en'));
  const missing = (part: RequiredPart, withParts = false) =>
    lint({ file: 'a.yaml', data: withParts ? { ...data, parts: [] } : data, source, locator: loaded.locator, parts: [part] }).map((d) => [d.reason, d.note]);

  it('is named by its number and title, or, without a number, by its title or its section', () => {
    setLang('zh');
    expect(missing({ id: 'responsibility', part: 3, title: '第一责任人', empty: true })).toEqual([
      ['缺少第三部分（第一责任人）：《法治政府建设与责任落实督察工作规定》第二十五条要求报告这一部分', expect.stringContaining('responsibility:')],
    ]);
    expect(missing({ id: 'plans', part: 5, title: null, empty: true })[0]?.[0]).toMatch(/^缺少第五部分：/);
    expect(missing({ id: 'safety', part: null, title: '安全生产', empty: true })).toEqual([['缺少“安全生产”部分：模板要求报告这一部分', '补上这一部分的内容。']]);
    expect(missing({ id: 'safety', part: null, title: null, empty: true })[0]?.[0]).toBe('缺少“safety”部分：模板要求报告这一部分');
    expect(missing({ id: 'safety', part: null, title: '安全生产', empty: false })).toEqual([]);
  });

  it('in a file written in parts, the note says which part: to add, when the part has a number', () => {
    setLang('zh');
    expect(missing({ id: 'plans', part: 5, title: null, empty: true }, true)[0]?.[1]).toBe('在 parts 中加上这一部分，写明 `part: 5`。');
    expect(missing({ id: 'safety', part: null, title: '安全生产', empty: true }, true)[0]?.[1]).toBe('补上这一部分的内容。');
    setLang('en');
    expect(missing({ id: 'plans', part: 5, title: null, empty: true }, true)).toEqual([
      ['Part 5 is missing: Art. 25 of 《法治政府建设与责任落实督察工作规定》 requires it', 'Add this part to `parts`, with `part: 5`.'],
    ]);
  });
});
