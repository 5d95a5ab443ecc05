/**
 * report preview: the report served on this computer as `report build` writes it, rebuilt on
 * each save with the page told over Server-Sent Events, the check results beside it, and data
 * values escaped. Each preview runs in this process (as bin/report.js runs main()) on a free port;
 * Ctrl+C is the SIGINT event the command listens for.
 */
import { request } from 'node:http';
import { cpSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { previewIgnores } from '../src/cli/preview-command.js';
import { cluesFor, comparable, escapeHtml } from '../src/cli/preview-page.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { lang, setLang } from '../src/i18n/index.js';
import { launchChromium } from './browser.js';
import { MINIMAL, runCli, tempDir } from './helpers.js';

const FIRST = `${MINIMAL}other: 第一版的其他情况说明。\n`;
const SECOND = `${MINIMAL}other: 第二版的其他情况说明。\n`;
/** `kind: 村` is no kind of township: an error, so no report. */
const BROKEN = MINIMAL.replace('kind: 乡', 'kind: 村');

let stopPreview: (() => Promise<void>) | undefined;
const before = lang();

afterEach(async () => {
  const stop = stopPreview;
  stopPreview = undefined;
  await stop?.();
  setLang(before);
});

/** Starts `report preview` on the file in dir, in Chinese, and resolves with its address once it prints it. */
async function previewing(dir: string, args: string[]) {
  let out = '';
  let err = '';
  let exitCode: number | undefined;
  const done = main(['preview', ...args], {
    out: (s) => {
      out += `${s}\n`;
    },
    err: (s) => {
      err += `${s}\n`;
    },
    isTTY: false,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'zh' },
    cwd: dir,
  }).then((code) => {
    exitCode = code;
    return code;
  });
  const stop = async () => {
    process.emit('SIGINT');
    expect(await done).toBe(0);
  };
  stopPreview = stop;
  const start = Date.now();
  for (;;) {
    const m = /^预览：(http:\/\/127\.0\.0\.1:(\d+)\/) （按 Ctrl\+C 结束）$/m.exec(out);
    if (m) return { url: m[1]!, port: Number(m[2]), stop, log: () => err };
    if (exitCode !== undefined) throw new Error(`report preview exited (${exitCode}):\n${err}`);
    if (Date.now() - start > 30_000) throw new Error(`no address printed:\n${out}${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The events of a page's stream, as they come. */
async function events(url: string) {
  const abort = new AbortController();
  const res = await fetch(`${url}events`, { signal: abort.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const received: { event: string; data: string }[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) received.push({ event, data });
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    received,
    /** The next event of this name after the first `skip` of them. */
    async next(event: string, skip: number, ms = 5000) {
      const start = Date.now();
      for (;;) {
        const found = received.filter((e) => e.event === event)[skip];
        if (found) return found;
        if (Date.now() - start > ms) throw new Error(`no ${event} event; got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      abort.abort();
      await pump;
    },
  };
}

/** A preview of FIRST with a copy of the standard pack, its stream open; the pack's section 50-other.md and its text. */
async function previewingWithPack() {
  const dir = tempDir('preview-');
  writeFileSync(join(dir, 'a.yaml'), FIRST);
  cpSync(join(import.meta.dirname, '..', 'templates', 'standard'), join(dir, 'pack'), { recursive: true });
  const p = await previewing(dir, ['a.yaml', '--template', 'pack', '--port', '0']);
  const stream = await events(p.url);
  const section = join(dir, 'pack', 'sections', '50-other.md');
  return { p, stream, section, text: readFileSync(section, 'utf8') };
}

/** The page without what the preview adds to it: the report's own HTML. */
const withoutPreview = (page: string) =>
  page
    .replace(/<style id="report-preview-style">[\s\S]*?<\/style>/, '')
    .replace(/<aside id="report-preview"[\s\S]*?<\/aside>/, '')
    .replace(/<script nonce="[^"]*">[\s\S]*?<\/script>/, '');

