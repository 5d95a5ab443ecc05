/**
 * Every rule a diagnostic can name: its permanent id, its default severity, whether a settings
 * file may change that severity, and its one-line description. The code reads severities from
 * here (a diagnostic takes its rule's default), settings are checked against it, and
 * docs/rules.md is generated from it (src/rules/docs.ts; a test fails when the page is stale).
 * Texts are keyed by language so that each can be given in Chinese and English.
 */
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
import type { Diagnostic, Severity } from '../diagnostics/index.js';

/** A text in each language the interface speaks. */
export interface Text {
  en: string;
}
export interface Rule {
  severity: Severity;
  /** A lint rule: `rules:` in report.config.yaml may set it off, warn or error. */
  settable: boolean;
  /** What it finds, in one line (Markdown). */
  finds: Text;
  /** An example of what it finds (data rules) or what to write instead (writing rules). */
  example?: Text;
}
const rule = stryMutAct_9fa48("0") ? () => undefined : (stryCov_9fa48("0"), (() => {
  const rule = (severity: Severity, finds: string, example?: string, settable = stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1"), false)): Rule => stryMutAct_9fa48("2") ? {} : (stryCov_9fa48("2"), {
    severity,
    settable,
    finds: stryMutAct_9fa48("3") ? {} : (stryCov_9fa48("3"), {
      en: finds
    }),
    ...(example ? stryMutAct_9fa48("4") ? {} : (stryCov_9fa48("4"), {
      example: stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
        en: example
      })
    }) : {})
  });
  return rule;
})());
const lint = stryMutAct_9fa48("6") ? () => undefined : (stryCov_9fa48("6"), (() => {
  const lint = (severity: Severity, finds: string, example?: string): Rule => rule(severity, finds, example, stryMutAct_9fa48("7") ? false : (stryCov_9fa48("7"), true));
  return lint;
})());
export const RULES = {
  // The data file: always errors.
  'yaml/syntax': rule('error', 'the file is not well-formed YAML (indentation, a missing space after `:`, unclosed quotes or brackets)', '`kind: [乡`'),
  'yaml/duplicate-key': rule('error', 'a key appears twice in one block; the second would silently replace the first', 'two `year:` lines'),
  'data/unknown-key': rule('error', 'a field the data file does not define, with the closest known field', '`contry:` → did you mean `county`?'),
  'data/missing-field': rule('error', 'a required field is absent (`township.name`, `kind`, `county`, `year`, `date`)', 'no `county:`'),
  'data/wrong-type': rule('error', 'text where a number is expected, a list where a block is expected…', '`year: 二〇二五`'),
  'data/invalid-value': rule('error', 'a value outside what the field allows', '`kind: 村`, `date: 2026-02-30`'),
  'data/previous-year': rule('warning', "last year's file cannot be used: `previous:` names no file, the file has errors, or it reports on another year than the one before", '`previous: ../2024/金坪乡.yaml` with a typo'),
  'data/invalid-figure': rule('error', 'a figure that is no number, a count written as a percentage, or a rate with a unit', '`total: 很多`, `total: 95%`'),
  'figures/stacked-qualifiers': rule('error', 'two qualifiers on one figure: `约200余`, `200余多`. Write one: `200余` or `约200`. Always an error: such a figure cannot be read, so its severity cannot be set', '`total: 约200余`'),
  // Figures.
  'figures/rate-range': lint('error', 'a rate above 100% — including “100%以上”, as seed report 003 writes “调解成功率达100%以上”'),
  'figures/part-exceeds-total': lint('error', 'a part larger than its whole: `resolved` over `total`, `petitions_closed` over `petitions` (an approximate whole such as 200余 is given the benefit of the doubt)'),
  'figures/breakdown-sum': lint('error', 'a breakdown whose items do not add up to its stated `total` (51名 = 17 + 1 + 13 + 5 + 14 + 1)'),
  'figures/rate-contradicts-counts': lint('warning', 'a stated rate that differs by half a point or more from the rate its counts give'),
  'figures/year-on-year': lint('warning', "a key figure three times or more (or a third or less) of last year's, when last year's data file is found (`previous:` or the year in the file name)"),
  // The regulation.
  'regulation/missing-part': lint('warning', 'a part of Art. 25 that the template pack marks `required: true` came out empty. Two of the three seed reports leave out part 3 (第一责任人)'),
  'regulation/date-before-year-end': lint('error', 'a 成文日期 before 31 December of the year reported on'),
  'regulation/late-date': lint('warning', "a 成文日期 on or after the pack's `deadline` in the following year (the standard pack: 03-01, Art. 23)"),
  // Writing.
  'writing/half-width-punctuation': lint('warning', '`,` `;` `:` `!` `?` `(` `)` between Chinese characters', '`，` `；` `：` `！` `？` `（` `）`'),
  'writing/numbering-style': lint('warning', 'items numbered `1、`', '`1.` (GB/T 9704), or 一是……二是……'),
  'writing/mixed-enumeration': lint('warning', '一是/二是 and 首先/其次 in one text', 'one style throughout'),
  'writing/numbered-heading': lint('warning', 'a heading that starts with its own number (`（一）强化组织领导`)', 'the heading alone: the compiler numbers it'),
  // Templates.
  'template/pack': rule('error', 'no `pack.yaml`, a setting in it that is unknown or wrong, no `title` anywhere in the pack chain, or packs that extend each other in a circle'),
  'template/front-matter': rule('error', "a section's front matter is not valid YAML or has an unknown key"),
  'template/syntax': rule('error', 'a Handlebars syntax error, e.g. `{{#if}}` closed by `{{/each}}`'),
  'template/runtime': rule('error', 'a field the data file does not have (strict mode), or `fig` given an empty figure (guard it with `{{#if}}`)'),
  'template/override': rule('error', '`overrides:` names a section the pack does not have, or a template file that cannot be read'),
  'markdown/raw-html': rule('warning', 'raw HTML in a template: it is written as literal text'),
  'markdown/unknown-node': rule('warning', 'a Markdown construct an output format has no handler for: written as plain text'),
  // Files and builds.
  'input/not-found': rule('error', 'an input file, folder or pattern that matches nothing'),
  'input/read': rule('error', 'an input that cannot be read'),
  'config/invalid': rule('error', '`report.config.yaml` is malformed or has an unknown setting (exit 2)'),
  'output/write': rule('error', 'an output that cannot be written'),
  'output/collision': rule('error', 'two townships would be written to the same file (see `--out-pattern`)'),
  'output/missing': rule('error', '`--check`: an output the data builds is not on disk'),
  'output/stale': rule('error', '`--check`: an output on disk differs from what the data builds'),
  'internal/crash': rule('error', 'the compiler failed on one report — a defect; the other reports are still built'),
  'internal/interrupted': rule('error', 'the build was interrupted before the report was compiled')
} as const satisfies Record<string, Rule>;
export type RuleId = keyof typeof RULES;

