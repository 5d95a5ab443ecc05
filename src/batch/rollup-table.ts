/**
 * The roll-up as a table, one row per township and a totals row per year: what summary.csv and
 * summary.xlsx both write, so that the two hold the same figures and either can be filled in and
 * given back with --figures. The key figures come first, then every other figure any township
 * records (the catalogue's, then the townships' own), each as a number and whether it is approximate.
 */
import { recordedLabel, ROLLUP_COLUMNS } from '../compile/summary.js';
import type { ManifestEntry } from './manifest.js';
import { byYear, rows } from './rollup-rows.js';

export interface Column {
  /** summary.csv's header: a key figure's key (disputes), else the figure's name and unit. */
  csv: string;
  /** summary.xlsx's header: the Chinese name with the unit (排查调处矛盾纠纷（件）). */
  title: string;
  kind: 'text' | 'number' | 'approx';
  /** The figure a number or approx column is of: its path (achievements.disputes.total, figures.宣传视频) and unit. */
  path?: string;
  unit?: string;
}

export type Cell = string | number | boolean | null;

export interface TableRow {
  cells: Cell[];
  /** The township's entry; none for a totals row. */
  entry: ManifestEntry | null;
  total: boolean;
}

export interface RollupTable {
  readonly head: readonly Column[];
  readonly rows: readonly TableRow[];
}

/** Each batch's table, made once for summary.csv, summary.xlsx and the workbook's fingerprint (a tenth of a second at 300 townships each). */
const made = new WeakMap<readonly ManifestEntry[], RollupTable>();

/** The entries of a batch (an array not changed after) → its roll-up table; the same table for the same array. */
export function rollupTable(entries: readonly ManifestEntry[]): RollupTable {
  let table = made.get(entries);
  // Stryker disable next-line ConditionalExpression: making the table again gives an equal one
  if (!table) {
    table = makeTable(entries);
    made.set(entries, table);
  }
  return table;
}

function makeTable(entries: readonly ManifestEntry[]): RollupTable {
  const keyPaths = new Set(ROLLUP_COLUMNS.map((c) => c.path));
  // One column per figure and unit (one township's 反诈宣传视频 in 条, another's in 分钟), in the
  // order of the table's rows, whatever was rebuilt.
  const more = new Map<string, { path: string; head: string; label: string; unit: string | undefined }>();
  for (const e of rows(entries)) {
    for (const [path, f] of Object.entries(e.summary?.recorded ?? {})) {
      if (typeof f?.value !== 'number' || (f.unit !== undefined && typeof f.unit !== 'string')) continue;
      const column = `${path}\u0000${f.unit ?? ''}`;
      if (keyPaths.has(path) || more.has(column)) continue;
      const label = recordedLabel(path);
      more.set(column, { path, head: f.unit ? `${label}（${f.unit}）` : label, label, unit: f.unit });
    }
  }
  // The catalogue's figures before the townships' own.
  const extra = [...more.entries()].sort(([a], [b]) => Number(a.startsWith('figures.')) - Number(b.startsWith('figures.')));
  // Two fields may share a label (带头学法 of the Party secretary and of the head): each header says which.
  const count = new Map<string, number>();
  for (const [, c] of extra) count.set(c.head, (count.get(c.head) ?? 0) + 1);
  const heads = extra.map(([, c]) => ((count.get(c.head) ?? 0) > 1 ? `${c.head} ${c.path}` : c.head));

  const head: Column[] = [
    { csv: 'year', title: '年度', kind: 'number' },
    { csv: 'county', title: '县（区）', kind: 'text' },
    { csv: 'township', title: '乡镇（街道）', kind: 'text' },
    { csv: 'input', title: '数据文件', kind: 'text' },
    ...ROLLUP_COLUMNS.flatMap((c): Column[] => [
      { csv: c.key, title: `${c.label}（${c.unit}）`, kind: 'number', path: c.path, unit: c.unit },
      { csv: `${c.key}_approx`, title: `${c.label}（约数）`, kind: 'approx', path: c.path, unit: c.unit },
    ]),
    ...extra.flatMap(([, c], i): Column[] => [
      { csv: heads[i]!, title: heads[i]!, kind: 'number', path: c.path, ...(c.unit ? { unit: c.unit } : {}) },
      { csv: `${heads[i]!}_approx`, title: `${heads[i]!.replace(/（[^（）]*）$/u, '')}（约数）`, kind: 'approx', path: c.path, ...(c.unit ? { unit: c.unit } : {}) },
    ]),
  ];
  const out: TableRow[] = [];
  for (const [year, group] of byYear(entries)) {
    for (const e of group) {
      const s = e.summary!;
      const figs = ROLLUP_COLUMNS.flatMap((c): Cell[] => {
        const f = s.figures[c.key];
        return f ? [f.value, !f.exact] : [null, null];
      });
      const others = extra.flatMap(([column, c]): Cell[] => {
        const f = s.recorded?.[c.path];
        return typeof f?.value === 'number' && `${c.path}\u0000${f.unit ?? ''}` === column ? [f.value, f.approx === true] : [null, null];
      });
      out.push({ cells: [year, s.county, s.township, e.input, ...figs, ...others], entry: e, total: false });
    }
    const t = totals(group);
    out.push({
      cells: [
        year,
        '合计',
        `${group.length}`,
        null,
        ...ROLLUP_COLUMNS.flatMap((c): Cell[] => (t[c.key]!.count ? [t[c.key]!.value, !t[c.key]!.exact] : [null, null])),
        // The townships' figures beyond the key ones are not added up: a rate or an own name means something different in each.
        ...extra.flatMap((): Cell[] => [null, null]),
      ],
      entry: null,
      total: true,
    });
  }
  return { head, rows: out };
}

export interface Total {
  value: number;
  exact: boolean;
  /** How many townships reported the figure. */
  count: number;
}

/** Each roll-up column's total over the townships that reported it, approximate when any item is. */
export function totals(entries: readonly ManifestEntry[]): Record<string, Total> {
  const out: Record<string, Total> = {};
  for (const c of ROLLUP_COLUMNS) {
    let value = 0;
    let exact = true;
    let count = 0;
    for (const e of entries) {
      const f = e.summary?.figures[c.key];
      if (!f) continue;
      value += f.value;
      exact &&= f.exact;
      count++;
    }
    out[c.key] = { value: Math.round(value * 1e6) / 1e6, exact, count };
  }
  return out;
}
