// A report's lines read as a report: the numbers of its headings, the lines between the title and
// the text, the signature, chapters, and the places its title names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/import/index.js';
import { toLines } from '../src/import/source.js';
import { chineseNumber, readStructure } from '../src/import/structure.js';
import { tempDir } from './helpers.js';

const read = (text: string) => readStructure(toLines(text));
/** A text file imported as `report import` would. */
async function imported(text: string) {
  const dir = tempDir('import-marks-');
  writeFileSync(join(dir, 'r.txt'), text);
  return importReport(join(dir, 'r.txt'), join(dir, 'r.yaml'), { schemaRef: 'x' });
}
const HEAD = '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n';
const parts = (text: string) => read(text).parts.map((p) => [p.part, p.heading, p.body, p.sections.map((s) => [s.heading, s.runIn, s.body])]);

describe('a report’s structure', () => {
  it('reads Chinese numerals up to 99, and nothing else as one', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三', '九十九'].map(chineseNumber)).toEqual([1, 9, 10, 11, 20, 23, 99]);
    for (const not of ['一百', '十十', '零', '两', '', '1']) expect(chineseNumber(not), not).toBeNaN();
  });

  it('takes an opening that ends with a colon for the opening, not for the 主送机关', () => {
    const d = read(
      '城口县左岚乡人民政府\n2024年法治政府建设情况报告\n发布日期：2025-01-20 来源：左岚乡\n左岚府发〔2025〕3号\n城口县人民政府：\n2024年，我乡深入推进法治政府建设，现将有关情况报告如下：\n一、主要举措和成效\n全年开展普法宣传活动12场，发放资料3000份，群众满意度进一步提升。\n',
    );
    expect([d.title, d.docNumber, d.recipient, d.opening]).toEqual([
      '城口县左岚乡人民政府2024年法治政府建设情况报告',
      '左岚府发〔2025〕3号',
      '城口县人民政府',
      ['2024年，我乡深入推进法治政府建设，现将有关情况报告如下：'],
    ]);
    // The page's date, until the signature gives the document's own.
    expect(d.date).toEqual({ iso: '2025-01-20', from: 'page' });
  });

  it('reads a report in chapters (第一部分) with their 一、 as sections, and a signature dated in Chinese numerals', () => {
    const text =
      '重庆市涪陵区同乐镇2025年法治政府建设年度报告\n成文日期：2026-02-10\n第一部分 主要成效\n一、强化组织\n全年开展学习6次。\n第二部分 不足\n一、宣传不够\n存在差距。\n同乐镇人民政府\n二〇二六年二月十日';
    expect(parts(text)).toEqual([
      [1, '主要成效', [], [['强化组织', false, ['全年开展学习6次。']]]],
      [2, '不足', [], [['宣传不够', false, ['存在差距。']]]],
    ]);
    const d = read(text);
    expect([d.government, d.date, d.county, d.city, d.province]).toEqual(['同乐镇人民政府', { iso: '2026-02-10', from: 'signature' }, { name: '涪陵区', from: 'title' }, '重庆市', '重庆市']);
  });

  it('takes a 成文日期 line for the date when there is no signature', () => {
    expect(read('同乐镇2025年法治政府建设年度报告\n成文日期：2026-02-10\n一、主要成效\n全年开展学习6次。').date).toEqual({ iso: '2026-02-10', from: 'stated' });
  });

  it('splits a heading run in with its text at the first full stop, unless that sentence is too long for a heading', () => {
    const long = `${'很长的标题'.repeat(11)}。正文`;
    expect(parts(`某镇2025年法治政府建设工作报告\n一、主要举措\n（一）加强组织领导。全年召开专题会议3次。\n（二）${long}\n`)).toEqual([
      [
        1,
        '主要举措',
        [],
        [
          ['加强组织领导', true, ['全年召开专题会议3次。']],
          [long, false, []],
        ],
      ],
    ]);
  });

  it('splits a title into province, prefecture, county and township; a municipality is its own province', () => {
    const place = (title: string) => {
      const d = read(`${title}\n一、主要举措\n全年开展普法12场。`);
      return [d.province, d.city, d.county?.name ?? null, d.township];
    };
    expect(place('四川省凉山彝族自治州昭觉县某某乡2025年法治政府建设年度报告')).toEqual(['四川省', '凉山彝族自治州', '昭觉县', { name: '某某乡', kind: '乡' }]);
    expect(place('北京市朝阳区某某街道2025年法治政府建设年度报告')).toEqual(['北京市', '北京市', '朝阳区', { name: '某某街道', kind: '街道' }]);
    // 新市镇 is a township, not the county 新市 and a 镇.
    expect(place('新市镇2025年法治政府建设年度报告')).toEqual([null, null, null, { name: '新市镇', kind: '镇' }]);
  });

  it('takes the year from the opening, else the year before the signature’s', () => {
    expect(read('某某乡法治政府建设报告\n2025年，我乡深入推进法治政府建设，取得积极成效，群众满意度不断提升。\n一、主要举措\n全年开展普法12场。').year).toEqual({ value: 2025, from: 'opening' });
    expect(read('某某乡法治政府建设报告\n全年开展普法12场，各项工作有序推进，群众满意度进一步提升，法治氛围更加浓厚。\n二〇二六年一月五日').year).toEqual({ value: 2025, from: 'date' });
  });
});

