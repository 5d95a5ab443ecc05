/**
 * index.html of a batch: the county office's dashboard. One row per township — its status (built,
 * with warnings, with errors, a part of Art. 25 missing, not yet submitted when a roster is given),
 * its first problems with the data file and line, its key figures beside last year's, and links to
 * its reports — sortable and filterable, with bar charts of the key figures across townships drawn
 * as inline SVG. One file, no script or font from elsewhere: it opens from a USB stick, offline,
 * and prints on A4.
 */
import { basename, relative, resolve } from 'node:path';
import { ROLLUP_COLUMNS, type SummaryFigure } from '../compile/summary.js';
import { FORMATS } from '../formats.js';
import type { ManifestEntry } from './manifest.js';
import type { RosterEntry } from './roster.js';
import { zhCompare } from './rollup-rows.js';

export interface DashboardOptions {
  /** Townships on the roster that have not submitted. */
  missing?: readonly RosterEntry[] | undefined;
  /** The output folder (where index.html is) and the working folder (what inputs are relative to): links to data files. */
  outDir: string;
  cwd: string;
}

type Status = 'ok' | 'warnings' | 'missing-part' | 'errors' | 'not-submitted';
const STATUS: Record<Status, string> = { ok: '已生成', warnings: '有警告', 'missing-part': '缺部分', errors: '有错误', 'not-submitted': '未提交' };
/** The key figures the dashboard shows and charts: the commonest in the townships' reports. */
const SHOWN = ROLLUP_COLUMNS.slice(0, 4);
const CHARTED = ROLLUP_COLUMNS.filter((c) => ['disputes', 'campaigns', 'materials'].includes(c.key));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface Row {
  county: string;
  name: string;
  status: Status;
  entry: ManifestEntry | null;
  roster: RosterEntry | null;
}

function statusOf(e: ManifestEntry): Status {
  if (e.status === 'failed') return 'errors';
  if (e.problems.some((p) => p.ruleId === 'regulation/missing-part')) return 'missing-part';
  return e.warnings > 0 ? 'warnings' : 'ok';
}

/** The township a failed report is of, by its data file's name (金坪乡-2025.yaml → 金坪乡-2025). */
const nameOfInput = (input: string) => basename(input).replace(/\.ya?ml$/i, '');

function rowsOf(entries: readonly ManifestEntry[], missing: readonly RosterEntry[]): Row[] {
  const rows: Row[] = entries.map((e) => ({ county: e.summary?.county ?? '', name: e.summary?.township ?? nameOfInput(e.input), status: statusOf(e), entry: e, roster: null }));
  for (const m of missing) rows.push({ county: m.county ?? '', name: m.name, status: 'not-submitted', entry: null, roster: m });
  const order: Status[] = ['errors', 'not-submitted', 'missing-part', 'warnings', 'ok'];
  return rows.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || zhCompare(a.county, b.county) || zhCompare(a.name, b.name));
}

/** A key figure beside last year's: the change as an arrow and a percentage. */
function figureCell(now: SummaryFigure | undefined, before: SummaryFigure | undefined): string {
  if (!now) return `<td class="num" data-value="">—</td>`;
  let change = '';
  if (before && before.value > 0) {
    const pct = Math.round(((now.value - before.value) / before.value) * 100);
    const arrow = pct > 0 ? '↑' : pct < 0 ? '↓' : '→';
    change = `<span class="change ${pct > 0 ? 'up' : pct < 0 ? 'down' : 'same'}" title="去年 ${esc(before.text)}">${arrow}${Math.abs(pct)}%</span><span class="last">去年 ${esc(before.text)}</span>`;
  } else if (before) change = `<span class="last">去年 ${esc(before.text)}</span>`;
  return `<td class="num" data-value="${now.value}">${esc(now.text)}${change}</td>`;
}

