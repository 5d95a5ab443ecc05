// summary.xlsx as Excel reads it: the roll-up sheet (汇总) and the year-on-year sheet (同比).
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../src/batch/manifest.js';
import { rollupTable } from '../src/batch/rollup-table.js';
import { rollupXlsx, xlsxFingerprint, xlsxIsCurrent } from '../src/batch/xlsx.js';
import { tempDir } from './helpers.js';
import { entry, fig, summary } from './rollup-fixtures.js';

async function open(entries: ManifestEntry[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(rollupXlsx(entries) as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: { values: unknown[]; height: number | undefined; bold: (boolean | undefined)[]; formats: (string | undefined)[] }[] = [];
    wb.getWorksheet(name)!.eachRow((row) => {
      const values: unknown[] = [];
      const bold: (boolean | undefined)[] = [];
      const formats: (string | undefined)[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => {
        values[col - 1] = c.value;
        bold[col - 1] = c.font?.bold;
        formats[col - 1] = c.numFmt;
      });
      out.push({ values, height: row.height, bold, formats });
    });
    return out;
  };
  return { wb, rows };
}

describe('summary.xlsx', () => {
  const entries = () => [
    entry('a.yaml', summary('甲<乡>&"\u0001', { disputes: fig(150), campaigns: fig(12, '12余场', false) }, { disputes: fig(100), campaigns: fig(0, '0场') })),
    entry('b.yaml', summary('乙镇', { disputes: fig(60) }, { disputes: fig(80) }, 2024)),
    entry('c.yaml', {
      ...summary('丙乡', { disputes: fig(4), materials: fig(500, '500份') }, { disputes: fig(3) }),
      recorded: { 'figures.人': { value: 3 }, 'figures.很长很长的自有数字名称一二三四五六七八九十': { value: 1, unit: '个' } },
    }),
    entry('d.yaml', null, 'failed'),
  ];

  it('holds the roll-up: a bold header row, a row per township and a bold totals row per year, 约 for approximate figures, text as written', async () => {
    const { wb, rows } = await open(entries());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '同比']);
    const sheet = rows('汇总');
    expect(sheet[0]!.values.slice(0, 10)).toEqual([
      '年度',
      '县（区）',
      '乡镇（街道）',
      '数据文件',
      '排查调处矛盾纠纷（件）',
      '排查调处矛盾纠纷（约数）',
      '化解矛盾纠纷（件）',
      '化解矛盾纠纷（约数）',
      '法治宣传活动（场）',
      '法治宣传活动（约数）',
    ]);
    expect([sheet[0]!.height, sheet[0]!.bold.every(Boolean)]).toEqual([36, true]);
    expect(sheet[0]!.values.slice(-4)).toEqual(['人', '人（约数）', '很长很长的自有数字名称一二三四五六七八九十（个）', '很长很长的自有数字名称一二三四五六七八九十（约数）']);
    const own = sheet[0]!.values.length - 4;
    expect(sheet[1]!.values.slice(own, own + 4)).toEqual([3, null, 1]);
    expect(sheet.slice(1).map((r) => r.values.slice(0, 10))).toEqual([
      [2025, '城口县', '丙乡', 'c.yaml', 4, null, null, null, null, null],
      [2025, '城口县', '甲<乡>&"', 'a.yaml', 150, null, null, null, 12, '约'],
      [2025, '合计', '2', null, 154, null, null, null, 12, '约'],
      [2024, '城口县', '乙镇', 'b.yaml', 60],
      [2024, '合计', '1', null, 60],
    ]);
    // Numbers of the totals row bold, a township's not; years without separators, figures with.
    expect(sheet[3]!.bold.slice(0, 5)).toEqual([undefined, true, true, undefined, true]);
    expect(sheet[2]!.bold.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(sheet[2]!.formats.slice(0, 5)).toEqual(['0', undefined, undefined, undefined, '#,##0.##']);
    expect(sheet[1]!.height).toBeUndefined();
  });

  it('holds each key figure beside last year’s, newest year first, with the change and its rate (none from nothing)', async () => {
    const { rows } = await open(entries());
    const sheet = rows('同比');
    expect(sheet[0]!.values).toEqual(['年度', '县（区）', '乡镇（街道）', '指标', '单位', '今年', '去年', '增减', '增减率']);
    expect(sheet.slice(1).map((r) => r.values)).toEqual([
      [2025, '城口县', '丙乡', '排查调处矛盾纠纷', '件', 4, 3, 1, 0.333333],
      [2025, '城口县', '甲<乡>&"', '排查调处矛盾纠纷', '件', 150, 100, 50, 0.5],
      [2025, '城口县', '甲<乡>&"', '法治宣传活动', '场', 12, 0, 12],
      [2024, '城口县', '乙镇', '排查调处矛盾纠纷', '件', 60, 80, -20, -0.25],
    ]);
    expect(sheet[1]!.formats).toEqual(['0', undefined, undefined, undefined, undefined, '#,##0.##', '#,##0.##', '#,##0.##', '0.0%']);
  });

  it('opens with the header row frozen, and the township columns too on the roll-up, each column as wide as its header', async () => {
    const { wb } = await open(entries());
    const [sum, yoy] = wb.worksheets;
    expect(sum!.views).toMatchObject([{ state: 'frozen', xSplit: 3, ySplit: 1, topLeftCell: 'D2' }]);
    expect(yoy!.views).toMatchObject([{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }]);
    expect(sum!.columns.slice(0, 6).map((c) => c.width)).toEqual([6, 10, 14, 10, 24, 26]);
    // The township's own figures at the end: 人 as narrow as any column may be, the long name as wide.
    expect(sum!.columns.slice(-4).map((c) => c.width)).toEqual([6, 12, 40, 40]);
    const xml = unzipSync(rollupXlsx(entries()));
    expect(strFromU8(xml['xl/worksheets/sheet2.xml']!)).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(strFromU8(xml['xl/worksheets/sheet1.xml']!)).toContain('<pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>');
    expect(yoy!.columns.map((c) => c.width)).toEqual([8, 10, 16, 18, 8, 12, 12, 12, 12]);
  });
});

