/**
 * The data file's shape. One schema gives the validator, the TypeScript type
 * and (later) the JSON Schema editors use. Every optional field defaults to
 * null, so templates see every field and strict Handlebars catches typos in
 * templates rather than silently printing nothing.
 */
import { z } from 'zod';
import { parseFigure, type Figure } from './figure.js';
import { t } from '../i18n/index.js';

export const figure = z
  .union([z.number(), z.string()], { error: () => t('figure.hint') })
  .transform((input, ctx): Figure => {
    const parsed = parseFigure(input);
    if (!parsed.ok) {
      ctx.issues.push({ code: 'custom', message: parsed.reason, input, params: { rule: parsed.stacked ? 'figures/stacked-qualifiers' : 'data/invalid-figure' } });
      return z.NEVER;
    }
    return parsed.figure;
  })
  .meta({ description: '数字：写作 63、200余、约300、95%以上 或 0.7万余元，最多一个修饰词' });

const opt = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const fig = (description: string) => opt(figure).meta({ description });
const text = (description: string) => opt(z.string()).meta({ description });

/** A narrative paragraph (or several, separated by a blank line). Written out literally. */
const narrative = text('叙述文字：按原样输出，空一行分段');

/** A numbered item inside a subsection: "1. 信访矛盾多元化解：……". */
const item = z.strictObject({
  heading: z.string().meta({ description: '小标题，不写序号' }),
  text: narrative,
});

const items = opt(z.array(item)).meta({ description: '下一级条目 1. 2. 3.' });

const breakdown = z
  .strictObject({
    total: fig('合计'),
    items: z.record(z.string(), figure).meta({ description: '分项：名称: 数字' }),
  })
  .meta({ description: '合计与分项，分项之和应等于合计' });

const area = <S extends z.ZodRawShape>(shape: S) =>
  opt(
    z.strictObject({
      heading: text('二级标题，不写序号；不写则用模板的标题'),
      ...shape,
      text: narrative,
      items,
    }),
  );

const identity = z.strictObject({
  name: z.string().min(1).meta({ description: '乡镇（街道）名称，如 金坪乡' }),
  kind: z.enum(['乡', '镇', '街道']).meta({ description: '类别：乡、镇或街道' }),
  government: text('发文机关全称，默认“名称+人民政府”（街道为“街道办事处”）'),
  county: z.string().min(1).meta({ description: '所属县（区），如 城口县' }),
  city: text('所属市，如 重庆市'),
  province: text('所属省（自治区、直辖市）'),
});

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const date = z
  .string({ error: () => t('date.hint') })
  .transform((s, ctx) => {
    const m = DATE.exec(s.trim());
    if (!m) {
      ctx.issues.push({ code: 'custom', message: t('date.hint'), input: s });
      return z.NEVER;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a day out of the calendar fails at least two of the three (30 February → 2 March, month 13 → next January), so one left out changes nothing; all three say what is meant
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
      ctx.issues.push({ code: 'custom', message: t('date.not-in-calendar'), input: s });
      return z.NEVER;
    }
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  })
  .meta({ description: '成文日期，写作 2026-02-05 或 2026年2月5日，输出为 2026年2月5日' });

const duty = opt(
  z.strictObject({
    name: text('姓名（可不写）'),
    meetings: fig('主持或专题研究法治建设的会议（次）'),
    study_sessions: fig('带头学法（次）'),
    disputes_led: fig('牵头化解矛盾纠纷（件）'),
    petitions_received: fig('接访群众（人次）'),
    text: narrative,
  }),
);

/** The text of a part or section in the township's own words: one paragraph per line; figures marked where they are written, [95件|disputes.total]. */
const body = text('正文：一行一段，照原样输出；正文中的数字可以标注，如 排查调处矛盾纠纷[95件|disputes.total]，输出为“排查调处矛盾纠纷95件”，并记入汇总和核对');

/** A subsection in the township's own words: （一） and 1. below it. */
const subsection = z.strictObject({
  heading: z.string().min(1).meta({ description: '三级标题（1. 2. …），不写序号' }),
  body,
});
const section = z.strictObject({
  heading: z.string().min(1).meta({ description: '二级标题（（一）（二）…），不写序号' }),
  run_in: z.boolean().default(false).meta({ description: '标题与正文同段：（一）标题。正文……（默认标题单独一行）' }),
  body,
  sections: opt(z.array(subsection)).meta({ description: '下一级小节 1. 2. …' }),
});
const part = z.strictObject({
  part: opt(z.number().int().min(1).max(5)).meta({ description: '属于第二十五条的第几部分（1 举措和成效，2 不足和原因，3 第一责任人，4 下一年度安排，5 其他）；不写时按标题判断' }),
  heading: text('一级标题（一、二、…），不写序号；不写时用标准标题'),
  body,
  sections: opt(z.array(section)).meta({ description: '二级小节（一）（二）…，按本乡镇的顺序' }),
});

