/**
 * County roll-up: a table of each township's key figures with totals, as
 * Markdown, HTML and CSV, and an index.html linking every report, each written a row at a time. A total
 * that includes an approximate figure is approximate (写作“余”).
 */
import { join, resolve } from 'node:path';
import { ROLLUP_COLUMNS, type SummaryFigure } from '../compile/summary.js';
import { dashboardPieces } from './dashboard.js';
import type { ManifestEntry } from './manifest.js';
import type { RosterEntry } from './roster.js';
import { byYear, rows } from './rollup-rows.js';
import { type Cell, rollupTable, type Total, totals } from './rollup-table.js';
import { writeAtomic, writePiecesAtomic } from './write.js';

export { type Total, totals } from './rollup-table.js';
export { type Ordered, rollupOrder } from './rollup-rows.js';

/** A total as the roll-up prints it, with its unit and 余 when approximate. */
export function formatTotal(t: Total, unit: string): string {
  if (t.count === 0) return '—';
  return t.exact ? `${t.value}${unit}` : `${t.value}余${unit}`;
}

const cell = (f: SummaryFigure | undefined) => (f ? f.text : '—');

function years(entries: readonly ManifestEntry[]): string {
  const ys = [...new Set(entries.map((e) => e.summary!.year))].sort();
  return ys.length === 0 ? '' : ys.length === 1 ? `${ys[0]}年` : `${ys[0]}—${ys[ys.length - 1]}年`;
}

