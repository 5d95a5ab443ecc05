/**
 * The one way YAML is read — data files, template packs (pack.yaml) and settings files alike:
 * the document is parsed with positions, checked against a zod schema, and every problem
 * becomes a diagnostic with file, line and column. Callers say which rule their problems fall
 * under and may word a schema problem themselves; the rest is common.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, visit, type Node, type YAMLError } from 'yaml';
import { z } from 'zod';
import { diagnostic, quote, shorten, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { lang, list, t, type MessageId } from '../i18n/index.js';
import { MAX_DEPTH, readDocument } from './depth.js';
import { Locator, pathString, type Path } from './positions.js';
import { suggest } from './suggest.js';

export { Locator, pathString, type Path, type Span } from './positions.js';

export interface ParsedYaml {
  file: string;
  source: string;
  locator: Locator;
  /** The document as plain data; undefined when it has syntax errors. */
  raw: unknown;
  /** Numbers written otherwise than in decimal digits, with where they are. */
  oddNumbers: OddNumber[];
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

/**
 * The most a document may come to with every alias (*name) written out, counting a character of
 * text or any other value as one. A 4 MB file holds at most 4 million; a few lines of aliases
 * could otherwise expand to gigabytes before anything else sees them.
 */
export const MAX_EXPANDED = 8_000_000;

/** A number written otherwise than in decimal digits (0x1F, 0o12, 1e3, .inf), which YAML reads as a number all the same. */
export interface OddNumber {
  path: Path;
  source: string;
  value: number;
}

/** Parses YAML text into plain data with positions; syntax errors and duplicate keys become diagnostics. */
export function parseYaml(file: string, source: string, rules: YamlRules): ParsedYaml {
  const lineCounter = new LineCounter();
  // Stryker disable next-line StringLiteral: 'core' is YAML 1.2's own schema, the one the library takes without it.
  const read = readDocument(source, { lineCounter, uniqueKeys: true, version: '1.2', schema: 'core' });
  if (read.deep !== undefined) {
    const locator = new Locator(new Document(), lineCounter, source);
    const lineEnd = source.indexOf('\n', read.deep);
    const text = quote(shorten(source.slice(read.deep, lineEnd < 0 ? undefined : lineEnd).trimEnd(), 20));
    const d = diagnostic(file, {
      ruleId: rules.syntax,
      reason: t('yaml.syntax', { detail: t('yaml.detail.too-deep', { max: MAX_DEPTH, text }) }),
      note: t('yaml.too-deep.note'),
      start: locator.pos(read.deep),
    });
    return { file, source, locator, raw: undefined, oddNumbers: [], diagnostics: [d] };
  }
  const doc = read.doc;
  const locator = new Locator(doc, lineCounter, source);
  if (doc.errors.length > 0) {
    const lines = source.split('\n');
    const errors = doc.errors.map((e) => yamlDiagnostic(file, e, locator, source, rules));
    // A full-width colon or space after a key makes YAML misread the line: say so instead.
    // Stryker disable next-line StringLiteral: an error is always on a line of the file.
    const wide = [...new Set(errors.map((d) => d.line ?? 0))].flatMap((line) => fullWidthKey(file, line, lines[line - 1] ?? '', rules));
    const wideLines = new Set(wide.map((d) => d.line));
    return { file, source, locator, raw: undefined, oddNumbers: [], diagnostics: [...wide, ...errors.filter((d) => !wideLines.has(d.line))] };
  }
  const expanded = measure(doc);
  if (expanded.problem) {
    // Stryker disable next-line StringLiteral: a cycle or an unknown alias always has its name.
    const name = expanded.alias ?? '';
    const d = diagnostic(file, {
      ruleId: rules.syntax,
      reason: expanded.problem === 'too-large' ? t('data.too-expanded', { millions: MAX_EXPANDED / 1_000_000 }) : t(expanded.problem === 'cycle' ? 'yaml.alias-cycle' : 'yaml.alias-unknown', { name }),
      note: t(expanded.problem === 'too-large' ? 'data.too-expanded.note' : 'yaml.alias-cycle.note'),
      start: { line: 1, column: 1 },
    });
    return { file, source, locator, raw: undefined, oddNumbers: [], diagnostics: [d] };
  }
  // measure() bounded the expansion, so toJS need not count aliases itself.
  return { file, source, locator, raw: doc.toJS({ maxAliasCount: -1 }), oddNumbers: expanded.oddNumbers, diagnostics: [] };
}

/**
 * How much a document comes to with its aliases written out (stopping past MAX_EXPANDED), whether
 * an alias refers to a node that holds it, and the numbers not written in decimal digits. One
 * walk in document order, each node measured once.
 */
