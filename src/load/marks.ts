/**
 * Figures marked where the clerk wrote them: 排查调处矛盾纠纷[95件|disputes.total] prints
 * “排查调处矛盾纠纷95件” and records 95件 as achievements.disputes.total, for the roll-up, the
 * consistency checks and year on year. The name after the bar is a field of the figure catalogue
 * (disputes.total, or its Chinese label 排查调处矛盾纠纷) or a name of the township's own (宣传视频),
 * kept as a figure of its own. Brackets and bar may be typed half- or full-width ([ | ] or 【 ｜ 】).
 * A mark is data like any other text: nothing in it is run as template code.
 */
import { z } from 'zod';
import { diagnostic, quote, type Diagnostic } from '../diagnostics/index.js';
import { lang, t } from '../i18n/index.js';
import { pathString, unwrap, type Locator, type Path, type Span } from '../yaml/index.js';
import { suggest } from '../yaml/suggest.js';
import { formatFigure, isExact, isFigure, parseFigure, type Figure } from './figure.js';
import { fieldLabel, fieldName, fieldUnit } from './labels.js';
import { figure as figureSchema, reportSchema, type ReportData } from './schema.js';

/** [figure|name] or 【figure｜name】: a figure as written, a bar, the name it is recorded under. */
export const MARK = /[[【]([^[\]【】|｜\n]{1,40})[|｜]([^[\]【】|｜\n]{1,60})[\]】]/gu;
/** What a figure starts with: digits, with 约/近/超过/不低于 before them. */
const FIGURE_START = /^\s*(?:约|近|超过|不低于)?\s*[0-9０-９]/u;
/** A name in Latin letters is meant as a field of the catalogue; the township's own names are Chinese. */
const FIELD_LIKE = /^[A-Za-z_][\w.]*$/;

/** A figure the data file records: where it was marked (or listed under `figures:`) and as what. */
export interface Recorded {
  /** The catalogue field it is, or null for a figure of the township's own. */
  path: Path | null;
  /** The name it is recorded under: the catalogue path, or the township's own name. */
  name: string;
  figure: Figure;
  /** Where it was written in the data file. */
  at: Path;
  mark: string;
}

/**
 * A figure the county's spreadsheet gives for this township (`--figures`): it wins over the data
 * file's, is printed where the figure is written, and a warning says that the two differ.
 */
export interface FigureOverride {
  /** The figure's key as the roll-up names it: achievements.disputes.total, or figures.宣传视频 for one of the township's own. */
  key: string;
  value: number;
  approx: boolean;
  /** The column's unit, when its header gives one. */
  unit?: string | undefined;
  /** Where in the spreadsheet: summary.xlsx!汇总!E7, or summary.csv:7:5. */
  ref: string;
}

/** Every figure field of the data file's schema, by its path, its path under achievements, and its Chinese label when no other field has it. */
let catalogueMade: Map<string, Path> | undefined;
/** Made on the first mark: most data files have none, and a process starts faster without it. */
const CATALOGUE = (): Map<string, Path> => (catalogueMade ??= makeCatalogue());
/** The catalogue, made anew (CATALOGUE keeps the one made first: tests of what it holds call this). */
export function makeCatalogue(): Map<string, Path> {
  const byName = new Map<string, Path>();
  const labels = new Map<string, Path[]>();
  const walk = (s: z.ZodType | undefined, path: Path) => {
    if (unwrap(s) === figureSchema) {
      byName.set(pathString(path), path);
      if (path[0] === 'achievements') byName.set(pathString(path.slice(1)), path);
      const label = fieldLabel(path);
      if (label) labels.set(label, [...(labels.get(label) ?? []), path]);
      return;
    }
    const u = unwrap(s);
    if (u instanceof z.ZodObject) for (const [k, v] of Object.entries(u.shape as Record<string, z.ZodType>)) walk(v, [...path, k]);
  };
  for (const top of ['achievements', 'responsibility']) walk((reportSchema.shape as Record<string, z.ZodType>)[top], [top]);
  for (const [label, paths] of labels) if (paths.length === 1 && !byName.has(label)) byName.set(label, paths[0]!);
  return byName;
}

