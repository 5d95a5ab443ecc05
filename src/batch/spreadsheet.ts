/**
 * A county's spreadsheet as a table of cells: a CSV file (UTF-8 or GBK, as Excel and WPS save it)
 * read by csv-parse, or the first sheet of an Excel workbook read by exceljs; each cell a number,
 * text or nothing, with the way a message names it (名单.xlsx!Sheet1!D7, 名单.csv:7:4).
 */
import { decodeText } from '../load/read.js';

/** A cell as the sheet gives it: a number, text, or nothing. */
export type Value = number | string | null;

export interface Table {
  /** Row by row from the first, a row left empty kept, so that row numbers hold. */
  rows: Value[][];
  /** How a message names a cell (row from 1, column from 0). */
  ref: (row: number, col: number) => string;
}

/** The table of a .csv or .xlsx file's bytes. */
export async function readTable(bytes: Uint8Array, extension: string, display: string): Promise<Table> {
  return extension.toLowerCase() === '.xlsx' ? xlsxTable(bytes, display) : csvTable(decodeText(bytes).text, display);
}

const letters = (col: number): string => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + String.fromCharCode(65 + (col % 26)));

async function csvTable(text: string, display: string): Promise<Table> {
  const { parse } = await import('csv-parse/sync');
  // decodeText has taken off a byte-order mark.
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  return { rows, ref: (row, col) => `${display}:${row}:${col + 1}` };
}

async function xlsxTable(bytes: Uint8Array, display: string): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: Value[][] = [];
  // Rows with nothing in them are not visited: each is an empty row of the table.
  sheet?.eachRow((row, n) => {
    // Stryker disable next-line ArrayDeclaration: every cell from the first is visited (includeEmpty) and set
    const cells: Value[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const v = c.value;
      const result = v !== null && typeof v === 'object' && 'result' in v ? (v.result as unknown) : v;
      cells[col - 1] = typeof result === 'number' ? result : result == null ? null : c.text;
    });
    rows[n - 1] = cells;
  });
  return { rows: Array.from(rows, (r) => r ?? []), ref: (row, col) => `${display}!${sheet?.name ?? ''}!${letters(col)}${row}` };
}
