// summary.xlsx as Excel reads it: the roll-up sheet (汇总) and the year-on-year sheet (同比).
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../src/batch/manifest.js';
import { rollupXlsx } from '../src/batch/xlsx.js';
import type { ReportSummary, SummaryFigure } from '../src/compile/summary.js';

const fig = (value: number, text = `${value}件`, exact = true): SummaryFigure => ({ value, exact, text });
const summary = (township: string, figures: Record<string, SummaryFigure>, previous: Record<string, SummaryFigure> | null, year = 2025): ReportSummary => ({
  township,
  kind: '乡',
  county: '城口县',
  city: null,
  province: null,
  government: '',
  year,
  title: '',
  figures,
  recorded: {},
  previous,
});
const entry = (input: string, s: ReportSummary | null, status: 'built' | 'failed' = 'built'): ManifestEntry => ({
  input,
  key: '',
  status,
  dependencies: [],
  outputs: [],
  summary: s,
  errors: 0,
  warnings: 0,
  problems: [],
});

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