function problemsCell(row: Row, options: DashboardOptions): string {
  if (row.roster) {
    const who = [row.roster.contact, row.roster.phone].filter(Boolean).join(' ');
    return `<td class="problems">${who ? `联系：${esc(who)}` : '请催交数据文件'}</td>`;
  }
  const e = row.entry!;
  const list = e.problems;
  if (list.length === 0) return '<td class="problems"></td>';
  const href = esc(encodeURI(relative(options.outDir, resolve(options.cwd, e.input)).split('\\').join('/')));
  const items = list
    .map((p) => {
      const at = p.line !== undefined ? `${e.input}:${p.line}:${p.column ?? 1}` : e.input;
      return `<li class="${p.severity}"><a href="${href}" title="${esc(p.ruleId)}">${esc(at)}</a> ${p.severity === 'error' ? '错误' : '警告'}：${esc(p.reason)}</li>`;
    })
    .join('');
  const more = e.errors + e.warnings - list.length;
  return `<td class="problems"><ul>${items}</ul>${more > 0 ? `<p class="more">另有 ${more} 个问题：运行 report check ${esc(e.input)} 查看</p>` : ''}</td>`;
}

function linksCell(e: ManifestEntry | null): string {
  if (!e) return '<td class="links"></td>';
  const links = e.outputs
    .slice()
    .sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format))
    .map((o) => `<a href="${esc(encodeURI(o.path))}">${o.format === 'docx' ? 'Word' : o.format === 'html' ? '网页' : 'Markdown'}</a>`)
    .join(' ');
  return `<td class="links">${links}</td>`;
}

/** A horizontal bar chart of one key figure across the townships that report it, a bar at a time; nothing when none does. */
function* chart(column: (typeof ROLLUP_COLUMNS)[number], entries: readonly ManifestEntry[]): Generator<string> {
  const bars = entries
    .filter((e) => e.summary?.figures[column.key])
    .map((e) => ({ name: e.summary!.township, figure: e.summary!.figures[column.key]! }))
    .sort((a, b) => b.figure.value - a.figure.value || zhCompare(a.name, b.name));
  if (bars.length === 0) return;
  const max = Math.max(...bars.map((b) => b.figure.value), 1);
  const [label, bar, gap, width] = [120, 26, 8, 560];
  const height = bars.length * (bar + gap) + gap;
  yield `<figure class="chart"><figcaption>${esc(column.label)}（${esc(column.unit)}）</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(column.label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`;
  for (const [i, b] of bars.entries()) {
    const y = gap + i * (bar + gap);
    const w = Math.max(1, Math.round((b.figure.value / max) * (width - label - 90)));
    yield `<text x="${label - 8}" y="${y + bar * 0.7}" text-anchor="end">${esc(b.name)}</text>` +
      `<rect x="${label}" y="${y}" width="${w}" height="${bar}" rx="3"><title>${esc(b.name)}：${esc(b.figure.text)}</title></rect>` +
      `<text x="${label + w + 6}" y="${y + bar * 0.7}">${esc(b.figure.text)}</text>`;
  }
  yield '</svg></figure>';
}

