/**
 * A figure as Chinese reports write it: an exact count (63), an approximate
 * one (200余, 约300, 50多, 6000+), or a bound (95%以上), with an optional
 * magnitude (0.7万) and unit (件, 人次, 元).
 */
import { t } from '../i18n/index.js';

export type Approx = '约' | '近' | '余' | '多' | '+' | '左右';
export type Bound = '以上' | '以下' | '超过' | '不低于';

export interface Figure {
  /** The number as written, before the magnitude (0.7 in 0.7万). */
  number: number;
  /** The number with its magnitude applied (7000 for 0.7万). */
  value: number;
  /** 万 or 亿, as written. */
  magnitude: '万' | '亿' | null;
  percent: boolean;
  /** Written before the number (约, 近) or after it (余, 多, +, 左右). */
  approx: Approx | null;
  /** 以上 / 以下 after the number, 超过 / 不低于 before it. */
  bound: Bound | null;
  /** The unit written in the data (件, 人次); null uses the template's. */
  unit: string | null;
  /** The digits as written, keeping trailing zeros (0.70 stays 0.70). */
  digits: string;
}

export type FigureParse = { ok: true; figure: Figure } | { ok: false; reason: string; stacked?: boolean };

const PREFIX = /^(约|近|超过|不低于)/;
// Full-width ＋ and ％ are read as + and % before these are looked for.
const SUFFIX = /^(余|多|\+|左右|以上|以下)/;
const UNIT = /^[\p{Script=Han}·]{1,4}$/u;

/** A figure as written in a data file (63, 200余, 约300, 95%以上), or why it cannot be read. */
export function parseFigure(input: number | string): FigureParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: t('figure.not-finite') };
    if (input < 0) return { ok: false, reason: t('figure.negative') };
    return { ok: true, figure: exact(input) };
  }
  // Full-width digits and signs, as a Chinese input method types them (９５％), read as the usual ones.
  let rest = input
    .trim()
    .replace(/[０-９．％＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',');
  if (rest === '') return { ok: false, reason: t('figure.empty') };
  let approx: Approx | null = null;
  let bound: Bound | null = null;
  const pre = PREFIX.exec(rest);
  if (pre) {
    const q = pre[1] as string;
    if (q === '约' || q === '近') approx = q;
    else bound = q as Bound;
    rest = rest.slice(q.length).trimStart();
  }
  const num = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/.exec(rest);
  if (!num) return { ok: false, reason: t('figure.no-number') };
  const digits = num[0].replace(/,/g, '');
  rest = rest.slice(num[0].length).trimStart();
  let magnitude: Figure['magnitude'] = null;
  if (rest.startsWith('万') || rest.startsWith('亿')) {
    magnitude = rest[0] as '万' | '亿';
    rest = rest.slice(1).trimStart();
  }
  let percent = false;
  if (rest.startsWith('%')) {
    percent = true;
    rest = rest.slice(1).trimStart();
  }
  const suf = SUFFIX.exec(rest);
  if (suf) {
    const q = suf[1] as string;
    if (q === '以上' || q === '以下') {
      if (bound || approx) return stacked(approx ?? bound, q);
      bound = q;
    } else {
      if (approx || bound) return stacked(approx ?? bound, q);
      approx = q as Approx;
    }
    rest = rest.slice(q.length).trimStart();
    const again = SUFFIX.exec(rest);
    if (again) return stacked(q, again[1] as string);
  }
  let unit: string | null = null;
  if (rest !== '') {
    // 以上, 以下 and 左右 may follow the unit (200件以上, 30人左右), as formatFigure writes them.
    const trailing = /^(.*?)\s*(以上|以下|左右)$/u.exec(rest);
    if (trailing && trailing[1] !== '') {
      const q = trailing[2] as '以上' | '以下' | '左右';
      if (approx || bound) return stacked(approx ?? bound, q);
      if (q === '左右') approx = q;
      else bound = q;
      rest = trailing[1] as string;
    }
    if (!UNIT.test(rest)) return { ok: false, reason: t('figure.not-unit', { rest }) };
    unit = rest;
  }
  const number = Number(digits);
  const scale = magnitude === '万' ? 1e4 : magnitude === '亿' ? 1e8 : 1;
  return {
    ok: true,
    figure: { number, value: round(number * scale), magnitude, percent, approx, bound, unit, digits },
  };
}

function stacked(a: string | null, b: string): FigureParse {
  return { ok: false, stacked: true, reason: t('figure.stacked', { a: a ?? '', b }) };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** An exact figure of a computed number. */
export function exact(n: number, percent = false): Figure {
  return { number: n, value: n, magnitude: null, percent, approx: null, bound: null, unit: null, digits: formatNumber(n) };
}

/** A number as a report writes it: whole, or with at most two decimals. */
export function formatNumber(n: number): string {
  // Stryker disable next-line ConditionalExpression: rounding a whole number to two decimals leaves it as it is; the test spares the work
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** Writes a figure the Chinese way: 约300人, 200余起, 95%以上, 0.7万余元. */
export function formatFigure(f: Figure, defaultUnit = ''): string {
  const unit = f.percent ? '' : (f.unit ?? defaultUnit);
  const before = f.approx === '约' || f.approx === '近' ? f.approx : f.bound === '超过' || f.bound === '不低于' ? f.bound : '';
  const after = f.approx && f.approx !== '约' && f.approx !== '近' ? f.approx : f.bound === '以上' || f.bound === '以下' ? f.bound : '';
  const body = f.digits + (f.magnitude ?? '') + (f.percent ? '%' : '');
  // 余/多/+ sit between the number and the unit (200余起, 6000+人); 以上/左右 follow the unit (200件以上).
  if (after === '余' || after === '多' || after === '+') return `${before}${body}${after}${unit}`;
  return `${before}${body}${unit}${after}`;
}

/** True for a parsed figure (as opposed to text, a list or a block of fields). */
export function isFigure(v: unknown): v is Figure {
  return typeof v === 'object' && v !== null && 'digits' in v && 'value' in v && 'percent' in v;
}

/** True when the figure is an exact count, so it can be checked and summed exactly. */
export function isExact(f: Figure): boolean {
  return f.approx === null && f.bound === null;
}
