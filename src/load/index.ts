/**
 * Stage 1: read one data file into validated data, with every problem found
 * in the file reported at once, each with its line and column.
 */
import { z } from 'zod';
import { diagnostic, hasErrors, quote, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { checkValues } from './values.js';
import { RULES } from '../rules/catalogue.js';
import { checkYaml, knownKeys, parseYaml, pathString, schemaAt as schemaNodeAt, valueAt, type Issue, type Locator, type Path, type YamlRules } from '../yaml/index.js';
import { suggest } from '../yaml/suggest.js';
import { reportSchema, type ReportData } from './schema.js';

export { reportSchema, type ReportData } from './schema.js';
export { unwrap } from '../yaml/index.js';
export { Locator, pathString, type Path, type Span } from '../yaml/positions.js';
export * from './figure.js';

export interface Loaded {
  file: string;
  data: ReportData | undefined;
  locator: Locator;
  diagnostics: Diagnostic[];
}

const DATA_RULES: YamlRules = { syntax: 'yaml/syntax', duplicateKey: 'yaml/duplicate-key', schema: 'data/invalid-value' };

/** Reads one data file's text into validated data, or every problem in it, each at its line and column. */
export function loadReport(file: string, source: string): Loaded {
  const parsed = parseYaml(file, source, DATA_RULES);
  const { locator } = parsed;
  if (parsed.diagnostics.length > 0) return { file, data: undefined, locator, diagnostics: parsed.diagnostics };
  if (parsed.raw === null || parsed.raw === undefined) {
    const empty = diagnostic(file, {
      ruleId: 'data/missing-field',
      reason: 'The data file is empty',
      note: 'Start from one of the files in examples/ and fill in your township (see README: The data file).',
      start: { line: 1, column: 1 },
    });
    return { file, data: undefined, locator, diagnostics: [empty] };
  }
  const values = checkValues(file, parsed.raw, locator);
  if (values.tooLarge) return { file, data: undefined, locator, diagnostics: values.diagnostics };
  const checked = checkYaml(parsed, reportSchema, DATA_RULES, (issue, path) => issueDiagnostics(file, issue, path, locator, parsed.raw), { reportInput: true });
  const diagnostics = [...values.diagnostics, ...checked.diagnostics];
  return { file, data: hasErrors(values.diagnostics) ? undefined : checked.value, locator, diagnostics };
}

function issueDiagnostics(file: string, issue: Issue, path: Path, locator: Locator, raw: unknown): Diagnostic[] {
  const where = pathString(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(reportSchema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, known);
        const span = locator.key(path, key);
        const field = pathString([...path, key]);
        return diagnostic(file, {
          ruleId: 'data/unknown-key',
          reason: `\`${field}\` is not a field the data file knows${where ? ` under \`${where}\`` : ''}`,
          note: guess ? `Did you mean \`${guess}\`?` : `Known fields here: ${known.join(', ')}.`,
          start: span?.start,
          end: span?.end,
        });
      });
    }
    case 'invalid_type': {
      const value = valueAt(raw, path);
      if (value === undefined) {
        const span = locator.value(path.slice(0, -1));
        return [
          diagnostic(file, {
            ruleId: 'data/missing-field',
            reason: `Required field \`${where}\` is missing`,
            note: `Add \`${String(path[path.length - 1])}:\` with ${describe(path)}.`,
            start: span?.start,
            end: span?.end,
          }),
        ];
      }
      const span = locator.value(path);
      return [
        diagnostic(file, {
          ruleId: 'data/wrong-type',
          reason: `\`${where}\` is ${quote(value)} (${kindOf(value)}), but it should be ${describe(path)}`,
          note: fixFor(path, value),
          start: span?.start,
          end: span?.end,
        }),
      ];
    }
    default: {
      const value = valueAt(raw, path);
      const span = locator.value(path);
      const given = issue.code === 'custom' ? issue.params?.['rule'] : undefined;
      const rule: RuleId = typeof given === 'string' && given in RULES ? (given as RuleId) : 'data/invalid-value';
      let reason = issue.message;
      if (issue.code === 'invalid_value') reason = `expected one of ${issue.values.map((v) => quote(v)).join(', ')}`;
      else if (issue.code === 'too_small' && typeof value === 'string') reason = 'must not be empty';
      else if (issue.code === 'too_small' || issue.code === 'too_big') reason = `is outside the range this field allows (${issue.message})`;
      return [
        diagnostic(file, {
          ruleId: rule,
          reason: `\`${where}\` is ${quote(value)}: ${reason.replace(/^is /, '')}`,
          note: rule !== 'data/invalid-value' ? 'Write a figure as 63, 200余, 约300, 1000余份 or 95%以上: one qualifier at most.' : `Write ${describe(path)}.`,
          start: span?.start,
          end: span?.end,
        }),
      ];
    }
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

/** The data file's schema node at a path, with nullable/default/optional wrappers removed. */
export const schemaAt = (path: Path): z.ZodType | undefined => schemaNodeAt(reportSchema, path);

function describe(path: Path): string {
  if (path.length === 1 && path[0] === 'date') return 'a date such as 2026-02-05';
  const s = schemaAt(path);
  if (!s) return 'a value';
  if (s instanceof z.ZodObject) return `a block of fields (${Object.keys(s.shape).slice(0, 6).join(', ')}${Object.keys(s.shape).length > 6 ? ', …' : ''})`;
  if (s instanceof z.ZodArray) return 'a list (lines starting with "- ")';
  if (s instanceof z.ZodRecord) return 'a block of “name: number” lines';
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((o) => quote(o)).join(', ')}`;
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodNumber) return 'a whole number such as 2025';
  if (s instanceof z.ZodPipe) return 'a figure such as 63, 200余 or 95%以上';
  if (s instanceof z.ZodString) return 'text';
  return 'a value';
}

function fixFor(path: Path, value: unknown): string {
  const s = schemaAt(path);
  if (s instanceof z.ZodString && typeof value === 'number') return `Put the value in quotes if it is meant as text: "${String(value)}".`;
  if (s instanceof z.ZodNumber && typeof value === 'string') {
    const digits = /\d+/.exec(value)?.[0];
    return digits ? `Write the number alone: ${digits}.` : 'Write the number alone, without units.';
  }
  if (s instanceof z.ZodObject && typeof value !== 'object') return `Indent the fields of \`${pathString(path)}\` on the lines below it.`;
  return `Write ${describe(path)}.`;
}
