// Manifest entries for the roll-up's tests: a township's summary with the figures given, in 城口县.
import type { ManifestEntry } from '../src/batch/manifest.js';
import type { ReportSummary, SummaryFigure } from '../src/compile/summary.js';

export const fig = (value: number, text = `${value}件`, exact = true): SummaryFigure => ({ value, exact, text });

export const summary = (township: string, figures: Record<string, SummaryFigure>, previous: Record<string, SummaryFigure> | null, year = 2025): ReportSummary => ({
  township,
  kind: '乡',
  county: '城口县',
  city: null,
  province: null,
  government: '',
  year,
  title: '',
  figures,
  recorded: {},
  previous,
});

export const entry = (input: string, s: ReportSummary | null, status: 'built' | 'failed' = 'built'): ManifestEntry => ({
  input,
  key: '',
  status,
  dependencies: [],
  outputs: [],
  summary: s,
  errors: 0,
  warnings: 0,
  problems: [],
});