/** Column letters as Excel names them, counted out one by one: A … Z, AA … AZ, BA … */
function excelColumns(n: number): string[] {
  const out: string[] = [];
  const name = [0];
  for (let i = 0; i < n; i++) {
    out.push(name.map((d) => String.fromCharCode(65 + d)).join(''));
    let k = name.length - 1;
    while (k >= 0 && name[k] === 25) name[k--] = 0;
    if (k < 0) name.unshift(0);
    else name[k]!++;
  }
  return out;
}

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

describe('summary.xlsx as a package', () => {
  const many = () => {
    const recorded = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`figures.自有${String(i).padStart(2, '0')}`, { value: i }]));
    return [entry('a.yaml', { ...summary('甲乡', { disputes: fig(5) }, { disputes: fig(4) }), recorded })];
  };

  it('names its cells A … Z, AA … AZ, BA … in every row, and Excel finds each value in its column', async () => {
    const files = parts(rollupXlsx(many()));
    const sheet = files['xl/worksheets/sheet1.xml']!;
    const header = [...sheet.matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1]);
    expect(header.length).toBeGreaterThan(60);
    expect(header).toEqual(excelColumns(header.length));
    const township = [...sheet.matchAll(/<c r="([A-Z]+)2"/g)].map((m) => m[1]!);
    expect(township.every((ref) => header.includes(ref))).toBe(true);
    const { rows } = await open(many());
    const [head, row] = rows('汇总');
    expect(head!.values.length).toBe(header.length);
    // The 30th own figure, 自有29 = 29, in the next-to-last column (the last says whether it is approximate).
    expect([head!.values.at(-2), row!.values[header.length - 2]]).toEqual(['自有29', 29]);
  });

  it('has rows of cells alone, and one column width for each column, numbered from 1', () => {
    const files = parts(rollupXlsx(many()));
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const doc = parse(files[name]!);
      const rowList = doc.getElementsByTagName('row');
      for (let i = 0; i < rowList.length; i++) {
        const kids = Array.from({ length: rowList[i]!.childNodes.length }, (_, k) => rowList[i]!.childNodes[k]!);
        expect(kids.map((k) => k.nodeName).filter((n) => n !== 'c')).toEqual([]);
      }
      const cols = doc.getElementsByTagName('col');
      const ranges = Array.from({ length: cols.length }, (_, i) => [cols[i]!.getAttribute('min'), cols[i]!.getAttribute('max')]);
      expect(ranges).toEqual(Array.from({ length: cols.length }, (_, i) => [String(i + 1), String(i + 1)]));
    }
  });

  it('declares every part as XML in UTF-8, gives each its content type and points each relationship at a part that is there', () => {
    const files = parts(rollupXlsx(many()));
    for (const [name, xml] of Object.entries(files)) expect([name, xml.slice(0, xml.indexOf('\n'))]).toEqual([name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>']);
    const types = parse(files['[Content_Types].xml']!);
    const overrides = Array.from({ length: types.getElementsByTagName('Override').length }, (_, i) => types.getElementsByTagName('Override')[i]!);
    const typeOf = Object.fromEntries(overrides.map((o) => [o.getAttribute('PartName'), o.getAttribute('ContentType')]));
    const ml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    expect(typeOf).toEqual({
      '/xl/workbook.xml': `${ml}.sheet.main+xml`,
      '/xl/worksheets/sheet1.xml': `${ml}.worksheet+xml`,
      '/xl/worksheets/sheet2.xml': `${ml}.worksheet+xml`,
      '/xl/styles.xml': `${ml}.styles+xml`,
      '/docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
    });
    const defaults = types.getElementsByTagName('Default');
    expect(Array.from({ length: defaults.length }, (_, i) => defaults[i]!.getAttribute('Extension'))).toEqual(['rels', 'xml']);
    // Every part but the relationships and content types is reached by a relationship.
    const targets: string[] = [];
    for (const [rels, base] of [
      ['_rels/.rels', ''],
      ['xl/_rels/workbook.xml.rels', 'xl/'],
    ] as const) {
      const list = parse(files[rels]!).getElementsByTagName('Relationship');
      for (let i = 0; i < list.length; i++) targets.push(base + list[i]!.getAttribute('Target'));
    }
    expect(targets.sort()).toEqual(
      Object.keys(files)
        .filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')
        .sort(),
    );
  });

  it('has the one cell style format Excel requires, and as many cell formats as it says', () => {
    const styles = parse(parts(rollupXlsx(many()))['xl/styles.xml']!);
    const base = styles.getElementsByTagName('cellStyleXfs')[0]!;
    expect([base.getAttribute('count'), base.getElementsByTagName('xf').length]).toEqual(['1', 1]);
    const xfs = styles.getElementsByTagName('cellXfs')[0]!;
    expect(Number(xfs.getAttribute('count'))).toBe(xfs.getElementsByTagName('xf').length);
  });

  it('keeps characters beyond the Basic Multilingual Plane whole and leaves out halves of them, which XML cannot hold', async () => {
    const name = '\ud800𠀀甲\udc00乙\udbff';
    const { rows } = await open([entry('a.yaml', summary(name, { disputes: fig(5) }, { disputes: fig(4) }))]);
    expect(rows('汇总')[1]!.values[2]).toBe('𠀀甲乙');
    expect(rows('同比')[1]!.values[2]).toBe('𠀀甲乙');
  });

  it('sets the year-on-year rows of one year by county, then township, as Chinese sorts them', async () => {
    const s = (township: string, county: string) => ({ ...summary(township, { disputes: fig(5) }, { disputes: fig(4) }), county });
    const { rows } = await open([entry('a.yaml', s('乙乡', '巫溪县')), entry('b.yaml', s('乙乡', '城口县')), entry('c.yaml', s('甲乡', '城口县'))]);
    expect(
      rows('同比')
        .slice(1)
        .map((r) => `${r.values[1]}${r.values[2]}`),
    ).toEqual(['城口县甲乡', '城口县乙乡', '巫溪县乙乡']);
  });
});