const CSS = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:1.5em auto;max-width:84em;padding:0 1em;color:#1a1a1a;font-size:14px}
h1{font-size:22px;text-align:center;margin:.2em 0 .6em}
.counts{text-align:center;margin:.4em 0 1em}.counts span{display:inline-block;margin:0 .6em;padding:.15em .6em;border-radius:1em;background:#eef1f5}
.controls{display:flex;gap:.8em;justify-content:center;margin:0 0 1em}.controls input,.controls select{font:inherit;padding:.3em .5em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #c8ccd2;padding:.35em .5em;vertical-align:top}
th{background:#f1f3f6;cursor:pointer;white-space:nowrap;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;white-space:nowrap}.change{display:block;font-size:12px}.up,.down,.same{color:#444}.last{display:block;font-size:12px;color:#666}
.status{white-space:nowrap;font-weight:bold}.s-ok{color:#1d6b35}.s-warnings{color:#8a5a00}.s-missing-part{color:#8a5a00}.s-errors{color:#b3261e}.s-not-submitted{color:#6b3fa0}
tr.errors{background:#fdf0ef}tr.not-submitted{background:#f5f0fb}
.problems{min-width:20em}.problems ul{margin:0;padding-left:1.1em}.problems li.error{color:#b3261e}.problems a{color:inherit}.more{margin:.2em 0 0;color:#666;font-size:12px}
.links a{display:block;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:1.5em;justify-content:center;margin:2em 0}.chart{margin:0}.chart figcaption{font-weight:bold;text-align:center;margin-bottom:.3em}
.chart svg{max-width:100%;height:auto;font-size:13px}.chart rect{fill:#3b6ea8}
.more-links{text-align:center}
@media print{.controls,.links{display:none}body{max-width:none;margin:0;font-size:10.5pt}tr{break-inside:avoid}.chart{break-inside:avoid}@page{size:A4 landscape;margin:12mm}}`;

/** Sorting by a column's header and filtering by name and status: a few lines, inline. */
const SCRIPT = `(()=>{const t=document.getElementById('townships');if(!t)return;const b=t.tBodies[0];
const q=document.getElementById('filter'),s=document.getElementById('status');
const apply=()=>{const w=(q.value||'').trim();for(const r of b.rows){const ok=(!w||r.dataset.name.includes(w)||r.dataset.county.includes(w))&&(!s.value||r.dataset.status===s.value);r.hidden=!ok}};
q.addEventListener('input',apply);s.addEventListener('change',apply);
t.tHead.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{const asc=th.getAttribute('aria-sort')!=='ascending';
t.tHead.querySelectorAll('th').forEach(h=>h.removeAttribute('aria-sort'));th.setAttribute('aria-sort',asc?'ascending':'descending');
const num=th.dataset.type==='num';const key=r=>{const c=r.cells[i];return num?(c.dataset.value===''?-Infinity:Number(c.dataset.value)):(c.dataset.value??c.textContent)};
[...b.rows].sort((x,y)=>{const a=key(x),c=key(y);const d=num?a-c:String(a).localeCompare(String(c),'zh-CN');return asc?d:-d}).forEach(r=>b.appendChild(r))}))})();`;

/**
 * The dashboard's page in pieces, a township's row at a time: a county's runs to megabytes (13 MB
 * at 10,000 townships), and made whole, it and the rows it was joined from stayed in memory at once.
 */
export function* dashboardPieces(entries: readonly ManifestEntry[], title: string, options: DashboardOptions): Generator<string> {
  const rows = rowsOf(entries, options.missing ?? []);
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const counts = (Object.keys(STATUS) as Status[])
    .filter((s) => count(s) > 0)
    .map((s) => `<span class="s-${s}">${STATUS[s]} ${count(s)}</span>`)
    .join('');
  const order: Record<Status, number> = { errors: 0, 'not-submitted': 1, 'missing-part': 2, warnings: 3, ok: 4 };
  const head = `<tr><th>县（区）</th><th>乡镇（街道）</th><th>状态</th><th>问题</th>${SHOWN.map((c) => `<th data-type="num">${esc(c.label)}（${esc(c.unit)}）</th>`).join('')}<th>报告</th></tr>`;
  const options_ = (Object.keys(STATUS) as Status[]).map((s) => `<option value="${s}">${STATUS[s]}</option>`).join('');
  yield `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">` +
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>` +
    `<h1>${esc(title)}</h1><p class="counts">共 ${rows.length} 个乡镇（街道）${counts}</p>` +
    `<p class="more-links"><a href="summary.html">汇总表</a> · <a href="summary.csv">汇总表（CSV）</a></p>` +
    `<div class="controls"><input id="filter" type="search" placeholder="按乡镇或县（区）筛选" aria-label="筛选"><select id="status" aria-label="状态"><option value="">全部状态</option>${options_}</select></div>` +
    `<table id="townships"><thead>${head}</thead><tbody>`;
  for (const r of rows) {
    const s = r.entry?.summary;
    yield `<tr class="${r.status}" data-status="${r.status}" data-name="${esc(r.name)}" data-county="${esc(r.county)}">` +
      `<td>${esc(r.county)}</td><td>${esc(r.name)}</td>` +
      `<td class="status s-${r.status}" data-value="${order[r.status]}">${STATUS[r.status]}</td>` +
      problemsCell(r, options) +
      SHOWN.map((c) => figureCell(s?.figures[c.key], s?.previous?.[c.key] ?? undefined)).join('') +
      linksCell(r.entry) +
      '</tr>';
  }
  yield '</tbody></table>';
  const built = entries.filter((e) => e.status === 'built');
  let charted = false;
  for (const c of CHARTED) {
    for (const piece of chart(c, built)) {
      if (!charted) yield '<div class="charts">';
      charted = true;
      yield piece;
    }
  }
  yield `${charted ? '</div>' : ''}<script>${SCRIPT}</script></body></html>\n`;
}