/** A GET with the Host header as given: what a page on another site reaching this port through its own name sends. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('report preview', () => {
  it('serves the report exactly as report build writes it, with the preview’s panel and script, and nothing else', async () => {
    const dir = tempDir('preview-');
    writeFileSync(join(dir, 'a.yaml'), FIRST);
    const built = await runCli(['build', 'a.yaml', '--out', 'out', '--format', 'html'], dir, { REPORT_LANG: 'zh' });
    expect(built.code).toBe(0);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const res = await fetch(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    const page = await res.text();
    expect(page).toContain('第一版的其他情况说明。');
    expect(page).toContain('<aside id="report-preview"');
    expect(page).toContain("new EventSource('/events')");
    // No script, style sheet or font from anywhere else: the page works without a network.
    expect(page).not.toMatch(/<script[^>]+src=|<link|@import|url\(/);
    const file = readFileSync(join(dir, 'out', 'a.html'), 'utf8');
    expect(withoutPreview(page)).toBe(file);
    expect(await (await fetch(`${p.url}report.html`)).text()).toBe(file);

    for (const path of ['favicon.ico', 'a.yaml', '../a.yaml', 'events/x', 'report.html/']) expect((await fetch(`${p.url}${path}`)).status, path).toBe(404);
    expect((await fetch(p.url, { method: 'POST', body: 'x' })).status).toBe(404);
    expect(await getWithHost(p.url, `localhost:${p.port}`)).toBe(200);
    expect(await getWithHost(p.url, 'attacker.example')).toBe(421);
    expect(await getWithHost(p.url, `attacker.example:${p.port}`)).toBe(421);
  });

  it('answers each address with the headers it needs: never cached, never sniffed, no referrer, and the page and report under a policy of their own', async () => {
    const dir = tempDir('preview-');
    writeFileSync(join(dir, 'a.yaml'), FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const headers = async (path: string, method = 'GET') => {
      const abort = new AbortController();
      const res = await fetch(`${p.url}${path}`, { method, signal: abort.signal });
      const h = Object.fromEntries(['cache-control', 'x-content-type-options', 'referrer-policy', 'content-type'].map((k) => [k, res.headers.get(k)]));
      const first = path === 'events' ? await res.body!.getReader().read() : undefined;
      abort.abort();
      return { status: res.status, ...h, csp: res.headers.get('content-security-policy'), first: first && new TextDecoder().decode(first.value) };
    };
    const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    const page = await headers('');
    expect(page).toMatchObject({ status: 200, ...common, 'content-type': 'text/html; charset=utf-8' });
    expect(page.csp).toMatch(
      /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    expect(await headers('report.html')).toMatchObject({
      status: 200,
      ...common,
      'content-type': 'text/html; charset=utf-8',
      csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    const stream = await headers('events');
    expect(stream).toMatchObject({ status: 200, ...common, 'content-type': 'text/event-stream; charset=utf-8' });
    expect(stream.first).toMatch(/^retry: 1000\n\n/);
    for (const [path, method] of [
      ['report.html', 'POST'],
      ['events', 'POST'],
      ['nothing', 'GET'],
    ] as const) {
      expect(await headers(path, method)).toMatchObject({ status: 404, ...common, 'content-type': 'text/plain; charset=utf-8' });
    }
    expect(await (await fetch(`${p.url}nothing`)).text()).toBe('没有这个页面');
  });

  it('sends a reload on the event stream when the data file is saved, and serves the new text, within a second', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const stream = await events(p.url);
    try {
      const hello = await stream.next('hello', 0);
      const saved = Date.now();
      writeFileSync(file, SECOND);
      const reload = await stream.next('reload', 0, 1000);
      expect(reload.data).not.toBe(hello.data);
      const page = await (await fetch(p.url)).text();
      expect(Date.now() - saved).toBeLessThan(1000);
      expect(page).toContain('第二版的其他情况说明。');
      expect(page).not.toContain('第一版');
      expect(page).toContain(`data-build="${reload.data}"`);
      expect(p.log()).toMatch(/^已更新 a\.yaml 的预览：错误 0 个，警告 \d+ 个$/m);
    } finally {
      await stream.close();
    }
  });

  it('shows the errors of a data file that cannot be built, in Chinese with line:column and rule, over the last report greyed', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const stream = await events(p.url);
    try {
      writeFileSync(file, BROKEN.replace('kind: 村', 'kind: <b>村</b>'));
      await stream.next('reload', 0);
      const page = await (await fetch(p.url)).text();
      expect(page).toMatch(/<aside id="report-preview"[^>]* data-failed=""/);
      expect(page).toContain('有 1 个错误，报告没有生成；下面灰色的是上次生成的报告。');
      const item = /<li class="preview-diagnostic preview-error"[^>]*>([\s\S]*?)<\/li>/.exec(page)?.[1] ?? '';
      expect(item).toContain('<span class="preview-at">3:9</span>');
      expect(item).toContain('<span class="preview-severity">错误</span>');
      expect(item).toContain('<span class="preview-reason">“类别”（township.kind）写的是“&lt;b&gt;村&lt;/b&gt;”：只能写 “乡”、“镇”、“街道” 之一</span>');
      expect(item).toContain('<code class="preview-rule">data/invalid-value</code>');
      // The value is text on the page, never markup.
      expect(page).not.toContain('<b>村');
      // The last report that built stays below, and /report.html has none to give.
      expect(page).toContain('第一版的其他情况说明。');
      expect((await fetch(`${p.url}report.html`)).status).toBe(404);

      writeFileSync(file, SECOND);
      await stream.next('reload', 1);
      const fixed = await (await fetch(p.url)).text();
      expect(fixed).not.toMatch(/<aside id="report-preview"[^>]* data-failed/);
      expect(fixed).toContain('第二版的其他情况说明。');
    } finally {
      await stream.close();
    }
  });

  it('shows the errors of a first build, with no report to show yet', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, BROKEN);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const page = await (await fetch(p.url)).text();
    expect(page).toContain('<title>预览：a.yaml</title>');
    expect(page).toContain('有 1 个错误，报告没有生成。');
    expect(page).toContain('data/invalid-value');
    expect(page).not.toContain('<article');
    // No report alone either.
    expect((await fetch(`${p.url}report.html`)).status).toBe(404);
  });

  it('follows a data file deleted and written anew, as some editors save, and nothing else in its folder', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const stream = await events(p.url);
    try {
      unlinkSync(file);
      await stream.next('reload', 0);
      const gone = await (await fetch(p.url)).text();
      expect(gone).toContain('input/read');
      expect(gone).toContain('第一版的其他情况说明。');
      writeFileSync(file, SECOND);
      await stream.next('reload', 1);
      expect(await (await fetch(p.url)).text()).toContain('第二版的其他情况说明。');
      writeFileSync(join(dir, 'b.yaml'), FIRST);
      writeFileSync(join(dir, 'notes.md'), '笔记\n');
      await new Promise((r) => setTimeout(r, 500));
      expect(stream.received.filter((e) => e.event === 'reload')).toHaveLength(2);
    } finally {
      await stream.close();
    }
  });

  it('rebuilds when a file the report depends on (its own section template) is saved', async () => {
    const dir = tempDir('preview-');
    mkdirSync(join(dir, 'own'));
    const own = join(dir, 'own', 'other.md');
    writeFileSync(own, '## 其他需要报告的情况\n\n本乡自己的第一版。\n');
    writeFileSync(join(dir, 'a.yaml'), `${FIRST}overrides:\n  other: own/other.md\n`);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    expect(await (await fetch(p.url)).text()).toContain('本乡自己的第一版。');
    const stream = await events(p.url);
    try {
      writeFileSync(own, '## 其他需要报告的情况\n\n本乡自己的第二版。\n');
      await stream.next('reload', 0);
      expect(await (await fetch(p.url)).text()).toContain('本乡自己的第二版。');
    } finally {
      await stream.close();
    }
  });

  it('says after each rebuild how many errors and warnings it found', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    const check = async (text: string) => {
      writeFileSync(join(dir, 'check.yaml'), text);
      const r = await runCli(['check', 'check.yaml', '--reporter', 'json'], dir);
      const { errors, warnings } = (JSON.parse(r.stdout) as { summary: { errors: number; warnings: number } }).summary;
      return { errors, warnings };
    };
    // As `report check` counts them: one error and no warning; no error and some warnings (no date yet, the year written 二〇二五年…).
    const WARNED = FIRST.replace('date: 2026-02-05', 'date: null').replace('第一版', '二〇二五年第一版');
    const broken = await check(BROKEN);
    const warned = await check(WARNED);
    expect(broken).toEqual({ errors: 1, warnings: 0 });
    expect(warned.errors).toBe(0);
    expect(warned.warnings).toBeGreaterThan(1);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const stream = await events(p.url);
    try {
      writeFileSync(file, BROKEN);
      await stream.next('reload', 0);
      writeFileSync(file, WARNED);
      await stream.next('reload', 1);
      const said = p
        .log()
        .split('\n')
        .filter((l) => l.startsWith('已更新'));
      expect(said).toEqual(['已更新 a.yaml 的预览：错误 1 个，警告 0 个', `已更新 a.yaml 的预览：错误 0 个，警告 ${warned.warnings} 个`]);
    } finally {
      await stream.close();
    }
  });

  it('watches a file the report comes to depend on while it is open (its own section template added)', async () => {
    const dir = tempDir('preview-');
    mkdirSync(join(dir, 'own'));
    const own = join(dir, 'own', 'other.md');
    writeFileSync(own, '## 其他需要报告的情况\n\n本乡自己的第一版。\n');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const stream = await events(p.url);
    try {
      writeFileSync(file, `${FIRST}overrides:\n  other: own/other.md\n`);
      await stream.next('reload', 0);
      expect(await (await fetch(p.url)).text()).toContain('本乡自己的第一版。');
      // The page is told of the rebuild before the preview starts watching what it came to depend
      // on, and a watch takes a moment to start: the file is saved again until a rebuild follows.
      for (let attempt = 1; ; attempt++) {
        writeFileSync(own, `## 其他需要报告的情况\n\n本乡自己的第${attempt + 1}版。\n`);
        try {
          await stream.next('reload', 1, 1000);
          break;
        } catch (e) {
          if (attempt === 10) throw e;
        }
      }
      expect(await (await fetch(p.url)).text()).toMatch(/本乡自己的第\d+版。/);
      expect(await (await fetch(p.url)).text()).not.toContain('本乡自己的第一版。');
    } finally {
      await stream.close();
    }
  });

  it('rebuilds when a section of its template pack is saved', async () => {
    const { p, stream, section, text } = await previewingWithPack();
    try {
      expect(text).toContain('## 其他需要报告的情况\n');
      writeFileSync(section, text.replace('## 其他需要报告的情况\n', '## 其他需要报告的情况（修订）\n'));
      await stream.next('reload', 0);
      expect(await (await fetch(p.url)).text()).toContain('其他需要报告的情况（修订）');
    } finally {
      await stream.close();
    }
  });

  it('shows the template pack’s error when a section is saved broken, over the last report greyed, and builds again once it is mended', async () => {
    const { p, stream, section, text } = await previewingWithPack();
    try {
      writeFileSync(section, `${text}\n{{#if other}}没有结束的条件\n`);
      await stream.next('reload', 0);
      const page = await (await fetch(p.url)).text();
      expect(page).toMatch(/<aside id="report-preview"[^>]* data-failed=""/);
      expect(page).toContain('<code class="preview-rule">template/syntax</code>');
      // The pack's error alone: the data file is not compiled with a pack that has one.
      expect(page.match(/<li class="preview-diagnostic /g)).toHaveLength(1);
      expect(page).toContain('第一版的其他情况说明。');
      expect((await fetch(`${p.url}report.html`)).status).toBe(404);
      writeFileSync(section, text.replace('## 其他需要报告的情况\n', '## 其他需要报告的情况（修订）\n'));
      await stream.next('reload', 1);
      const mended = await (await fetch(p.url)).text();
      expect(mended).not.toMatch(/<aside id="report-preview"[^>]* data-failed/);
      expect(mended).toContain('其他需要报告的情况（修订）');
    } finally {
      await stream.close();
    }
  });

  it('says so when the port is taken, and when the file is missing', async () => {
    const dir = tempDir('preview-');
    writeFileSync(join(dir, 'a.yaml'), FIRST);
    const p = await previewing(dir, ['a.yaml', '--port', '0']);
    const busy = await runCli(['preview', 'a.yaml', '--port', String(p.port)], dir, { REPORT_LANG: 'zh' });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`report：端口 ${p.port} 已被占用`);
    const missing = await runCli(['preview', 'b.yaml', '--port', '0'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/input\/not-found/);
    const wrong = await runCli(['preview', 'a.yaml', '--port', '70000'], dir, { REPORT_LANG: 'zh' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('要写 0 到 65535 之间的整数');
  });

  it('opens no page for a folder, a settings file it cannot read, or margins that leave no page', async () => {
    const dir = tempDir('preview-');
    writeFileSync(join(dir, 'a.yaml'), FIRST);
    mkdirSync(join(dir, 'data'));
    const folder = await runCli(['preview', 'data', '--port', '0'], dir);
    expect([folder.code, folder.stderr]).toEqual([2, 'report: data is not a file: a preview shows one data file\n']);
    writeFileSync(join(dir, 'report.config.yaml'), 'layout:\n  margin_left: 100\n  margin_right: 95\n');
    const margins = await runCli(['preview', 'a.yaml', '--port', '0'], dir);
    expect(margins.code).toBe(2);
    expect(margins.stderr).toMatch(/^report: the margins are too wide/);
    writeFileSync(join(dir, 'report.config.yaml'), 'layout: [\n');
    const settings = await runCli(['preview', 'a.yaml', '--port', '0'], dir);
    expect(settings.code).toBe(2);
    expect(settings.stderr).toMatch(/^report\.config\.yaml:\d+:\d+ +error /);
  });
});

describe('where a diagnostic is in the report', () => {
  const at = (line: number, column: number): Diagnostic => ({ file: 'a.yaml', line, column, severity: 'warning', ruleId: 'writing/half-width-punctuation', reason: 'x' });
  const source = `${MINIMAL}other: |-\n  全年召开领导小组会议[3次|会议],研究解决执法队伍建设等问题。\n  第二段另起一行写。\n`;

  it('takes the letters around a place in a paragraph the clerk wrote, a marked figure as the report prints it', () => {
    const line = source.split('\n').findIndex((l) => l.includes('全年召开')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf(',') + 1;
    const [clue] = cluesFor(source, 'a.yaml', [at(line, column)]);
    expect(clue).toEqual({ around: '领导小组会议3次研究解决执法队伍', line: '全年召开领导小组会议3次研究解决执法队伍建设等问题' });
    // Inside the mark counts as the figure itself.
    const inMark = source.split('\n')[line - 1]!.indexOf('会议]');
    expect(cluesFor(source, 'a.yaml', [at(line, inMark + 1)])[0]?.around).toBe('召开领导小组会议3次研究解决执法');
  });

  it('gives none for a key, a short value, a number, another file or no place', () => {
    const lines = source.split('\n');
    const row = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(
      cluesFor(source, 'a.yaml', [
        at(row('other:'), 1),
        at(row('name:'), 9),
        at(row('year:'), 7),
        { ...at(row('全年'), 5), file: 'b.yaml' },
        { file: 'a.yaml', severity: 'warning', ruleId: 'regulation/missing-part', reason: 'x' },
      ]),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('compares letters only, and escapes what goes into the page', () => {
    expect(comparable('1. 会议，3次！')).toBe('1会议3次');
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

const browser = await launchChromium();

describe.skipIf(!browser.available)('report preview in Chromium', () => {
  it('brings the open page up to date on each save, marks the paragraph a diagnostic concerns, and comes back after a restart', async () => {
    const dir = tempDir('preview-');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FIRST);
    let p = await previewing(dir, ['a.yaml', '--port', '0']);
    // Ctrl+C, as the test sends it, is for the preview: the browser must not take it as its own.
    const b = await browser.launch({ handleSIGINT: false });
    try {
      const page = await b.newPage({ viewport: { width: 1400, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(p.url);
      expect(await page.locator('article.document').textContent()).toContain('第一版的其他情况说明。');
      // A page that reloads itself loses this; one brought up to date in place keeps it.
      await page.evaluate(() => {
        (window as unknown as { kept: boolean }).kept = true;
      });
      const hasText = (text: string) => page.waitForFunction((t) => document.querySelector('article.document')?.textContent?.includes(t) ?? false, text, { timeout: 1000 });

      const saved = Date.now();
      writeFileSync(file, SECOND);
      await hasText('第二版的其他情况说明。');
      expect(Date.now() - saved).toBeLessThan(1000);
      expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);

      // A half-width comma in the paragraph: a warning, marked beside the paragraph it is in.
      writeFileSync(file, `${MINIMAL}other: 全年召开领导小组会议,研究解决执法队伍建设等问题。\n`);
      await hasText('全年召开领导小组会议');
      const flagged = page.locator('.document .preview-flagged');
      await flagged.first().waitFor({ timeout: 1000 });
      expect(await flagged.count()).toBe(1);
      expect(await flagged.textContent()).toContain('全年召开领导小组会议');
      const n = await page.locator('#report-preview li[data-around]').getAttribute('data-n');
      expect(await flagged.locator('.preview-mark').textContent()).toBe(n);
      expect(await page.locator('#report-preview').textContent()).toMatch(/writing\/half-width-punctuation/);

      // An error: the errors above, the report greyed below.
      writeFileSync(file, BROKEN);
      await page.locator('#report-preview[data-failed]').waitFor({ timeout: 1000 });
      expect(await page.locator('#report-preview').textContent()).toContain('data/invalid-value');
      expect(Number(await page.locator('article.document').evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(1);

      // The preview stopped and started again on the same port: the page finds it and catches up.
      await p.stop();
      stopPreview = undefined;
      writeFileSync(file, `${MINIMAL}other: 重新启动后的版本。\n`);
      p = await previewing(dir, ['a.yaml', '--port', String(p.port)]);
      await page.waitForFunction(() => document.querySelector('article.document')?.textContent?.includes('重新启动后的版本。') ?? false, undefined, { timeout: 10_000 });
      expect(await page.locator('#report-preview[data-failed]').count()).toBe(0);
      // The stream that broke is the only complaint the page may have made.
      expect(problems.filter((m) => !/events|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(m))).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('what the preview’s watcher passes over', () => {
  const watched = { files: new Set(['/w/data/a.yaml', '/w/own/section.md']), packDirs: ['/w/pack', '/w/base'], dataDir: '/w/data' };
  const file = { isFile: () => true };
  const folder = { isFile: () => false };

  it.each([
    ['the data file', '/w/data/a.yaml', file, false],
    ['a dependency outside every folder watched', '/w/own/section.md', file, false],
    ['a pack folder itself', '/w/base', folder, false],
    ['the data file’s folder', '/w/data', folder, false],
    ['another file beside the data file', '/w/data/b.yaml', file, true],
    ['a folder beside the data file', '/w/data/old', folder, true],
    ['a section of the pack', '/w/pack/sections/10-a.md', file, false],
    ['a partial of the pack it extends', '/w/base/partials/x.hbs', file, false],
    ['the pack’s pack.yaml', '/w/pack/pack.yaml', file, false],
    ['a file of another kind in the pack', '/w/pack/sections/notes.txt', file, true],
    ['a folder of the pack', '/w/pack/sections', folder, false],
    ['a path not yet known to be a file', '/w/pack/sections/notes.txt', undefined, false],
    ['a template in the pack’s node_modules', '/w/pack/node_modules/x/a.md', file, true],
    ['a template in a hidden folder of the pack', '/w/pack/.cache/a.md', file, true],
    ['the hidden folder itself', '/w/pack/.cache', folder, false],
    ['something outside all of them', '/elsewhere/a.md', file, false],
  ])('%s: %s', (_, path, stats, ignored) => {
    expect(previewIgnores(watched, path, stats)).toBe(ignored);
  });
});
