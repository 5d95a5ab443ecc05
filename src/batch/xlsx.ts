/**
 * summary.xlsx: the roll-up as a workbook for the county's staff, who live in Excel and WPS.
 * Sheet 汇总 holds what summary.csv holds — one row per township, every recorded figure as a
 * number with its unit in the header and a column saying whether it is approximate (约), a
 * totals row per year that is approximate when any of its figures is — with the header frozen
 * and columns sized; sheet 同比 sets each key figure beside last year's.
 *
 * The workbook is written here as SpreadsheetML (two sheets of numbers and inline text, six cell
 * styles), not with exceljs: loading exceljs took 0.4 s and writing a county's roll-up 0.5 s more,
 * as long as building the reports of a small county. exceljs still reads the county's own sheets
 * (--roster, --figures), which are given rarely. Zip entries are dated alike, so the same roll-up
 * gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { crc32 } from 'node:zlib';
import { ROLLUP_COLUMNS } from '../compile/summary.js';
import type { ManifestEntry } from './manifest.js';
import { zhCompare } from './rollup-rows.js';
import { rollupTable } from './rollup-table.js';
import { type DeflatedText, prebuiltDeflated } from '../speed/prebuilt.js';

/** Zip entries dated 1 January 1980, the first date a zip can hold: no build time in the file. */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
const APPROX = '约';

/** What decides the workbook's content: written into it, so a build whose roll-up is unchanged does not write it again. */
export function xlsxFingerprint(entries: readonly ManifestEntry[]): string {
  const table = rollupTable(entries);
  const previous = table.rows.map((r) => r.entry?.summary?.previous ?? null);
  return createHash('sha256')
    .update(JSON.stringify([table.head, table.rows.map((r) => r.cells), previous]))
    .digest('hex');
}

/** True when the workbook at `path` was written from a roll-up with this fingerprint. */
export function xlsxIsCurrent(path: string, fingerprint: string): boolean {
  try {
    // Stryker disable next-line ObjectLiteral,ConditionalExpression: the filter spares unzipping the sheets, not the answer
    const core = unzipSync(readFileSync(path), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml'];
    return strFromU8(core!).includes(`roll-up ${fingerprint}`);
  } catch {
    // Not there, not a zip, or without docProps/core.xml (strFromU8 of nothing throws).
    return false;
  }
}

/** Text as XML character data (a cell's text, never an attribute): escaped, and without the characters XML cannot hold (a data value may have any). */
const xmlText = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Column letters of a 0-based column: A … Z, AA … */
const letters = (col: number): string => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + String.fromCharCode(65 + (col % 26)));

/** The cell styles of styles.xml, by index. */
const STYLE = { plain: 0, header: 1, number: 2, totalNumber: 3, year: 4, percent: 5, totalText: 6 } as const;

type XCell = { text: string } | { number: number } | null;

type XRow = { cells: XCell[]; styles: number[] };

/** One row of a worksheet's XML (`r` is its 0-based index). */
function rowXml(row: XRow, r: number): string {
  let cells = '';
  for (let col = 0; col < row.cells.length; col++) {
    const c = row.cells[col]!;
    if (c === null) continue;
    const ref = `${letters(col)}${r + 1}`;
    const style = row.styles[col] ?? 0;
    const s = style ? ` s="${style}"` : '';
    cells += 'number' in c ? `<c r="${ref}"${s}><v>${c.number}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(c.text)}</t></is></c>`;
  }
  return `<row r="${r + 1}"${r === 0 ? ' ht="36" customHeight="1"' : ''}>${cells}</row>`;
}

/**
 * A worksheet's XML in pieces of about 64 KB: its rows of cells with their styles, column widths
 * and frozen panes. The rows are made as the pieces are taken, so that a county's sheet of 10,000
 * townships is never held whole (nor its cells as objects), only deflated.
 */
