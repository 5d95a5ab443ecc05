// A report in the township's own structure (`parts:`): its headings, its order, its paragraphs and
// numbered items, figures marked where they are written — in Markdown, HTML and DOCX alike.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { compileYaml, htmlText, MINIMAL } from './helpers.js';
import { docxParagraphs } from './xml.js';

const own = (yaml: string) => `${MINIMAL}${yaml}`;

/** The report's text in each format, one paragraph per line, without Markdown's marks. */
async function texts(source: string) {
  const c = await compileYaml(source, ['md', 'html', 'docx']);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.ruleId}: ${d.reason}`)).toEqual([]);
  return {
    compiled: c,
    md: c.md.replace(/\*\*|\\/g, ''),
    html: htmlText(c.html),
    docx: docxParagraphs(c.outputs.docx!).join('\n'),
  };
}

const where = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.ruleId === rule).map((d) => `${d.line}:${d.column} ${d.reason}`);

describe('parts of the township’s own', () => {
  const source = own(`parts:
  - heading: 压实责任强根基，构建法治建设闭环体系
    body: |-
      金坪乡始终将法治政府建设摆在全局工作的突出位置。
    sections:
      - heading: 强化组织领导，凝聚工作合力
        body: |-
          坚持把法治政府建设作为一把手工程来抓。
          全年召开领导小组专题会议[3次|leadership.group_meetings]。
  - heading: 聚焦重点抓落实，提升法治政府建设质效
    sections:
      - heading: 筑牢平安防线，深化基层社会治理
        body: |-
          以防范化解各类风险隐患为目标。
          1. 信访矛盾多元化解：全年排查上报矛盾纠纷[63件|disputes.total]，化解[63件|成功化解]。
          2. 反诈防诈全民参与：开展反诈宣传活动[12场次|反诈宣传活动]。
  - part: 2
    body: |-
      一是行政执法保障有待加强。二是法治建设推进不均衡。
  - heading: 锚定目标再发力，谋划2026年工作思路
    body: |-
      打造1—2个村级法治文化阵地。
