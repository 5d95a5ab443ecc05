/**
 * Stage 1: read one data file into validated data, with every problem found
 * in the file reported at once, each with its line and column.
 */
import { LineCounter, parseDocument, YAMLError } from 'yaml';
import { z } from 'zod';
import { diagnostic, quote, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { RULES } from '../rules/catalogue.js';
import { Locator, pathString, type Path } from './positions.js';
import { reportSchema, type ReportData } from './schema.js';
import { suggest } from './suggest.js';

export { reportSchema, type ReportData } from './schema.js';
export { Locator, pathString, type Path, type Span } from './positions.js';
export * from './figure.js';

export interface Loaded {
  file: string;
  data: ReportData | undefined;
  locator: Locator;
  diagnostics: Diagnostic[];
}

export function loadReport(file: string, source: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  const locator = new Locator(doc, lineCounter);
  const diagnostics: Diagnostic[] = [];

  for (const err of doc.errors) diagnostics.push(yamlDiagnostic(file, err, locator, source));
  if (diagnostics.length > 0) return { file, data: undefined, locator, diagnostics };

  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined) {
    diagnostics.push(
      diagnostic(file, {
        ruleId: 'data/missing-field',
        reason: 'The data file is empty',
        note: 'Start from one of the files in examples/ and fill in your township (see README: The data file).',
        start: { line: 1, column: 1 },
      }),
    );
    return { file, data: undefined, locator, diagnostics };
  }
  const result = reportSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { file, data: result.data, locator, diagnostics };
  for (const issue of result.error.issues) diagnostics.push(...issueDiagnostics(file, issue, locator, raw));
  return { file, data: undefined, locator, diagnostics };
}

function yamlDiagnostic(file: string, err: YAMLError, locator: Locator, source: string): Diagnostic {
  const span = locator.span(err.pos);
  const duplicate = err.code === 'DUPLICATE_KEY';
  const firstLine = err.message.split('\n')[0] ?? err.message;
  return diagnostic(file, {
    ruleId: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
    reason: duplicate
      ? `The key “${(/^[^:\n]+/.exec(source.slice(err.pos[0])) ?? [""])[0].trim()}” appears twice in the same block; the second would replace the first`
      : `The file is not valid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
    note: duplicate
      ? 'Keep one of the two entries, or rename one of them.'
      : 'Check indentation (spaces, not tabs), the colon and space after each key, and matching quotes.',
    start: span?.start,
    end: span?.end,
  });
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(file: string, issue: Issue, locator: Locator, raw: unknown): Diagnostic[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = pathString(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      return issue.keys.map((key) => {
        const guess = suggest(key, known);
        const span = locator.key(path, key);
        const field = pathString([...path, key]);
        return diagnostic(file, {
          ruleId: 'data/unknown-key',
          reason: `\`${field}\` is not a field the data file knows${where ? ` under \`${where}\`` : ''}`,
          note: guess
            ? `Did you mean \`${guess}\`?`
            : `Known fields here: ${known.join(', ')}.`,
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

function valueAt(raw: unknown, path: Path): unknown {
  let cur: unknown = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
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

/** The schema node at a path, with nullable/default/optional wrappers removed. */
export function schemaAt(path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = reportSchema;
  for (const k of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(k)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

/** A schema without its nullable/default/optional wrappers. */
export function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    else return cur;
  }
}

function knownKeys(path: Path): string[] {
  const s = schemaAt(path);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

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
