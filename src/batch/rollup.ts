/**
 * County roll-up: a table of each township's key figures with totals, as
 * Markdown, HTML and CSV, and an index.html linking every report. A total
 * that includes an approximate figure is approximate (写作“余”).
 */
import { join } from 'node:path';
import { recordedLabel, ROLLUP_COLUMNS, type ReportSummary, type SummaryFigure } from '../compile/summary.js';
import { FORMATS } from '../formats.js';
import type { ManifestEntry } from './manifest.js';
import { writeAtomic } from './write.js';

export interface Total {
  value: number;
  exact: boolean;
  /** How many townships reported the figure. */
  count: number;
}

/** Each roll-up column's total over the townships that reported it, approximate when any item is. */
export function totals(entries: readonly ManifestEntry[]): Record<string, Total> {
  const out: Record<string, Total> = {};
  for (const c of ROLLUP_COLUMNS) {
    let value = 0;
    let exact = true;
    let count = 0;
    for (const e of entries) {
      const f = e.summary?.figures[c.key];
      if (!f) continue;
      value += f.value;
      exact &&= f.exact;
      count++;
    }
    out[c.key] = { value: Math.round(value * 1e6) / 1e6, exact, count };
  }
  return out;
}

/** A total as the roll-up prints it, with its unit and 余 when approximate. */
export function formatTotal(t: Total, unit: string): string {
  if (t.count === 0) return '—';
  return t.exact ? `${t.value}${unit}` : `${t.value}余${unit}`;
}

const cell = (f: SummaryFigure | undefined) => (f ? f.text : '—');

/** What reports are ordered by: their identity and their data file. */
export interface Ordered {
  summary: Pick<ReportSummary, 'year' | 'county' | 'township'>;
  input: string;
}

/** The order of the roll-up's rows and of a volume's reports: newest year first, then county and township in Chinese collation (pinyin), then data file. */
export function rollupOrder(a: Ordered, b: Ordered): number {
  const x = a.summary;
  const y = b.summary;
  return y.year - x.year || x.county.localeCompare(y.county, 'zh-CN') || x.township.localeCompare(y.township, 'zh-CN') || a.input.localeCompare(b.input);
}

function rows(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries.filter((e) => e.status === 'built' && e.summary).sort((a, b) => rollupOrder({ summary: a.summary!, input: a.input }, { summary: b.summary!, input: b.input }));
}

function years(entries: readonly ManifestEntry[]): string {
  const ys = [...new Set(entries.map((e) => e.summary!.year))].sort();
  return ys.length === 0 ? '' : ys.length === 1 ? `${ys[0]}年` : `${ys[0]}—${ys[ys.length - 1]}年`;
}