/** The catalogue field a mark's name stands for (disputes.total, or the label 排查调处矛盾纠纷), or null for a name of the township's own. */
export function catalogueField(name: string): Path | null {
  return CATALOGUE().get(name) ?? null;
}

/** The roll-up's key of a figure of the township's own: figures.宣传视频. */
export const ownKey = (name: string): string => ['figures', name].join('.');

/** The names a mark may give that look like a field of the catalogue (disputes.total), for a suggestion when one is misspelt. */
// Stryker disable next-line Regex,MethodExpression: a key is a dotted name or a label with no Latin letter (test/marks.test.ts), and a Latin name is like no label
const fieldNames = (): string[] => [...CATALOGUE().keys()].filter((k) => /^[a-z_.]+$/.test(k));

/** Fields whose text is the township's narrative, where figures may be marked; identity, title and file names are not. */
const NOT_NARRATIVE = new Set(['township', 'year', 'date', 'title', 'recipient', 'doc_number', 'sealed', 'previous', 'overrides', 'figures']);

/**
 * Reads the figures marked in a data file's narrative and listed under `figures:`: the text is
 * left as it prints (each mark replaced by its figure as written), each catalogue figure is set
 * in its field, and the township's own figures are kept under `figures`. Problems (a mark whose
 * figure cannot be read, a field name that does not exist, one figure given two values) are
 * diagnostics at the mark.
 */
