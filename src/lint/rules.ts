/** The lint rules' ids and default severities; small, so the command line can check settings without loading the linter. */
import type { Severity } from '../diagnostics/index.js';

export type RuleSetting = 'off' | 'warn' | 'error';

/** Rules whose severity a user may set, with their defaults. */
export const LINT_DEFAULTS: Record<string, Severity> = {
  'regulation/missing-part': 'warning',
  'regulation/date-before-year-end': 'error',
  'regulation/late-date': 'warning',
  'figures/rate-range': 'error',
  'figures/part-exceeds-total': 'error',
  'figures/breakdown-sum': 'error',
  'figures/rate-contradicts-counts': 'warning',
  'figures/stacked-qualifiers': 'error',
  'figures/year-on-year': 'warning',
  'writing/half-width-punctuation': 'warning',
  'writing/numbering-style': 'warning',
  'writing/mixed-enumeration': 'warning',
  'writing/numbered-heading': 'warning',
};