describe('an import’s marks and counts', () => {
  it('counts the paragraphs of every place, gives each figure its clause, and leaves a paragraph marked already as it is', async () => {
    const r = await imported(
      '某某县金坪乡人民政府2025年法治政府建设年度报告\n2025年，我乡认真贯彻落实上级部署，扎实推进法治政府建设。\n一、主要举措和成效\n全年排查调处矛盾纠纷95件，化解率100%。\n（一）强化组织领导\n召开专题会议3次并形成纪要。\n已标记的[12场|legal_education.campaigns]活动，另开展讲座5场。\n二、存在的不足\n宣传不够。\n特此报告。\n',
    );
    expect(r.paragraphs).toBe(6);
    expect(r.figures.map((f) => [f.written, f.context])).toEqual([
      ['95件', '全年排查调处矛盾纠纷95件'],
      ['100%', '化解率100%'],
      ['3次', '召开专题会议3次并形成纪要'],
    ]);
    expect(r.text).toContain('已标记的[12场|legal_education.campaigns]活动，另开展讲座5场。');
  });

  it('takes a paragraph with a mark in full-width brackets or bar for one marked already, and brackets without a bar for none', async () => {
    const r = await imported(`${HEAD}已标记的【12场｜宣传活动】，另开展讲座5场。\n【说明】开展普法活动6场。\n[附] 发放资料300份。\n甲|乙两村开展讲座8场。\n`);
    expect(r.figures.map((f) => f.written)).toEqual(['6场', '300份', '8场']);
  });

  it('takes back a wrong mark that looks like the example in the file’s header comment', async () => {
    // The total is a bare 63, marked [63|disputes.total] as the header's example is; the resolved count above it is wrong.
    const r = await imported(`${HEAD}全年排查上报矛盾纠纷63，成功化解矛盾纠纷100件，群众满意度进一步提升。\n`);
    expect(r.text).toMatch(/^# .*\[63\|disputes\.total\]/m);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.text).toContain('[63|disputes.total]，成功化解矛盾纠纷[100件|');
    expect(r.text).not.toContain('[100件|disputes.resolved]');
  });
});

describe('marks a check finds wrong', () => {
  const resolved = (r: Awaited<ReturnType<typeof imported>>) => r.figures.filter((f) => f.decision.kind === 'catalogue' && f.decision.name === 'disputes.resolved').map((f) => f.written);

  it('give the field to the next figure after one wrong, and to none after two', async () => {
    const once = await imported(`${HEAD}排查调处矛盾纠纷95件，成功化解98件，成功化解50件。\n`);
    expect(resolved(once)).toEqual(['50件']);
    const twice = await imported(`${HEAD}排查调处矛盾纠纷95件，成功化解98件，成功化解97件，成功化解50件。\n`);
    expect(resolved(twice)).toEqual([]);
    for (const r of [once, twice]) expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('are taken back when a figure the import left unmarked comes before them', async () => {
    const r = await imported('共有3个村，排查调处矛盾纠纷95件，成功化解98件，成功化解50件。');
    expect(r.figures[0]).toMatchObject({ written: '3个', decision: { kind: 'none' } });
    expect(resolved(r)).toEqual(['50件']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('are kept where a check only warns', async () => {
    const r = await imported('排查调处矛盾纠纷100件，成功化解90件，矛盾纠纷化解率95%。');
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('figures/rate-contradicts-counts');
    expect(r.figures.map((f) => f.decision)).toEqual([
      { kind: 'catalogue', name: 'disputes.total' },
      { kind: 'catalogue', name: 'disputes.resolved' },
      { kind: 'catalogue', name: 'disputes.resolution_rate' },
    ]);
  });

  it('are taken back twice from a report’s only figure: from the field, then from a name of its own', async () => {
    const r = await imported('矛盾纠纷化解率150%。');
    expect(r.figures).toMatchObject([{ written: '150%', decision: { kind: 'none' } }]);
    expect(r.text).toContain('矛盾纠纷化解率150%。');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
