/**
 * The page `report preview` serves: the report's HTML as `report build` writes it, with a panel of
 * the compile's diagnostics, a marker beside each paragraph a diagnostic concerns, and a small
 * script that brings the page up to date after each rebuild. Everything taken from the data file
 * or the diagnostics is escaped; nothing is fetched from elsewhere, so the page works offline.
 */
import { visit } from 'yaml';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { readDocument } from '../yaml/depth.js';

/** One build as the page shows it. */
export interface PreviewView {
  /** Names this build; the page compares it with the server's to know it is out of date. */
  build: string;
  /** The data file as messages name it. */
  display: string;
  /** This build's report, when it built. */
  html: string | undefined;
  /** The last report that built, shown greyed while this build has errors. */
  lastGood: string | undefined;
  diagnostics: readonly Diagnostic[];
  /** The data file's text this build read, to find the paragraph each diagnostic concerns. */
  source: string | undefined;
}

/** Text put between tags or in an attribute value, with every character that could end either escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Letters and digits only: the report's text and the data file's are compared on these, as punctuation, spaces and marks differ between them. */
export function comparable(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** [figure|name] or 【figure｜name】, as src/load/marks.ts reads it: the report prints the figure alone. */
const MARK = /[[【]([^[\]【】|｜\n]{1,40})[|｜]([^[\]【】|｜\n]{1,60})[\]】]/gu;

/** Fewer letters than this match too many paragraphs (a township's name is in the title and the signature). */
const MIN_CLUE = 6;

/** What the page looks for in the report's paragraphs to put a diagnostic's marker beside one. */
export interface Clue {
  /** The letters just before and after the place the diagnostic points at. */
  around: string;
  /** The letters of the whole line of text the place is on. */
  line: string;
}

/**
 * For each diagnostic that points into a text value of the data file (a paragraph a clerk wrote),
 * the letters around its place, by which the page finds the paragraph of the report it became;
 * undefined for the rest (a number, a key, the file as a whole, another file).
 */
export function cluesFor(source: string, display: string, diagnostics: readonly Diagnostic[]): (Clue | undefined)[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const texts: [number, number][] = [];
  // Nesting the YAML library cannot read within its stack (src/yaml/depth.ts) was reported already.
  const { doc } = readDocument(source);
  if (!doc) return diagnostics.map(() => undefined);
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && node.range) texts.push([node.range[0], node.range[1]]);
    },
  });
  return diagnostics.map((d) => {
    if (d.file !== display || d.line === undefined) return undefined;
    const lineStart = starts[d.line - 1];
    if (lineStart === undefined) return undefined;
    const offset = lineStart + (d.column ?? 1) - 1;
    const range = texts.find(([from, to]) => from <= offset && offset < to);
    if (!range) return undefined;
    const lineEnd = source.indexOf('\n', lineStart);
    const from = Math.max(lineStart, range[0]);
    const text = source.slice(from, Math.min(lineEnd < 0 ? source.length : lineEnd, range[1]));
    let at = offset - from;
    // A place inside a marked figure counts as the figure's start, which the report prints.
    for (const m of text.matchAll(MARK)) if (m.index < at && at < m.index + m[0].length) at = m.index;
    const shown = (s: string) => comparable(s.replace(MARK, '$1'));
    const before = shown(text.slice(0, at));
    const after = shown(text.slice(at));
    const clue = { around: before.slice(-8) + after.slice(0, 8), line: shown(text) };
    return clue.line.length >= MIN_CLUE ? clue : undefined;
  });
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

const severity = (d: Diagnostic): string => (d.severity === 'error' ? t('severity.error') : d.severity === 'warning' ? t('severity.warning') : t('severity.info'));

/** Errors first, then warnings, each in the order of the file. */
function ordered(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || compareDiagnostics(a, b));
}

/** Where a diagnostic is: line:column in the data file; file:line:column in another file. */
function where(d: Diagnostic, display: string): string {
  const at = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '';
  return d.file === display ? at : at ? `${d.file}:${at}` : d.file;
}

/** Each build's panel, made once however often the page is asked for (finding the paragraphs reads the data file's YAML again). */
const panels = new WeakMap<PreviewView, string>();

