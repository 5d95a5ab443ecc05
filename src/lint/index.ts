/**
 * Lint rules: what the regulation requires, whether the figures agree with
 * last year's, and how the narrative is written. Each rule has a permanent
 * id and a default severity that report.config.yaml can change.
 */
import { lang, t } from '../i18n/index.js';
import { fieldName } from '../load/labels.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { formatFigure, type Figure } from '../load/figure.js';
import type { Locator, Path, Span } from '../yaml/positions.js';
import type { ReportData } from '../load/schema.js';
import { ROLLUP_COLUMNS } from '../derive/key-figures.js';
import type { RuleId } from '../rules/catalogue.js';

export interface RequiredPart {
  /** The section's id, which names it when it has no part number or title. */
  id: string;
  part: number | null;
  title: string | null;
  /** True when the part's section rendered nothing but headings. */
  empty: boolean;
}

export interface PreviousYear {
  file: string;
  data: ReportData;
}

export interface LintInput {
  file: string;
  data: ReportData;
  source: string;
  locator: Locator;
  /** The pack's required parts and whether each came out empty. */
  parts?: readonly RequiredPart[];
  /** Month and day of the following year by which the report is due (Art. 23: 03-01). */
  deadline?: string;
  previous?: PreviousYear | undefined;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** The Arabic digit of a full-width digit or a Chinese numeral in a year (２ and 二 are 2, 〇 and 零 are 0). */
const YEAR_DIGITS: Record<string, string> = Object.fromEntries([
  ...[...'０１２３４５６７８９'].map((c, i) => [c, String(i)]),
  ...[...'〇一二三四五六七八九'].map((c, i) => [c, String(i)]),
  ['零', '0'],
]);

/** The lint rules' findings for one report: the regulation, year-on-year figures and the writing. */
export function lint(input: LintInput): Diagnostic[] {
  const { file, data, locator } = input;
  const out: Diagnostic[] = [];
  const at = (path: Path) => locator.value(path);
  const push = (ruleId: RuleId, path: Path | undefined, reason: string, note: string, span = path ? at(path) : undefined) =>
    out.push(diagnostic(file, { ruleId, reason, note, start: span?.start ?? { line: 1, column: 1 }, end: span?.end }));
  /** The correction of the last finding, for `report fix`. */
  const fixes = (offset: number, length: number, text: string) => {
    const last = out[out.length - 1];
    if (last) last.fix = { offset, length, text };
  };

  // The regulation.
  for (const p of input.parts ?? []) {
    if (!p.empty) continue;
    const reason = p.part
      ? t('lint.missing-part', { part: lang() === 'zh' ? (CN[p.part] ?? p.part) : p.part, title: p.title ? `（${p.title}）` : '' })
      : t('lint.missing-section', { title: p.title ?? p.id });
    const note = data.parts && p.part ? t('lint.missing-part.parts', { number: p.part }) : t(p.part === 3 ? 'lint.missing-part.responsibility' : 'lint.missing-part.note');
    push('regulation/missing-part', undefined, reason, note);
  }
  const yearEnd = `${data.year}-12-31`;
  const date = data.date;
  if (date === null) push('regulation/missing-date', ['date'], t('lint.missing-date'), t('lint.missing-date.note', { example: `${data.year + 1}-02-15` }));
  else if (date < yearEnd) {
    push(
      'regulation/date-before-year-end',
      ['date'],
      t('lint.date-before-year-end', { date, year: data.year }),
      t('lint.date-before-year-end.note', { year: data.year, next: data.year + 1, example: `${data.year + 1}-02-15` }),
    );
  }
  if (input.deadline && date !== null) {
    const due = `${data.year + 1}-${input.deadline}`;
    if (date >= due) {
      push('regulation/late-date', ['date'], t('lint.late-date', { date, month: Number(input.deadline.slice(0, 2)), day: Number(input.deadline.slice(3)), year: data.year }), t('lint.late-date.note'));
    }
  }

  // Year on year.
  if (input.previous) {
    const prev = input.previous.data;
    for (const c of ROLLUP_COLUMNS) {
      const now = c.pick(data);
      const then = c.pick(prev);
      if (!now || !then || now.percent || then.percent || then.value <= 0) continue;
      const ratio = now.value / then.value;
      if ((ratio >= 3 || ratio <= 1 / 3) && Math.abs(now.value - then.value) >= 10) {
        const path = figurePath(data, now);
        push(
          'figures/year-on-year',
          path,
          // Stryker disable next-line EqualityOperator: a ratio of exactly 1 is never flagged (it must be ≥ 3 or ≤ 1/3).
          t(ratio >= 1 ? 'lint.year-on-year.more' : 'lint.year-on-year.less', {
            label: path ? fieldName(path) : c.label,
            now: formatFigure(now, c.unit),
            // Stryker disable next-line EqualityOperator: as above, a flagged ratio is never 1.
            ratio: round1(ratio >= 1 ? ratio : 1 / ratio),
            before: formatFigure(then, c.unit),
            file: input.previous.file,
          }),
          t('lint.year-on-year.note'),
        );
      }
    }
  }

  // The writing of narrative text.
  for (const [path, text] of narrativeValues(data)) {
    const key = String(path[path.length - 1]);
    const heading = key === 'heading' || key === 'problem';
    // Each offender in the text is found in the source after the one before it.
    let from = 0;
    const where = (snippet: string, offset = 0) => {
      const span = findInSource(input.source, locator, path, snippet, offset, from);
      if (span?.offset !== undefined) from = span.offset + 1;
      return span;
    };
    // Between Chinese characters, or Chinese and a figure (会议,3次; 100%,调解).
    for (const half of text.matchAll(/([\p{Script=Han}%])([,;:!?()])(?=[\p{Script=Han}\d])/gu)) {
      const full = FULL_WIDTH[half[2]!]!;
      // Found with the character before it; beside a marked figure ([95件|…],化解) with the one after.
      let span = where(half[0], half[1]!.length);
      let mark = span?.offset === undefined ? undefined : span.offset + half[1]!.length;
      // Stryker disable next-line ConditionalExpression: found at the mark when the snippet was, so the same place.
      if (mark === undefined) {
        const after = where(`${half[2]}${text[half.index + 2]}`);
        if (after?.offset !== undefined) [span, mark] = [{ ...after, end: locator.pos(after.offset + 1) }, after.offset];
      }
      push('writing/half-width-punctuation', path, t('lint.half-width', { field: fieldName(path), mark: half[2]!, snippet: half[0] }), t('lint.half-width.note', { full }), span);
      if (mark !== undefined) fixes(mark, 1, full);
    }
    from = 0;
    // An item number, not a list of numbers (1、15日, 2023、2024年).
    for (const numbering of text.matchAll(/(^|[。；：:\s])(\d+)、(?![\d０-９年月日])/gu)) {
      const [whole, mark = '', digits = ''] = numbering;
      // A line break or space before it is indentation in the source: look from the digits.
      const before = /\s/.test(mark) ? '' : mark;
      // Found in the source with the characters around it, so that the fix lands on this one.
      const next = text.slice(numbering.index + whole.length, numbering.index + whole.length + 2);
      const found = where(`${before}${digits}、${next}`, before.length);
      // The place is the number and its 、, not the characters it was found by.
      const span = found?.offset !== undefined ? { ...found, end: locator.pos(found.offset + before.length + digits.length + 1) } : found;
      push('writing/numbering-style', path, t('lint.numbering', { field: fieldName(path), number: `${digits}、` }), t('lint.numbering.note'), span);
      if (span?.offset !== undefined) fixes(span.offset + before.length + digits.length, 1, '.');
    }
    from = 0;
    // A year as GB/T 15835 writes it: four Arabic digits, then 年 (2025年, 2025年度).
    for (const year of text.matchAll(/(?<![\d０-９〇零一二三四五六七八九十])([０-９]{4}|[12１２][\d０-９]{3}(?=[ \u3000]+年)|[一二][〇零一二三四五六七八九]{3})[ \u3000]*年/gu)) {
      const fixed = `${[...year[1]!].map((c) => YEAR_DIGITS[c] ?? c).join('')}年`;
      const span = where(year[0]);
      push('writing/year-style', path, t('lint.year-style', { field: fieldName(path), year: year[0] }), t('lint.year-style.note', { fixed }), span);
      if (span?.offset !== undefined) fixes(span.offset, year[0].length, fixed);
    }
    if (!heading && /[一二三四五]是/u.test(text) && /首先|其次|再次/u.test(text)) {
      const m = /首先|其次|再次/u.exec(text)!;
      push('writing/mixed-enumeration', path, t('lint.mixed', { field: fieldName(path), word: m[0] }), t('lint.mixed.note'), where(m[0]));
    }
    if (heading) {
      const n = /^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．]|（\d+）)/u.exec(text);
      if (n) push('writing/numbered-heading', path, t('lint.numbered-heading', { field: fieldName(path), number: n[1]! }), t('lint.numbered-heading.note'), where(n[1]!));
    }
  }
  return out;
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

