// The county's dashboard (index.html) from the manifest's entries: each township's row, its status,
// problems, figures beside last year's, links, and the charts. The page as a whole, opened in a
// browser, is tested in test/county.test.ts.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { dashboardPieces } from '../src/batch/dashboard.js';
import type { ManifestEntry, Problem } from '../src/batch/manifest.js';
import type { RosterEntry } from '../src/batch/roster.js';
import type { ReportSummary, SummaryFigure } from '../src/compile/summary.js';
import { all, classes as cls, text } from './hast.js';

const figure = (value: number, text = `${value}件`): SummaryFigure => ({ value, exact: true, text });

function summary(township: string, figures: Record<string, SummaryFigure> = {}, previous: Record<string, SummaryFigure> | null = null): ReportSummary {
  return { township, kind: '乡', county: '城口县', city: null, province: null, government: `${township}人民政府`, year: 2025, title: '', figures, recorded: {}, previous };
}

function entry(input: string, fields: Partial<ManifestEntry> = {}): ManifestEntry {
  return { input, key: '', status: 'built', dependencies: [], outputs: [], summary: null, errors: 0, warnings: 0, problems: [], ...fields };
}

const OPTIONS = { outDir: '/c/out', cwd: '/c' };

/** The table's rows as the clerk reads them: each cell's text, and the elements of each cell. */
function page(entries: ManifestEntry[], missing: RosterEntry[] = []) {
  const html = [...dashboardPieces(entries, '城口县2025年度法治政府建设情况', { ...OPTIONS, missing })].join('');
  const tree = fromHtml(html);
  const body = all(tree, (e) => e.tagName === 'tbody')[0]!;
  const rows = all(body, (e) => e.tagName === 'tr').map((tr) => all(tr, (e) => e.tagName === 'td'));
  return { html, tree, rows, texts: rows.map((cells) => cells.map(text)) };
}

describe('each township’s row', () => {
  it('says its status, errors first, then those not submitted, a part missing, warnings, the rest', () => {
    const missingPart: Problem = { severity: 'warning', ruleId: 'regulation/missing-part', reason: '缺少第五部分' };
    const { texts } = page(
      [
        entry('data/甲乡.yaml', { summary: summary('甲乡') }),
        entry('data/乙乡.yaml', { summary: summary('乙乡'), warnings: 1, problems: [{ severity: 'warning', ruleId: 'writing/year-style', reason: '年份写法' }] }),
        entry('data/丙乡-2025.yml', { status: 'failed', errors: 1, problems: [{ severity: 'error', ruleId: 'data/invalid-value', line: 3, column: 7, reason: '日期不对' }] }),
        entry('data/丁乡.yaml', { summary: summary('丁乡'), warnings: 1, problems: [missingPart] }),
      ],
      [{ name: '戊乡', kind: '乡', county: '城口县', contact: '王五', phone: null, line: 4 }],
    );
    expect(texts.map((t) => [t[1], t[2]])).toEqual([
      ['丙乡-2025', '有错误'],
      ['戊乡', '未提交'],
      ['丁乡', '缺部分'],
      ['乙乡', '有警告'],
      ['甲乡', '已生成'],
    ]);
  });

  it('names a failed report by its data file (.yaml or .yml), whatever is before the extension', () => {
    const { texts } = page([entry('data/a.yaml.bak/丙乡.YML', { status: 'failed' }), entry('data/丁乡.yamlx', { status: 'failed' })]);
    expect(texts.map((t) => t[1])).toEqual(['丙乡', '丁乡.yamlx']);
  });

  it('lists its problems with the data file, line and column, and how many more there are', () => {
    const { rows, texts } = page([
      entry('data/甲 乡.yaml', {
        status: 'failed',
        errors: 2,
        warnings: 3,
        problems: [
          { severity: 'error', ruleId: 'data/invalid-value', line: 3, reason: '日期 <不对>' },
          { severity: 'warning', ruleId: 'writing/year-style', reason: '年份写法' },
        ],
      }),
    ]);
    const items = all(rows[0]![3]!, (e) => e.tagName === 'li');
    expect(items.map((li) => [cls(li), text(li)])).toEqual([
      [['error'], 'data/甲 乡.yaml:3:1 错误：日期 <不对>'],
      [['warning'], 'data/甲 乡.yaml 警告：年份写法'],
    ]);
    expect(all(rows[0]![3]!, (e) => e.tagName === 'a').map((a) => [a.properties.href, a.properties.title])).toEqual([
      ['../data/%E7%94%B2%20%E4%B9%A1.yaml', 'data/invalid-value'],
      ['../data/%E7%94%B2%20%E4%B9%A1.yaml', 'writing/year-style'],
    ]);
    expect(texts[0]![3]).toContain('另有 3 个问题：运行 report check data/甲 乡.yaml 查看');
  });

  it('says nothing more when every problem is listed, and leaves the cell empty with none', () => {
    const one: Problem = { severity: 'warning', ruleId: 'writing/year-style', reason: '年份写法' };
    const { rows } = page([entry('data/甲乡.yaml', { summary: summary('甲乡'), warnings: 1, problems: [one] }), entry('data/乙乡.yaml', { summary: summary('乙乡') })]);
    expect(all(rows[0]![3]!, (e) => cls(e).includes('more'))).toEqual([]);
    expect(rows[1]![3]!.children).toEqual([]);
    expect(cls(rows[1]![3]!)).toEqual(['problems']);
  });

  it('gives whom to call for a township not submitted, or asks for its data file', () => {
    const { texts } = page(
      [],
      [
        { name: '甲乡', kind: null, county: null, contact: '王五', phone: '139', line: 2 },
        { name: '乙乡', kind: null, county: null, contact: null, phone: '138', line: 3 },
        { name: '丙乡', kind: null, county: null, contact: null, phone: null, line: 4 },
      ],
    );
    expect(texts.map((t) => [t[1], t[3]])).toEqual([
      ['丙乡', '请催交数据文件'],
      ['甲乡', '联系：王五 139'],
      ['乙乡', '联系：138'],
    ]);
  });

  it('links its reports Word first, then the web page, then Markdown, and none for a township not submitted', () => {
    const out = (format: 'md' | 'html' | 'docx') => ({ format, path: `甲 乡.${format}`, sha256: '', bytes: 1 });
    const built = entry('data/甲乡.yaml', { summary: summary('甲乡'), outputs: [out('md'), out('docx'), out('html')] });
    const { rows } = page([built], [{ name: '乙乡', kind: null, county: null, contact: null, phone: null, line: 2 }]);
    // The manifest's entry is left as it was.
    expect(built.outputs.map((o) => o.format)).toEqual(['md', 'docx', 'html']);
    const links = (cells: Element[]) => all(cells.at(-1)!, (e) => e.tagName === 'a').map((a) => [text(a), a.properties.href]);
    expect(links(rows[1]!)).toEqual([
      ['Word', '%E7%94%B2%20%E4%B9%A1.docx'],
      ['网页', '%E7%94%B2%20%E4%B9%A1.html'],
      ['Markdown', '%E7%94%B2%20%E4%B9%A1.md'],
    ]);
    expect(rows[0]!.at(-1)!.children).toEqual([]);
    expect(cls(rows[0]!.at(-1)!)).toEqual(['links']);
  });
});

