import { describe, expect, it } from 'vitest';
import { compileYaml, standardExample, htmlText, MINIMAL } from './helpers.js';

const headings = (md: string) => md.split('\n').filter((l) => /^#{1,5} /.test(l));

const FULL = `${MINIMAL}
achievements:
  disputes:
    total: 10
    resolved: 9
shortcomings:
  - problem: 宣传不够
    text: 群众知晓率不高。
responsibility:
  party_secretary:
    meetings: 4
plans:
  items:
    - heading: 加强执法
      text: 加强培训。
other: 无其他事项。
`;

describe('the five parts of Art. 25', () => {
  it('come in order, numbered 一 to 五', async () => {
    const r = await compileYaml(FULL);
    const parts = headings(r.md).filter((h) => h.startsWith('## '));
    expect(parts).toEqual(['## 一、主要举措和成效', '## 二、存在的不足和原因', '## 三、党政主要负责人履行推进法治建设第一责任人职责情况', '## 四、2026年工作安排', '## 五、其他需要报告的情况']);
  });

  it('leave out a part with no data and renumber the rest', async () => {
    const r = await compileYaml(FULL.replace(/responsibility:\n  party_secretary:\n    meetings: 4\n/, ''));
    const parts = headings(r.md).filter((h) => h.startsWith('## '));
    expect(parts).toEqual(['## 一、主要举措和成效', '## 二、存在的不足和原因', '## 三、2026年工作安排', '## 四、其他需要报告的情况']);
    expect(r.md).not.toContain('第一责任人');
  });

  it('number subsections （一） from each part and items 1. from each subsection', async () => {
    const r = await compileYaml(standardExample('jinping-2025.yaml'));
    const subs = headings(r.md).filter((h) => h.startsWith('### '));
    expect(subs.slice(0, 3)).toEqual(['### （一）强化组织领导，凝聚工作合力', '### （二）完善制度机制，规范权力运行流程', '### （三）强化队伍建设，提升依法行政能力']);
    // The plan part starts again at （一）.
    expect(subs).toContain('### （一）强化保障支撑，夯实法治建设基础');
    // Level-3 items run into their paragraph and restart at 1. under each subsection.
    expect(r.md).toContain('**1.规范行政执法，推进改革落地。**严格落实');
    expect(r.md).toContain('**1.信访矛盾多元化解。**健全');
    expect(r.md).toContain('**6.风险隐患清单管理。**建立');
  });

  it('leaves out a subsection whose area has no data and renumbers its followers', async () => {
    const yaml = `${MINIMAL}
achievements:
  leadership:
    group_meetings: 2
  decisions: {}
  enforcement:
    inspections: 5
`;
    const r = await compileYaml(yaml);
    const subs = headings(r.md).filter((h) => h.startsWith('### '));
    expect(subs).toEqual(['### （一）强化组织领导，压实法治建设责任', '### （二）规范行政执法行为，提升执法水平']);
  });

  it('splits 不足 and 原因 into two subsections when causes are given', async () => {
    const r = await compileYaml(standardExample('tongle-2025.yaml'));
    expect(r.md).toContain('### （一）存在的不足');
    expect(r.md).toContain('### （二）原因分析');
    expect(r.md).toContain('一是行政执法精细化水平有待提升。');
    expect(r.md).toContain('**1.思想认识层面。**');
  });

  it('ends with the issuing government and the date written in Chinese', async () => {
    const r = await compileYaml(FULL);
    expect(r.md.trimEnd().split('\n\n').slice(-2)).toEqual(['测试乡人民政府', '2026年2月5日']);
    expect(htmlText(r.html)).toMatch(/测试乡人民政府\s*2026年2月5日\s*$/);
  });

  it('writes the 主送机关 with its colon and the 发文字号 above the title', async () => {
    const r = await compileYaml(`${MINIMAL}recipient: 中共某某县委、某某县人民政府\ndoc_number: 测乡府发〔2026〕5号\n`);
    const lines = r.md.split('\n\n');
    expect(lines.slice(0, 3)).toEqual(['测乡府发〔2026〕5号', '# 测试乡人民政府2025年法治政府建设年度报告', '中共某某县委、某某县人民政府：']);
  });

  it('opens with the standard formula when no opening is written', async () => {
    const r = await compileYaml(MINIMAL);
    expect(r.md).toContain('现将2025年法治政府建设工作情况报告如下：');
  });

  it('derives the resolution rate from its counts', async () => {
    const r = await compileYaml(FULL);
    expect(r.md).toContain('排查调处矛盾纠纷10件，成功化解9件，化解率90%。');
  });

  it('works out a breakdown’s missing total from its items, approximate (15余件) when any item is', async () => {
    const r = await compileYaml(`${MINIMAL}
achievements:
  enforcement:
    licences:
      items:
        建房: 5余
        林木采伐: 10
  special_groups:
    managed:
      items:
        社区矫正对象: 3
        刑满释放人员: 4
`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.md).toContain('实施行政许可15余件，其中建房5余件、林木采伐10件。');
    expect(htmlText(r.html)).toContain('实施行政许可15余件，其中建房5余件、林木采伐10件。');
    // Exact items give an exact total.
    expect(r.md).toContain('在册重点管理人员7名，其中社区矫正对象3名、刑满释放人员4名');
    expect(r.data?.achievements?.enforcement?.licences?.total).toMatchObject({ value: 15, approx: '余' });
    expect(r.data?.achievements?.special_groups?.managed?.total).toMatchObject({ value: 7, approx: null });
  });

  it('names a 街道 issuer 街道办事处 and its head 主任', async () => {
    const r = await compileYaml(`${MINIMAL.replace('测试乡', '测试街道').replace('kind: 乡', 'kind: 街道')}responsibility:\n  head:\n    study_sessions: 2\n`);
    expect(r.md).toContain('# 测试街道办事处2025年法治政府建设年度报告');
    // A name written without 街道 gets it in the office's name.
    const short = await compileYaml(MINIMAL.replace('测试乡', '测试').replace('kind: 乡', 'kind: 街道'));
    expect(short.md).toContain('# 测试街道办事处2025年法治政府建设年度报告');
    expect(r.md).toContain('街道办事处主任履行第一责任人职责情况');
  });
});
