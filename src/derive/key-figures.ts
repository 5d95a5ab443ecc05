/** The key figures of a report: what a county roll-up lists and year-on-year checks compare. */
import type { Figure } from '../load/figure.js';
import type { ReportData } from '../load/schema.js';

export interface RollupColumn {
  key: string;
  /** The field it is in the data file. */
  path: string;
  label: string;
  unit: string;
  pick: (d: ReportData) => Figure | null | undefined;
}

export const ROLLUP_COLUMNS: RollupColumn[] = [
  { key: 'disputes', path: 'achievements.disputes.total', label: '排查调处矛盾纠纷', unit: '件', pick: (d) => d.achievements?.disputes?.total },
  { key: 'disputes_resolved', path: 'achievements.disputes.resolved', label: '化解矛盾纠纷', unit: '件', pick: (d) => d.achievements?.disputes?.resolved },
  { key: 'campaigns', path: 'achievements.legal_education.campaigns', label: '法治宣传活动', unit: '场', pick: (d) => d.achievements?.legal_education?.campaigns },
  { key: 'materials', path: 'achievements.legal_education.materials', label: '发放宣传资料', unit: '份', pick: (d) => d.achievements?.legal_education?.materials },
  { key: 'inspections', path: 'achievements.enforcement.inspections', label: '行政执法检查', unit: '次', pick: (d) => d.achievements?.enforcement?.inspections },
  { key: 'penalties', path: 'achievements.enforcement.penalties', label: '行政处罚', unit: '件', pick: (d) => d.achievements?.enforcement?.penalties },
  { key: 'legality_reviews', path: 'achievements.decisions.legality_reviews', label: '合法性审查', unit: '次', pick: (d) => d.achievements?.decisions?.legality_reviews },
  { key: 'officers', path: 'achievements.enforcement.officers', label: '持证执法人员', unit: '人', pick: (d) => d.achievements?.enforcement?.officers },
];