describe('xlsxFingerprint and xlsxIsCurrent', () => {
  const base = () => [entry('a.yaml', summary('甲乡', { disputes: fig(5) }, { disputes: fig(4) }))];

  it('changes with any cell of the roll-up, and with last year’s figures, which only the year-on-year sheet shows', () => {
    const f = xlsxFingerprint(base());
    expect(xlsxFingerprint(base())).toBe(f);
    expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(xlsxFingerprint([entry('a.yaml', summary('甲乡', { disputes: fig(6) }, { disputes: fig(4) }))])).not.toBe(f);
    expect(xlsxFingerprint([entry('a.yaml', summary('甲乡', { disputes: fig(5) }, { disputes: fig(3) }))])).not.toBe(f);
    expect(xlsxFingerprint([entry('a.yaml', summary('甲乡', { disputes: fig(5) }, null))])).not.toBe(f);
    expect(xlsxFingerprint([entry('a.yaml', summary('乙乡', { disputes: fig(5) }, { disputes: fig(4) }))])).not.toBe(f);
  });

  it('makes a batch’s table once for the fingerprint and the workbook, and anew for other entries', () => {
    const entries = base();
    expect(rollupTable(entries)).toBe(rollupTable(entries));
    const other = base();
    expect(rollupTable(other)).not.toBe(rollupTable(entries));
    expect(rollupTable(other)).toEqual(rollupTable(entries));
    // What the fingerprint and the workbook write is the same whether the table was made before or not.
    expect(xlsxFingerprint(entries)).toBe(xlsxFingerprint(base()));
    expect(rollupXlsx(entries)).toEqual(rollupXlsx(base()));
  });

  it('holds a county too large for a sheet to be written in one piece, every row in order', async () => {
    // 2,000 townships: the roll-up sheet runs to several pieces of 64 KB, deflated as they come.
    const many = Array.from({ length: 2000 }, (_, i) => entry(`t${String(i).padStart(4, '0')}.yaml`, summary(`第${String(i).padStart(4, '0')}乡`, { disputes: fig(i) }, { disputes: fig(i + 1) })));
    const { rows } = await open(many);
    const sheet = rows('汇总');
    // A header, a row per township and the year's totals.
    expect(sheet).toHaveLength(2002);
    const name = sheet[0]!.values.indexOf('乡镇（街道）');
    const disputes = sheet[0]!.values.findIndex((v) => String(v).startsWith('排查调处矛盾纠纷'));
    expect(sheet.slice(1, 2001).map((r) => [r.values[name], r.values[disputes]])).toEqual(many.map((_, i) => [`第${String(i).padStart(4, '0')}乡`, i]));
    expect(sheet[2001]!.values[disputes]).toBe((1999 * 2000) / 2);
    expect(rows('同比')).toHaveLength(2001);
  });

  it('knows a workbook by the fingerprint written in it, and nothing else as current', () => {
    const dir = tempDir('xlsx-current-');
    const path = join(dir, 'summary.xlsx');
    const f = xlsxFingerprint(base());
    writeFileSync(path, rollupXlsx(base(), f));
    expect(xlsxIsCurrent(path, f)).toBe(true);
    expect(xlsxIsCurrent(path, xlsxFingerprint([]))).toBe(false);
    expect(xlsxIsCurrent(join(dir, 'none.xlsx'), f)).toBe(false);
    writeFileSync(path, 'not a zip');
    expect(xlsxIsCurrent(path, f)).toBe(false);
    writeFileSync(path, zipSync({ 'xl/workbook.xml': strToU8(`<workbook>roll-up ${f}</workbook>`) }));
    expect(xlsxIsCurrent(path, f)).toBe(false);
  });
});
