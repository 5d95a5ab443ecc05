/**
 * Every rule a diagnostic can name: its permanent id, its default severity, whether a settings
 * file may change that severity, and its one-line description. The code reads severities from
 * here (a diagnostic takes its rule's default), settings are checked against it, and
 * docs/rules.md is generated from it (src/rules/docs.ts; a test fails when the page is stale).
 * Texts are keyed by language so that each can be given in Chinese and English.
 */
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

const rule = (severity: Severity, finds: string, example?: string, settable = false): Rule => ({
  severity,
  settable,
  finds: { en: finds },
  ...(example ? { example: { en: example } } : {}),
});
const lint = (severity: Severity, finds: string, example?: string): Rule => rule(severity, finds, example, true);

export const RULES = {
  // The data file: always errors.
  'yaml/syntax': rule('error', 'the file is not well-formed YAML (indentation, a missing space after `:`, unclosed quotes or brackets)', '`kind: [乡`'),
  'yaml/duplicate-key': rule('error', 'a key appears twice in one block; the second would silently replace the first', 'two `year:` lines'),
  'data/unknown-key': rule('error', 'a field the data file does not define, with the closest known field', '`contry:` → did you mean `county`?'),
  'data/missing-field': rule('error', 'a required field is absent (`township.name`, `kind`, `county`, `year`, `date`)', 'no `county:`'),
  'data/wrong-type': rule('error', 'text where a number is expected, a list where a block is expected…', '`year: 二〇二五`'),
  'data/invalid-value': rule('error', 'a value outside what the field allows', '`kind: 村`, `date: 2026-02-30`'),
  'data/previous-year': rule(
    'warning',
    "last year's file cannot be used: `previous:` names no file, the file has errors, or it reports on another year than the one before",
    '`previous: ../2024/金坪乡.yaml` with a typo',
  ),
  'data/control-character': rule(
    'warning',
    'a control character, a noncharacter (U+FFFE, U+FFFF) or half of a surrogate pair in a value, usually pasted from another program: no document may hold it, so it is left out',
    'a value holding U+000B (a line break from Word)',
  ),
  'data/bidi-control': rule(
    'warning',
    'a right-to-left or other direction override character (U+202A–U+202E, U+2066–U+2069), which makes text read differently from how it is stored',
    'a figure holding U+202E, shown backwards',
  ),
  'data/outside-path': rule(
    'error',
    '`previous:` or `overrides:` names a file outside the data file’s folder, the working folder and the template pack (by an absolute path, by `..` or through a link)',
    '`previous: /etc/passwd`',
  ),
  'data/invalid-figure': rule('error', 'a figure that is no number, a count written as a percentage, or a rate with a unit', '`total: 很多`, `total: 95%`'),
  'figures/stacked-qualifiers': rule(
    'error',
    'two qualifiers on one figure: `约200余`, `200余多`. Write one: `200余` or `约200`. Always an error: such a figure cannot be read, so its severity cannot be set',
    '`total: 约200余`',
  ),

  // Figures.
  'figures/rate-range': lint('error', 'a rate above 100% — including “100%以上”, as seed report 003 writes “调解成功率达100%以上”'),
  'figures/part-exceeds-total': lint(
    'error',
    'a part larger than its whole: `resolved` over `total`, `petitions_closed` over `petitions` (an approximate whole such as 200余 is given the benefit of the doubt)',
  ),
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
  'input/read': rule('error', 'an input that cannot be read: missing, unreadable, not an ordinary file (a pipe, a device), or larger than 4 MB'),
  'input/encoding': rule('warning', 'a data file saved in GBK (GB18030) or UTF-16 rather than UTF-8: it is read correctly, but other tools may not'),
  'input/skipped': rule('info', 'a YAML file in a folder that was passed over, with the reason: it is not a data file, a link leads nowhere or in a circle, or it cannot be read'),
  'input/timeout': rule('error', 'a township’s own section templates (`overrides:`) ran longer than the time limit (`--timeout`, default 30 s): the other reports are still built'),
  'config/invalid': rule('error', '`report.config.yaml` is malformed or has an unknown setting (exit 2)'),
  'output/write': rule('error', 'an output that cannot be written'),
  'output/collision': rule('error', 'two townships would be written to the same file, or a township to a file of the county roll-up (summary, index, manifest); see `--out-pattern`'),
  'output/locked': rule('error', 'another build is writing into the same output folder; this one stops rather than mix their files'),
  'output/missing': rule('error', '`--check`: an output the data builds is not on disk'),
  'output/stale': rule('error', '`--check`: an output on disk differs from what the data builds'),
  'internal/crash': rule('error', 'the compiler failed on one report — a defect; the other reports are still built'),
  'internal/interrupted': rule('error', 'the build was interrupted before the report was compiled'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The rules whose severity a settings file may set. */
export const SETTABLE_RULES = (Object.keys(RULES) as RuleId[]).filter((id) => RULES[id].settable);

/** A rule's default severity. */
export function defaultSeverity(id: RuleId): Severity {
  return RULES[id].severity;
}

/** A severity as a settings file writes it. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** Applies `rules:` from a settings file to diagnostics of settable rules: drops those set off, re-grades the rest. */
export function applyRuleSettings(diagnostics: Diagnostic[], settings: Readonly<Partial<Record<RuleId, RuleSetting>>> | undefined): Diagnostic[] {
  if (!settings) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = RULES[d.ruleId].settable ? settings[d.ruleId] : undefined;
    if (s === 'off') continue;
    out.push(s === 'warn' ? { ...d, severity: 'warning' } : s === 'error' ? { ...d, severity: 'error' } : d);
  }
  return out;
}