export const reportSchema = z.strictObject({
  township: identity.meta({ description: '乡镇（街道）身份：名称、类型、发文机关、所属县（区）' }),
  year: z.number().int().min(2000).max(2100).meta({ description: '报告所述年度，如 2025' }),
  date: opt(date).meta({ description: '成文日期，写作 2026-02-05 或 2026年2月5日，输出为 2026年2月5日；定稿时填写，未填时落款日期留空' }),
  title: text('标题，默认“发文机关+年度+年法治政府建设年度报告”'),
  recipient: text('主送机关，如 中共城口县委、城口县人民政府'),
  doc_number: text('发文字号，如 金坪府发〔2026〕5号'),
  sealed: z.boolean().default(false).meta({ description: '加盖印章：true 时按有印章格式排署名和日期' }),
  opening: narrative.meta({ description: '开头段：指导思想等；末尾自动接“现将……报告如下：”' }),
  closing: narrative.meta({ description: '结束语（可不写）' }),

  achievements: opt(
    z.strictObject({
      intro: narrative,
      leadership: area({
        group_meetings: fig('法治政府建设领导小组专题会议（次）'),
        issues_resolved: fig('研究解决重难点问题（项）'),
        study_sessions: fig('党委理论学习中心组、领导班子专题学法（次）'),
        assessment_weight: fig('法治建设在绩效考核中的占比（%）'),
      }).meta({ description: '组织领导：领导小组、专题学法、考核' }),
      decisions: area({
        legality_reviews: fig('重大决策合法性审查（次）'),
        legal_opinions: fig('提出法律意见建议（条）'),
        adviser_consultations: fig('法律顾问参与重大决策论证（次）'),
        contracts_reviewed: fig('合同审查（件次）'),
        documents_repealed: fig('废止规范性文件（件）'),
        documents_revised: fig('修订规范性文件（件）'),
      }).meta({ description: '依法决策：合法性审查、法律顾问、规范性文件' }),
      enforcement: area({
        officers: fig('持证行政执法人员（人）'),
        officer_training: fig('执法人员参加培训及考试（人次）'),
        matters: fig('明确行政执法事项（项）'),
        inspections: fig('行政执法检查（次）'),
        penalties: fig('作出行政处罚（件）'),
        fines: fig('罚没金额（元），如 0.7万余'),
        licences: opt(breakdown).meta({ description: '实施行政许可（件）：合计与分项' }),
      }).meta({ description: '行政执法：执法队伍、检查、处罚、许可' }),
      legal_education: area({
        campaigns: fig('法治宣传活动（场）'),
        lectures: fig('法律知识讲座（场）'),
        consultations: fig('法律咨询服务（场次）'),
        materials: fig('发放宣传资料（份）'),
        posters: fig('张贴海报（张）'),
        reach: fig('覆盖群众（人次）'),
        legal_informants: fig('“法律明白人”（名）'),
        exam_participation_rate: fig('法治理论考试参考率（%）'),
        exam_pass_rate: fig('法治理论考试合格率（%）'),
      }).meta({ description: '普法宣传教育' }),
      disputes: area({
        screenings: fig('开展矛盾纠纷排查（次）'),
        total: fig('排查调处矛盾纠纷（件）'),
        resolved: fig('成功化解（件）'),
        resolution_rate: fig('化解（调解）成功率（%），不写则由件数算出'),
        petitions: fig('受理信访案件（件）'),
        petitions_closed: fig('办结信访案件（件）'),
      }).meta({ description: '矛盾纠纷化解与信访' }),
      services: area({
        matters_streamlined: fig('清理规范审批服务事项（项）'),
        service_points: fig('便民服务点（个）'),
        disclosures: fig('主动公开政府信息（条）'),
      }).meta({ description: '政务公开与政务服务' }),
      special_groups: area({
        managed: opt(breakdown).meta({ description: '在册重点管理人员（名）：合计与分类' }),
      }).meta({ description: '特殊人群服务管理' }),
      more: opt(
        z.array(
          z.strictObject({
            heading: z.string().meta({ description: '二级标题，不写序号' }),
            text: narrative,
            items,
          }),
        ),
      ).meta({ description: '其他举措：自拟二级标题的小节' }),
    }),
  ).meta({ description: '一、主要举措和成效' }),

  shortcomings: opt(
    z.array(
      z.strictObject({
        problem: z.string().meta({ description: '不足，如 行政执法保障有待加强' }),
        text: narrative,
      }),
    ),
  ).meta({ description: '二、存在的不足' }),
  causes: opt(
    z.array(
      z.strictObject({
        heading: z.string().meta({ description: '原因，如 思想认识层面' }),
        text: narrative,
      }),
    ),
  ).meta({ description: '二、原因分析' }),

  responsibility: opt(
    z.strictObject({
      intro: narrative,
      party_secretary: duty.meta({ description: '党委书记履行第一责任人职责' }),
      head: duty.meta({ description: '乡（镇）长、街道办事处主任履行第一责任人职责' }),
    }),
  ).meta({ description: '三、党政主要负责人履行推进法治建设第一责任人职责情况' }),

  plans: opt(
    z.strictObject({
      intro: narrative,
      items: z
        .array(
          z.strictObject({
            heading: z.string().meta({ description: '工作安排标题，不写序号' }),
            text: narrative,
          }),
        )
        .meta({ description: '工作安排：每项一个标题和正文' }),
    }),
  ).meta({ description: '四、下一年度主要安排' }),

  other: narrative.meta({ description: '五、其他需要报告的情况' }),

  parts: opt(z.array(part).min(1)).meta({
    description: '按本乡镇自己的结构写报告：各部分依次列出，每部分有自己的标题、正文和小节；写了 parts 就不再写 achievements 至 other',
  }),
  figures: opt(z.record(z.string(), figure)).meta({
    description: '只记录、不写进正文的数字：名称: 数字，名称写数字目录中的字段（如 disputes.total）或中文名称（如 排查调处矛盾纠纷），也可以是自拟名称',
  }),

  previous: text('上一年度的数据文件（相对本文件的路径），用于同比；不写时找文件名中年份减一的同目录文件'),
  overrides: opt(z.record(z.string(), z.string())).meta({
    description: '本乡镇自己的章节模板：章节名: 模板文件（相对本文件的路径），如 responsibility: 我乡第一责任人.md',
  }),
});

export type ReportData = z.output<typeof reportSchema>;