const NARRATIVE_KEYS = new Set(['text', 'intro', 'opening', 'closing', 'other', 'heading', 'problem', 'body']);

/** The full-width mark for a half-width one written between Chinese characters. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

function narrativeValues(data: ReportData): [Path, string][] {
  const out: [Path, string][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      if (NARRATIVE_KEYS.has(String(path[path.length - 1]))) out.push([path, node]);
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...path, i]);
      return;
    }
    // Stryker disable next-line StringLiteral: a figure has no narrative field; 'digits' only spares walking into one.
    if (node && typeof node === 'object' && !('digits' in node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  return out;
}

/** The path of a figure object inside the data (for its position). */
function figurePath(data: ReportData, target: Figure): Path | undefined {
  let found: Path | undefined;
  const walk = (node: unknown, path: (string | number)[]) => {
    // Stryker disable next-line ConditionalExpression: a figure object sits at one place only; returning early only saves the walk.
    if (found) return;
    if (node === target) {
      found = path;
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, [...path, i]);
      return;
    }
    // Stryker disable next-line StringLiteral: a figure holds only numbers and short strings, never the figure looked for.
    if (node && typeof node === 'object' && !('digits' in node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  return found;
}

/**
 * Where a snippet of a value sits in the source, from `from` on: searched inside the value's range
 * (with the offset in the source where it was found), else the value's start.
 */
function findInSource(source: string, locator: Locator, path: Path, snippet: string, offset = 0, from = 0): (Span & { offset?: number }) | undefined {
  const node = locator.node(path);
  const range = node?.range;
  if (!range) return locator.value(path);
  // A block scalar's text starts on the line after its | or > (and the comment there).
  const first = source[range[0]] === '|' || source[range[0]] === '>' ? source.indexOf('\n', range[0]) + 1 : range[0];
  const at = source.indexOf(snippet, Math.max(first, from));
  // Stryker disable next-line EqualityOperator: a value never starts at offset 0 (its key comes first).
  if (at < 0 || at + snippet.length > range[1]) return locator.value(path);
  return { start: locator.pos(at + offset), end: locator.pos(at + snippet.length), offset: at };
}