/** The panel of diagnostics, as HTML. */
function panel(view: PreviewView, shown: 'this' | 'last' | 'none'): string {
  const made = panels.get(view);
  // Stryker disable next-line ConditionalExpression,BlockStatement: made again, the panel is the same, only slower
  if (made !== undefined) return made;
  const ds = ordered(view.diagnostics);
  const clues = view.source === undefined ? [] : cluesFor(view.source, view.display, ds);
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  const status =
    shown === 'this'
      ? ds.length === 0
        ? t('preview.page.clean')
        : t('preview.page.counts', { errors, warnings })
      : t(shown === 'last' ? 'preview.page.failed-last' : 'preview.page.failed', { errors, warnings });
  const items = ds.map((d, i) => {
    const clue = clues[i];
    const attrs = clue ? ` data-around="${escapeHtml(clue.around)}" data-line="${escapeHtml(clue.line)}"` : '';
    const at = where(d, view.display);
    const note = d.note ? `<div class="preview-note">→ ${escapeHtml(d.note)}</div>` : '';
    const related = (d.related ?? [])
      .map((r) => `<div class="preview-note">↳ ${escapeHtml(r.line !== undefined ? `${r.file}:${r.line}:${r.column ?? 1}` : r.file)}：${escapeHtml(r.message)}</div>`)
      .join('');
    return (
      `<li class="preview-diagnostic preview-${d.severity}" id="preview-d${i + 1}" data-n="${i + 1}"${attrs}>` +
      `<span class="preview-n">${i + 1}</span>` +
      (at ? `<span class="preview-at">${escapeHtml(at)}</span> ` : '') +
      `<span class="preview-severity">${escapeHtml(severity(d))}</span> ` +
      `<span class="preview-reason">${escapeHtml(d.reason)}</span> ` +
      `<code class="preview-rule">${escapeHtml(d.ruleId)}</code>${note}${related}</li>`
    );
  });
  const html =
    `<aside id="report-preview" data-build="${escapeHtml(view.build)}" data-offline="${escapeHtml(t('preview.page.offline'))}"${shown === 'this' ? '' : ' data-failed=""'}>` +
    `<h2 class="preview-file">${escapeHtml(t('preview.page.title', { file: view.display }))}</h2>` +
    `<p class="preview-status">${escapeHtml(status)}</p>` +
    (items.length > 0 ? `<ol class="preview-diagnostics">${items.join('')}</ol>` : '') +
    '</aside>';
  panels.set(view, html);
  return html;
}

