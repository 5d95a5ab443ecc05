/**
 * Helpers that write figures and text the Chinese way. Every helper either
 * returns plain text (escaped by the caller like any value) or a SafeString
 * of Markdown it has escaped itself.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { formatFigure, isFigure, type Figure } from '../load/figure.js';
import { chineseDate, chineseNumeral } from './chinese.js';
import { t } from '../i18n/index.js';
import { markdownEscape, markdownParagraphs, RUN_IN_MARK } from './escape.js';

type SafeCtor = new (s: string) => { toString(): string; toHTML(): string };

const CLAUSE = '\uE000';

/** A line numbered 1. 1． or 1、 by the township. */
const NUMBERED_LINE = /^\d{1,2}\s*[.．、](?![\d０-９])/u;
/** A numbered line with a heading of its own, ended by a colon or a full stop, and text after it: the heading (with its mark) and the text. */
const ITEM = /^\d{1,2}\s*[.．、](?![\d０-９])\s*([^。：:；！？\n]{2,40}[。：:])\s*(\S.*)$/u;
/** White space where a line of a folded block (>-) was joined between two Chinese characters or marks: none in Chinese. */
const CJK_GAP = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])/gu;

function exactCount(f: Figure): boolean {
  return f.approx === null && f.bound === null && !f.percent;
}

function isOptions(v: unknown): v is HelperOptions {
  return typeof v === 'object' && v !== null && 'hash' in v && 'data' in v;
}