function* sheetXml(rows: Iterable<XRow>, widths: number[], frozen: { cols: number; rows: number }): Generator<string> {
  const topLeft = `${letters(frozen.cols)}${frozen.rows + 1}`;
  const pane =
    frozen.cols > 0
      ? `<pane xSplit="${frozen.cols}" ySplit="${frozen.rows}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/>`
      : `<pane ySplit="${frozen.rows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>`;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  let piece =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  let r = 0;
  for (const row of rows) {
    piece += rowXml(row, r++);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: where the sheet is cut into pieces changes the memory it takes, not the workbook
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData></worksheet>`;
}

/** A part's text deflated whole: as dist/prebuilt.json keeps it (a part every workbook has), or here. */
export function deflatedPart(text: string): DeflatedText {
  const known = prebuiltDeflated(text);
  if (known) return known;
  const data = strToU8(text);
  // Stryker disable next-line ObjectLiteral: level 6 is fflate's default too; said here as what the workbook is made with
  return { size: data.length, crc: crc32(data), data: deflateSync(data, { level: 6 }) };
}

/**
 * A zip of parts, each given in pieces; every entry dated ZIP_DATE. A part of one piece (all but a
 * large sheet) is deflated whole; a longer one as its pieces come. A deflate stream sets up tables
 * for data of any length (some 0.5 MB zeroed for each part), which for the eight small parts of a
 * county's workbook took longer than the rest of it (12 ms of 14 ms for one township).
 */
function zipPieces(parts: Record<string, Iterable<string>>): Uint8Array {
  const out: Uint8Array[] = [];
  // ZipDeflate deflates as it is given data, on this thread: every chunk has come by zip.end().
  const zip = new Zip((err, chunk) => {
    // Stryker disable next-line ConditionalExpression: fflate reports no error for data it deflates itself
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, pieces] of Object.entries(parts)) {
    const rest = pieces[Symbol.iterator]();
    const first = rest.next();
    const second = first.done ? first : rest.next();
    // Stryker disable next-line ConditionalExpression: a part deflated whole or as a stream reads the same; only the time differs
    if (second.done) {
      const part = deflatedPart(first.done ? '' : first.value);
      const file: ZipInputFile = { filename: name, size: part.size, crc: part.crc, compression: 8, mtime: ZIP_DATE };
      zip.add(file);
      file.ondata!(null, part.data, true);
      continue;
    }
    // Stryker disable next-line ObjectLiteral: as above
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = ZIP_DATE;
    zip.add(file);
    file.push(strToU8(first.value!));
    file.push(strToU8(second.value));
    for (let next = rest.next(); !next.done; next = rest.next()) file.push(strToU8(next.value));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.##"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The parts of every workbook that are the same whatever the roll-up (dist/prebuilt.json keeps them deflated). */
const STATIC_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView/></bookViews><sheets><sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="同比" sheetId="2" r:id="rId2"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  'xl/styles.xml': STYLES_XML,
} as const;

/** The texts of the parts every workbook has alike. */
export const xlsxStaticParts = (): string[] => Object.values(STATIC_PARTS);

/** The workbook's bytes. */
export function rollupXlsx(entries: readonly ManifestEntry[], fingerprint = xlsxFingerprint(entries)): Uint8Array {
  const table = rollupTable(entries);
  // 汇总: what summary.csv holds, with Chinese headers and 约 for approximate figures.
  // Made one row at a time as the sheet is written.
  const summary = function* (): Generator<XRow> {
    yield { cells: table.head.map((h): XCell => ({ text: h.title })), styles: table.head.map(() => STYLE.header) };
    for (const row of table.rows) {
      yield {
        cells: row.cells.map((c, i): XCell => {
          const kind = table.head[i]!.kind;
          if (kind === 'approx') return c ? { text: APPROX } : null;
          if (c === null || c === true || c === false) return null;
          return typeof c === 'number' ? { number: c } : { text: c };
        }),
        styles: table.head.map((h) => (h.kind === 'number' ? (h.csv === 'year' ? STYLE.year : row.total ? STYLE.totalNumber : STYLE.number) : row.total ? STYLE.totalText : STYLE.plain)),
      };
    }
  };
  const widths = table.head.map((h) => Math.min(40, Math.max(6, [...h.title].length * 2 + 2)));
  // 同比: each key figure beside last year's.
  const head = ['年度', '县（区）', '乡镇（街道）', '指标', '单位', '今年', '去年', '增减', '增减率'];
  const yoy: XRow[] = [{ cells: head.map((text) => ({ text })), styles: head.map(() => STYLE.header) }];
  const built = entries
    // A failed report has no summary.
    .filter((e) => e.summary?.previous)
    .sort((a, b) => b.summary!.year - a.summary!.year || zhCompare(a.summary!.county, b.summary!.county) || zhCompare(a.summary!.township, b.summary!.township));
  for (const e of built) {
    const s = e.summary!;
    for (const c of ROLLUP_COLUMNS) {
      const now = s.figures[c.key];
      const before = s.previous?.[c.key];
      if (!now || !before) continue;
      const change = now.value - before.value;
      yoy.push({
        cells: [
          { number: s.year },
          { text: s.county },
          { text: s.township },
          { text: c.label },
          { text: c.unit },
          { number: now.value },
          { number: before.value },
          { number: change },
          before.value === 0 ? null : { number: Math.round((change / before.value) * 1e6) / 1e6 },
        ],
        styles: [STYLE.year, 0, 0, 0, 0, STYLE.number, STYLE.number, STYLE.number, STYLE.percent],
      });
    }
  }
  const parts: Record<string, Iterable<string>> = {
    '[Content_Types].xml': STATIC_PARTS['[Content_Types].xml'],
    '_rels/.rels': STATIC_PARTS['_rels/.rels'],
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:creator>township-report</dc:creator><cp:keywords>roll-up ${fingerprint}</cp:keywords></cp:coreProperties>`,
    'xl/workbook.xml': STATIC_PARTS['xl/workbook.xml'],
    'xl/_rels/workbook.xml.rels': STATIC_PARTS['xl/_rels/workbook.xml.rels'],
    'xl/styles.xml': STATIC_PARTS['xl/styles.xml'],
    'xl/worksheets/sheet1.xml': sheetXml(summary(), widths, { cols: 3, rows: 1 }),
    'xl/worksheets/sheet2.xml': sheetXml(yoy, [8, 10, 16, 18, 8, 12, 12, 12, 12], { cols: 0, rows: 1 }),
  };
  // A part given as one string is one piece.
  return zipPieces(Object.fromEntries(Object.entries(parts).map(([name, p]) => [name, typeof p === 'string' ? [p] : p])));
}