describe('a key figure beside last year’s', () => {
  const cell = (now: SummaryFigure, before: SummaryFigure | undefined) => {
    const { rows } = page([entry('data/甲乡.yaml', { summary: summary('甲乡', { disputes: now }, before ? { disputes: before } : null) })]);
    const td = rows[0]![4]!;
    return { text: text(td), change: all(td, (e) => cls(e).includes('change')).map((e) => [cls(e), e.properties.title]) };
  };

  it('an arrow up, down or level, with the change in percent, and last year’s figure', () => {
    expect(cell(figure(150), figure(100))).toEqual({ text: '150件↑50%去年 100件', change: [[['change', 'up'], '去年 100件']] });
    expect(cell(figure(60), figure(80))).toEqual({ text: '60件↓25%去年 80件', change: [[['change', 'down'], '去年 80件']] });
    expect(cell(figure(100), figure(100))).toEqual({ text: '100件→0%去年 100件', change: [[['change', 'same'], '去年 100件']] });
    // Less than half a percent is level.
    expect(cell(figure(1001), figure(1000)).change).toEqual([[['change', 'same'], '去年 1000件']]);
  });

  it('last year’s figure alone when it was none (no change from nothing), and nothing when there was no figure', () => {
    expect(cell(figure(5), figure(0, '0件'))).toEqual({ text: '5件去年 0件', change: [] });
    expect(cell(figure(5), undefined)).toEqual({ text: '5件', change: [] });
  });
});

describe('the charts', () => {
  it('draw the built reports’ figures, and are left out when no report has one', () => {
    const withFigures = page([
      entry('data/甲乡.yaml', { summary: summary('甲乡', { disputes: figure(40) }) }),
      entry('data/乙乡.yaml', { status: 'failed', summary: summary('乙乡', { disputes: figure(90) }) }),
    ]);
    const charts = all(withFigures.tree, (e) => cls(e).includes('charts'));
    expect(charts).toHaveLength(1);
    expect(all(charts[0]!, (e) => e.tagName === 'title').map(text)).toEqual(['甲乡：40件']);
    const none = page([entry('data/甲乡.yaml', { summary: summary('甲乡') })]);
    expect(all(none.tree, (e) => cls(e).includes('charts') || e.tagName === 'figure')).toEqual([]);
    expect(none.html).toContain('</table><script>');
  });
});

describe('text from the data files', () => {
  it('is shown as written, never as markup, in the page and in its attributes', () => {
    const name = `<b>"甲'&乡`;
    const { html, rows, texts } = page([entry('data/x.yaml', { summary: summary(name, { disputes: figure(3, `3<件>&"'`) }) })]);
    expect(texts[0]![1]).toBe(name);
    expect(texts[0]![4]).toBe(`3<件>&"'`);
    expect(all(fromHtml(html), (e) => e.tagName === 'b')).toEqual([]);
    const tr = all(fromHtml(html), (e) => e.tagName === 'tr' && e.properties.dataName !== undefined)[0]!;
    expect(tr.properties.dataName).toBe(name);
    expect(rows[0]![1]!.children).toEqual([{ type: 'text', value: name, position: expect.anything() }]);
    expect(html).toContain('data-name="&lt;b&gt;&quot;甲&#39;&amp;乡"');
  });
});
