/**
 * The key figures of a report that a county roll-up lists, taken from its
 * validated data. Small and plain, so the manifest can carry them.
 */
// @ts-nocheck

import { ROLLUP_COLUMNS } from '../derive/key-figures.js';
import { formatFigure, isExact } from '../load/figure.js';
import type { ReportData } from '../load/schema.js';

export { ROLLUP_COLUMNS, type RollupColumn } from '../derive/key-figures.js';

export interface SummaryFigure {
  /** The number with its magnitude applied. */
  value: number;
  /** Exact, or approximate/bounded (a total including it is approximate too). */
  exact: boolean;
  /** As the report writes it, with unit and qualifier. */
  text: string;
}

export interface ReportSummary {
  township: string;
  kind: string;
  county: string;
  city: string | null;
  province: string | null;
  government: string;
  year: number;
  title: string;
  figures: Record<string, SummaryFigure>;
}

/** A report's identity and key figures, small enough for the manifest and the roll-up. */
export function summarize(data: ReportData, title: string, government: string): ReportSummary {
  const figures: Record<string, SummaryFigure> = {};
  for (const c of ROLLUP_COLUMNS) {
    const f = c.pick(data);
    if (f && !f.percent) figures[c.key] = { value: f.value, exact: isExact(f), text: formatFigure(f, c.unit) };
  }
  return {
    township: data.township.name,
    kind: data.township.kind,
    county: data.township.county,
    city: data.township.city,
    province: data.township.province,
    government,
    year: data.year,
    title,
    figures,
  };
}
