/** docs/rules.md, generated from the rule catalogue (`npm run docs` writes it; a test fails when it is stale). */
import { RULES, type Rule, type RuleId } from './catalogue.js';

interface Group {
  title: string;
  intro?: string;
  /** Rule id prefixes, in order. */
  prefixes: readonly string[];
  /** The example column's heading, if the group has one. */
  example?: string;
}

const GROUPS: readonly Group[] = [
  { title: 'Data file', intro: 'Reported at the field, with line and column.', prefixes: ['yaml/', 'data/', 'figures/stacked-qualifiers'], example: 'example' },
  { title: 'Figures', prefixes: ['figures/'] },
  { title: 'The regulation', intro: '《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号).', prefixes: ['regulation/'] },
  {
    title: 'Writing',
    intro: 'Checked in every narrative field (`text`, `intro`, `opening`, `closing`, `other`) and heading\n(`heading`, `problem`); the position is the offending characters.',
    prefixes: ['writing/'],
    example: 'write instead',
  },
  { title: 'Templates', intro: 'Reported at the template file and line.', prefixes: ['template/', 'markdown/'] },
  { title: 'Files and builds', prefixes: ['input/', 'config/', 'output/', 'internal/'] },
];

const HEAD = `# Rules

<!-- Generated from src/rules/catalogue.ts by \`npm run docs\`; edit the catalogue, not this page. -->

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
`;

/** Text as one cell of a Markdown table: a | escaped, line breaks as spaces. */
export const tableCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The group a rule is listed in: the first with a prefix the rule's id starts with. */
function groupOf(id: RuleId): Group | undefined {
  return GROUPS.find((group) => group.prefixes.some((p) => id.startsWith(p)));
}

/** The whole page, from the catalogue. */
export function rulesMarkdown(): string {
  const ids = Object.keys(RULES) as RuleId[];
  const parts = [HEAD];
  for (const group of GROUPS) {
    const rules = ids.filter((id) => groupOf(id) === group);
    const columns = ['rule', 'severity', 'settable', 'what it finds', ...(group.example ? [group.example] : [])];
    const rows = rules.map((id) => {
      const r: Rule = RULES[id];
      // Stryker disable next-line StringLiteral: every rule of a group with an example column has one (test/docs.test.ts); the '' only satisfies the type
      return [`\`${id}\``, r.severity, r.settable ? 'yes' : 'no', tableCell(r.finds.en), ...(group.example ? [tableCell(r.example?.en ?? '')] : [])];
    });
    parts.push(
      `${[`## ${group.title}`, ...(group.intro ? ['', group.intro] : []), '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
        '\n',
      )}\n`,
    );
  }
  return parts.join('\n');
}