const escMd = (s: string) => s.replace(/([\\`*_[\]<>|#!{}])/g, '\\$1');

/** Lines → the text of them joined by `separator`, a line at a time. */
function* joined(lines: Iterable<string>, separator: string): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? line : separator + line;
    first = false;
  }
}

/** summary.md in pieces, a township's row at a time: the key figures of every township, with totals, as a Markdown table. */
export function rollupMarkdown(entries: readonly ManifestEntry[], missing: readonly RosterEntry[] = []): Iterable<string> {
  return joined(markdownLines(entries, missing), '\n');
}

function* markdownLines(entries: readonly ManifestEntry[], missing: readonly RosterEntry[]): Generator<string> {
  const list = rows(entries);
  const head = ['县（区）', '乡镇（街道）', ...ROLLUP_COLUMNS.map((c) => c.label)];
  yield* [`# ${years(list)}法治政府建设年度报告汇总`, '', `共${list.length}份报告。合计中含约数（“余”“约”等）的，合计也是约数。`, ''];
  if (missing.length > 0) yield* [`未提交：${missing.map((m) => escMd(m.name)).join('、')}。`, ''];
  for (const [year, group] of byYear(entries)) {
    const t = totals(group);
    yield* [`## ${year}年`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
    for (const e of group) {
      const s = e.summary!;
      yield `| ${[escMd(s.county), escMd(s.township), ...ROLLUP_COLUMNS.map((c) => escMd(cell(s.figures[c.key])))].join(' | ')} |`;
    }
    yield* [`| 合计 | ${group.length}个 | ${ROLLUP_COLUMNS.map((c) => formatTotal(t[c.key]!, c.unit)).join(' | ')} |`, ''];
  }
}

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_CSS = `body{font-family:"仿宋","FangSong","Noto Serif CJK SC",serif;margin:2em auto;max-width:72em;padding:0 1em;color:#000}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;text-align:center;font-size:22pt}
table{border-collapse:collapse;margin:1em auto}th,td{border:1px solid #000;padding:.3em .6em;text-align:center}
td.name{text-align:left}tfoot td{font-weight:bold}ul{line-height:2}p{text-align:center}h2{text-align:center;font-size:16pt}`;

/** summary.html in pieces, a township's row at a time: the roll-up table as a standalone page. */
export function* rollupHtml(entries: readonly ManifestEntry[], missing: readonly RosterEntry[] = []): Generator<string> {
  const list = rows(entries);
  const title = `${years(list)}法治政府建设年度报告汇总`;
  const head = ['县（区）', '乡镇（街道）', ...ROLLUP_COLUMNS.map((c) => c.label)];
  const absent = missing.length > 0 ? `<p>未提交：${missing.map((m) => escHtml(m.name)).join('、')}。</p>` : '';
  yield `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escHtml(title)}</title><style>${PAGE_CSS}</style></head><body>`;
  yield `<h1>${escHtml(title)}</h1><p>共${list.length}份报告。合计中含约数的，合计也是约数（写作“余”）。</p>${absent}`;
  for (const [year, group] of byYear(entries)) {
    const t = totals(group);
    yield `<h2>${year}年</h2><table><thead><tr>${head.map((h) => `<th>${escHtml(h)}</th>`).join('')}</tr></thead><tbody>`;
    for (const e of group) {
      const s = e.summary!;
      const cells = [s.county, s.township, ...ROLLUP_COLUMNS.map((c) => cell(s.figures[c.key]))];
      yield `<tr>${cells.map((c, i) => `<td${i < 2 ? ' class="name"' : ''}>${escHtml(c)}</td>`).join('')}</tr>`;
    }
    yield `</tbody><tfoot><tr><td>合计</td><td>${group.length}个</td>${ROLLUP_COLUMNS.map((c) => `<td>${escHtml(formatTotal(t[c.key]!, c.unit))}</td>`).join('')}</tr></tfoot></table>`;
  }
  yield '</body></html>\n';
}

/**
 * A CSV cell. Text that starts with = + - @ (or a tab or carriage return) is what Excel and WPS
 * run as a formula, so such a cell gets a leading apostrophe and is shown as the text it is.
 */
export const csvField = (value: string): string => {
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV for spreadsheets: one column of numbers and one saying whether each is approximate; the key
 * figures first, then every other figure any township records (the catalogue's, then the
 * townships' own, each headed by its Chinese name and unit).
 */
export function* rollupCsv(entries: readonly ManifestEntry[]): Generator<string> {
  const table = rollupTable(entries);
  const text = (c: Cell) => (c === null ? '' : c === true ? 'approx' : c === false ? '' : String(c));
  // A byte-order mark so Excel and WPS open the Chinese text as UTF-8.
  yield `\uFEFF${table.head.map((h) => csvField(h.csv)).join(',')}\r\n`;
  for (const r of table.rows) yield `${r.cells.map((c) => csvField(text(c))).join(',')}\r\n`;
}

/** What the roll-up knows besides the manifest: the roster's townships that have not submitted, and where the data files are. */
export interface RollupOptions {
  missing?: readonly RosterEntry[] | undefined;
  /** The working folder the manifest's inputs are relative to (default: this process's). */
  cwd?: string | undefined;
}

/** index.html in pieces: the county's dashboard (dashboard.ts). */
function indexHtml(entries: readonly ManifestEntry[], outDir: string, options: RollupOptions = {}): Iterable<string> {
  const title = `${years(rows(entries))}法治政府建设年度报告收交与核对情况`;
  return dashboardPieces(entries, title, { missing: options.missing, outDir: resolve(outDir), cwd: resolve(options.cwd ?? '.') });
}

/** The roll-up step: summary.md/.html/.csv/.xlsx and index.html in `outDir`, from manifest entries. */
export async function writeRollup(outDir: string, entries: readonly ManifestEntry[], options: RollupOptions = {}): Promise<void> {
  // Each written a row at a time: a county's run to megabytes, and none is held whole.
  writePiecesAtomic(join(outDir, 'summary.md'), rollupMarkdown(entries, options.missing));
  writePiecesAtomic(join(outDir, 'summary.html'), rollupHtml(entries, options.missing));
  writePiecesAtomic(join(outDir, 'summary.csv'), rollupCsv(entries));
  writePiecesAtomic(join(outDir, 'index.html'), indexHtml(entries, outDir, options));
  // Written only when its figures changed: the workbook's library takes longer to load than a report to build.
  // Loaded here: a check writes no workbook and need not load the zip library.
  const { rollupXlsx, xlsxFingerprint, xlsxIsCurrent } = await import('./xlsx.js');
  const xlsx = join(outDir, 'summary.xlsx');
  const fingerprint = xlsxFingerprint(entries);
  if (!xlsxIsCurrent(xlsx, fingerprint)) writeAtomic(xlsx, rollupXlsx(entries, fingerprint));
}
