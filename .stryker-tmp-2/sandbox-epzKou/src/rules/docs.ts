/** docs/rules.md, generated from the rule catalogue (`npm run docs` writes it; a test fails when it is stale). */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { RULES, type Rule, type RuleId } from './catalogue.js';
interface Group {
  title: string;
  intro?: string;
  /** Rule id prefixes, in order. */
  prefixes: readonly string[];
  /** The example column's heading, if the group has one. */
  example?: string;
}
const GROUPS: readonly Group[] = stryMutAct_9fa48("33") ? [] : (stryCov_9fa48("33"), [stryMutAct_9fa48("34") ? {} : (stryCov_9fa48("34"), {
  title: stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), 'Data file'),
  intro: stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'Reported at the field, with line and column.'),
  prefixes: stryMutAct_9fa48("37") ? [] : (stryCov_9fa48("37"), [stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), 'yaml/'), stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), 'data/'), stryMutAct_9fa48("40") ? "" : (stryCov_9fa48("40"), 'figures/stacked-qualifiers')]),
  example: stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), 'example')
}), stryMutAct_9fa48("42") ? {} : (stryCov_9fa48("42"), {
  title: stryMutAct_9fa48("43") ? "" : (stryCov_9fa48("43"), 'Figures'),
  prefixes: stryMutAct_9fa48("44") ? [] : (stryCov_9fa48("44"), [stryMutAct_9fa48("45") ? "" : (stryCov_9fa48("45"), 'figures/')])
}), stryMutAct_9fa48("46") ? {} : (stryCov_9fa48("46"), {
  title: stryMutAct_9fa48("47") ? "" : (stryCov_9fa48("47"), 'The regulation'),
  intro: stryMutAct_9fa48("48") ? "" : (stryCov_9fa48("48"), '《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号).'),
  prefixes: stryMutAct_9fa48("49") ? [] : (stryCov_9fa48("49"), [stryMutAct_9fa48("50") ? "" : (stryCov_9fa48("50"), 'regulation/')])
}), stryMutAct_9fa48("51") ? {} : (stryCov_9fa48("51"), {
  title: stryMutAct_9fa48("52") ? "" : (stryCov_9fa48("52"), 'Writing'),
  intro: stryMutAct_9fa48("53") ? "" : (stryCov_9fa48("53"), 'Checked in every narrative field (`text`, `intro`, `opening`, `closing`, `other`) and heading\n(`heading`, `problem`); the position is the offending characters.'),
  prefixes: stryMutAct_9fa48("54") ? [] : (stryCov_9fa48("54"), [stryMutAct_9fa48("55") ? "" : (stryCov_9fa48("55"), 'writing/')]),
  example: stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'write instead')
}), stryMutAct_9fa48("57") ? {} : (stryCov_9fa48("57"), {
  title: stryMutAct_9fa48("58") ? "" : (stryCov_9fa48("58"), 'Templates'),
  intro: stryMutAct_9fa48("59") ? "" : (stryCov_9fa48("59"), 'Reported at the template file and line.'),
  prefixes: stryMutAct_9fa48("60") ? [] : (stryCov_9fa48("60"), [stryMutAct_9fa48("61") ? "" : (stryCov_9fa48("61"), 'template/'), stryMutAct_9fa48("62") ? "" : (stryCov_9fa48("62"), 'markdown/')])
}), stryMutAct_9fa48("63") ? {} : (stryCov_9fa48("63"), {
  title: stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'Files and builds'),
  prefixes: stryMutAct_9fa48("65") ? [] : (stryCov_9fa48("65"), [stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'input/'), stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'config/'), stryMutAct_9fa48("68") ? "" : (stryCov_9fa48("68"), 'output/'), stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), 'internal/')])
})]);
const HEAD = stryMutAct_9fa48("70") ? `` : (stryCov_9fa48("70"), `# Rules

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
`);

/** Text as one cell of a Markdown table: a | escaped, line breaks as spaces. */
export const tableCell = stryMutAct_9fa48("71") ? () => undefined : (stryCov_9fa48("71"), (() => {
  const tableCell = (s: string) => s.replace(/\|/g, stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), '\\|')).replace(/\n/g, stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), ' '));
  return tableCell;
})());

/** The group a rule is listed in: the first with a prefix the rule's id starts with. */
function groupOf(id: RuleId): Group | undefined {
  if (stryMutAct_9fa48("74")) {
    {}
  } else {
    stryCov_9fa48("74");
    return GROUPS.find(stryMutAct_9fa48("75") ? () => undefined : (stryCov_9fa48("75"), group => stryMutAct_9fa48("76") ? group.prefixes.every(p => id.startsWith(p)) : (stryCov_9fa48("76"), group.prefixes.some(stryMutAct_9fa48("77") ? () => undefined : (stryCov_9fa48("77"), p => stryMutAct_9fa48("78") ? id.endsWith(p) : (stryCov_9fa48("78"), id.startsWith(p)))))));
  }
}

