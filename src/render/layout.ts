/** The page layout settings of GB/T 9704-2012 that a pack, a settings file, a reference document or the command line may set. */
import { z } from 'zod';

/** A margin, in millimetres. */
const margin = z.number().min(0).max(300);
/** A font size, in points: 5 (七号 is 5.5) to 72. */
const points = z.number().min(5).max(72);

const layoutShape = {
  body_font: z.string().min(1),
  title_font: z.string().min(1),
  heading1_font: z.string().min(1),
  heading2_font: z.string().min(1),
  heading3_font: z.string().min(1),
  heading3_bold: z.boolean(),
  latin_font: z.string().min(1),
  page_number_font: z.string().min(1),
  line_spacing: z.number().min(6).max(100),
  grid: z.boolean(),
  page_numbers: z.enum(['outside', 'center', 'right', 'left', 'none']),
  page_width: z.number().min(50).max(1000),
  page_height: z.number().min(50).max(1000),
  margin_top: margin,
  margin_bottom: margin,
  margin_left: margin,
  margin_right: margin,
  body_size: points,
  title_size: points,
  heading1_size: points,
  heading2_size: points,
  heading3_size: points,
  line_rule: z.enum(['exact', 'at_least', 'multiple']),
  line_multiple: z.number().min(0.5).max(5),
};

/** Layout settings as a pack, a settings file or the command line may give them: any subset. */
export const layoutOverridesSchema = z.strictObject(layoutShape).partial();

export type Layout = { [K in keyof typeof layoutShape]: z.output<(typeof layoutShape)[K]> };

/** Layout settings that override others: any subset. */
export type LayoutOverrides = { [K in keyof Layout]?: Layout[K] | undefined };

/** GB/T 9704-2012 with the fonts most offices have. */
export const LAYOUT_DEFAULTS: Layout = {
  body_font: '仿宋_GB2312',
  title_font: '方正小标宋简体',
  heading1_font: '黑体',
  heading2_font: '楷体_GB2312',
  heading3_font: '仿宋_GB2312',
  heading3_bold: false,
  latin_font: 'Times New Roman',
  page_number_font: '宋体',
  line_spacing: 28,
  grid: false,
  page_numbers: 'outside',
  // A4, and the margins that give the 156 × 225 mm type area.
  page_width: 210,
  page_height: 297,
  margin_top: 37,
  margin_bottom: 35,
  margin_left: 28,
  margin_right: 26,
  // 3号 body and headings, 2号 title.
  body_size: 16,
  title_size: 22,
  heading1_size: 16,
  heading2_size: 16,
  heading3_size: 16,
  line_rule: 'exact',
  line_multiple: 1,
};

/** The type area (the page less its margins) must be at least this wide and high, in millimetres. */
export const MIN_TYPE_AREA_MM = 20;

/** A layout → why its page cannot hold text (the margins leave less than the smallest type area), or undefined. */
export function typeAreaProblem(layout: Pick<Layout, 'page_width' | 'page_height' | 'margin_top' | 'margin_bottom' | 'margin_left' | 'margin_right'>): 'width' | 'height' | undefined {
  if (layout.page_width - layout.margin_left - layout.margin_right < MIN_TYPE_AREA_MM) return 'width';
  if (layout.page_height - layout.margin_top - layout.margin_bottom < MIN_TYPE_AREA_MM) return 'height';
  return undefined;
}

/**
 * The height of one line of body text, in points: the spacing itself when it is exact or a
 * minimum; for a multiple of single spacing, the multiple of a Chinese font's single line,
 * about 1.3 times its size (what Word and browsers give 仿宋 and 宋体).
 */
export function linePitch(layout: Pick<Layout, 'line_rule' | 'line_spacing' | 'line_multiple' | 'body_size'>): number {
  if (layout.line_rule !== 'multiple') return layout.line_spacing;
  return Math.round(layout.line_multiple * layout.body_size * 1.3 * 20) / 20;
}

/** The entries of an object whose value is not undefined. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
