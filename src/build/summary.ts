/**
 * The key figures of a report that a county roll-up lists, taken from its
 * validated data. Small and plain, so the manifest can carry them.
 */
import { formatFigure, isExact, type Figure } from '../load/figure.js';
import type { ReportData } from '../load/schema.js';

export interface RollupColumn {
  key: string;
  label: string;
  unit: string;
  pick: (d: ReportData) => Figure | null | undefined;
}

export const ROLLUP_COLUMNS: RollupColumn[] = [
  { key: 'disputes', label: '排查调处矛盾纠纷', unit: '件', pick: (d) => d.achievements?.disputes?.total },
  { key: 'disputes_resolved', label: '化解矛盾纠纷', unit: '件', pick: (d) => d.achievements?.disputes?.resolved },
  { key: 'campaigns', label: '法治宣传活动', unit: '场', pick: (d) => d.achievements?.legal_education?.campaigns },
  { key: 'materials', label: '发放宣传资料', unit: '份', pick: (d) => d.achievements?.legal_education?.materials },
  { key: 'inspections', label: '行政执法检查', unit: '次', pick: (d) => d.achievements?.enforcement?.inspections },
  { key: 'penalties', label: '行政处罚', unit: '件', pick: (d) => d.achievements?.enforcement?.penalties },
  { key: 'legality_reviews', label: '合法性审查', unit: '次', pick: (d) => d.achievements?.decisions?.legality_reviews },
  { key: 'officers', label: '持证执法人员', unit: '人', pick: (d) => d.achievements?.enforcement?.officers },
];

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