/** The rules whose severity a settings file may set. */
export const SETTABLE_RULES = stryMutAct_9fa48("8") ? Object.keys(RULES) as RuleId[] : (stryCov_9fa48("8"), (Object.keys(RULES) as RuleId[]).filter(stryMutAct_9fa48("9") ? () => undefined : (stryCov_9fa48("9"), id => RULES[id].settable)));

/** A rule's default severity. */
export function defaultSeverity(id: RuleId): Severity {
  if (stryMutAct_9fa48("10")) {
    {}
  } else {
    stryCov_9fa48("10");
    return RULES[id].severity;
  }
}

/** A severity as a settings file writes it. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** Applies `rules:` from a settings file to diagnostics of settable rules: drops those set off, re-grades the rest. */
export function applyRuleSettings(diagnostics: Diagnostic[], settings: Readonly<Partial<Record<RuleId, RuleSetting>>> | undefined): Diagnostic[] {
  if (stryMutAct_9fa48("11")) {
    {}
  } else {
    stryCov_9fa48("11");
    if (stryMutAct_9fa48("14") ? false : stryMutAct_9fa48("13") ? true : stryMutAct_9fa48("12") ? settings : (stryCov_9fa48("12", "13", "14"), !settings)) return diagnostics;
    const out: Diagnostic[] = stryMutAct_9fa48("15") ? ["Stryker was here"] : (stryCov_9fa48("15"), []);
    for (const d of diagnostics) {
      if (stryMutAct_9fa48("16")) {
        {}
      } else {
        stryCov_9fa48("16");
        const s = RULES[d.ruleId].settable ? settings[d.ruleId] : undefined;
        if (stryMutAct_9fa48("19") ? s !== 'off' : stryMutAct_9fa48("18") ? false : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18", "19"), s === (stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), 'off')))) continue;
        out.push((stryMutAct_9fa48("23") ? s !== 'warn' : stryMutAct_9fa48("22") ? false : stryMutAct_9fa48("21") ? true : (stryCov_9fa48("21", "22", "23"), s === (stryMutAct_9fa48("24") ? "" : (stryCov_9fa48("24"), 'warn')))) ? stryMutAct_9fa48("25") ? {} : (stryCov_9fa48("25"), {
          ...d,
          severity: stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'warning')
        }) : (stryMutAct_9fa48("29") ? s !== 'error' : stryMutAct_9fa48("28") ? false : stryMutAct_9fa48("27") ? true : (stryCov_9fa48("27", "28", "29"), s === (stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'error')))) ? stryMutAct_9fa48("31") ? {} : (stryCov_9fa48("31"), {
          ...d,
          severity: stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), 'error')
        }) : d);
      }
    }
    return out;
  }
}