// The lines of an imported report told apart at the edge of each rule: where the report starts and
// ends, what is the page's, the lines between the title and the text, the signature, headings and
// what the title and the page name.
import { describe, expect, it } from 'vitest';
import { readStructure } from '../src/import/structure.js';

const TITLE = '金坪乡人民政府2025年法治政府建设年度报告';
/** Text of `n` letters (Han), with no punctuation. */
const han = (n: number) => '法'.repeat(n);
const LONG = `全年开展法治宣传活动十二场，发放资料三千份，群众满意度进一步提升，法治政府建设取得新成效。`;
const read = (...lines: string[]) => readStructure(lines);
const texts = (d: ReturnType<typeof read>) => [d.opening, ...d.parts.map((p) => [p.heading, ...p.body, ...p.sections.flatMap((s) => [s.heading, ...s.body])])];

describe('where the report starts', () => {
  it('takes a title of 40 letters and more, not as the first paragraph', () => {
    const title = '中共金坪乡委员会金坪乡人民政府关于2025年度法治政府建设工作情况和下一步工作打算的报告';
    const d = read('首页', title, '一、主要举措和成效', LONG);
    expect(d.title).toBe(title);
    expect(d.parts[0]!.heading).toBe('主要举措和成效');
    expect(d.dropped).toBe(1);
  });

  it('looks for the title before the first long paragraph only, and after a long line that opens the page', () => {
    expect(read(han(39), TITLE, LONG).title).toBe(TITLE);
    expect(read('首页', han(40), TITLE, LONG).title).toBeNull();
    expect(read(han(40), TITLE, LONG).title).toBe(TITLE);
  });

  it('takes a title of 80 characters, not of 81, and joins a title written with spaces', () => {
    const of = (n: number) => `金坪乡${'乙'.repeat(n - 13)}法治政府建设年度报告`;
    expect(of(80)).toHaveLength(80);
    expect(read('首页', of(80), LONG).title).toBe(of(80));
    expect(read('首页', of(81), LONG).title).toBeNull();
    expect(read('2025年 法治政府建设  年度报告', LONG).title).toBe('2025年法治政府建设年度报告');
  });

  it('joins the organ above a title that starts with its year, up to 40 characters, written with spaces or not', () => {
    const organ = (n: number) => `${'乙'.repeat(n - 6)}金坪乡人民政府`.slice(-n);
    expect(read(organ(40), '2025年法治政府建设年度报告', LONG).title).toBe(`${organ(40)}2025年法治政府建设年度报告`);
    expect(read(organ(41), '2025年法治政府建设年度报告', LONG).title).toBe('2025年法治政府建设年度报告');
    expect(read('金坪乡 人民政府', '关于2025年法治政府建设情况的报告', LONG).title).toBe('金坪乡人民政府关于2025年法治政府建设情况的报告');
    // A title that names its place before the year stands alone, whatever is above it.
    expect(read('城口县人民政府', '金坪乡2025年法治政府建设年度报告', LONG).title).toBe('金坪乡2025年法治政府建设年度报告');
  });

  it('leaves the page’s sentences above the title out of the report', () => {
    const d = read('欢迎访问金坪乡人民政府网站。', TITLE, '一、主要举措和成效', LONG);
    expect(d.opening).toEqual([]);
    expect(d.dropped).toBe(1);
  });

  it('without a title, starts at the first heading or sentence, at the top or lower, before the first long paragraph', () => {
    expect(read('第一部分 主要成效', LONG).parts.map((p) => p.heading)).toEqual(['主要成效']);
    expect(read('首页', '（一）加强组织领导', LONG).parts.map((p) => p.heading)).toEqual(['加强组织领导']);
    expect(read('一、主要举措和成效', LONG).parts[0]).toMatchObject({ heading: '主要举措和成效', body: [LONG] });
    // Not the page's lines, a colon inside a line, or a heading after the first long paragraph.
    const d = read('网站导航：首页', '版权所有。', '来源：金坪乡。', LONG, '一、主要举措和成效', LONG);
    expect(d.dropped).toBe(3);
    expect(texts(d)).toEqual([[LONG], ['主要举措和成效', LONG]]);
    const plain = read('首页', han(45), '一、主要举措和成效', LONG);
    expect([plain.dropped, ...texts(plain)]).toEqual([1, [han(45)], ['主要举措和成效', LONG]]);
  });

  it('counts the lines before the report as dropped: none when the title is first', () => {
    expect(read(TITLE, '一、主要举措和成效', LONG).dropped).toBe(0);
    expect(read('首页', '政务公开', TITLE, '一、主要举措和成效', LONG).dropped).toBe(2);
    expect(read('首页', '一、主要举措和成效', LONG).dropped).toBe(1);
  });

  it('reads a title and the page’s lines with no text after them', () => {
    expect(read(TITLE, '来源：金坪乡')).toMatchObject({ title: TITLE, parts: [], dropped: 1 });
  });
});

