import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { parseFigure, type Figure } from '../src/load/figure.js';
import { makeHelpers, TemplateUsageError } from '../src/render/helpers.js';

const hb = Handlebars.create();
hb.registerHelper(makeHelpers(hb.SafeString));
/** Renders a template with the helpers, the way a pack does (values escaped by Markdown's rules are not in play here). */
const render = (template: string, context: object = {}) => hb.compile(template, { noEscape: true, strict: false })(context, { data: { root: context } });
const f = (s: string | number): Figure => {
  const p = parseFigure(s);
  if (!p.ok) throw new Error(p.reason);
  return p.figure;
};

describe('template helpers', () => {
  it('fig writes a figure with its unit, the data’s unit winning', () => {
    expect(render('{{fig a "件"}}', { a: f(63) })).toBe('63件');
    expect(render('{{fig a "件"}}', { a: f('200余起') })).toBe('200余起');
    expect(render('{{fig a}}', { a: f(63) })).toBe('63');
    expect(render('{{fig a "件"}}', { a: f('95%以上') })).toBe('95%以上');
  });

  it('fig refuses an empty figure or a value that is not one, naming the helper', () => {
    expect(() => render('{{fig a "件"}}', { a: null })).toThrow(new TemplateUsageError('{{fig}} was given an empty figure; wrap the sentence in {{#if …}} so it appears only when the figure exists'));
    expect(() => render('{{fig a "件"}}', {})).toThrow(TemplateUsageError);
    expect(() => render('{{fig a "件"}}', { a: 'text' })).toThrow('{{fig}} expects a figure field, got string');
    expect(() => render('{{breakdown a "名"}}', { a: { 甲: 'x' } })).toThrow('{{breakdown}} expects a figure field, got string');
  });

  it('date, cn and add', () => {
    expect(render('{{date d}}', { d: '2026-02-05' })).toBe('2026年2月5日');
    expect(render('{{date d}}', { d: 5 })).toBe('');
    expect(render('{{cn 3}}')).toBe('三');
    expect(render('{{cn "甲"}}')).toBe('甲');
    expect(render('{{cn nothing}}')).toBe('');
    expect(render('{{add year 1}}', { year: 2025 })).toBe('2026');
    expect(render('{{add "2025" "1"}}')).toBe('2026');
  });

  it('paras keeps paragraphs apart, inline runs them together, both escaped; neither writes a non-text', () => {
    expect(render('{{paras t}}', { t: '第一段*。\n\n第二段。' })).toBe('第一段\\*。\n\n第二段。');
    expect(render('{{inline t}}', { t: '第一段。\n\n第二段。' })).toBe('第一段。第二段。');
    expect(render('[{{paras t}}][{{inline t}}]', { t: 5 })).toBe('[][]');
  });

  it('sentence joins the clauses that are not empty with “，”, ends with one “。”, and writes nothing without any', () => {
    const t = '{{#sentence lead=lead}}{{#clause}}{{a}}{{/clause}}{{#clause}} {{b}} {{/clause}}{{#clause}}{{c}}{{/clause}}{{/sentence}}';
    expect(render(t, { a: '召开会议5次', b: '研究问题3项', c: '' })).toBe('召开会议5次，研究问题3项。');
    expect(render(t, { a: '', b: '', c: '完成整改。；' })).toBe('完成整改。');
    expect(render(t, { a: '', b: '', c: '' })).toBe('');
    expect(render(t, { lead: '全年*', a: '甲', b: '乙', c: '丙' })).toBe('全年\\*甲，乙，丙。');
    expect(render(t, { lead: 5, a: '甲' })).toBe('甲。');
  });

  it('breakdown lists items with their figures, joined by “、”', () => {
    expect(render('{{breakdown m "名"}}', { m: { 精神障碍患者: f(17), 社区矫正对象: f('1人') } })).toBe('精神障碍患者17名、社区矫正对象1人');
    expect(render('[{{breakdown m "名"}}]', { m: null })).toBe('[]');
    expect(render('[{{breakdown m "名"}}]', { m: 'x' })).toBe('[]');
  });

  it('enum writes a run-in enumeration 一是…二是…, each title ending in one “。”', () => {
    const items = [{ problem: '执法保障有待加强。', text: '人员不足。\n\n经费紧张。' }, { problem: '宣传*形式*单一；', text: 5 }, { problem: '培训不够', text: '' }, { text: '无标题。' }];
    expect(render('{{enum items "problem" "text"}}', { items })).toBe('一是执法保障有待加强。人员不足。经费紧张。二是宣传\\*形式\\*单一。三是培训不够。四是。无标题。');
    expect(render('{{enum items "problem"}}', { items: items.slice(0, 1) })).toBe('一是执法保障有待加强。');
    expect(render('[{{enum items "problem"}}]', { items: 'x' })).toBe('[]');
  });

  it('growth writes the change in percent of exact counts, with sep before it', () => {
    expect(render('{{growth a b}}', { a: f(63), b: f(50) })).toBe('同比增长26%');
    expect(render('{{growth a b}}', { a: f(45), b: f(50) })).toBe('同比下降10%');
    expect(render('{{growth a b sep="，"}}', { a: f(50), b: f(50) })).toBe('，与上年持平');
    expect(render('{{growth a b}}', { a: f(1), b: f(3) })).toBe('同比下降66.7%');
    for (const [a, b] of [
      [f('63余'), f(50)],
      [f(63), f('约50')],
      [f('95%'), f('90%')],
      [f(63), f(0)],
      [f(63), null],
      [null, f(50)],
      [f('63以上'), f(50)],
    ]) {
      expect(render('[{{growth a b sep="，"}}]', { a, b })).toBe('[]');
    }
  });

  it('delta writes the change in the figure’s unit, with sep before it', () => {
    expect(render('{{delta a b "件"}}', { a: f(63), b: f(50) })).toBe('增加13件');
    expect(render('{{delta a b "件"}}', { a: f('47次'), b: f(50) })).toBe('减少3次');
    expect(render('{{delta a b "件" sep="，"}}', { a: f(50), b: f(50) })).toBe('，与上年持平');
    expect(render('{{delta a b}}', { a: f(1.25), b: f(1) })).toBe('增加0.25');
    expect(render('[{{delta a b "件"}}]', { a: f('63余'), b: f(50) })).toBe('[]');
    expect(render('[{{delta a b "件"}}]', { a: f(63), b: f('50以上') })).toBe('[]');
    expect(render('[{{delta a b "件"}}]', { a: f(63), b: 'x' })).toBe('[]');
  });

  it('last finds a figure in last year’s data by its path, or nothing', () => {
    const root = { last_year: { achievements: { disputes: { total: f(50), none: null } } } };
    expect(render('{{fig (last "achievements.disputes.total") "件"}}', root)).toBe('50件');
    expect(render('{{#if (last "achievements.disputes.none")}}有{{else}}无{{/if}}', root)).toBe('无');
    expect(render('{{#if (last "achievements.gone.total")}}有{{else}}无{{/if}}', root)).toBe('无');
    expect(render('{{#if (last "achievements.disputes.total.value.x")}}有{{else}}无{{/if}}', root)).toBe('无');
    expect(render('{{#if (last "toString")}}有{{else}}无{{/if}}', root)).toBe('无');
    expect(render('{{#if (last "achievements")}}有{{else}}无{{/if}}', {})).toBe('无');
  });

  it('eq, or and and', () => {
    expect(render('{{#if (eq a "x")}}是{{else}}否{{/if}}', { a: 'x' })).toBe('是');
    expect(render('{{#if (eq a "x")}}是{{else}}否{{/if}}', { a: 'y' })).toBe('否');
    expect(render('{{or a b c}}', { a: '', b: [], c: '丙' })).toBe('丙');
    expect(render('{{#if (or a b)}}是{{else}}否{{/if}}', { a: 0, b: [] })).toBe('否');
    expect(render('{{and a b}}', { a: '甲', b: '乙' })).toBe('乙');
    expect(render('{{#if (and a b)}}是{{else}}否{{/if}}', { a: '甲', b: '' })).toBe('否');
    // and gives false itself, not the value that was false, when any value is.
    expect(render('{{and a b}}', { a: 0, b: 'x' })).toBe('false');
    expect(render('{{and a b}}', { a: 1, b: '' })).toBe('false');
  });
});

