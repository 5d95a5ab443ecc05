/**
 * `--figures FILE`: the county's spreadsheet of figures, one row per township, in the layout of
 * the summary.csv or summary.xlsx a build writes — so the county can correct the sheet it was
 * given and feed it back. Each figure in it wins over the township's data file (the county's copy
 * is the one checked), is printed where the figure is written, and a warning names the two values.
 * A cell that is not a number is an error at its cell (summary.xlsx!汇总!E7, summary.csv:7:5).
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { ROLLUP_COLUMNS } from '../compile/summary.js';
import { diagnostic, quote, systemError, type Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import type { FigureOverride } from '../load/marks.js';
import { catalogueField, ownKey } from '../load/marks.js';
import { readBytes } from '../load/read.js';
import { pathString } from '../yaml/index.js';
import { readTable, type Table } from './spreadsheet.js';

export interface SheetRow {
  input: string | null;
  township: string | null;
  year: number | null;
  overrides: FigureOverride[];
}

export interface FiguresSheet {
  file: string;
  rows: SheetRow[];
  /** Of the file's bytes: a report's key includes it, so a changed sheet rebuilds. */
  hash: string;
}

type Column = { kind: 'year' | 'county' | 'township' | 'input' } | { kind: 'number' | 'approx'; key: string; unit?: string } | null;

const IDENTITY: Record<string, 'year' | 'county' | 'township' | 'input'> = {
  year: 'year',
  年度: 'year',
  county: 'county',
  '县（区）': 'county',
  县区: 'county',
  township: 'township',
  '乡镇（街道）': 'township',
  乡镇: 'township',
  input: 'input',
  数据文件: 'input',
};
const BY_KEY = new Map(ROLLUP_COLUMNS.flatMap((c) => [[c.key, c] as const, [c.label, c] as const, [`${c.label}（${c.unit}）`, c] as const]));

/** What a header names: an identity column, a figure's number or its approximate mark (disputes, disputes_approx, 排查调处矛盾纠纷（件）, …（约数）). */
export function columnOf(header: string): Column {
  const h = header.replace(/\s+/g, ' ').trim();
  if (IDENTITY[h]) return { kind: IDENTITY[h] };
  const approx = /(_approx|（约数）|\(约数\))$/u.exec(h);
  // A space before （约数） is no part of the name.
  const base = approx ? h.slice(0, approx.index).trimEnd() : h;
  const kind = approx ? 'approx' : 'number';
  const key = BY_KEY.get(base);
  if (key) return { kind, key: key.path, unit: key.unit };
  // 带头学法（次） responsibility.party_secretary.study_sessions: two fields of one name, told apart by the path.
  const spaced = /^(.*?) ([a-z_.]+)$/u.exec(base);
  const m = /^(.*?)（([^（）]+)）$/u.exec(spaced ? spaced[1]! : base);
  const label = m ? m[1]! : spaced ? spaced[1]! : base;
  const unit = m?.[2];
  if (spaced) return { kind, key: spaced[2]!, ...(unit ? { unit } : {}) };
  if (!label) return null;
  const field = catalogueField(label);
  return { kind, key: field ? pathString(field) : ownKey(label), ...(unit ? { unit } : {}) };
}

/** Reads the county's spreadsheet (.csv in UTF-8 or GBK, or .xlsx, its first sheet). */
export async function readFiguresSheet(path: string, display: string): Promise<{ sheet?: FiguresSheet; diagnostics: Diagnostic[] }> {
  const problem = (reason: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [diagnostic(display, { ruleId: 'input/figures', reason, note: t('sheet.note') })] });
  let bytes: Buffer;
  let table: Table;
  try {
    bytes = readBytes(path, 16 * 1024 * 1024);
    table = await readTable(bytes, extname(path), display);
  } catch (e) {
    return problem(t('sheet.unreadable', { why: e instanceof Error && !('code' in e) ? e.message : systemError(e) }));
  }
  const columns = (table.rows[0] ?? []).map((h) => columnOf(String(h ?? '')));
  const at = (kind: string) => columns.findIndex((c) => c?.kind === kind);
  if (at('township') < 0 && at('input') < 0) return problem(t('sheet.no-township'));
  const diagnostics: Diagnostic[] = [];
  const rows: SheetRow[] = [];
  table.rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const text = (col: number) => (col >= 0 && cells[col] !== null && cells[col] !== undefined ? String(cells[col]).trim() : '');
    const county = text(at('county'));
    const township = text(at('township'));
    const input = text(at('input'));
    // A totals row, or a row left empty.
    if (county === '合计' || (!township && !input)) return;
    const numbers = new Map<string, FigureOverride>();
    const approx = new Map<string, boolean>();
    columns.forEach((c, col) => {
      if (!c || (c.kind !== 'number' && c.kind !== 'approx')) return;
      const v = cells[col];
      const raw = typeof v === 'number' ? v : String(v ?? '').trim();
      if (raw === '') return;
      const ref = table.ref(row, col);
      if (c.kind === 'approx') {
        if (/^(约|余|approx|是|true|1)$/iu.test(String(raw))) approx.set(c.key, true);
        else if (/^(否|false|0)$/iu.test(String(raw))) approx.set(c.key, false);
        else diagnostics.push(diagnostic(display, { ruleId: 'input/figures', reason: t('sheet.not-approx', { ref, value: quote(String(raw)) }), note: t('sheet.not-a-number.note') }));
        return;
      }
      const n = typeof raw === 'number' ? raw : /^\d+(\.\d+)?$/.test(raw.replace(/,/g, '')) ? Number(raw.replace(/,/g, '')) : Number.NaN;
      if (!Number.isFinite(n) || n < 0) {
        diagnostics.push(diagnostic(display, { ruleId: 'input/figures', reason: t('sheet.not-a-number', { ref, value: quote(String(raw)) }), note: t('sheet.not-a-number.note') }));
        return;
      }
      numbers.set(c.key, { key: c.key, value: n, approx: false, ...(c.unit ? { unit: c.unit } : {}), ref });
    });
    const overrides = [...numbers.values()].map((o) => ({ ...o, approx: approx.get(o.key) ?? false }));
    const year = Number(text(at('year')));
    rows.push({ input: input || null, township: township || null, year: Number.isInteger(year) && year > 0 ? year : null, overrides });
  });
  return { sheet: { file: display, rows, hash: createHash('sha256').update(bytes).digest('hex') }, diagnostics };
}

/** The row of the sheet that is a report's: by its data file, else by township and year. */
export function rowFor(sheet: FiguresSheet, input: string, township: string, year: number): SheetRow | undefined {
  return sheet.rows.find((r) => r.input === input) ?? sheet.rows.find((r) => !r.input && r.township === township && (r.year === null || r.year === year));
}