`);

  it('keeps their headings, their order and their paragraphs, numbered 一、（一）1. in every format', async () => {
    const { md, html, docx } = await texts(source);
    for (const text of [md, html, docx]) {
      const order = [
        '一、压实责任强根基，构建法治建设闭环体系',
        '金坪乡始终将法治政府建设摆在全局工作的突出位置。',
        '（一）强化组织领导，凝聚工作合力',
        '坚持把法治政府建设作为一把手工程来抓。',
        '全年召开领导小组专题会议3次。',
        '二、聚焦重点抓落实，提升法治政府建设质效',
        '（一）筑牢平安防线，深化基层社会治理',
        '1.信访矛盾多元化解：全年排查上报矛盾纠纷63件，化解63件。',
        '2.反诈防诈全民参与：开展反诈宣传活动12场次。',
        // A part without a heading of its own gets the standard one.
        '三、存在的不足和原因',
        '一是行政执法保障有待加强。二是法治建设推进不均衡。',
        '四、锚定目标再发力，谋划2026年工作思路',
        '打造1—2个村级法治文化阵地。',
      ];
      let at = -1;
      for (const line of order) {
        const next = text.indexOf(line, at + 1);
        expect(next, `${line}\n---\n${text}`).toBeGreaterThan(at);
        at = next;
      }
      expect(text).not.toContain('[');
      expect(text).not.toContain('|');
    }
  });

  it('records the figures marked in the text: catalogue fields in their place, the township’s own by name', async () => {
    const { compiled } = await texts(source);
    const data = compiled.data!;
    expect(data.achievements?.leadership?.group_meetings).toMatchObject({ value: 3, unit: '次' });
    expect(data.achievements?.disputes?.total).toMatchObject({ value: 63, unit: '件' });
    // By its Chinese label: 成功化解 is achievements.disputes.resolved.
    expect(data.achievements?.disputes?.resolved).toMatchObject({ value: 63 });
    expect(data.figures).toEqual({ 反诈宣传活动: expect.objectContaining({ value: 12, unit: '场次' }) });
    // The rate is worked out from the counts, as for any data file.
    expect(data.achievements?.disputes?.resolution_rate).toMatchObject({ value: 100, percent: true });
  });

  it('takes the part of Art. 25 a part is from its heading when it does not say, and warns of a part missing', async () => {
    const { compiled } = await texts(source);
    expect(compiled.data!.parts!.map((p) => p.part)).toEqual([1, 1, 2, 4]);
    expect(compiled.diagnostics.filter((d) => d.ruleId === 'regulation/missing-part').map((d) => d.reason)).toEqual([
      'Part 3（党政主要负责人履行推进法治建设第一责任人职责情况） is missing: Art. 25 of 《法治政府建设与责任落实督察工作规定》 requires it',
    ]);
  });

  it('prints the standard sentences of no figure it records', async () => {
    const { md } = await texts(source);
    expect(md).not.toContain('法治政府建设领导小组专题会议3次');
    expect(md).not.toContain('主要举措和成效');
  });
});

describe('figures marked in the text', () => {
  it('are printed exactly as written, qualifiers and all, with full-width marks too', async () => {
    const { md, compiled } = await texts(own('parts:\n  - body: 发放宣传资料【1000余份｜legal_education.materials】，覆盖群众[约300人次|legal_education.reach]，转发量达[6000+|转发量]。\n'));
    expect(md).toContain('发放宣传资料1000余份，覆盖群众约300人次，转发量达6000+。');
    expect(compiled.data!.achievements?.legal_education?.materials).toMatchObject({ value: 1000, approx: '余', unit: '份' });
    expect(compiled.data!.achievements?.legal_education?.reach).toMatchObject({ value: 300, approx: '约' });
    expect(compiled.data!.figures?.['转发量']).toMatchObject({ value: 6000, approx: '+' });
  });

  it('of the township’s own may be rates, and a breakdown’s total may be marked', async () => {
    const { md, compiled } = await texts(own('parts:\n  - body: 法院回流案件调处成功率[60%|法院回流案件调处成功率]，在册重点管理人员[51名|special_groups.managed.total]。\n'));
    expect(md).toContain('法院回流案件调处成功率60%，在册重点管理人员51名。');
    expect(compiled.data!.figures?.['法院回流案件调处成功率']).toMatchObject({ value: 60, percent: true });
    expect(compiled.data!.achievements?.special_groups?.managed).toMatchObject({ total: { value: 51 }, items: {} });
  });

  it('may be recorded without being printed, under figures:', async () => {
    const { md, compiled } = await texts(own('figures:\n  disputes.total: 95件\n  村级法治阵地: 3个\nparts:\n  - body: 全年化解矛盾纠纷[90件|disputes.resolved]。\n'));
    expect(md).not.toContain('95');
    expect(compiled.data!.achievements?.disputes?.total).toMatchObject({ value: 95 });
    expect(compiled.data!.achievements?.disputes?.resolution_rate).toMatchObject({ value: 94.7 });
    expect(compiled.data!.figures).toEqual({ 村级法治阵地: expect.objectContaining({ value: 3, unit: '个' }) });
  });

  it('are checked like any figure: a part larger than its whole is an error at the mark', async () => {
    const c = await compileYaml(own('parts:\n  - body: |-\n      排查调处[200件|disputes.total]，化解[212件|disputes.resolved]。\n'));
    expect(where(c.diagnostics, 'figures/part-exceeds-total')).toEqual([expect.stringMatching(/^9:35 /)]);
    expect(c.diagnostics.find((d) => d.ruleId === 'figures/part-exceeds-total')?.related?.[0]).toMatchObject({ line: 9, column: 11 });
    expect(c.outputs.md).toBeUndefined();
  });

  it('are errors at the line and column of the mark when the figure cannot be read, the field does not exist, or one figure has two values', async () => {
    const source = own(`parts:
  - body: |-
      全年排查[许多件|disputes.total]。
      召开会议[3次|leadership.group_meeting]。
      化解[63件|disputes.resolved]，又化解[64件|成功化解]。
