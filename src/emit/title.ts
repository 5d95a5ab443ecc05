import type { Layout } from '../render/layout.js';
import { charWidth } from './signature.js';

/**
 * 2号 (22 pt) type on the 156 mm type area holds 20 characters a line; a
 * line of exactly 20 leaves no room for wider Latin digits, so 19 it is.
 */
export const TITLE_CHARS_PER_LINE = 19;

/** The characters a title line holds in a layout: as many as fit across its type area, less one (19 in GB/T 9704). */
export function titleCharsPerLine(layout: Pick<Layout, 'page_width' | 'margin_left' | 'margin_right' | 'title_size'>): number {
  const typeWidthPt = ((layout.page_width - layout.margin_left - layout.margin_right) * 72) / 25.4;
  return Math.max(4, Math.floor(typeWidthPt / layout.title_size) - 1);
}

export const NATURAL_BREAKS = ['人民政府', '街道办事处', '办事处', '委员会', '党委'];

/**
 * Splits a long title into balanced lines (GB/T 9704 7.3.2), preferring a
 * break after the issuing body's name (or another of `breaks`) and never inside a number.
 */
export function titleLines(title: string, perLine = TITLE_CHARS_PER_LINE, breaks: readonly string[] = NATURAL_BREAKS): string[] {
  if (charWidth(title) <= perLine) return [title];
  const chars = [...title];
  const candidates: { at: number; natural: boolean }[] = [];
  // Stryker disable next-line EqualityOperator: a break at the very end leaves the whole title on the first line, which never fits.
  for (let i = 1; i < chars.length; i++) {
    const before = chars.slice(0, i).join('');
    // Stryker disable next-line StringLiteral: i is inside the title, so both characters are there.
    const [a = '', b = ''] = [chars[i - 1], chars[i]];
    // Inside a number: between digits, or either side of a decimal point (2025, 0.5).
    // Stryker disable next-line StringLiteral: at i = 1 there is no character two back, and neither '' nor any other non-digit is one
    if ((/\d/.test(a) && /[\d.]/.test(b)) || (a === '.' && /\d/.test(b) && /\d/.test(chars[i - 2] ?? ''))) continue;
    if (/[“《（(]/.test(a) || /[”》）)，、。：]/.test(b)) continue;
    candidates.push({ at: i, natural: breaks.some((w) => before.endsWith(w)) });
  }
  const score = (at: number) => {
    const first = charWidth(chars.slice(0, at).join(''));
    const second = charWidth(chars.slice(at).join(''));
    return { fits: first <= perLine && second <= perLine, diff: Math.abs(first - second) };
  };
  const natural = candidates.filter((c) => c.natural && score(c.at).fits).sort((x, y) => score(x.at).diff - score(y.at).diff)[0];
  const chosen = natural ?? candidates.filter((c) => score(c.at).fits).sort((x, y) => score(x.at).diff - score(y.at).diff)[0];
  if (!chosen) {
    // Longer than two lines: fill lines greedily.
    const lines: string[] = [];
    let line = '';
    for (const ch of chars) {
      if (charWidth(line + ch) > perLine) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    // The last character went into it: never empty.
    lines.push(line);
    return lines;
  }
  return [chars.slice(0, chosen.at).join(''), chars.slice(chosen.at).join('')];
}