export function readMarks(
  file: string,
  input: ReportData,
  locator: Locator,
  overrides: ReadonlyMap<string, FigureOverride> = new Map(),
): { data: ReportData; recorded: Recorded[]; diagnostics: Diagnostic[] } {
  const data = structuredClone(input);
  /** The county's figure for a mark's or a listed figure's name, when it differs from the one written; with a warning at `at`. */
  const used = new Set<string>();
  const fromSheet = (name: string, written: Figure, span: () => Span | undefined): Figure => {
    const path = CATALOGUE().get(name) ?? breakdownItem(name);
    const key = path ? pathString(path) : ownKey(name);
    const o = overrides.get(key);
    if (!o) return written;
    used.add(key);
    const figure = overridden(o, written);
    if (figure === written) return written;
    diagnostics.push(differs(file, path ? fieldName(path) : `“${name}”`, o, figure, written, span()));
    return figure;
  };
  const diagnostics: Diagnostic[] = [];
  const recorded: Recorded[] = [];
  const own: Record<string, Figure> = {};

  const record = (name: string, figure: Figure, at: Path, mark: string) => {
    const path = CATALOGUE().get(name) ?? breakdownItem(name);
    if (path === null && FIELD_LIKE.test(name)) {
      const span = locator.within(at, mark);
      const names = fieldNames();
      const ending = names.filter((k) => !k.startsWith('achievements.') && k.endsWith(`.${name}`));
      const guess = ending.length === 1 ? ending[0] : suggest(name, names);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'data/unknown-key',
          reason: t('marks.unknown', { name, mark: quote(mark) }),
          note: guess ? t('data.did-you-mean', { guess: lang() === 'zh' ? `“${guess}”` : `\`${guess}\`` }) : t('marks.unknown.note'),
          start: span?.start,
          end: span?.end,
        }),
      );
      return;
    }
    const key = path ? pathString(path) : name;
    const before = recorded.find((r) => (r.path ? pathString(r.path) : r.name) === key);
    const given = path ? valueAt(data, path) : undefined;
    const other = before?.figure ?? (isFigure(given) ? given : undefined);
    if (other && !sameFigure(other, figure)) {
      const span = locator.within(at, mark);
      const first = before ? locator.within(before.at, before.mark) : locator.value(path ?? []);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'figures/conflicting',
          reason: t('marks.conflict', { field: path ? fieldName(path) : `“${name}”`, now: formatFigure(figure), before: formatFigure(other) }),
          note: t('marks.conflict.note'),
          start: span?.start,
          end: span?.end,
          related: first ? [{ file, line: first.start.line, column: first.start.column, message: t('marks.conflict.first') }] : [],
        }),
      );
      return;
    }
    recorded.push({ path, name: key, figure, at, mark });
    if (!path) own[name] = figure;
  };

  // Figures recorded without being printed.
  // Stryker disable next-line StringLiteral: a listed figure has no mark; within() places any mark not in its value at the value
  for (const [name, figure] of Object.entries(input.figures ?? {}))
    record(
      name.trim(),
      fromSheet(name.trim(), figure, () => locator.value(['figures', name])),
      ['figures', name],
      '',
    );

  const visit = (value: unknown, path: Path): unknown => {
    // Stryker disable next-line ConditionalExpression,StringLiteral: text without a bar holds no mark, and reading it for marks leaves it as it is; the test spares the work
    if (typeof value === 'string') return value.includes('|') || value.includes('｜') ? marked(value, path) : value;
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i]));
    if (value !== null && typeof value === 'object' && !isFigure(value)) {
      const out: Record<string, unknown> = {};
      // Stryker disable next-line ConditionalExpression: no field below the top level has one of these names (the schema)
      for (const [k, v] of Object.entries(value)) out[k] = path.length === 0 && NOT_NARRATIVE.has(k) ? v : visit(v, [...path, k]);
      return out;
    }
    return value;
  };
  const marked = (text: string, at: Path): string => {
    malformed(text, at);
    return text.replace(MARK, (mark, written: string, name: string) => {
      // Brackets that hold no figure and name no field (【政策解读｜法治宣传】) are text.
      if (!FIGURE_START.test(written) && !FIELD_LIKE.test(name.trim())) return mark;
      // Stryker disable next-line MethodExpression: parseFigure trims what it reads
      const parsed = parseFigure(written.trim());
      if (!parsed.ok) {
        const span = locator.within(at, mark);
        diagnostics.push(
          diagnostic(file, {
            ruleId: parsed.stacked ? 'figures/stacked-qualifiers' : 'data/invalid-figure',
            reason: t('marks.invalid', { mark: quote(mark), reason: parsed.reason }),
            note: t('data.figure.note'),
            start: span?.start,
            end: span?.end,
          }),
        );
        return written;
      }
      const figure = fromSheet(name.trim(), parsed.figure, () => locator.within(at, mark));
      record(name.trim(), figure, at, mark);
      return figure === parsed.figure ? written.trim() : formatFigure(figure);
    });
  };
  /** A bracket with a figure and a bar that is not a mark (nested, two bars, not closed): an error, not brackets printed in the report. */
  const malformed = (text: string, at: Path) => {
    const masked = text.replace(MARK, (mark) => ' '.repeat(mark.length));
    for (const m of masked.matchAll(/[[【][^[\]【】\n]{0,80}?[|｜]/gu)) {
      const snippet = text.slice(m.index, m.index + m[0].length);
      if (!/[0-9０-９]/u.test(snippet)) continue;
      const span = locator.within(at, snippet);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'data/invalid-figure',
          reason: t('marks.malformed', { mark: quote(snippet) }),
          note: t('marks.malformed.note'),
          start: span?.start,
          end: span?.end,
        }),
      );
    }
  };

  const result = visit(data, []) as ReportData;
  for (const r of recorded) if (r.path) setAt(result, r.path, r.figure);
  // The county's figures not marked in the text, in a field of the data file. A figure the data
  // file does not have is not added: it would print a sentence the township never wrote.
  for (const [key, o] of overrides) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression: a figure already taken from the sheet is equal to it, and figures.* is in no field; both end at a continue below
    if (used.has(key) || key.startsWith('figures.')) continue;
    const path = CATALOGUE().get(key);
    const given = path ? valueAt(result, path) : undefined;
    if (!path || !isFigure(given)) continue;
    const figure = overridden(o, given);
    if (figure === given) continue;
    setAt(result, path, figure);
    diagnostics.push(differs(file, fieldName(path), o, figure, given, locator.value(path), fieldUnit(path)));
  }
  result.figures = Object.keys(own).length > 0 ? own : null;
  return { data: result, recorded, diagnostics };
}

/**
 * The places of the data file as messages give them, with each recorded figure at its mark: a
 * check of a figure marked in a paragraph (a part larger than its whole) points at the mark.
 */
