/** The key figures of a report: what a county roll-up lists and year-on-year checks compare. */
// @ts-nocheck

import type { Figure } from '../load/figure.js';
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
