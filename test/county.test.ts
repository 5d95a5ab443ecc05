// The county office's outputs of a batch: the dashboard (index.html), the roster of townships
// expected, and summary.xlsx beside summary.csv.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../src/batch/index.js';
import { launchChromium } from './browser.js';
import { MINIMAL, ROOT, runCli, tempDir } from './helpers.js';
import { officeTools } from './office.js';

const KINDS = ['乡', '镇', '街道'] as const;

/**
 * A county of `n` townships: every fourth leaves out part 3 (a warning), one writes a half-width
 * comma (a warning), even ones have last year's file beside; plus one file that is broken, and a
 * roster that also lists one township that has sent nothing.
 */
function county(n: number): string {
  const dir = tempDir('county-');
  mkdirSync(join(dir, 'data'));
  const roster = ['乡镇（街道）,类别,县（区）,联系人,电话'];
  for (let i = 1; i <= n; i++) {
    const kind = KINDS[i % 3]!;
    const name = `第${i}${kind}`;
    roster.push(`${name},${kind},城口县,联系人${i},1380000${String(i).padStart(4, '0')}`);
    const text = (year: number, total: number) =>
      MINIMAL.replace('测试乡', name)
        .replace('kind: 乡', `kind: ${kind}`)
        .replace('year: 2025', `year: ${year}`)
        .replace('date: 2026-02-05', `date: ${year + 1}-02-05`) +
      `parts:\n  - heading: 主要举措和成效\n    body: |-\n      全年排查调处矛盾纠纷[${total}件|disputes.total]，开展法治宣传活动[${i}场|legal_education.campaigns]${i === 7 ? ',' : '，'}发放宣传资料[${100 * i}余份|legal_education.materials]。\n` +
      `  - heading: 存在的不足和原因\n    body: 宣传的针对性还不强。\n` +
      (i % 4 === 0 ? '' : `  - heading: 党政主要负责人履行推进法治建设第一责任人职责情况\n    body: 党委书记带头学法。\n`) +
      `  - heading: 2026年工作安排\n    body: 继续加强法治宣传。\n`;
    writeFileSync(join(dir, 'data', `${name}-2025.yaml`), text(2025, 10 + i));
    if (i % 2 === 0) writeFileSync(join(dir, 'data', `${name}-2024.yaml`), text(2024, 20));
  }
  roster.push('未交乡,乡,城口县,王五,13900000000');
  writeFileSync(join(dir, 'roster.csv'), `${roster.join('\n')}\n`);
  writeFileSync(join(dir, 'data', '坏文件乡-2025.yaml'), 'township:\n  name: 坏文件乡\n  kind: 村\n  county: 城口县\nyear: 二〇二五\n');
  return dir;
}

async function buildCounty(n: number): Promise<{ dir: string; result: BuildResult }> {
  const dir = county(n);
  const r = await runCli(['build', 'data/*-2025.yaml', '--roster', 'roster.csv', '--out', 'out', '--format', 'md', '--reporter', 'json'], dir);
  expect(r.code, r.stderr).toBe(1);
  return { dir, result: JSON.parse(r.stdout) as BuildResult };
}