/** The text a helper puts before its output when it has any: sep="，". */
function sep(list: unknown[]): string {
  const options = list[list.length - 1];
  const value = isOptions(options) ? options.hash['sep'] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Strips the trailing Handlebars options object from a helper's arguments. */
function args(list: unknown[]): unknown[] {
  return isOptions(list[list.length - 1]) ? list.slice(0, -1) : list;
}

/** A helper used wrongly by a template (reported as template/runtime). */
export class TemplateUsageError extends Error {}

/** The pack's Handlebars helpers (fig, date, cn, sentence, breakdown…), bound to the pack's SafeString. */
export function makeHelpers(SafeString: SafeCtor): Record<string, HelperDelegate> {
  const safe = (s: string) => new SafeString(s);
  const figureText = (name: string, value: unknown, unit: unknown): string => {
    if (value === null || value === undefined) {
      throw new TemplateUsageError(t('template.empty-figure', { helper: name }));
    }
    if (!isFigure(value)) throw new TemplateUsageError(t('template.not-a-figure', { helper: name, kind: typeof value }));
    return formatFigure(value, typeof unit === 'string' ? unit : '');
  };

  return {
    /** {{fig disputes.total "件"}} → 63件, 200余起 (the data's unit wins), 95%以上. */
    fig(...list: unknown[]) {
      const [value, unit] = args(list);
      return figureText('fig', value, unit);
    },
    /** {{date date}} → 2026年2月5日. */
    date(...list: unknown[]) {
      const [value] = args(list);
      return typeof value === 'string' ? chineseDate(value) : '';
    },
    /** {{cn 3}} → 三. */
    cn(...list: unknown[]) {
      const [value] = args(list);
      return typeof value === 'number' ? chineseNumeral(value) : String(value ?? '');
    },
    /** {{add year 1}} → 2026. */
    add(...list: unknown[]) {
      const [a, b] = args(list);
      return Number(a) + Number(b);
    },
    /** {{paras text}}: narrative text as literal paragraphs, separated by blank lines. */
    paras(...list: unknown[]) {
      const [value] = args(list);
      if (typeof value !== 'string') return '';
      return safe(markdownParagraphs(value).join('\n\n'));
    },
    /**
     * {{body text}}: the township's own text, one paragraph per line, written out as it is. Lines
     * numbered 1. 2. with a heading of their own (1. 信访矛盾多元化解：正文) become level-3 headings run
     * in with their paragraph, numbered like every heading; when any numbered line has no heading
     * of its own, every line is written out as numbered by the township.
     */
    body(...list: unknown[]) {
      const [value, level] = args(list);
      if (typeof value !== 'string') return '';
      // Items are headings one level below the heading the body is under (#### under ###).
      const depth = typeof level === 'number' && level >= 1 && level <= 6 ? level : 4;
      const lines = value
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.trim().replace(CJK_GAP, ''))
        .filter((l) => l !== '');
      const items = lines.map((l) => (NUMBERED_LINE.test(l) ? ITEM.exec(l) : undefined));
      const asHeadings = items.every((item, i) => item !== null || !NUMBERED_LINE.test(lines[i]!));
      const out: string[] = [];
      lines.forEach((line, i) => {
        const item = items[i];
        if (asHeadings && item) out.push(`${'#'.repeat(depth)} ${markdownEscape(item[1]!)}`, markdownEscape(item[2]!));
        else out.push(markdownEscape(line));
      });
      return safe(out.join('\n\n'));
    },
    /** {{inline text}}: narrative text run into the current paragraph. */
    inline(...list: unknown[]) {
      const [value] = args(list);
      if (typeof value !== 'string') return '';
      return safe(markdownParagraphs(value).join(''));
    },
    /**
     * {{#sentence}}{{#clause}}…{{/clause}}{{#clause}}…{{/clause}}{{/sentence}}
     * joins the clauses that are not empty with “，” and ends with “。”;
     * with no clause left it writes nothing, so no sentence is ever half-built.
     */
    sentence(this: unknown, options: HelperOptions) {
      const inner = String(options.fn(this));
      const clauses = inner
        .split(CLAUSE)
        .map((c) => c.trim())
        .filter((c) => c !== '');
      if (clauses.length === 0) return '';
      const lead = typeof options.hash['lead'] === 'string' ? markdownEscape(options.hash['lead']) : '';
      const body = clauses.join('，').replace(/[，。；]+$/u, '');
      return safe(`${lead}${body}。`);
    },
    clause(this: unknown, options: HelperOptions) {
      // Stryker disable next-line MethodExpression: {{#sentence}}, where clauses go, trims each clause too
      return safe(`${CLAUSE}${String(options.fn(this)).trim()}${CLAUSE}`);
    },
    /** {{breakdown managed.items "名"}} → 精神障碍患者17名、社区矫正对象1名. */
    breakdown(...list: unknown[]) {
      const [items, unit] = args(list);
      if (!items || typeof items !== 'object') return '';
      return Object.entries(items as Record<string, unknown>)
        .map(([label, f]) => `${label}${figureText('breakdown', f, unit)}`)
        .join('、');
    },
    /**
     * {{enum shortcomings "problem" "text"}} → 一是行政执法保障有待加强。……二是……
     * Run-in enumeration inside one paragraph.
     */
    enum(...list: unknown[]) {
      const [items, titleKey, textKey] = args(list);
      if (!Array.isArray(items)) return '';
      const parts = items.map((item: Record<string, unknown>, i) => {
        const title = markdownEscape(String(item[String(titleKey)] ?? '')).replace(/[。；;.]$/u, '');
        const body = typeof textKey === 'string' && typeof item[textKey] === 'string' ? markdownParagraphs(item[textKey] as string).join('') : '';
        return `${chineseNumeral(i + 1)}是${title}。${body}`;
      });
      return safe(parts.join(''));
    },
    /**
     * {{growth now last}} → 同比增长12.5%, 同比下降3.2%, 与上年持平. Nothing unless both figures
     * are exact counts.
     */
    growth(...list: unknown[]) {
      const [now, then] = args(list);
      if (!isFigure(now) || !isFigure(then) || !exactCount(now) || !exactCount(then) || then.value === 0) return '';
      const pct = Math.round(((now.value - then.value) / then.value) * 1000) / 10;
      // Stryker disable next-line EqualityOperator: pct is not 0 where it is compared with 0
      return sep(list) + (pct === 0 ? '与上年持平' : `同比${pct > 0 ? '增长' : '下降'}${Math.abs(pct)}%`);
    },
    /** {{delta now last "件"}} → 增加3件, 减少3件, 与上年持平. */
    delta(...list: unknown[]) {
      const [now, then, unit] = args(list);
      if (!isFigure(now) || !isFigure(then) || !exactCount(now) || !exactCount(then)) return '';
      const d = Math.round((now.value - then.value) * 100) / 100;
      const u = now.unit ?? (typeof unit === 'string' ? unit : '');
      // Stryker disable next-line EqualityOperator: d is not 0 where it is compared with 0
      return sep(list) + (d === 0 ? '与上年持平' : `${d > 0 ? '增加' : '减少'}${Math.abs(d)}${u}`);
    },
    /** (last "achievements.disputes.total"): the figure in last year's data, or null when there is none. */
    last(...list: unknown[]) {
      const [path] = args(list);
      const options = list[list.length - 1];
      const root = isOptions(options) ? (options.data as { root?: { last_year?: unknown } } | undefined)?.root : undefined;
      let cur: unknown = root?.last_year ?? null;
      for (const key of String(path).split('.')) {
        if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return null;
        cur = (cur as Record<string, unknown>)[key];
      }
      return cur ?? null;
    },
    /** {{runin}} at the end of a heading: it is run in with its first paragraph, as the pack does for level 3. */
    runin() {
      return safe(RUN_IN_MARK);
    },
    /** {{#if (ends opening "如下：" "如下:")}}: the text, without trailing spaces, ends with one of these. */
    ends(...list: unknown[]) {
      const [value, ...endings] = args(list);
      if (typeof value !== 'string') return false;
      const text = value.trimEnd();
      return endings.some((e) => typeof e === 'string' && text.endsWith(e));
    },
    eq(...list: unknown[]) {
      const [a, b] = args(list);
      return a === b;
    },
    or(...list: unknown[]) {
      return args(list).find((v) => Boolean(v) && !(Array.isArray(v) && v.length === 0)) ?? false;
    },
    and(...list: unknown[]) {
      const values = args(list);
      return values.every((v) => Boolean(v)) ? values[values.length - 1] : false;
    },
  };
}
