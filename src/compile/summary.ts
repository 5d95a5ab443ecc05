/**
 * The key figures of a report that a county roll-up lists, taken from its
 * validated data. Small and plain, so the manifest can carry them.
 */
import { ROLLUP_COLUMNS } from '../derive/key-figures.js';
import { formatFigure, isExact, isFigure, type Figure } from '../load/figure.js';
import { fieldLabel, fieldUnit } from '../load/labels.js';
import { pathString, type Path } from '../yaml/positions.js';
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
  /** Every figure the data records (the catalogue's by path, the township's own as figures.名称), for the CSV roll-up. */
  recorded: Record<string, RecordedFigure>;
  /** Last year's key figures, when last year's data file was found: the dashboard sets them side by side. */
  previous: Record<string, SummaryFigure> | null;
}

/** A recorded figure as the manifest keeps it, small: a county's manifest holds one per figure per township. */
export interface RecordedFigure {
  /** The number with its magnitude applied. */
  value: number;
  /** Present (true) when the figure is approximate or a bound. */
  approx?: true;
  /** Its unit (件), or % for a rate; absent when it has none. */
  unit?: string;
}

/** What a spreadsheet's column calls a recorded figure: its Chinese label (排查调处矛盾纠纷), or the township's own name. */
export function recordedLabel(key: string): string {
  if (key.startsWith('figures.')) return key.slice('figures.'.length);
  return fieldLabel(key.split('.')) ?? key;
}

/** A report's identity and key figures, small enough for the manifest and the roll-up. */
export function summarize(data: ReportData, title: string, government: string, lastYear: ReportData | null = null): ReportSummary {
  const figures = keyFigures(data);
  const recorded: Record<string, RecordedFigure> = {};
  const add = (f: Figure, path: Path, unit: string) => {
    const u = f.percent ? '%' : (f.unit ?? unit);
    recorded[pathString(path)] = { value: f.value, ...(isExact(f) ? {} : { approx: true as const }), ...(u ? { unit: u } : {}) };
  };
  const walk = (node: unknown, path: Path): void => {
    if (isFigure(node)) add(node, path, fieldUnit(path));
    else if (node !== null && typeof node === 'object' && !Array.isArray(node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data.achievements, ['achievements']);
  walk(data.responsibility, ['responsibility']);
  for (const [name, f] of Object.entries(data.figures ?? {})) add(f, ['figures', name], '');
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
    recorded,
    previous: lastYear ? keyFigures(lastYear) : null,
  };
}

/** The roll-up's key figures of a report's data. */
function keyFigures(data: ReportData): Record<string, SummaryFigure> {
  const figures: Record<string, SummaryFigure> = {};
  for (const c of ROLLUP_COLUMNS) {
    const f = c.pick(data);
    if (f && !f.percent) figures[c.key] = { value: f.value, exact: isExact(f), text: formatFigure(f, c.unit) };
  }
  return figures;
}