describe('the lines between the title and the text', () => {
  it('reads 发文字号 and 文号 with or without a space, and none when empty', () => {
    expect(read(TITLE, '发文字号： 金府发〔2025〕3号', LONG).docNumber).toBe('金府发〔2025〕3号');
    expect(read(TITLE, '文号:金府发〔2025〕4号', LONG).docNumber).toBe('金府发〔2025〕4号');
    expect(read(TITLE, '发文字号：', LONG)).toMatchObject({ docNumber: null, dropped: 1 });
  });

  it('takes the publication date for the page’s, though a 成文日期 follows on its line', () => {
    expect(read(TITLE, '发布日期：2025-01-10 成文日期：2025-01-08', LONG).date).toEqual({ iso: '2025-01-10', from: 'page' });
    expect(read(TITLE, '成文日期：2025年1月8日', LONG).date).toEqual({ iso: '2025-01-08', from: 'stated' });
  });

  it('counts each line of the page’s as dropped, spaced or not', () => {
    const d = read(TITLE, '来 源：金坪乡', '【打印】', '扫 一扫', LONG);
    expect(d.dropped).toBe(3);
    expect(d.parts[0]!.body).toEqual([LONG]);
  });

  it('takes a line ending in a colon for the 主送机关 up to 60 characters with no sentence marks, and only the last colon off', () => {
    const to = (n: number) => `${'县、'.repeat(30).slice(0, n - 1)}：`;
    expect(to(60)).toHaveLength(60);
    expect(read(TITLE, to(60), LONG).recipient).toBe(to(60).slice(0, -1));
    expect(read(TITLE, to(61), LONG)).toMatchObject({ recipient: null, parts: [{ body: [to(61), LONG] }] });
    expect(read(TITLE, '致：县人民政府：', LONG).recipient).toBe('致：县人民政府');
    expect(read(TITLE, '说明：以下为全文', LONG)).toMatchObject({ recipient: null, parts: [{ body: ['说明：以下为全文', LONG] }] });
  });

  it('takes a heading or a line of 40 letters ending in a colon for the text, not the 主送机关', () => {
    expect(read(TITLE, '一、主要举措和成效：', LONG)).toMatchObject({ recipient: null, parts: [{ heading: '主要举措和成效：' }] });
    const opening = `${han(39)}：`;
    expect(read(TITLE, `${han(40)}：`, LONG)).toMatchObject({ recipient: null, parts: [{ body: [`${han(40)}：`, LONG] }] });
    expect(read(TITLE, opening, LONG).recipient).toBe(han(39));
  });
});

describe('where the report ends', () => {
  it('cuts the page’s lines and lines too short to be text at the end, counting them', () => {
    const d = read(TITLE, '一、主要举措和成效', LONG, '特此说明', '上一篇', '无', '分享到 微信');
    expect(d.parts[0]!.body).toEqual([LONG, '特此说明']);
    expect(d.dropped).toBe(3);
  });

  it('keeps a closing formula however short, and a sentence mentioning 微信 of 60 letters', () => {
    expect(read(TITLE, '一、主要举措和成效', LONG, '特此。').closing).toEqual(['特此。']);
    const wechat = `${han(58)}微信`;
    expect(read(TITLE, '一、主要举措和成效', LONG, wechat).parts[0]!.body).toEqual([LONG, wechat]);
    expect(read(TITLE, '一、主要举措和成效', LONG, `${han(57)}微信`).parts[0]!.body).toEqual([LONG]);
  });

  it('keeps nothing of a report whose only line is too short, and reads no further up than its start', () => {
    expect(read(TITLE, '无。')).toMatchObject({ parts: [], dropped: 1 });
    expect(read(TITLE, '【打印】', '无。')).toMatchObject({ parts: [], dropped: 2 });
  });
});

