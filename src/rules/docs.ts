/** docs/rules.md, generated from the rule catalogue (`npm run docs` writes it; a test fails when it is stale). */
import type { Lang } from '../i18n/index.js';
import { RULES, type Rule, type RuleId, type Text } from './catalogue.js';

interface Group {
  title: Text;
  intro?: Text;
  /** Rule id prefixes, in order. */
  prefixes: readonly string[];
  /** The example column's heading, if the group has one. */
  example?: Text;
}

const GROUPS: readonly Group[] = [
  {
    title: { zh: '数据文件', en: 'Data file' },
    intro: { zh: '报在字段所在处，带行号和列号。', en: 'Reported at the field, with line and column.' },
    prefixes: ['yaml/', 'data/', 'figures/stacked-qualifiers'],
    example: { zh: '例子', en: 'example' },
  },
  { title: { zh: '数字', en: 'Figures' }, prefixes: ['figures/'] },
  {
    title: { zh: '条例要求', en: 'The regulation' },
    intro: { zh: '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）。', en: '《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号).' },
    prefixes: ['regulation/'],
  },
  {
    title: { zh: '文字', en: 'Writing' },
    intro: {
      zh: '检查每个叙述字段（`text`、`intro`、`opening`、`closing`、`other`）和标题（`heading`、`problem`）；\n位置指向出问题的字。',
      en: 'Checked in every narrative field (`text`, `intro`, `opening`, `closing`, `other`) and heading\n(`heading`, `problem`); the position is the offending characters.',
    },
    prefixes: ['writing/'],
    example: { zh: '应当写', en: 'write instead' },
  },
  { title: { zh: '模板', en: 'Templates' }, intro: { zh: '报在模板文件的行上。', en: 'Reported at the template file and line.' }, prefixes: ['template/', 'markdown/'] },
  { title: { zh: '文件和生成', en: 'Files and builds' }, prefixes: ['input/', 'config/', 'output/', 'internal/'] },
];

const HEAD: Text = {
  zh: `# 规则

<!-- 由 \`npm run docs\` 根据 src/rules/catalogue.ts 生成；请改规则表，不要改这个页面。English: docs/en/rules.md -->

\`report build\` 和 \`report check\` 发现的每个问题都这样报告：

\`\`\`
文件:行:列  严重程度  哪里不对（引用所写的值）  规则编号
  → 应当怎么改
  ↳ 文件:行:列: 牵涉的另一处（如与分项不符的合计）
\`\`\`

规则编号不会改变：可以在本页中查找。标为“可设定”的规则可以在 \`report.config.yaml\` 中设为
\`off\`、\`warn\` 或 \`error\`；其他规则始终是表中的严重程度：

\`\`\`yaml
rules:
  writing/half-width-punctuation: off
  regulation/missing-part: error      # 要求五个部分都写的县
\`\`\`

有错误的报告不生成；警告照常显示，报告照常生成。
`,
  en: `# Rules

<!-- Generated from src/rules/catalogue.ts by \`npm run docs\`; edit the catalogue, not this page. 中文：docs/rules.md -->

Every problem \`report build\` and \`report check\` find is reported as

\`\`\`
file:line:column  severity  what is wrong, quoting the value  rule-id
  → what to do about it
  ↳ file:line:column: a second place involved (the total a breakdown contradicts)
\`\`\`

The rule id is permanent: search this page for it. The rules marked *settable* can be set
\`off\`, \`warn\` or \`error\` in \`report.config.yaml\`; the others always have the severity shown:

\`\`\`yaml
rules:
  writing/half-width-punctuation: off
  regulation/missing-part: error      # a county that wants all five parts
\`\`\`

A report with an error is not written. Warnings are printed and the report is written.
`,
};

const COLUMNS: Record<Lang, string[]> = { zh: ['规则', '严重程度', '可设定', '发现什么'], en: ['rule', 'severity', 'settable', 'what it finds'] };
const SEVERITY: Record<Lang, Record<string, string>> = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } };
const YES_NO: Record<Lang, [string, string]> = { zh: ['是', '否'], en: ['yes', 'no'] };

/** Text as one cell of a Markdown table: a | escaped, line breaks as spaces. */
export const tableCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The group a rule is listed in: the first with a prefix the rule's id starts with. */
function groupOf(id: RuleId): Group | undefined {
  return GROUPS.find((group) => group.prefixes.some((p) => id.startsWith(p)));
}

/** The whole page, from the catalogue, in one language: docs/rules.md in Chinese, docs/en/rules.md in English. */
export function rulesMarkdown(lang: Lang): string {
  const ids = Object.keys(RULES) as RuleId[];
  const parts = [HEAD[lang]];
  for (const group of GROUPS) {
    const rules = ids.filter((id) => groupOf(id) === group);
    const columns = [...COLUMNS[lang], ...(group.example ? [group.example[lang]] : [])];
    const rows = rules.map((id) => {
      const r: Rule = RULES[id];
      // Stryker disable next-line StringLiteral: every rule of a group with an example column has one (test/docs.test.ts); the '' only satisfies the type
      const example = group.example ? [tableCell(r.example?.[lang] ?? '')] : [];
      return [`\`${id}\``, SEVERITY[lang][r.severity] ?? r.severity, YES_NO[lang][r.settable ? 0 : 1], tableCell(r.finds[lang]), ...example];
    });
    parts.push(
      `${[
        `## ${group.title[lang]}`,
        ...(group.intro ? ['', group.intro[lang]] : []),
        '',
        `| ${columns.join(' | ')} |`,
        `|${columns.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      ].join('\n')}\n`,
    );
  }
  return parts.join('\n');
}