/** The whole page, from the catalogue. */
export function rulesMarkdown(): string {
  if (stryMutAct_9fa48("79")) {
    {}
  } else {
    stryCov_9fa48("79");
    const ids = Object.keys(RULES) as RuleId[];
    const parts = stryMutAct_9fa48("80") ? [] : (stryCov_9fa48("80"), [HEAD]);
    for (const group of GROUPS) {
      if (stryMutAct_9fa48("81")) {
        {}
      } else {
        stryCov_9fa48("81");
        const rules = stryMutAct_9fa48("82") ? ids : (stryCov_9fa48("82"), ids.filter(stryMutAct_9fa48("83") ? () => undefined : (stryCov_9fa48("83"), id => stryMutAct_9fa48("86") ? groupOf(id) !== group : stryMutAct_9fa48("85") ? false : stryMutAct_9fa48("84") ? true : (stryCov_9fa48("84", "85", "86"), groupOf(id) === group))));
        const columns = stryMutAct_9fa48("87") ? [] : (stryCov_9fa48("87"), [stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), 'rule'), stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'severity'), stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'settable'), stryMutAct_9fa48("91") ? "" : (stryCov_9fa48("91"), 'what it finds'), ...(group.example ? stryMutAct_9fa48("92") ? [] : (stryCov_9fa48("92"), [group.example]) : stryMutAct_9fa48("93") ? ["Stryker was here"] : (stryCov_9fa48("93"), []))]);
        const rows = rules.map(id => {
          if (stryMutAct_9fa48("94")) {
            {}
          } else {
            stryCov_9fa48("94");
            const r: Rule = RULES[id];
            return stryMutAct_9fa48("95") ? [] : (stryCov_9fa48("95"), [stryMutAct_9fa48("96") ? `` : (stryCov_9fa48("96"), `\`${id}\``), r.severity, r.settable ? stryMutAct_9fa48("97") ? "" : (stryCov_9fa48("97"), 'yes') : stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), 'no'), tableCell(r.finds.en), ...(group.example ? stryMutAct_9fa48("99") ? [] : (stryCov_9fa48("99"), [tableCell(stryMutAct_9fa48("100") ? r.example?.en && '' : (stryCov_9fa48("100"), (stryMutAct_9fa48("101") ? r.example.en : (stryCov_9fa48("101"), r.example?.en)) ?? (stryMutAct_9fa48("102") ? "Stryker was here!" : (stryCov_9fa48("102"), ''))))]) : stryMutAct_9fa48("103") ? ["Stryker was here"] : (stryCov_9fa48("103"), []))]);
          }
        });
        parts.push(stryMutAct_9fa48("104") ? `` : (stryCov_9fa48("104"), `${(stryMutAct_9fa48("105") ? [] : (stryCov_9fa48("105"), [stryMutAct_9fa48("106") ? `` : (stryCov_9fa48("106"), `## ${group.title}`), ...(group.intro ? stryMutAct_9fa48("107") ? [] : (stryCov_9fa48("107"), [stryMutAct_9fa48("108") ? "Stryker was here!" : (stryCov_9fa48("108"), ''), group.intro]) : stryMutAct_9fa48("109") ? ["Stryker was here"] : (stryCov_9fa48("109"), [])), stryMutAct_9fa48("110") ? "Stryker was here!" : (stryCov_9fa48("110"), ''), stryMutAct_9fa48("111") ? `` : (stryCov_9fa48("111"), `| ${columns.join(stryMutAct_9fa48("112") ? "" : (stryCov_9fa48("112"), ' | '))} |`), stryMutAct_9fa48("113") ? `` : (stryCov_9fa48("113"), `|${columns.map(stryMutAct_9fa48("114") ? () => undefined : (stryCov_9fa48("114"), () => stryMutAct_9fa48("115") ? "" : (stryCov_9fa48("115"), '---'))).join(stryMutAct_9fa48("116") ? "" : (stryCov_9fa48("116"), '|'))}|`), ...rows.map(stryMutAct_9fa48("117") ? () => undefined : (stryCov_9fa48("117"), r => stryMutAct_9fa48("118") ? `` : (stryCov_9fa48("118"), `| ${r.join(stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), ' | '))} |`)))])).join(stryMutAct_9fa48("120") ? "" : (stryCov_9fa48("120"), '\n'))}\n`));
      }
    }
    return parts.join(stryMutAct_9fa48("121") ? "" : (stryCov_9fa48("121"), '\n'));
  }
}