describe('template helpers at their edges', () => {
  it('body makes numbered items headings at the level asked, from 1 to 6, else at level 4', () => {
    const text = '导语。\n1. 信访化解：正文。';
    const heading = (level: unknown) => /^(#+) /m.exec(render('{{body t level}}', { t: text, level }))?.[1]?.length;
    expect([1, 6, 3].map(heading)).toEqual([1, 6, 3]);
    expect([0, 7, '2', undefined].map(heading)).toEqual([4, 4, 4, 4]);
  });

  it('body reads lines ended by CR, LF or CR LF alike, trimmed, blank ones left out', () => {
    const lf = render('{{body t}}', { t: '导语。\n1. 信访化解：正文。\n\n2. 反诈宣传：正文。' });
    for (const t of ['导语。\r1. 信访化解：正文。\r\r2. 反诈宣传：正文。', '导语。\r\n  1. 信访化解：正文。  \r\n\r\n2. 反诈宣传：正文。\r\n']) expect(render('{{body t}}', { t })).toBe(lf);
  });

  it('a sentence’s clauses lose the spaces around them; ends looks past spaces after the text only', () => {
    expect(render('{{#sentence}}{{#clause}}  甲  {{/clause}}{{#clause}}\n乙\n{{/clause}}{{/sentence}}')).toBe('甲，乙。');
    expect(render('{{#if (ends t "如下：")}}y{{else}}n{{/if}}', { t: '如下：  ' })).toBe('y');
    expect(render('{{#if (ends t "  ")}}y{{else}}n{{/if}}', { t: '  如下：' })).toBe('n');
  });
});