describe('a county with a roster', () => {
  it('names each township that has not submitted, at its row of the roster, with whom to call', async () => {
    const { result } = await buildCounty(3);
    const missing = result.diagnostics.filter((d) => d.ruleId === 'input/not-submitted');
    expect(missing.map((d) => `${d.file}:${d.line} ${d.severity} ${d.reason} ${d.note}`)).toEqual(['roster.csv:5 warning 未交乡 has not submitted Contact: 王五 13900000000']);
    // A township whose file cannot be read still counts as submitted, by its file name.
    const dir = county(2);
    writeFileSync(join(dir, 'roster.csv'), '乡镇（街道）\n坏文件乡\n第1镇\n');
    const check = await runCli(['check', 'data', '--roster', 'roster.csv', '--lang', 'zh'], dir);
    expect(check.stderr).not.toContain('input/not-submitted');
  });

  it('read from an Excel workbook too, and a roster without the township column is an error', async () => {
    const dir = county(2);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRows([
      ['序号', '乡镇（街道）', '联系人'],
      [1, '第1镇', '甲'],
      [2, '第2街道', '乙'],
      [3, '远山乡', '丙'],
    ]);
    writeFileSync(join(dir, 'roster.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await runCli(['check', 'data/*-2025.yaml', '--roster', 'roster.xlsx', '--reporter', 'json'], dir);
    const doc = JSON.parse(r.stdout) as BuildResult;
    expect(doc.diagnostics.filter((d) => d.ruleId === 'input/not-submitted').map((d) => `${d.line} ${d.reason}`)).toEqual(['4 远山乡 has not submitted']);
    writeFileSync(join(dir, 'bad.csv'), '名字,电话\n第1镇,1\n');
    const bad = await runCli(['check', 'data', '--roster', 'bad.csv', '--lang', 'zh'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv:1:1 +错误 +名单的第一行没有“乡镇（街道）”这一列（现在是 “名字，电话”） +input\/roster/);
  });
});

describe('the dashboard (index.html)', () => {
  it('has a row for every township with its status, problems at their line, figures beside last year’s, and links', async () => {
    const { dir } = await buildCounty(4);
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    const status = [...html.matchAll(/<tr class="[^"]*" data-status="([^"]+)" data-name="([^"]+)"/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(status).toEqual(['坏文件乡-2025 errors', '未交乡 not-submitted', '第4镇 missing-part', '第1镇 ok', '第2街道 ok', '第3乡 ok']);
    expect(html).toContain('data/坏文件乡-2025.yaml:3:9</a> 错误：');
    expect(html).toContain('联系：王五 13900000000');
    // 第2街道: 12件 this year, 20件 last year.
    expect(html).toMatch(/data-value="12">12件<span class="change down" title="去年 20件">↓40%<\/span>/);
    expect(html).toContain('<a href="%E7%AC%AC1%E9%95%87-2025.md">Markdown</a>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="排查调处矛盾纠纷"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('escapes every value a data file gives', async () => {
    const dir = tempDir('county-');
    writeFileSync(join(dir, 'a.yaml'), MINIMAL.replace('测试乡', '<img src=x onerror=alert(1)>乡').replace('某某县', `'"><script>x</script>'`));
    const r = await runCli(['build', 'a.yaml', '--out', 'out', '--format', 'md'], dir);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;乡');
  });

  it('in Chromium: 31 townships with their status and charts, sorting and filtering, and nothing loaded from the network', { timeout: 60_000 }, async () => {
    const browser = await launchChromium();
    if (!browser.available) return;
    const { dir } = await buildCounty(30);
    const b = await browser.launch();
    try {
      const page = await b.newPage();
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(`file://${join(dir, 'out', 'index.html')}`);
      const rows = page.locator('#townships tbody tr');
      expect(await rows.count()).toBe(32);
      const statuses = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['status']));
      expect(statuses.filter((s) => s === 'errors')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'not-submitted')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'missing-part')).toHaveLength(7);
      expect(statuses.filter((s) => s === 'warnings')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'ok')).toHaveLength(22);
      expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThanOrEqual(30);
      // Sorting by 排查调处矛盾纠纷, largest first on the second click.
      const head = page.locator('#townships thead th', { hasText: '排查调处矛盾纠纷' });
      await head.click();
      await head.click();
      expect(await page.locator('#townships tbody tr').first().getAttribute('data-name')).toBe('第30乡');
      await page.fill('#filter', '第1');
      expect(await page.locator('#townships tbody tr:not([hidden])').count()).toBe(11);
      await page.fill('#filter', '');
      await page.selectOption('#status', 'errors');
      expect(await page.locator('#townships tbody tr:not([hidden])').count()).toBe(1);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

/** True when LibreOffice can open workbooks (its Calc part is installed). */
function calcAvailable(): boolean {
  const office = officeTools();
  if (!office.available) return false;
  const calc = spawnSync('sh', ['-c', 'ls /usr/lib/libreoffice/program/libsclo.so']).status === 0;
  if (calc) return true;
  const reason = 'Skipping the workbook test: LibreOffice Calc (Debian package libreoffice-calc-nogui) is not installed.';
  if (process.env['CI']) throw new Error(`${reason} It is required under CI=true.`);
  console.warn(reason);
  return false;
}

describe('summary.xlsx', () => {
  it('is the same bytes for the same roll-up, and is not written again when its figures did not change', async () => {
    const { dir } = await buildCounty(3);
    const path = join(dir, 'out', 'summary.xlsx');
    const first = readFileSync(path);
    const written = statSync(path).mtimeMs;
    writeFileSync(join(dir, 'data', '第1镇-2025.yaml'), `${readFileSync(join(dir, 'data', '第1镇-2025.yaml'), 'utf8')}# 注释\n`);
    await runCli(['build', 'data/*-2025.yaml', '--roster', 'roster.csv', '--out', 'out', '--format', 'md'], dir);
    expect(statSync(path).mtimeMs).toBe(written);
    const again = county(3);
    await runCli(['build', 'data/*-2025.yaml', '--roster', 'roster.csv', '--out', 'out', '--format', 'md'], again);
    expect(readFileSync(join(again, 'out', 'summary.xlsx')).equals(first)).toBe(true);
  });

  it.skipIf(!calcAvailable())('opened by LibreOffice holds the figures of summary.csv, as numbers', { timeout: 120_000 }, async () => {
    const { dir } = await buildCounty(5);
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    const lo = join(dir, 'lo');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false',
        '--outdir',
        lo,
        join(dir, 'out', 'summary.xlsx'),
      ],
      {
        stdio: 'pipe',
        timeout: 100_000,
      },
    );
    const rowsOf = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(','));
    const fromXlsx = rowsOf(readFileSync(join(lo, 'summary.csv'), 'utf8'));
    const fromCsv = rowsOf(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8'));
    expect(fromXlsx.length).toBe(fromCsv.length);
    fromCsv.forEach((row, i) => {
      row.forEach((cell, j) => {
        // Numbers the same; the approximate mark 'approx' is 约 in the workbook.
        if (/^\d/.test(cell)) expect(fromXlsx[i]![j], `${i}:${j}`).toBe(cell);
        else if (cell === 'approx') expect(fromXlsx[i]![j]).toBe('约');
      });
    });
    // Stored as numbers: every figure cell of the sheet is a number cell, not a string (t="s").
    const sheet = strFromU8(unzipSync(readFileSync(join(dir, 'out', 'summary.xlsx')))['xl/worksheets/sheet1.xml']!);
    const e2 = /<c r="E2"([^>]*)><v>([^<]*)<\/v>/.exec(sheet);
    expect(e2?.[1]).not.toContain('t="s"');
    expect(Number(e2?.[2])).toBe(Number(fromCsv[0]![4]));
  });
});

describe('the county’s figures fed back (--figures)', () => {
  /** A built county and its summary.csv as rows of cells. */
  async function built(): Promise<{ dir: string; rows: string[][] }> {
    const { dir } = await buildCounty(3);
    const rows = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    return { dir, rows };
  }
  const set = (rows: string[][], township: string, column: string, value: string) => {
    rows.find((r) => r[2] === township)![rows[0]!.indexOf(column)] = value;
  };

  it('from summary.csv: a changed figure is printed where the township wrote it, with a warning that names both', async () => {
    const { dir, rows } = await built();
    set(rows, '第2街道', 'disputes', '120');
    set(rows, '第2街道', 'materials_approx', '');
    writeFileSync(join(dir, 'county.csv'), `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    const r = await runCli(['build', 'data/*-2025.yaml', '--figures', 'county.csv', '--out', 'out', '--format', 'md', '--reporter', 'json'], dir);
    const doc = JSON.parse(r.stdout) as BuildResult;
    const md = readFileSync(join(dir, 'out', '第2街道-2025.md'), 'utf8');
    expect(md).toContain('全年排查调处矛盾纠纷120件');
    expect(md).toContain('发放宣传资料200份');
    const warnings = doc.reports.flatMap((x) => x.diagnostics).filter((d) => d.ruleId === 'figures/spreadsheet-differs');
    expect(warnings.map((d) => `${d.file}:${d.line} ${d.reason}`)).toEqual([
      'data/第2街道-2025.yaml:10 `achievements.disputes.total` is 120件 in the county’s spreadsheet (county.csv:3:5) and 12件 in the data file: the report prints 120件',
      'data/第2街道-2025.yaml:10 `achievements.legal_education.materials` is 200份 in the county’s spreadsheet (county.csv:3:11) and 200余份 in the data file: the report prints 200份',
    ]);
    // The others are as their data files say, and the roll-up has the county's figure.
    expect(readFileSync(join(dir, 'out', '第1镇-2025.md'), 'utf8')).toContain('全年排查调处矛盾纠纷11件');
    expect(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).toMatch(/第2街道,data\/第2街道-2025\.yaml,120,/);
    // The sheet corrected again: the report is built again with the new figure.
    set(rows, '第2街道', 'disputes', '130');
    writeFileSync(join(dir, 'county.csv'), `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    await runCli(['build', 'data/*-2025.yaml', '--figures', 'county.csv', '--out', 'out', '--format', 'md'], dir);
    expect(readFileSync(join(dir, 'out', '第2街道-2025.md'), 'utf8')).toContain('全年排查调处矛盾纠纷130件');
  });

  it('from summary.xlsx, edited as a county clerk would in Excel; a cell that is not a number is an error at its cell', async () => {
    const { dir } = await built();
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'summary.xlsx'));
    const sheet = wb.getWorksheet('汇总')!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(3).text === '第3乡')!;
    row.getCell(5).value = 77;
    const other = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(3).text === '第1镇')!;
    other.getCell(9).value = '十几场';
    await wb.xlsx.writeFile(join(dir, 'county.xlsx'));
    const r = await runCli(['build', 'data/*-2025.yaml', '--figures', 'county.xlsx', '--out', 'out', '--format', 'md', '--lang', 'zh'], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'out', '第3乡-2025.md'), 'utf8')).toContain('全年排查调处矛盾纠纷77件');
    expect(r.stderr).toContain(`county.xlsx  错误  county.xlsx!汇总!I${other.number} 写的是 “十几场”，不是数字  input/figures`);
    // The sheet changed, so the reports are built again; unchanged, they are not.
    const again = await runCli(['build', 'data/*-2025.yaml', '--figures', 'county.xlsx', '--out', 'out', '--format', 'md', '--reporter', 'json'], dir);
    expect((JSON.parse(again.stdout) as BuildResult).reports.every((x) => x.status === 'unchanged' || x.status === 'failed')).toBe(true);
  });
});

