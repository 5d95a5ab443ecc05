// summary.md, summary.html and summary.csv as written, a township's row at a time: two years, each
// with its own table and totals, newest first; a township on the roster that has not submitted;
// text from the data files escaped for each format.
import { describe, expect, it } from 'vitest';
import { rollupCsv, rollupHtml, rollupMarkdown } from '../src/batch/rollup.js';
import type { RosterEntry } from '../src/batch/roster.js';
import { entry, fig, summary } from './rollup-fixtures.js';

const entries = [
  entry('b.yaml', summary('乙镇', { disputes: fig(60) }, null, 2024)),
  entry('a.yaml', summary('甲|乡', { disputes: fig(150), campaigns: fig(12, '12余场', false) }, null)),
  entry('c.yaml', summary('丙<乡>', { disputes: fig(4) }, null)),
  entry('d.yaml', null, 'failed'),
];
const missing: RosterEntry[] = [{ name: '丁*乡', kind: '乡', county: '城口县', contact: null, phone: null, line: 5 }];
const text = (pieces: Iterable<string>) => [...pieces].join('');

describe('the roll-up as text', () => {
  it('writes summary.md a row at a time: the years newest first, each table with its totals, who has not submitted', () => {
    const pieces = [...rollupMarkdown(entries, missing)];
    // One piece a line: no piece holds the whole table.
    expect(pieces.length).toBeGreaterThan(12);
    const head = '| 县（区） | 乡镇（街道） | 排查调处矛盾纠纷 | 化解矛盾纠纷 | 法治宣传活动 | 发放宣传资料 | 行政执法检查 | 行政处罚 | 合法性审查 | 持证执法人员 |';
    const rule = '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
    expect(pieces.join('')).toBe(
      [
        '# 2024—2025年法治政府建设年度报告汇总',
        '',
        '共3份报告。合计中含约数（“余”“约”等）的，合计也是约数。',
        '',
        '未提交：丁\\*乡。',
        '',
        '## 2025年',
        '',
        head,
        rule,
        '| 城口县 | 丙\\<乡\\> | 4件 | — | — | — | — | — | — | — |',
        '| 城口县 | 甲\\|乡 | 150件 | — | 12余场 | — | — | — | — | — |',
        '| 合计 | 2个 | 154件 | — | 12余场 | — | — | — | — | — |',
        '',
        '## 2024年',
        '',
        head,
        rule,
        '| 城口县 | 乙镇 | 60件 | — | — | — | — | — | — | — |',
        '| 合计 | 1个 | 60件 | — | — | — | — | — | — | — |',
        '',
      ].join('\n'),
    );
  });

  it('writes summary.md of no report as its heading and count alone', () => {
    expect(text(rollupMarkdown([]))).toBe('# 法治政府建设年度报告汇总\n\n共0份报告。合计中含约数（“余”“约”等）的，合计也是约数。\n');
  });

  it('writes summary.html a row at a time: one table a year, text escaped, the totals in the foot', () => {
    const pieces = [...rollupHtml(entries, missing)];
    expect(pieces.length).toBeGreaterThan(6);
    const html = pieces.join('');
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    expect(html.endsWith('</body></html>\n')).toBe(true);
    expect(html).toContain('<title>2024—2025年法治政府建设年度报告汇总</title>');
    expect(html).toContain('<p>未提交：丁*乡。</p>');
    const years = [...html.matchAll(/<h2>(\d+)年<\/h2><table><thead>.*?<\/thead><tbody>(.*?)<\/tbody><tfoot>(.*?)<\/tfoot><\/table>/g)];
    expect(years.map((m) => m[1])).toEqual(['2025', '2024']);
    expect(years[0]![2]).toBe(
      '<tr><td class="name">城口县</td><td class="name">丙&lt;乡&gt;</td><td>4件</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>' +
        '<tr><td class="name">城口县</td><td class="name">甲|乡</td><td>150件</td><td>—</td><td>12余场</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>',
    );
    expect(years[0]![3]).toBe('<tr><td>合计</td><td>2个</td><td>154件</td><td>—</td><td>12余场</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>');
    expect(years[1]![3]).toBe('<tr><td>合计</td><td>1个</td><td>60件</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>');
  });

  it('writes summary.csv a row at a time, with a byte-order mark and CRLF line ends, one line a row', () => {
    const pieces = [...rollupCsv(entries)];
    const csv = pieces.join('');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    // A header, three townships, a totals row for each of the two years, and the end of the last line.
    expect(lines).toHaveLength(pieces.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(pieces.every((p) => p.endsWith('\r\n') && !p.slice(0, -2).includes('\r\n'))).toBe(true);
    expect(lines.filter((l) => l.includes('丙<乡>'))).toHaveLength(1);
  });
});
