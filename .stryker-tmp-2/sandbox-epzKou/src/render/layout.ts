/** The page layout settings of GB/T 9704-2012 that a pack, a settings file or the command line may set. */
// @ts-nocheck

import { z } from 'zod';

const layoutShape = {
  body_font: z.string().min(1),
  title_font: z.string().min(1),
  heading1_font: z.string().min(1),
  heading2_font: z.string().min(1),
  heading3_font: z.string().min(1),
  heading3_bold: z.boolean(),
  latin_font: z.string().min(1),
  page_number_font: z.string().min(1),
  line_spacing: z.number().min(12).max(40),
  grid: z.boolean(),
  page_numbers: z.enum(['outside', 'center', 'none']),
};

/** Layout settings as a pack, a settings file or the command line may give them: any subset. */
export const layoutOverridesSchema = z.strictObject(layoutShape).partial();

export type Layout = { [K in keyof typeof layoutShape]: z.output<(typeof layoutShape)[K]> };

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
};

/** The entries of an object whose value is not undefined. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