function measure(doc: Document): { problem?: 'cycle' | 'unknown' | 'too-large'; alias?: string; oddNumbers: OddNumber[] } {
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node | undefined>();
  // Aliases refer to the last node with their anchor before them.
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const oddNumbers: OddNumber[] = [];
  let total = 0;
  class Stop extends Error {
    constructor(
      readonly problem: 'cycle' | 'unknown' | 'too-large',
      readonly alias?: string,
    ) {
      super(problem);
    }
  }
  const size = (node: unknown, path: (string | number)[] | undefined): number => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a missing value (null) is measured as one either way.
    if (!node || typeof node !== 'object') return 1;
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target) throw new Stop('unknown', node.source);
      if (open.has(target)) throw new Stop('cycle', node.source);
      return size(target, undefined);
    }
    const known = sizes.get(node as Node);
    if (known !== undefined) {
      total += known;
      // Stryker disable next-line ConditionalExpression: the check at the end of the node around the alias finds the same total, a little later
      if (total > MAX_EXPANDED) throw new Stop('too-large');
      return known;
    }
    open.add(node as Node);
    const before = total;
    let n = 1;
    total += 1;
    if (isScalar(node)) {
      if (typeof node.value === 'string') total += node.value.length;
      else if (typeof node.value === 'number' && path && typeof node.source === 'string' && !DECIMAL.test(node.source)) {
        oddNumbers.push({ path, source: node.source, value: node.value });
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        size(pair.key, undefined);
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        size(pair.value, path && key !== undefined ? [...path, key] : undefined);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        size(item, path ? [...path, i] : undefined);
      });
    }
    // Stryker disable next-line ConditionalExpression: without aliases a file of at most 4 MB comes to less than this, and an alias's size is checked where it is added
    if (total > MAX_EXPANDED) throw new Stop('too-large');
    n = total - before;
    open.delete(node as Node);
    sizes.set(node as Node, n);
    return n;
  };
  try {
    size(doc.contents, []);
    return { oddNumbers };
  } catch (e) {
    // The walk recurses once per level, and readDocument let through at most MAX_DEPTH of them.
    if (e instanceof Stop) return { problem: e.problem, ...(e.alias ? { alias: e.alias } : {}), oddNumbers: [] };
    throw e;
  }
}

/** A number as a clerk writes it: decimal digits, perhaps with a sign and a fraction. */
const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

/** A key followed by a full-width colon (year：2025) or by a full-width space (year:　2025), as a Chinese input method types them. */
const WIDE_KEY = /^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)[ \t]*(：|:\u3000)/;

/** A line YAML could not read because a Chinese input method spoiled its key, as a diagnostic at the full-width character. */
function fullWidthKey(file: string, line: number, text: string, rules: YamlRules): Diagnostic[] {
  const m = WIDE_KEY.exec(text);
  if (!m) return [];
  // Stryker disable next-line StringLiteral: the key's group always matches.
  const key = m[2] ?? '';
  const colon = m[3] === '：';
  return [
    diagnostic(file, {
      ruleId: rules.syntax,
      reason: t(colon ? 'yaml.wide-colon' : 'yaml.wide-space', { key }),
      note: t('yaml.wide.note', { key }),
      // At the full-width character itself.
      start: { line, column: m[0].length - (m[3]?.length ?? 1) + (colon ? 1 : 2) },
    }),
  ];
}

/** The YAML library's errors a clerk meets most, worded for the clerk (in English its own wording is kept). */
const YAML_DETAILS: Partial<Record<string, MessageId>> = {
  BAD_INDENT: 'yaml.detail.bad-indent',
  TAB_AS_INDENT: 'yaml.detail.tab',
  MISSING_CHAR: 'yaml.detail.missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml.detail.multiline-key',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.detail.nested',
  UNEXPECTED_TOKEN: 'yaml.detail.unexpected',
  BAD_DQ_ESCAPE: 'yaml.detail.escape',
  BAD_SCALAR_START: 'yaml.detail.scalar-start',
  MULTIPLE_DOCS: 'yaml.detail.documents',
};