describe('the roll-up fed back unchanged (--figures)', () => {
  it('changes nothing: a bound (不低于15%, 95%以上) is the same figure, not a difference', async () => {
    const dir = tempDir('county-');
    const examples = join(ROOT, 'examples');
    const first = await runCli(['build', examples, '--out', 'out', '--format', 'md'], dir);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(dir, 'out', 'jinping-2025.md'), 'utf8');
    for (const sheet of ['summary.csv', 'summary.xlsx']) {
      const r = await runCli(['build', examples, '--figures', `out/${sheet}`, '--out', 'out', '--format', 'md', '--reporter', 'json'], dir);
      const doc = JSON.parse(r.stdout) as BuildResult;
      expect(doc.reports.flatMap((x) => x.diagnostics).filter((d) => d.ruleId === 'figures/spreadsheet-differs')).toEqual([]);
      expect(readFileSync(join(dir, 'out', 'jinping-2025.md'), 'utf8')).toBe(before);
    }
  });

  it('keeps the township’s bound when the county changes the number: 不低于15% becomes 不低于20%', async () => {
    const dir = tempDir('county-');
    writeFileSync(join(dir, 'a.yaml'), `${MINIMAL}parts:\n  - body: 考核占比[不低于15%|leadership.assessment_weight]，调解成功率[95%以上|disputes.resolution_rate]。\n`);
    writeFileSync(join(dir, 'county.csv'), 'township,法治建设在绩效考核中的占比（%）,法治建设在绩效考核中的占比（约数）,化解（调解）成功率（%）,化解（调解）成功率（约数）\n测试乡,20,约,96,约\n');
    const r = await runCli(['build', 'a.yaml', '--figures', 'county.csv', '--out', 'out', '--format', 'md'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a.md'), 'utf8')).toContain('考核占比不低于20%，调解成功率96%以上。');
  });
});