`);
    const c = await compileYaml(source);
    expect(c.outputs.md).toBeUndefined();
    expect(where(c.diagnostics, 'data/invalid-figure')).toEqual([expect.stringMatching(/^9:11 The figure in the mark “\[许多件\|disputes\.total\]” cannot be read/)]);
    const unknown = c.diagnostics.find((d) => d.ruleId === 'data/unknown-key');
    expect(`${unknown?.line}:${unknown?.column} ${unknown?.note}`).toBe('10:11 Did you mean `leadership.group_meetings`?');
    expect(where(c.diagnostics, 'figures/conflicting')).toEqual(['11:36 `achievements.disputes.resolved` is marked 64件, but it was 63件 before']);
  });

  it('are errors where they are not whole marks: one inside another, two bars, no closing bracket', async () => {
    const source = own(`parts:
  - body: |-
      全年排查[[95件|disputes.total]|排查]，化解率[100%|disputes.rate|化解率]。
      召开会议【3次｜会议次数，研究部署。
`);
    const c = await compileYaml(source);
    expect(c.outputs.md).toBeUndefined();
    expect(where(c.diagnostics, 'data/invalid-figure')).toEqual(['9:11 “[[95件|disputes.total]|” is not a whole mark', '9:40 “[100%|” is not a whole mark', '10:11 “【3次｜” is not a whole mark']);
  });

  it('are text in a data file: brackets that mark no figure, and template code, are printed as typed', async () => {
    const { md, html } = await texts(own('parts:\n  - body: 见[附件1]和【通知】，{{year}}与[a|b|c]照原样输出。\n'));
    expect(md).toContain('见[附件1]和【通知】，{{year}}与[a|b|c]照原样输出。');
    expect(html).toContain('见[附件1]和【通知】，{{year}}与[a|b|c]照原样输出。');
  });
});

describe('numbered items', () => {
  it('are written out as numbered by the township when one of them has no heading of its own', async () => {
    const { md } = await texts(own('parts:\n  - body: |-\n      1. 健全机制：建立台账。\n      2. 全年开展排查26次。\n'));
    expect(md).toContain('1. 健全机制：建立台账。');
    expect(md).toContain('2. 全年开展排查26次。');
  });
});

describe('the opening', () => {
  it('keeps the township’s own “现将……报告如下：” and adds the formula only when there is none', async () => {
    const mine = await texts(own('opening: 2025年，某某乡扎实推进法治政府建设。现将本年度工作情况报告如下：\nparts:\n  - body: 正文。\n'));
    expect(mine.md).toContain('2025年，某某乡扎实推进法治政府建设。现将本年度工作情况报告如下：\n');
    expect(mine.md).not.toContain('现将2025年法治政府建设工作情况报告如下');
    const plain = await texts(own('opening: 2025年，某某乡扎实推进法治政府建设。\nparts:\n  - body: 正文。\n'));
    expect(plain.md).toContain('2025年，某某乡扎实推进法治政府建设。现将2025年法治政府建设工作情况报告如下：');
  });
});

describe('a data file', () => {
  it('written in its own parts may not also have the standard ones', async () => {
    const c = await compileYaml(own('achievements:\n  intro: 甲。\nparts:\n  - body: 乙。\n'));
    expect(c.diagnostics.filter((d) => d.ruleId === 'data/invalid-value').map((d) => `${d.line}:${d.column} ${d.reason}`)).toEqual([
      '7:1 A file written in its own `parts` does not also have `achievements`',
    ]);
  });

  it('without a 成文日期 is built with the date left blank, and warned about', async () => {
    const c = await texts(`${MINIMAL.replace('date: 2026-02-05\n', '')}parts:\n  - body: 正文。\n`);
    expect(c.compiled.diagnostics.filter((d) => d.ruleId === 'regulation/missing-date')).toHaveLength(1);
    expect(c.md.trimEnd().split('\n').at(-1)).toBe('　　年　月　日');
  });
});

describe('what a clerk writes that must come out as written', () => {
  it('a line starting with a decimal is a paragraph, not a numbered item', async () => {
    const { md } = await texts(own('parts:\n  - body: |-\n      全年投入经费如下。\n      0.5万元用于购置执法记录仪。其余用于培训。\n      12.8%的群众参与了线上学法。\n'));
    expect(md).toContain('0.5万元用于购置执法记录仪。其余用于培训。');
    expect(md).toContain('12.8%的群众参与了线上学法。');
  });

  it('numbered items in a third-level section sit below its heading, which stays', async () => {
    const { md } = await texts(own('parts:\n  - sections:\n      - heading: 小节\n        sections:\n          - heading: 三级乙\n            body: |-\n              1. 甲项：正文。\n'));
    expect(md).toContain('1.三级乙');
    expect(md).toContain('（1）甲项：');
  });

  it('a folded body (>-) joins its Chinese lines without spaces', async () => {
    const { md } = await texts(own('parts:\n  - body: >-\n      折叠第一行\n      折叠第二行。\n'));
    expect(md).toContain('折叠第一行折叠第二行。');
  });

  it('brackets with a bar that hold no figure are text', async () => {
    const { md, compiled } = await texts(own('parts:\n  - body: 转发【政策解读｜法治宣传】专栏文章。\n'));
    expect(md).toContain('转发【政策解读｜法治宣传】专栏文章。');
    expect(compiled.data!.figures).toBeNull();
  });

  it('a part with nothing to print does not count as the part of Art. 25 it names', async () => {
    const c = await compileYaml(own('parts:\n  - part: 1\n    body: 成效。\n  - part: 2\n  - part: 3\n    heading: 第一责任人\n  - part: 4\n    body: "   "\n'));
    expect(c.diagnostics.filter((d) => d.ruleId === 'regulation/missing-part').map((d) => d.reason.slice(0, 6))).toEqual(['Part 2', 'Part 3', 'Part 4']);
  });

  it.each([
    ['2025年法治政府建设工作开展情况', 1],
    ['坚持问题导向，推进依法行政', 1],
    ['存在的问题和不足', 2],
    ['问题与不足', 2],
    ['正视短板明方向', 2],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 3],
    ['2026年工作计划', 4],
    ['谋划2026年工作思路', 4],
    ['其他需要报告的情况', 5],
  ])('the heading %s is part %i', async (heading, part) => {
    const c = await compileYaml(own(`parts:\n  - heading: ${heading}\n    body: 正文。\n`));
    expect(c.data!.parts![0]!.part).toBe(part);
  });

  it('in a file of the standard fields, a marked figure is printed where it is written only, and one under figures: not at all', async () => {
    const c = await compileYaml(own('figures:\n  disputes.total: 95件\nachievements:\n  legal_education:\n    text: 全年开展法治宣传活动[12场|legal_education.campaigns]。\n'));
    expect(c.md.match(/12场/g)).toHaveLength(1);
    expect(c.md).not.toContain('95');
    expect(c.data!.achievements?.disputes?.total).toMatchObject({ value: 95 });
  });
});

describe('a template pack without the section for parts', () => {
  it('is an error for a report written in parts, not a report without its text', async () => {
    const { loadPack } = await import('../src/render/index.js');
    const { cpSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir, ROOT } = await import('./helpers.js');
    const dir = join(tempDir('pack-'), 'old');
    cpSync(join(ROOT, 'templates', 'standard'), dir, { recursive: true });
    rmSync(join(dir, 'sections', '05-parts.md'));
    const { pack } = loadPack(dir);
    const c = await compileYaml(own('parts:\n  - body: 正文。\n'), ['md'], pack!);
    expect(c.outputs.md).toBeUndefined();
    expect(c.diagnostics.filter((d) => d.ruleId === 'template/pack').map((d) => d.reason)).toEqual([
      'The template pack has no section that prints `parts`: the whole body of the report would be missing',
    ]);
  });
});

describe('summary.csv of townships’ own figures', () => {
  it('gives each name and unit a column of its own, headed safely, whatever the names', async () => {
    const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { runCli, tempDir } = await import('./helpers.js');
    const dir = tempDir('csv-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(
      join(dir, 'data', 'a.yaml'),
      `${MINIMAL.replace('测试乡', '甲乡')}figures:\n  '=HYPERLINK("http://x/","点我")': 5\nparts:\n  - body: 拍摄视频[3条|反诈宣传视频]，开展[2场|宣传,活动]，书记带头学法[4次|responsibility.party_secretary.study_sessions]。\n`,
    );
    writeFileSync(join(dir, 'data', 'b.yaml'), `${MINIMAL.replace('测试乡', '乙乡')}parts:\n  - body: 视频共[300分钟|反诈宣传视频]，乡长带头学法[2次|responsibility.head.study_sessions]。\n`);
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.code, r.stderr).toBe(0);
    const [head, a, b] = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = head!.match(/("([^"]|"")*"|[^,]+)/g)!;
    expect(columns).toContain('反诈宣传视频（条）');
    expect(columns).toContain('反诈宣传视频（分钟）');
    expect(columns).toContain('"宣传,活动（场）"');
    expect(columns).toContain(`"'=HYPERLINK(""http://x/"",""点我"")"`);
    expect(columns.filter((c) => c.startsWith('带头学法（次）') && !c.endsWith('_approx'))).toEqual([
      '带头学法（次） responsibility.party_secretary.study_sessions',
      '带头学法（次） responsibility.head.study_sessions',
    ]);
    expect(new Set(columns).size).toBe(columns.length);
    const cells = (row: string | undefined) => row!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const cell = (row: string | undefined, column: string) => cells(row)[cells(head).indexOf(column)];
    expect(cell(a, '反诈宣传视频（条）')).toBe('3');
    expect(cell(b, '反诈宣传视频（条）')).toBe('');
    expect(cell(b, '反诈宣传视频（分钟）')).toBe('300');
  });
});

describe('a section run in with its text', () => {
  it('prints （一）标题。正文 as one paragraph, in every format, when run_in is set', async () => {
    const { md, html, docx } = await texts(
      own(
        'parts:\n  - part: 2\n    sections:\n      - heading: 法治意识有待进一步提高\n        run_in: true\n        body: 部分干部群众学法用法意识不强。\n      - heading: 执法保障不足\n        body: 经费不够。\n',
      ),
    );
    for (const text of [md, html, docx]) {
      expect(text).toContain('（一）法治意识有待进一步提高。部分干部群众学法用法意识不强。');
      expect(text).toMatch(/（二）执法保障不足\s*\n\s*经费不够。/);
    }
  });
});

describe('a breakdown marked in the text', () => {
  it('records its total and each item, and checks that the items add up', async () => {
    const { compiled } = await texts(
      own(
        'parts:\n  - body: 实施行政许可[134件|enforcement.licences.total]，其中林业采伐许可[24件|enforcement.licences.items.林业采伐许可]、建设规划许可[110件|enforcement.licences.items.建设规划许可]。\n',
      ),
    );
    expect(compiled.data!.achievements?.enforcement?.licences).toMatchObject({ total: { value: 134 }, items: { 林业采伐许可: { value: 24 }, 建设规划许可: { value: 110 } } });
    const wrong = await compileYaml(own('parts:\n  - body: 许可[134件|enforcement.licences.total]，其中[24件|enforcement.licences.items.林业采伐许可]。\n'));
    expect(wrong.diagnostics.filter((d) => d.ruleId === 'figures/breakdown-sum')).toHaveLength(1);
  });
});