describe('the signature', () => {
  it('splits the organ from the date on one line only when the line is just the two', () => {
    const d = read(TITLE, '一、主要举措和成效', LONG, '金坪乡人民政府 2025年12月20日');
    expect([d.government, d.date]).toEqual(['金坪乡人民政府', { iso: '2025-12-20', from: 'signature' }]);
    for (const last of ['金坪乡人民政府 2025年1月20日（盖章）', '以上 金坪乡人民政府 2025年1月20日']) {
      const kept = read(TITLE, '一、主要举措和成效', LONG, last);
      expect(kept.parts[0]!.body).toEqual([LONG, last]);
      expect(kept.date).toBeNull();
    }
  });

  it('takes the line above the date for the organ up to 40 characters', () => {
    const organ = (n: number) => `${'乙'.repeat(n - 7)}金坪乡人民政府`;
    expect(read('2025年法治政府建设年度报告', '一、主要举措和成效', LONG, organ(40), '2025年1月20日').government).toBe(organ(40));
    const long = read('2025年法治政府建设年度报告', '一、主要举措和成效', LONG, organ(41), '2025年1月20日');
    expect(long.government).toBeNull();
    expect(long.parts[0]!.body).toEqual([LONG, organ(41)]);
  });

  it('reads a date in Chinese numerals written with 零', () => {
    expect(read(TITLE, '一、主要举措和成效', LONG, '二零二六年一月二十日').date).toEqual({ iso: '2026-01-20', from: 'signature' });
  });
});

describe('headings', () => {
  it('takes a numbered line for a part up to 40 letters, or longer with a full stop run in', () => {
    const at = (line: string) => read(TITLE, '一、主要举措和成效', LONG, line, LONG).parts.map((p) => [p.heading, p.body]);
    expect(at(`二、${han(40)}`)).toEqual([
      ['主要举措和成效', [LONG]],
      [han(40), [LONG]],
    ]);
    expect(at(`二、${han(41)}`)).toEqual([['主要举措和成效', [LONG, `二、${han(41)}`, LONG]]]);
    expect(at(`二、加强组织领导。${han(45)}`)).toEqual([
      ['主要举措和成效', [LONG]],
      ['加强组织领导', [han(45), LONG]],
    ]);
  });

  it('numbers the parts from the first heading when there is no 一、 (a report pasted from its second part), and from 一、 when there is one', () => {
    const heads = (...lines: string[]) => read(TITLE, ...lines).parts.map((p) => [p.heading, p.body]);
    expect(heads('二、存在的不足', LONG, '三、下一年度工作打算', LONG)).toEqual([
      ['存在的不足', [LONG]],
      ['下一年度工作打算', [LONG]],
    ]);
    // A 四、 after 二、 is out of sequence: text of the part before it.
    expect(heads('二、存在的不足', LONG, '四、下一年度工作打算', LONG)).toEqual([['存在的不足', [LONG, '四、下一年度工作打算', LONG]]]);
    // With a 一、 in the report, a 三、 before it is opening text, as before.
    const d = read(TITLE, '三、总体情况', LONG, '一、主要举措和成效', LONG);
    expect([d.opening, d.parts.map((p) => p.heading)]).toEqual([['三、总体情况', LONG], ['主要举措和成效']]);
    // The first numbered line too long for a heading does not set the numbering: the next one does.
    expect(heads(`二、${han(41)}`, LONG, '三、下一年度工作打算', LONG)).toEqual([['下一年度工作打算', [LONG]]]);
  });

  it('splits a heading run in at its full stop, spaces around it trimmed, up to a first sentence of 50 letters', () => {
    const section = (line: string) => read(TITLE, '一、主要举措和成效', line).parts[0]!.sections[0]!;
    expect(section('（一）加强组织领导 。 全年召开会议3次。')).toMatchObject({ heading: '加强组织领导', runIn: true, body: ['全年召开会议3次。'] });
    expect(section(`（一）${han(50)}。全年召开会议3次。`)).toMatchObject({ heading: han(50), runIn: true });
    expect(section(`（一）${han(51)}。全年召开会议3次。`)).toMatchObject({ heading: `${han(51)}。全年召开会议3次。`, runIn: false, body: [] });
  });

  it('reads a report numbered only （一）（二） in order: one out of order is text', () => {
    const d = read(TITLE, '（一）主要举措和成效', LONG, '（三）存在的不足', LONG);
    expect(d.parts.map((p) => [p.heading, p.body, p.sections])).toEqual([['主要举措和成效', [LONG, '（三）存在的不足', LONG], []]]);
  });
});

