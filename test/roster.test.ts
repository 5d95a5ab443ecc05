// The county's roster of townships (.csv or .xlsx): who is on it, and who has not submitted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { notSubmitted, notSubmittedDiagnostics, readRoster } from '../src/batch/roster.js';
import { tempDir } from './helpers.js';

async function roster(name: string, content: string | Uint8Array) {
  const dir = tempDir('roster-');
  writeFileSync(join(dir, name), content);
  return readRoster(join(dir, name), name);
}

describe('a roster', () => {
  it('is read by its header’s names, in any order, spaces in them ignored, and its blank rows passed over', async () => {
    const r = await roster('r.csv', '电话, 联系人 ,乡镇 （ 街道 ）,县区,类型\n139,王五,甲乡,城口县,乡\n,,,,\n,,乙镇,,\n 138 ,,丙街道,  ,\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.roster!.entries).toEqual([
      { name: '甲乡', kind: '乡', county: '城口县', contact: '王五', phone: '139', line: 2 },
      { name: '乙镇', kind: null, county: null, contact: null, phone: null, line: 4 },
      { name: '丙街道', kind: null, county: null, contact: null, phone: '138', line: 5 },
    ]);
  });

  it('with only the township column gives only names', async () => {
    const r = await roster('r.csv', 'township\n甲乡\n');
    expect(r.roster!.entries).toEqual([{ name: '甲乡', kind: null, county: null, contact: null, phone: null, line: 2 }]);
  });

  it('takes a column by its whole name, not a name that holds another (单位电话 is no 单位, 社区数 no 区)', async () => {
    const r = await roster('r.csv', '单位电话,社区数,乡镇,县（区）\n139,12,甲乡,城口县\n');
    expect(r.roster!.entries.map((e) => [e.name, e.county, e.phone])).toEqual([['甲乡', '城口县', null]]);
  });

  it('is read from an Excel workbook, empty cells and numbers too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['乡镇（街道）', '联系人', '电话']);
    ws.addRow(['甲乡', null, 13900000000]);
    ws.addRow(['乙镇']);
    const r = await roster('r.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.roster!.entries.map((e) => [e.name, e.contact, e.phone, e.line])).toEqual([
      ['甲乡', null, '13900000000', 2],
      ['乙镇', null, null, 3],
    ]);
  });

  it('that is empty, not a table or not there says so, at its first row when it is its header', async () => {
    const empty = await roster('r.csv', '');
    expect(empty.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.reason])).toEqual([['r.csv', 1, 'input/roster', 'The roster’s first row has no 乡镇（街道） column (it has “”)']]);
    const broken = await roster('r.xlsx', 'not a workbook');
    expect(broken.diagnostics.map((d) => [d.line, d.reason.startsWith('The roster cannot be read: ')])).toEqual([[undefined, true]]);
    const dir = tempDir('roster-');
    mkdirSync(join(dir, 'r.csv'));
    const folder = await readRoster(join(dir, 'r.csv'), 'r.csv');
    expect(folder.diagnostics.map((d) => [d.line, d.reason.startsWith('The roster cannot be read: ')])).toEqual([[undefined, true]]);
  });
});

describe('who has not submitted', () => {
  it('is whoever no report names, by its township or, for one not read that far, its file name', async () => {
    const r = (await roster('r.csv', '乡镇（街道）,联系人,电话\n甲乡,王五,139\n乙镇,,138\n丙街道,,\n丁乡,,\n'))!.roster!;
    const missing = notSubmitted(r, [
      { input: 'data/a.yaml', township: '甲乡' },
      { input: 'data/乙镇-2025.yaml', township: undefined },
      { input: 'data/x.yaml', township: undefined },
    ]);
    expect(missing.map((e) => e.name)).toEqual(['丙街道', '丁乡']);
    const all = notSubmittedDiagnostics(r, r.entries);
    expect(all.map((d) => [d.file, d.line, d.severity, d.ruleId, d.reason, d.note])).toEqual([
      ['r.csv', 2, 'warning', 'input/not-submitted', '甲乡 has not submitted', 'Contact: 王五 139'],
      ['r.csv', 3, 'warning', 'input/not-submitted', '乙镇 has not submitted', 'Contact: 138'],
      ['r.csv', 4, 'warning', 'input/not-submitted', '丙街道 has not submitted', 'Ask for the data file; put it in the folder this build reads.'],
      ['r.csv', 5, 'warning', 'input/not-submitted', '丁乡 has not submitted', 'Ask for the data file; put it in the folder this build reads.'],
    ]);
  });
});