function yamlDiagnostic(file: string, err: YAMLError, locator: Locator, source: string, rules: YamlRules): Diagnostic {
  const span = locator.span(err.pos);
  const duplicate = err.code === 'DUPLICATE_KEY';
  // Stryker disable next-line Regex,StringLiteral: the error is at the key, so the text from there always starts with it.
  const key = duplicate ? (/^[^:\n]+/.exec(source.slice(err.pos[0])) ?? [''])[0].trim() : '';
  return diagnostic(file, {
    ruleId: duplicate ? rules.duplicateKey : rules.syntax,
    reason: duplicate ? t('yaml.duplicate', { key: shorten(key, 80) }) : t('yaml.syntax', { detail: YAML_DETAILS[err.code] && lang() === 'zh' ? t(YAML_DETAILS[err.code]!) : err.message }),
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
  /** When the value failed the schema: what is left once every field in error is taken out, if that passes. */
  partial?: T | undefined;
}

/** Checks parsed YAML against a schema; every issue becomes a diagnostic at the field it concerns. */
export function checkYaml<S extends z.ZodType>(parsed: ParsedYaml, schema: S, rules: YamlRules, explain?: ExplainIssue, moves?: () => readonly Move[]): Checked<z.output<S>> {
  if (parsed.diagnostics.length > 0) return { value: undefined, diagnostics: parsed.diagnostics };
  const result = schema.safeParse(parsed.raw);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => {
    // Stryker disable next-line ConditionalExpression: zod puts symbols in a path only for symbol keys, which YAML has none of.
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    return explain?.(issue, path, parsed) ?? commonIssue(issue, path, parsed, schema, rules);
  });
  return { value: undefined, diagnostics, partial: withoutErrors(schema, parsed.raw, result.error.issues, moves?.() ?? []) };
}

/** A value under an unknown key that is taken to be the field a message suggested (`contry:` → `county:`), for the checks of the rest. */
export interface Move {
  from: Path;
  to: Path;
}

/**
 * The value with every field in error taken out (an unknown key, a value of the wrong kind, a figure
 * that is not one), when what is left passes the schema: so that the checks of what was written
 * right (a rate of 180%, two figures that disagree) are reported in the same run as the errors. A
 * required field missing takes its block out with it; the whole file missing one gives nothing.
 */
function withoutErrors<S extends z.ZodType>(schema: S, raw: unknown, first: readonly z.core.$ZodIssue[], moves: readonly Move[]): z.output<S> | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a value that is no mapping fails the schema at its root, and a cut at the root gives nothing below
  if (raw === null || typeof raw !== 'object') return undefined;
  const value = structuredClone(raw) as Record<string, unknown>;
  // Stryker disable next-line BooleanLiteral: checking again what did not change finds the same issues.
  let anyMoved = false;
  for (const { from, to } of moves) {
    const parent = valueAt(value, to.slice(0, -1));
    const moved = valueAt(value, from);
    if (moved === undefined || parent === null || typeof parent !== 'object' || valueAt(value, to) !== undefined) continue;
    (parent as Record<string, unknown>)[String(to[to.length - 1])] = moved;
    anyMoved = true;
  }
  let issues = first;
  // Stryker disable next-line ConditionalExpression,BlockStatement: as above.
  if (anyMoved) {
    const again = schema.safeParse(value);
    if (again.success) return again.data;
    issues = again.error.issues;
  }
  // Taking out a field can leave its block empty or without a field it must have: a few passes.
  for (let pass = 0; pass < 4; pass++) {
    const cuts: Path[] = [];
    for (const issue of issues) {
      // Stryker disable next-line ConditionalExpression: as in checkYaml, no symbol keys.
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) cuts.push([...path, key]);
      else if (valueAt(value, path) === undefined) cuts.push(path.slice(0, -1));
      else cuts.push(path);
    }
    // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction: without it the passes run out and give nothing all the same, only later.
    if (cuts.some((path) => path.length === 0)) return undefined;
    // Deepest and last first, so that taking an item out of a list leaves the others' places right.
    cuts.sort((a, b) => b.length - a.length || String(b[b.length - 1]).localeCompare(String(a[a.length - 1]), 'en', { numeric: true }));
    for (const path of cuts) {
      const parent = valueAt(value, path.slice(0, -1));
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent) && typeof key === 'number') {
        parent.splice(key, 1);
        continue;
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a cut's parent is there: cuts are made deepest first.
      if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[key];
    }
    const again = schema.safeParse(value);
    if (again.success) return again.data;
    issues = again.error.issues;
  }
  return undefined;
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

/** What a setting of the wrong kind should be, in the catalogue's words rather than zod's. */
const EXPECTED = {
  number: 'yaml.expected.number',
  string: 'kind.text',
  boolean: 'what.boolean',
  array: 'what.list',
  object: 'kind.block',
} as const satisfies Record<string, MessageId>;

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
        note: guess ? t('data.did-you-mean', { guess: lang() === 'zh' ? `“${guess}”` : `\`${guess}\`` }) : t('yaml.settings-here', { list: list(known) }),
        start: span?.start,
        end: span?.end,
      });
    });
  }
  const span = parsed.locator.value(path);
  const value = valueAt(parsed.raw, path);
  const message =
    issue.code === 'invalid_value'
      ? t('data.one-of', { values: list(issue.values.map((v) => quote(v))) })
      : issue.code === 'invalid_type' && issue.expected in EXPECTED
        ? t('yaml.expected', { what: t(EXPECTED[issue.expected as keyof typeof EXPECTED]) })
        : issue.message;
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