export function markedLocator(locator: Locator, recorded: readonly Recorded[]): Locator {
  // Stryker disable next-line ConditionalExpression: with nothing recorded the wrapper below gives the same places
  if (recorded.length === 0) return locator;
  const places = new Map(recorded.map((r) => [pathString(r.path ?? ['figures', r.name]), r]));
  const marked = Object.create(locator) as Locator;
  marked.value = (path: Path) => {
    const r = places.get(pathString(path));
    // A figure listed under figures: has no mark: within() gives its value's place.
    return r ? locator.within(r.at, r.mark) : locator.value(path);
  };
  return marked;
}

/** An item of a breakdown, named after its path: enforcement.licences.items.林业采伐许可. */
function breakdownItem(name: string): Path | null {
  // Stryker disable next-line Regex: the name is trimmed and field-like, so the anchors change nothing
  const m = /^([a-z_.]+)\.items\.(\S.*)$/.exec(name);
  const total = m ? CATALOGUE().get(`${m[1]}.total`) : undefined;
  // Stryker disable next-line MethodExpression: the name was trimmed before
  return m && total ? [...total.slice(0, -1), 'items', m[2]!.trim()] : null;
}

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Sets a figure at its field, making the blocks on the way with the schema's defaults. */
function setAt(data: ReportData, path: Path, figure: Figure): void {
  let cur = data as unknown as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = String(path[i]);
    if (cur[key] === null || cur[key] === undefined) {
      const s = unwrap(schemaAt(path.slice(0, i + 1)));
      // A breakdown (a total and its items) is made with no items.
      const made = s?.safeParse({}) ?? { success: false };
      const withItems = made.success ? made : (s?.safeParse({ items: {} }) ?? { success: false });
      cur[key] = withItems.success ? withItems.data : {};
    }
    cur = cur[key] as Record<string, unknown>;
  }
  cur[String(path[path.length - 1])] = figure;
}

function schemaAt(path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = reportSchema;
  for (const k of path) {
    const u = unwrap(s);
    s = u instanceof z.ZodObject ? (u.shape as Record<string, z.ZodType>)[String(k)] : undefined;
  }
  return s;
}

/** Two figures that say the same: the same number, qualifier and unit (a unit left out agrees with any). */
function sameFigure(a: Figure, b: Figure): boolean {
  return a.value === b.value && a.percent === b.percent && a.approx === b.approx && a.bound === b.bound && (a.unit === null || b.unit === null || a.unit === b.unit);
}

/** The county's figure, written the way the township wrote its own (its qualifier or bound, magnitude and unit). */
function overridden(o: FigureOverride, like: Figure | null): Figure {
  // The same figure (the roll-up counts a bound as approximate): the township's, as written.
  if (like && like.value === o.value && !isExact(like) === o.approx) return like;
  const unit = like?.percent || o.unit === '%' ? '%' : (like?.unit ?? o.unit ?? '');
  const magnitude = like?.magnitude === '万' && o.value >= 1000 ? '万' : '';
  const number = magnitude ? String(o.value / 10000) : String(o.value);
  const before = !o.approx ? '' : like?.approx === '约' || like?.approx === '近' ? like.approx : like?.bound === '超过' || like?.bound === '不低于' ? like.bound : '';
  const after = !o.approx || before ? '' : like?.bound === '以上' || like?.bound === '以下' ? like.bound : like?.approx && like.approx !== '约' && like.approx !== '近' ? like.approx : '余';
  // 以上 and 以下 follow the unit (95%以上, 200人以上); 余 and 多 come before it (200余人).
  const text = after === '以上' || after === '以下' ? `${before}${number}${magnitude}${unit}${after}` : `${before}${number}${magnitude}${after}${unit}`;
  const parsed = parseFigure(text);
  return parsed.ok ? parsed.figure : (parseFigure(o.value) as { figure: Figure }).figure;
}

/** The warning that the county's spreadsheet and the data file differ; the spreadsheet's figure is the one printed. */
function differs(file: string, field: string, o: FigureOverride, figure: Figure, before: Figure, span: Span | undefined, unit = ''): Diagnostic {
  return diagnostic(file, {
    ruleId: 'figures/spreadsheet-differs',
    reason: t('sheet.differs', { field, ref: o.ref, sheet: formatFigure(figure, unit), data: formatFigure(before, unit) }),
    note: t('sheet.differs.note'),
    start: span?.start,
    end: span?.end,
  });
}