const escMd = (s: string) => s.replace(/([\\`*_[\]<>|#!{}])/g, '\\$1');

/** Reports grouped by year, newest first: totals are only meaningful within one year. */
function byYear(entries: readonly ManifestEntry[]): [number, ManifestEntry[]][] {
  const groups = new Map<number, ManifestEntry[]>();
  for (const e of rows(entries)) {
    const y = e.summary!.year;
    groups.set(y, [...(groups.get(y) ?? []), e]);
  }
  return [...groups.entries()];
}

/** summary.md: the key figures of every township, with totals, as a Markdown table. */
export function rollupMarkdown(entries: readonly ManifestEntry[]): string {
  const list = rows(entries);
  const head = ['县（区）', '乡镇（街道）', ...ROLLUP_COLUMNS.map((c) => c.label)];
  const lines = [`# ${years(list)}法治政府建设年度报告汇总`, '', `共${list.length}份报告。合计中含约数（“余”“约”等）的，合计也是约数。`, ''];
  for (const [year, group] of byYear(entries)) {
    const t = totals(group);
    lines.push(
      `## ${year}年`,
      '',
      `| ${head.join(' | ')} |`,
      `| ${head.map(() => '---').join(' | ')} |`,
      ...group.map((e) => {
        const s = e.summary!;
        return `| ${[escMd(s.county), escMd(s.township), ...ROLLUP_COLUMNS.map((c) => escMd(cell(s.figures[c.key])))].join(' | ')} |`;
      }),
      `| 合计 | ${group.length}个 | ${ROLLUP_COLUMNS.map((c) => formatTotal(t[c.key]!, c.unit)).join(' | ')} |`,
      '',
    );
  }
  return lines.join('\n');
}

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_CSS = `body{font-family:"仿宋","FangSong","Noto Serif CJK SC",serif;margin:2em auto;max-width:72em;padding:0 1em;color:#000}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;text-align:center;font-size:22pt}
table{border-collapse:collapse;margin:1em auto}th,td{border:1px solid #000;padding:.3em .6em;text-align:center}
td.name{text-align:left}tfoot td{font-weight:bold}ul{line-height:2}p{text-align:center}h2{text-align:center;font-size:16pt}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escHtml(title)}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>\n`;
}

/** summary.html: the roll-up table as a standalone page. */
export function rollupHtml(entries: readonly ManifestEntry[]): string {
  const list = rows(entries);
  const title = `${years(list)}法治政府建设年度报告汇总`;
  const head = ['县（区）', '乡镇（街道）', ...ROLLUP_COLUMNS.map((c) => c.label)];
  const tables = byYear(entries)
    .map(([year, group]) => {
      const t = totals(group);
      const body = group
        .map((e) => {
          const s = e.summary!;
          const cells = [s.county, s.township, ...ROLLUP_COLUMNS.map((c) => cell(s.figures[c.key]))];
          return `<tr>${cells.map((c, i) => `<td${i < 2 ? ' class="name"' : ''}>${escHtml(c)}</td>`).join('')}</tr>`;
        })
        .join('');
      const foot = `<tr><td>合计</td><td>${group.length}个</td>${ROLLUP_COLUMNS.map((c) => `<td>${escHtml(formatTotal(t[c.key]!, c.unit))}</td>`).join('')}</tr>`;
      return `<h2>${year}年</h2><table><thead><tr>${head.map((h) => `<th>${escHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table>`;
    })
    .join('');
  return page(title, `<h1>${escHtml(title)}</h1><p>共${list.length}份报告。合计中含约数的，合计也是约数（写作“余”）。</p>${tables}`);
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
export function rollupCsv(entries: readonly ManifestEntry[]): string {
  const keyPaths = new Set(ROLLUP_COLUMNS.map((c) => c.path));
  // One column per figure and unit (one township's 反诈宣传视频 in 条, another's in 分钟), in the
  // order of the table's rows, whatever was rebuilt.
  const more = new Map<string, { path: string; head: string }>();
  for (const e of rows(entries)) {
    for (const [path, f] of Object.entries(e.summary?.recorded ?? {})) {
      if (typeof f?.value !== 'number' || (f.unit !== undefined && typeof f.unit !== 'string')) continue;
      const column = `${path}\u0000${f.unit ?? ''}`;
      const label = recordedLabel(path);
      if (!keyPaths.has(path) && !more.has(column)) more.set(column, { path, head: f.unit ? `${label}（${f.unit}）` : label });
    }
  }
  // The catalogue's figures before the townships' own.
  const extra = [...more.entries()].sort(([a], [b]) => Number(a.startsWith('figures.')) - Number(b.startsWith('figures.')));
  // Two fields may share a label (带头学法 of the Party secretary and of the head): each header says which.
  const count = new Map<string, number>();
  for (const [, c] of extra) count.set(c.head, (count.get(c.head) ?? 0) + 1);
  const heads = extra.map(([, c]) => ((count.get(c.head) ?? 0) > 1 ? `${c.head} ${c.path}` : c.head));
  const head = ['year', 'county', 'township', 'input', ...ROLLUP_COLUMNS.flatMap((c) => [`${c.key}`, `${c.key}_approx`]), ...heads.flatMap((h) => [h, `${h}_approx`])];
  const lines = [head.map(csvField).join(',')];
  for (const [year, group] of byYear(entries)) {
    for (const e of group) {
      const s = e.summary!;
      const figs = ROLLUP_COLUMNS.flatMap((c) => {
        const f = s.figures[c.key];
        return f ? [String(f.value), f.exact ? '' : 'approx'] : ['', ''];
      });
      const others = extra.flatMap(([column, c]) => {
        const f = s.recorded?.[c.path];
        return typeof f?.value === 'number' && `${c.path}\u0000${f.unit ?? ''}` === column ? [String(f.value), f.approx ? 'approx' : ''] : ['', ''];
      });
      lines.push([String(year), s.county, s.township, e.input, ...figs, ...others].map(csvField).join(','));
    }
    const t = totals(group);
    lines.push(
      [
        String(year),
        '合计',
        `${group.length}`,
        '',
        ...ROLLUP_COLUMNS.flatMap((c) => (t[c.key]!.count ? [String(t[c.key]!.value), t[c.key]!.exact ? '' : 'approx'] : ['', ''])),
        // The townships' figures beyond the key ones are not added up: a rate or an own name means something different in each.
        ...extra.flatMap(() => ['', '']),
      ]
        .map(csvField)
        .join(','),
    );
  }
  // A byte-order mark so Excel and WPS open the Chinese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** index.html: a link to each report of the build, by township. */
export function indexHtml(entries: readonly ManifestEntry[]): string {
  const list = rows(entries);
  const title = `${years(list)}法治政府建设年度报告`;
  const items = list
    .map((e) => {
      const s = e.summary!;
      const links = e.outputs
        .slice()
        .sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format))
        .map((o) => `<a href="${escHtml(encodeURI(o.path))}">${o.format === 'docx' ? 'Word' : o.format === 'html' ? '网页' : 'Markdown'}</a>`)
        .join(' · ');
      return `<li>${escHtml(s.title)}（${escHtml(s.county)}）：${links}</li>`;
    })
    .join('');
  return page(title, `<h1>${escHtml(title)}</h1><p><a href="summary.html">汇总表</a> · <a href="summary.csv">汇总表（CSV）</a></p><ul>${items}</ul>`);
}

/** The roll-up step: summary.md/.html/.csv and index.html in `outDir`, from manifest entries. */
export function writeRollup(outDir: string, entries: ManifestEntry[]): void {
  writeAtomic(join(outDir, 'summary.md'), rollupMarkdown(entries));
  writeAtomic(join(outDir, 'summary.html'), rollupHtml(entries));
  writeAtomic(join(outDir, 'summary.csv'), rollupCsv(entries));
  writeAtomic(join(outDir, 'index.html'), indexHtml(entries));
}
