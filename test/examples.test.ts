import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import { compileYaml, example, htmlText } from './helpers.js';

/** The figures each seed report states, with unit and qualifier, as its compiled report must show them. */
const SEED_FIGURES: Record<string, string[]> = {
  'jinping-2025.yaml': [
    '专题会议3次', '重难点问题23项', '不低于15%', '矛盾纠纷63件', '化解率100%', '牵头化解矛盾纠纷100件',
    '500余名', '1000余份', '16人', '反邪教专题学习3次', '1000余人次', '矛盾纠纷16件', '普法宣传2次', '30余张',
    '12场次', '800余份', '视频3条', '6000+', '4条平安稳定隐患', '3条信访稳定问题', '10条矛盾纠纷',
    '法治专题学习3次', '法治学习12次', '超5000小时', '横幅4条', '200余份', '讲座6场', '300余人次',
    '合法性审查3次', '法律意见建议5条', '参考率100%', '合格率100%', '2026年2月24日',
  ],
  'zuolan-2024.yaml': [
    '持证行政执法人员10人', '培训及考试12人次', '专题会议2次', '相关事宜3次', '10余场', '讲座1场', '咨询服务2场次',
    '2000余份', '20余张', '参考率95%以上', '合格率95%以上', '200余起', '化解率95%以上', '信访案件2件',
    '案件6起', '回流案件9件', '成功率达60%', '3个毗邻乡镇', '管理队伍3支', '20余个', '纠纷1起',
    '51名', '精神病患者17名', '社区矫正对象1名', '刑满释放人员13名', '吸毒人员5名', '重点未成年学生14名', '重点信访人员1名',
  ],
  'tongle-2025.yaml': [
    '专题学法7次', '废止2件', '修订1件', '14个村（社区）', '参与重大决策论证2次', '合同20件次', '纠纷调解2次',
    '“送法进村”服务14场', '法律培训2场', '1200余人次', '执法事项112项', '执法检查422次', '行政处罚347件',
    '0.7万余元', '行政许可134件', '林业采伐许可24件', '建设规划许可110件', '案卷自评1次', '伴随式执法监督2次',
    '审批服务事项46项', '压减至8项', '便民服务点14个', '专项抽查75次', '问题35个', '安全隐患456处',
    '参考率100%', '合格率100%', '法律明白人”70名', '活动18场', '2000余份', '内容20条', '矛盾纠纷排查26次',
    '矛盾纠纷95件', '化解率100%', '培训4场次', '疑难纠纷8件', '1—2个', '2026年1月26日',
  ],
};

describe.each(Object.keys(SEED_FIGURES))('example %s', (name) => {
  it('compiles without errors or warnings', async () => {
    const r = await compileYaml(example(name), ['md', 'html'], undefined, `examples/${name}`);
    expect(r.diagnostics).toEqual([]);
  });

  it('states every figure of the seed report in Markdown and HTML', async () => {
    const r = await compileYaml(example(name));
    const text = htmlText(r.html);
    for (const figure of SEED_FIGURES[name] ?? []) {
      expect(r.md, `md lacks ${figure}`).toContain(figure);
      expect(text, `html lacks ${figure}`).toContain(figure);
    }
  });

  it('never prints a missing value or an empty figure', async () => {
    const r = await compileYaml(example(name));
    for (const out of [r.md, htmlText(r.html)]) {
      expect(out).not.toMatch(/undefined|NaN|null|\{\{|\[object/);
      expect(out).not.toMatch(/[共计达][件次人名份场项个条]/);
      expect(out).not.toMatch(/[\p{Script=Han}] [\p{Script=Han}]/u);
    }
  });

  it('writes Markdown that parses and stringifies back to the same bytes', async () => {
    const r = await compileYaml(example(name));
    const again = String(await remark().use((await import('remark-gfm')).default).use((await import('remark-cjk-friendly')).default).use({ settings: { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true } }).process(r.md));
    expect(again).toBe(r.md);
  });
});