/** The page for a build: its report (or the last that built, greyed, or none) with the panel, the preview's style and script. */
export function previewPage(view: PreviewView, nonce: string): string {
  const shown = view.html !== undefined ? 'this' : view.lastGood !== undefined ? 'last' : 'none';
  const report =
    view.html ??
    view.lastGood ??
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
      t('preview.page.title', { file: view.display }),
    )}</title></head><body></body></html>\n`;
  // The report's own markup holds no literal tag in its text (emitHtml escapes every value), so
  // the first </head> and <body> and the last </body> are the document's own.
  const head = report.indexOf('</head>');
  const bodyOpen = report.indexOf('<body>');
  const bodyClose = report.lastIndexOf('</body>');
  if (head < 0 || bodyOpen < head || bodyClose < bodyOpen) return report;
  const bodyStart = bodyOpen + '<body>'.length;
  return (
    report.slice(0, head) +
    `<style id="report-preview-style">${STYLE}</style>` +
    report.slice(head, bodyStart) +
    panel(view, shown) +
    report.slice(bodyStart, bodyClose) +
    `<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>` +
    report.slice(bodyClose)
  );
}

/** The preview's own look: the panel beside the page on a wide screen, above it on a narrow one; neither printed. */
const STYLE = `
#report-preview { box-sizing: border-box; font: 14px/1.55 system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #222; background: #fbfbf8; padding: 12px 16px; }
#report-preview .preview-file { font-size: 15px; margin: 0 0 4px; font-weight: bold; }
#report-preview .preview-status { margin: 0 0 8px; color: #555; }
#report-preview[data-failed] .preview-status { color: #a40000; font-weight: bold; }
#report-preview[data-disconnected] .preview-status::before { content: attr(data-offline); display: block; color: #7a5200; }
#report-preview .preview-diagnostics { list-style: none; margin: 0; padding: 0; }
#report-preview .preview-diagnostic { border-left: 4px solid #999; background: #fff; margin: 0 0 8px; padding: 6px 8px; cursor: pointer; overflow-wrap: anywhere; }
#report-preview .preview-error { border-color: #c00; }
#report-preview .preview-warning { border-color: #d98c00; }
#report-preview .preview-info { border-color: #2a6fb0; }
#report-preview .preview-n { display: inline-block; min-width: 1.6em; margin-right: 4px; border-radius: 3px; background: #666; color: #fff; text-align: center; font-size: 12px; }
#report-preview .preview-error .preview-n, .preview-mark.preview-error { background: #c00; }
#report-preview .preview-warning .preview-n, .preview-mark.preview-warning { background: #d98c00; }
#report-preview .preview-info .preview-n, .preview-mark.preview-info { background: #2a6fb0; }
#report-preview .preview-at { font-family: ui-monospace, Consolas, monospace; color: #444; }
#report-preview .preview-severity { font-weight: bold; }
#report-preview .preview-rule { color: #666; font-size: 12px; }
#report-preview .preview-note { color: #555; margin-top: 2px; }
#report-preview .preview-flash, .document .preview-flash { outline: 3px solid #f0b400; }
#report-preview[data-failed] ~ .document { opacity: .45; filter: grayscale(1); }
.document .preview-flagged { position: relative; background: #fff4d6; }
.document .preview-marks { position: absolute; left: -4.2em; top: 0; width: 3.6em; text-align: right; text-indent: 0; line-height: 1.4; }
.preview-mark { display: inline-block; min-width: 1.4em; margin: 0 0 2px 2px; border: 0; border-radius: 3px; padding: 0 3px; background: #666; color: #fff; font: bold 12px/1.5 system-ui, sans-serif; cursor: pointer; }
@media (min-width: 1240px) {
  body { padding-right: 380px; }
  #report-preview { position: fixed; top: 0; right: 0; bottom: 0; width: 380px; overflow: auto; border-left: 1px solid #ccc; z-index: 10; }
}
@media (max-width: 1239.98px) {
  #report-preview { margin: -24px 0 24px; border-bottom: 1px solid #ccc; }
}
@media print {
  #report-preview, .preview-marks { display: none !important; }
  .document .preview-flagged { background: none; }
}
`
  .replace(/\n+/g, '\n')
  .trim();

/**
 * The page's script: puts a marker beside each paragraph a diagnostic concerns, and listens on
 * /events; when the server has a newer build than the page shows (after a save, or when the
 * server was started again) it fetches the page and puts the new one in place, keeping the
 * place the reader scrolled to. It takes nothing from the data file but through the DOM's text.
 */
const SCRIPT = `(() => {
  const letters = (s) => s.replace(/[^\\p{L}\\p{N}]/gu, '');
  const panel = () => document.getElementById('report-preview');
  const flash = (el) => { el.classList.add('preview-flash'); setTimeout(() => el.classList.remove('preview-flash'), 1200); };
  function mark() {
    const blocks = [...document.querySelectorAll('.document p, .document h1, .document h2, .document h3, .document h4, .document h5, .document h6, .document th, .document td, .document li')]
      .filter((el) => !el.querySelector('p'));
    const texts = blocks.map((el) => letters(el.textContent || ''));
    for (const item of document.querySelectorAll('#report-preview [data-line]')) {
      const line = item.dataset.line || '';
      const wants = [item.dataset.around || '', line.slice(0, 16), line.slice(-16)].filter((w) => w.length >= 6);
      let i = -1;
      for (const w of wants) { i = texts.findIndex((t) => t.includes(w)); if (i >= 0) break; }
      if (i < 0) continue;
      const block = blocks[i];
      block.classList.add('preview-flagged');
      let marks = block.querySelector(':scope > .preview-marks');
      if (!marks) { marks = document.createElement('span'); marks.className = 'preview-marks'; block.prepend(marks); }
      const badge = document.createElement('button');
      badge.type = 'button';
      badge.className = 'preview-mark ' + ([...item.classList].find((c) => /^preview-(error|warning|info)$/.test(c)) || '');
      badge.textContent = item.dataset.n || '';
      badge.title = item.querySelector('.preview-reason')?.textContent || '';
      badge.addEventListener('click', () => { item.scrollIntoView({ block: 'nearest' }); flash(item); });
      item.addEventListener('click', () => { block.scrollIntoView({ block: 'center' }); flash(block); });
      marks.append(badge);
    }
  }
  let shown = panel()?.dataset.build;
  let latest = shown;
  let busy = false;
  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      while (latest !== shown) {
        const wanted = latest;
        let text;
        try {
          const res = await fetch('/', { cache: 'no-store' });
          if (!res.ok) break;
          text = await res.text();
        } catch {
          // The server went away meanwhile; the stream's next hello tries again.
          break;
        }
        const next = new DOMParser().parseFromString(text, 'text/html');
        const x = scrollX, y = scrollY;
        document.title = next.title;
        for (const s of document.head.querySelectorAll('style')) s.remove();
        for (const s of next.head.querySelectorAll('style')) document.head.append(document.importNode(s, true));
        document.body.replaceWith(document.importNode(next.body, true));
        scrollTo(x, y);
        shown = panel()?.dataset.build ?? wanted;
        if (latest === wanted) latest = shown;
        mark();
      }
    } catch {
      // A page that cannot be put in place is loaded whole instead.
      location.reload();
    } finally {
      busy = false;
    }
  }
  function listen() {
    const events = new EventSource('/events');
    const onBuild = (e) => { latest = e.data; panel()?.removeAttribute('data-disconnected'); if (latest !== shown) refresh(); };
    events.addEventListener('hello', onBuild);
    events.addEventListener('reload', onBuild);
    events.addEventListener('error', () => {
      panel()?.setAttribute('data-disconnected', '');
      // A browser gives up on a stream the server refused; the preview may yet be started again.
      if (events.readyState === EventSource.CLOSED) setTimeout(listen, 1000);
    });
  }
  mark();
  listen();
})();`;
