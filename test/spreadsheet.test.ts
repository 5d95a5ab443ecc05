// A county's spreadsheet as a table: CSV in UTF-8 or GBK, or the first sheet of a workbook.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from '../src/batch/spreadsheet.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a CSV file', () => {
  it('is its rows as written, a byte-order mark dropped, ragged and empty rows kept so that row numbers hold', async () => {
    const t = await readTable(utf8('\uFEFF乡镇,电话\n甲乡,139,多余\n\n"乙,镇"\n'), '.CSV', '名单.csv');
    expect(t.rows).toEqual([['乡镇', '电话'], ['甲乡', '139', '多余'], [''], ['乙,镇']]);
    expect(t.ref(7, 3)).toBe('名单.csv:7:4');
  });

  it('saved as GBK by Excel or WPS reads the same', async () => {
    const t = await readTable(new Uint8Array(iconv.encode('乡镇,电话\n甲乡,139\n', 'gbk')), '.csv', 'r.csv');
    expect(t.rows).toEqual([
      ['乡镇', '电话'],
      ['甲乡', '139'],
    ]);
  });
});

describe('a workbook', () => {
  async function book(fill: (ws: ExcelJS.Worksheet) => void, name = '名单'): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet(name));
    wb.addWorksheet('第二页').addRow(['不读']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('is its first sheet: numbers as numbers, a formula as what it gives, text and dates as shown, empty rows and cells kept', async () => {
    const bytes = await book((ws) => {
      ws.getCell('A1').value = '乡镇';
      ws.getCell('B1').value = 12.5;
      ws.getCell('C1').value = { formula: 'B1*2', result: 25 };
      ws.getCell('D1').value = { formula: 'A1&"乡"', result: '乡镇乡' };
      ws.getCell('E1').value = { richText: [{ text: '加' }, { text: '粗', font: { bold: true } }] };
      ws.getCell('A3').value = '第三行';
      ws.getCell('C3').value = 7;
    });
    const t = await readTable(bytes, '.XLSX', '名单.xlsx');
    expect(t.rows).toStrictEqual([['乡镇', 12.5, 25, '乡镇乡', '加粗'], [], ['第三行', null, 7]]);
  });

  it('names a cell by its sheet, column letters and row', async () => {
    const t = await readTable(await book((ws) => ws.addRow(['x'])), '.xlsx', '名单.xlsx');
    expect([t.ref(7, 0), t.ref(1, 25), t.ref(1, 26), t.ref(2, 27), t.ref(3, 701), t.ref(4, 702)]).toEqual([
      '名单.xlsx!名单!A7',
      '名单.xlsx!名单!Z1',
      '名单.xlsx!名单!AA1',
      '名单.xlsx!名单!AB2',
      '名单.xlsx!名单!ZZ3',
      '名单.xlsx!名单!AAA4',
    ]);
  });
});
