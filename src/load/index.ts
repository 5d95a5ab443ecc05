/**
 * Stage 1: read one data file into validated data, with every problem found
 * in the file reported at once, each with its line and column.
 */
import { partOf } from './part-of.js';
import { z } from 'zod';
import { diagnostic, hasErrors, quote, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { checkValues } from './values.js';
import { fieldLabel, fieldName, keyName } from './labels.js';
import { lang, list, t } from '../i18n/index.js';
import { RULES } from '../rules/catalogue.js';
import { checkYaml, knownKeys, parseYaml, pathString, schemaAt as schemaNodeAt, valueAt, type Issue, type Locator, type Move, type Path, type YamlRules } from '../yaml/index.js';
import { suggest, suggestByLabel } from '../yaml/suggest.js';
import { reportSchema, type ReportData } from './schema.js';
import { type FigureOverride, readMarks, type Recorded } from './marks.js';

export { reportSchema, type ReportData } from './schema.js';
export { unwrap } from '../yaml/index.js';
export { Locator, pathString, type Path, type Span } from '../yaml/positions.js';
export * from './figure.js';

export interface Loaded {
  file: string;
  data: ReportData | undefined;
  /** When `data` is undefined for errors in some fields: the data without them, for the checks of the rest. */
  partial?: ReportData | undefined;
  /** The figures marked in the narrative or listed under `figures:`. */
  recorded?: Recorded[];
  locator: Locator;
  diagnostics: Diagnostic[];
}

const DATA_RULES: YamlRules = { syntax: 'yaml/syntax', duplicateKey: 'yaml/duplicate-key', schema: 'data/invalid-value' };

/** Reads one data file's text into validated data, or every problem in it, each at its line and column. */
export function loadReport(file: string, source: string, overridesFor?: (data: ReportData) => ReadonlyMap<string, FigureOverride> | undefined): Loaded {
  const parsed = parseYaml(file, source, DATA_RULES);
  const { locator } = parsed;
  if (parsed.diagnostics.length > 0) return { file, data: undefined, locator, diagnostics: parsed.diagnostics };
  if (parsed.raw === null || parsed.raw === undefined) {
    const empty = diagnostic(file, {
      ruleId: 'data/missing-field',
      reason: t('data.empty'),
      note: t('data.empty.note'),
      start: { line: 1, column: 1 },
    });
    return { file, data: undefined, locator, diagnostics: [empty] };
  }
  const values = checkValues(file, parsed.raw, locator, parsed.oddNumbers);
  const seen: Seen = { guessed: new Set(), missing: new Map(), moves: [] };
  const checked = checkYaml(
    parsed,
    reportSchema,
    DATA_RULES,
    (issue, path) => issueDiagnostics(file, issue, path, locator, parsed.raw, seen),
    () => seen.moves,
  );
  // A required field written under another key (年度: for year:) is one problem, named at the key.
  const diagnostics = [...values, ...checked.diagnostics.filter((d) => !seen.guessed.has(seen.missing.get(d) ?? ''))];
  if (hasErrors(values)) return { file, data: undefined, locator, diagnostics };
  if (!checked.value) {
    const rest = checked.partial && readMarks(file, withPartNumbers(checked.partial), locator);
    return { file, data: undefined, partial: rest?.data, recorded: rest?.recorded ?? [], locator, diagnostics };
  }
  const mixed = mixedStructure(file, checked.value, locator);
  const marks = readMarks(file, withPartNumbers(checked.value), locator, overridesFor?.(checked.value));
  diagnostics.push(...mixed, ...marks.diagnostics);
  return { file, data: hasErrors(diagnostics) ? undefined : marks.data, partial: marks.data, locator, diagnostics, recorded: marks.recorded };
}

/** The parts of Art. 25 written the standard way (achievements…other), which a file written in its own parts (`parts:`) does not also have. */
const STANDARD_PARTS = ['achievements', 'shortcomings', 'causes', 'responsibility', 'plans', 'other'] as const;

function mixedStructure(file: string, data: ReportData, locator: Locator): Diagnostic[] {
  if (!data.parts) return [];
  return STANDARD_PARTS.filter((k) => data[k] !== null).map((k) => {
    const span = locator.key([], k);
    return diagnostic(file, {
      ruleId: 'data/invalid-value',
      reason: t('parts.mixed', { field: fieldName([k]) }),
      note: t('parts.mixed.note', { key: k }),
      start: span?.start,
      end: span?.end,
    });
  });
}

/** What the messages of one file have found so far: the keys suggested for unknown ones, and the missing fields. */
interface Seen {
  guessed: Set<string>;
  missing: Map<Diagnostic, string>;
  /** Unknown keys taken for the field suggested, so that the figures under them are still checked. */
  moves: Move[];
}

function issueDiagnostics(file: string, issue: Issue, path: Path, locator: Locator, raw: unknown, seen: Seen): Diagnostic[] {
  const where = pathString(path);
  const field = fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(reportSchema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, known) ?? suggestByLabel(key, labelled(path, known));
        const span = locator.key(path, key);
        const name = keyName(path, key);
        if (guess) {
          seen.guessed.add(pathString([...path, guess]));
          seen.moves.push({ from: [...path, key], to: [...path, guess] });
        }
        return diagnostic(file, {
          ruleId: 'data/unknown-key',
          reason: where ? t('data.unknown-key.under', { field: name, parent: field }) : t('data.unknown-key', { field: name }),
          note: guess ? `${t('data.did-you-mean', { guess: guessName(path, guess) })}${HAN.test(key) ? t('data.english-keys') : ''}` : knownFields(path, key, known),
          start: span?.start,
          end: span?.end,
        });
      });
    }
    case 'invalid_type': {
      const value = valueAt(raw, path);
      if (value === undefined) {
        const span = locator.value(path.slice(0, -1));
        const missing = diagnostic(file, {
          ruleId: 'data/missing-field',
          reason: t('data.missing', { field }),
          note: t('data.missing.note', { key: String(path[path.length - 1]), what: describe(path) }),
          start: span?.start,
          end: span?.end,
        });
        seen.missing.set(missing, where);
        return [missing];
      }
      const span = locator.value(path);
      return [
        diagnostic(file, {
          ruleId: 'data/wrong-type',
          reason: t('data.wrong-type', { field, value: quote(value), kind: kindOf(value), what: describe(path) }),
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
      if (issue.code === 'invalid_value') reason = t('data.one-of', { values: list(issue.values.map((v) => quote(v))) });
      else if (issue.code === 'too_small' && typeof value === 'string') reason = t('data.not-empty');
      else if (issue.code === 'too_small' || issue.code === 'too_big') reason = t('data.out-of-range', { detail: rangeOf(issue) });
      const figureRule = rule !== 'data/invalid-value';
      return [
        diagnostic(file, {
          ruleId: rule,
          reason: t(figureRule ? 'data.invalid.figure' : 'data.invalid', { field, value: quote(value), reason }),
          note: figureRule ? t('data.figure.note') : t('data.write', { what: describe(path) }),
          start: span?.start,
          end: span?.end,
        }),
      ];
    }
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return t('kind.list');
  if (value === null) return t('kind.empty');
  if (typeof value === 'object') return t('kind.block');
  if (typeof value === 'string') return t('kind.text');
  if (typeof value === 'number') return t('kind.number');
  return t('kind.boolean');
}

/** The bounds a number must keep, as a message gives them: ≥ 2000, ≤ 2100. */
function rangeOf(issue: Issue): string {
  if (issue.code === 'too_small') return `≥ ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `≤ ${String(issue.maximum)}`;
  return '';
}

/** A suggested key as the note names it: with its Chinese label too, when there is one. */
function guessName(path: Path, guess: string): string {
  if (lang() === 'en') return `\`${guess}\``;
  const label = fieldLabel([...path, guess]);
  return label ? `“${guess}”（${label}）` : `“${guess}”`;
}

const HAN = /\p{Script=Han}/u;

/** The fields a block may have, for a key like none of them: with their Chinese labels when the key was written in Chinese. */
function knownFields(path: Path, key: string, known: readonly string[]): string {
  if (!HAN.test(key) || lang() === 'en') return t('data.known-fields', { list: known.join(', ') });
  const named = known.map((k) => {
    const label = fieldLabel([...path, k]);
    return label ? `${k}（${label}）` : k;
  });
  return `${t('data.known-fields', { list: named.join('、') })}${t('data.english-keys')}`;
}

/** The keys known at a path with their Chinese labels, for a key written in Chinese. */
function labelled(path: Path, known: readonly string[]): { key: string; label: string }[] {
  return known.flatMap((key) => {
    const label = fieldLabel([...path, key]);
    return label ? [{ key, label }] : [];
  });
}

/** The data file's schema node at a path, with nullable/default/optional wrappers removed. */
export const schemaAt = (path: Path): z.ZodType | undefined => schemaNodeAt(reportSchema, path);

function describe(path: Path): string {
  if (path.length === 1 && path[0] === 'date') return t('what.date');
  const s = schemaAt(path);
  if (!s) return t('what.value');
  if (s instanceof z.ZodObject) return t('what.block', { keys: `${Object.keys(s.shape).slice(0, 6).join(', ')}${Object.keys(s.shape).length > 6 ? ', …' : ''}` });
  if (s instanceof z.ZodArray) return t('what.list');
  if (s instanceof z.ZodRecord) return t('what.record');
  if (s instanceof z.ZodEnum) return t('what.one-of', { values: list(s.options.map((o) => quote(o))) });
  if (s instanceof z.ZodBoolean) return t('what.boolean');
  if (s instanceof z.ZodNumber) return t('what.year');
  if (s instanceof z.ZodPipe) return t('what.figure');
  if (s instanceof z.ZodString) return (lang() === 'zh' ? fieldLabel(path) : undefined) ?? t('what.text');
  return t('what.value');
}

function fixFor(path: Path, value: unknown): string {
  const s = schemaAt(path);
  if (s instanceof z.ZodString && typeof value === 'number') return t('fix.quote', { value: String(value) });
  if (s instanceof z.ZodNumber && typeof value === 'string') {
    const digits = /\d+/.exec(value)?.[0];
    return digits ? t('fix.number', { digits }) : t('fix.number-alone');
  }
  if (s instanceof z.ZodObject && typeof value !== 'object') return t('fix.indent', { field: fieldName(path) });
  return t('data.write', { what: describe(path) });
}

function withPartNumbers(data: ReportData): ReportData {
  if (!data.parts) return data;
  return { ...data, parts: data.parts.map((p) => ({ ...p, part: p.part ?? partOf(p.heading) })) };
}
