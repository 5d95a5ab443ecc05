/**
 * summary.xlsx: the roll-up as a workbook for the county's staff, who live in Excel and WPS.
 * Sheet 汇总 holds what summary.csv holds — one row per township, every recorded figure as a
 * number with its unit in the header and a column saying whether it is approximate (约), a
 * totals row per year that is approximate when any of its figures is — with the header frozen
 * and columns sized; sheet 同比 sets each key figure beside last year's. exceljs writes it; the
 * zip is then written again with fixed dates, so the same roll-up gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ROLLUP_COLUMNS } from '../compile/summary.js';
import type { ManifestEntry } from './manifest.js';
import { rollupTable, type RollupTable } from './rollup-table.js';

/** Zip entries dated 1 January 1980, the first date a zip can hold: no build time in the file. */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
const APPROX = '约';

/** What decides the workbook's content: written into it, so a build whose roll-up is unchanged need not load exceljs. */
export function xlsxFingerprint(entries: readonly ManifestEntry[]): string {
  const table = rollupTable(entries);
  const previous = table.rows.map((r) => r.entry?.summary?.previous ?? null);
  return createHash('sha256')
    .update(JSON.stringify([table.head, table.rows.map((r) => r.cells), previous]))
    .digest('hex');
}

/** True when the workbook at `path` was written from a roll-up with this fingerprint. */
export function xlsxIsCurrent(path: string, fingerprint: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const core = unzipSync(readFileSync(path), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml'];
    return core !== undefined && strFromU8(core).includes(`roll-up ${fingerprint}`);
  } catch {
    return false;
  }
}

/** The workbook's bytes. */
export async function rollupXlsx(entries: readonly ManifestEntry[], fingerprint = xlsxFingerprint(entries)): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const table = rollupTable(entries);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'township-report';
  wb.created = ZIP_DATE;
  wb.modified = ZIP_DATE;
  wb.keywords = `roll-up ${fingerprint}`;
  summarySheet(wb.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] }), table);
  yearOnYearSheet(wb.addWorksheet('同比', { views: [{ state: 'frozen', ySplit: 1 }] }), entries);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // The same parts, in the same order, dated alike.
  const parts = unzipSync(written);
  const files: Zippable = {};
  for (const name of Object.keys(parts).sort()) files[name] = [parts[name]!, { mtime: ZIP_DATE }];
  return zipSync(files, { level: 6 });
}

type Sheet = import('exceljs').Worksheet;

function summarySheet(ws: Sheet, table: RollupTable): void {
  ws.addRow(table.head.map((h) => h.title));
  for (const row of table.rows) {
    const added = ws.addRow(row.cells.map((c, i) => (table.head[i]!.kind === 'approx' ? (c === true ? APPROX : null) : c === false || c === true ? null : c)));
    if (row.total) added.font = { bold: true };
  }
  table.head.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(40, Math.max(6, [...h.title].length * 2 + 2));
    if (h.kind === 'number') col.numFmt = h.csv === 'year' ? '0' : '#,##0.##';
  });
  const top = ws.getRow(1);
  top.font = { bold: true };
  top.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  top.height = 36;
}

function yearOnYearSheet(ws: Sheet, entries: readonly ManifestEntry[]): void {
  ws.addRow(['年度', '县（区）', '乡镇（街道）', '指标', '单位', '今年', '去年', '增减', '增减率']);
  const rows = entries
    .filter((e) => e.status === 'built' && e.summary?.previous)
    .sort((a, b) => b.summary!.year - a.summary!.year || a.summary!.county.localeCompare(b.summary!.county, 'zh-CN') || a.summary!.township.localeCompare(b.summary!.township, 'zh-CN'));
  for (const e of rows) {
    const s = e.summary!;
    for (const c of ROLLUP_COLUMNS) {
      const now = s.figures[c.key];
      const before = s.previous?.[c.key];
      if (!now || !before) continue;
      const change = now.value - before.value;
      ws.addRow([s.year, s.county, s.township, c.label, c.unit, now.value, before.value, change, before.value === 0 ? null : change / before.value]);
    }
  }
  [6, 8, 6, 14, 6, 10, 10, 10, 10].forEach((w, i) => {
    ws.getColumn(i + 1).width = w + 2;
  });
  ws.getColumn(1).numFmt = '0';
  for (const i of [6, 7, 8]) ws.getColumn(i).numFmt = '#,##0.##';
  ws.getColumn(9).numFmt = '0.0%';
  ws.getRow(1).font = { bold: true };
}
