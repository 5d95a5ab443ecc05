/**
 * The one way YAML is read — data files, template packs (pack.yaml) and settings files alike:
 * the document is parsed with positions, checked against a zod schema, and every problem
 * becomes a diagnostic with file, line and column. Callers say which rule their problems fall
 * under and may word a schema problem themselves; the rest is common.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { z } from 'zod';
import { diagnostic, quote, shorten, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { Locator, pathString, type Path } from './positions.js';
import { suggest } from './suggest.js';

export { Locator, pathString, type Path, type Span } from './positions.js';

export interface ParsedYaml {
  file: string;
  source: string;
  locator: Locator;
  /** The document as plain data; undefined when it has syntax errors. */
  raw: unknown;
  diagnostics: Diagnostic[];
}

/** The rules a kind of YAML file reports its problems under. */
export interface YamlRules {
  syntax: RuleId;
  duplicateKey: RuleId;
  schema: RuleId;
  /** What to do about a value the schema refuses, when the caller does not word it. */
  note?: string;
}

/** Parses YAML text into plain data with positions; syntax errors and duplicate keys become diagnostics. */
export function parseYaml(file: string, source: string, rules: YamlRules): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  const locator = new Locator(doc, lineCounter);
  const wide = fullWidthKeys(file, source, rules);
  const wideLines = new Set(wide.map((d) => d.line));
  const diagnostics = [...wide, ...doc.errors.map((e) => yamlDiagnostic(file, e, locator, source, rules)).filter((d) => !wideLines.has(d.line))];
  if (diagnostics.length > 0) return { file, source, locator, raw: undefined, diagnostics };
  try {
    // The limit keeps an alias bomb (a few lines that expand to gigabytes) from being expanded;
    // an honest file that repeats anchors stays far below it.
    return { file, source, locator, raw: doc.toJS({ maxAliasCount: 10000 }), diagnostics };
  } catch (e) {
    const aliases = diagnostic(file, {
      ruleId: rules.syntax,
      reason: t('yaml.aliases', { detail: (e as Error).message }),
      note: t('yaml.aliases.note'),
      start: { line: 1, column: 1 },
    });
    return { file, source, locator, raw: undefined, diagnostics: [aliases] };
  }
}

/** A key followed by a full-width colon (year：2025) or by a full-width space (year:　2025), as a Chinese input method types them. */
const WIDE_KEY = /^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)[ \t]*(：|:\u3000)/gm;

/** Keys a Chinese input method has spoiled: YAML would read the line as text and report something else. */
function fullWidthKeys(file: string, source: string, rules: YamlRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = source.slice(0, 1_000_000);
  for (const m of lines.matchAll(WIDE_KEY)) {
    const line = lines.slice(0, m.index).split('\n').length;
    const key = m[2] ?? '';
    const colon = m[3] === '：';
    out.push(
      diagnostic(file, {
        ruleId: rules.syntax,
        reason: t(colon ? 'yaml.wide-colon' : 'yaml.wide-space', { key }),
        note: t('yaml.wide.note', { key }),
        // At the full-width character itself.
        start: { line, column: m[0].length - (m[3]?.length ?? 1) + (colon ? 1 : 2) },
      }),
    );
  }
  return out;
}

function yamlDiagnostic(file: string, err: YAMLError, locator: Locator, source: string, rules: YamlRules): Diagnostic {
  const span = locator.span(err.pos);
  const duplicate = err.code === 'DUPLICATE_KEY';
  const firstLine = err.message.split('\n')[0] ?? err.message;
  return diagnostic(file, {
    ruleId: duplicate ? rules.duplicateKey : rules.syntax,
    reason: duplicate
      ? t('yaml.duplicate', { key: shorten((/^[^:\n]+/.exec(source.slice(err.pos[0])) ?? [''])[0].trim(), 80) })
      : t('yaml.syntax', { detail: firstLine.replace(/ at line \d+, column \d+:?$/, '') }),
    note: t(duplicate ? 'yaml.duplicate.note' : 'yaml.syntax.note'),
    start: span?.start,
    end: span?.end,
  });
}

export type Issue = z.core.$ZodIssue;

/** Words one schema issue as diagnostics; return undefined to use the common wording. */
export type ExplainIssue = (issue: Issue, path: Path, parsed: ParsedYaml) => Diagnostic[] | undefined;

export interface Checked<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/** Checks parsed YAML against a schema; every issue becomes a diagnostic at the field it concerns. */
export function checkYaml<S extends z.ZodType>(
  parsed: ParsedYaml,
  schema: S,
  rules: YamlRules,
  explain?: ExplainIssue,
  context?: z.core.ParseContext<z.core.$ZodIssue> & Record<string, unknown>,
): Checked<z.output<S>> {
  if (parsed.diagnostics.length > 0) return { value: undefined, diagnostics: parsed.diagnostics };
  const result = schema.safeParse(parsed.raw, context);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    return explain?.(issue, path, parsed) ?? commonIssue(issue, path, parsed, schema, rules);
  });
  return { value: undefined, diagnostics };
}

/** Reads and checks YAML text in one step. */
export function readYaml<S extends z.ZodType>(file: string, source: string, schema: S, rules: YamlRules, explain?: ExplainIssue): Checked<z.output<S>> & { parsed: ParsedYaml } {
  const parsed = parseYaml(file, source, rules);
  return { ...checkYaml(parsed, schema, rules, explain), parsed };
}

/** The plain value at a path of parsed YAML. */
export function valueAt(raw: unknown, path: Path): unknown {
  let cur: unknown = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A schema without its nullable/default/optional wrappers. */
export function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    else return cur;
  }
}

/** The schema node at a path, with nullable/default/optional wrappers removed. */
export function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const k of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(k)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

/** The keys a block at a path may have. */
export function knownKeys(root: z.ZodType, path: Path): string[] {
  const s = schemaAt(root, path);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodRecord) {
    const keys = unwrap(s.keyType as z.ZodType);
    if (keys instanceof z.ZodEnum) return keys.options.map(String);
  }
  return [];
}

function commonIssue(issue: Issue, path: Path, parsed: ParsedYaml, schema: z.ZodType, rules: YamlRules): Diagnostic[] {
  const ruleId = rules.schema;
  const where = pathString(path) || t('yaml.top');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const span = parsed.locator.key(path, key);
      const guess = suggest(key, known);
      return diagnostic(parsed.file, {
        ruleId,
        reason: t('yaml.unknown-setting', { key: pathString([...path, key]) }),
        note: guess ? t('data.did-you-mean', { guess: `\`${guess}\`` }) : t('yaml.settings-here', { list: known.join(', ') }),
        start: span?.start,
        end: span?.end,
      });
    });
  }
  const span = parsed.locator.value(path);
  const value = valueAt(parsed.raw, path);
  const message = issue.code === 'invalid_value' ? t('data.one-of', { values: issue.values.map((v) => quote(v)).join(', ') }) : issue.message;
  return [
    diagnostic(parsed.file, {
      ruleId,
      reason: value === undefined ? t('yaml.no-value', { field: where, message }) : t('yaml.value', { field: where, value: quote(value), message }),
      note: rules.note,
      start: span?.start ?? { line: 1, column: 1 },
      end: span?.end,
    }),
  ];
}