describe('what the title and the page name', () => {
  it('takes the organ before a quoted year in the title', () => {
    const d = read('金坪乡人民政府关于“2025年度法治政府建设”情况的报告', LONG);
    expect([d.government, d.township, d.year]).toEqual(['金坪乡人民政府', { name: '金坪乡', kind: '乡' }, { value: 2025, from: 'title' }]);
  });

  it('reads the organ of a title without a year, before 法治', () => {
    for (const title of ['金坪乡人民政府法治政府建设年度报告', '金坪乡人民政府关于法治政府建设情况的报告', '关于金坪乡法治政府建设情况的报告']) {
      const d = read(title, LONG);
      expect([d.township, d.year], title).toEqual([{ name: '金坪乡', kind: '乡' }, null]);
    }
    expect(read('金坪乡人民政府法治政府建设年度报告', LONG).government).toBe('金坪乡人民政府');
    expect(read('法治政府建设年度报告', LONG)).toMatchObject({ government: null, township: null });
  });

  it('takes the government the title names, and the township from the signature’s organ when the title names none', () => {
    expect(read(TITLE, LONG).government).toBe('金坪乡人民政府');
    const d = read('2025年法治政府建设年度报告', LONG, '金坪乡 人民政府', '2026年1月20日');
    expect([d.government, d.township]).toEqual(['金坪乡 人民政府', { name: '金坪乡', kind: '乡' }]);
  });

  it('takes the year from the title before the opening’s, and from an opening written with a space', () => {
    expect(read(TITLE, '2024年以来，我乡坚持依法行政：', '一、主要举措和成效', LONG).year).toEqual({ value: 2025, from: 'title' });
    expect(read('法治政府建设年度报告', '2025 年，我乡坚持依法行政。', '一、主要举措和成效', LONG).year).toEqual({ value: 2025, from: 'opening' });
  });

  it('takes the county from the page around the report, not from the report’s own lines', () => {
    const d = read('首页', '金坪乡2025年法治政府建设年度报告', '一、主要举措和成效', LONG, '配合巫溪县司法局开展普法。', '主办：城口县人民政府办公室');
    expect(d.county).toEqual({ name: '城口县', from: 'page' });
    // With no township known, any county on the page.
    expect(read('法治政府建设年度报告', '一、主要举措和成效', LONG, '主办：城口县人民政府办公室').county).toEqual({ name: '城口县', from: 'page' });
  });

  it('reads the kind of a township whose name holds another kind’s word, and a city that is no province', () => {
    expect(read('城口县新乡镇2025年法治政府建设年度报告', LONG).township).toEqual({ name: '新乡镇', kind: '镇' });
    const d = read('达州市宣汉县南坝镇2025年法治政府建设年度报告', LONG);
    expect([d.province, d.city, d.county, d.township]).toEqual([null, '达州市', { name: '宣汉县', from: 'title' }, { name: '南坝镇', kind: '镇' }]);
  });
});
