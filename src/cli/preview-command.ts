/**
 * `report preview FILE`: serves one township's report on this computer (127.0.0.1 only) while the
 * clerk edits its data file, and rebuilds it whenever the data file, the template pack or a file
 * the report depends on (last year's data, its own section templates) is saved. The open page
 * learns of each rebuild over Server-Sent Events and brings itself up to date. The report is
 * compiled in memory exactly as `report build` compiles it; nothing is written to disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, relative, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { inlineCompiler } from '../batch/inline.js';
import { unreadable } from '../batch/plan.js';
import { posix } from '../batch/settings.js';
import type { Compiler } from '../batch/task.js';
import { diagnostic, hasErrors, systemError, type Diagnostic } from '../diagnostics/index.js';
import { lang, t } from '../i18n/index.js';
import { readText } from '../load/read.js';
import { packChainDirs } from '../render/pack-files.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { STANDARD_PACK_DIR } from '../version.js';
import { runLayout, workingSettings } from './build-command.js';
import { EXIT, PREVIEW_PORT, type Io } from './index.js';
import { previewPage, type PreviewView } from './preview-page.js';
import { formatDiagnostic } from './reporters.js';
import { inSkippedFolder, WATCHED_FILE, within } from './watch.js';

export interface PreviewFlags {
  port?: number;
  template?: string;
}

/** The address a preview listens on: this computer only, never the office network. */
const HOST = '127.0.0.1';

/** Changes this close together make one rebuild (an editor's save is often several writes). */
const SETTLE_MS = 50;
/** How often an idle event stream is written to, so that nothing between closes it. */
const HEARTBEAT_MS = 15_000;

/** `report preview FILE`: serves the report until Ctrl+C; gives the exit code. */
export async function runPreview(input: string, opts: PreviewFlags, io: Io): Promise<number> {
  // The settings file counts as it does for `report build`: the page is the report it would build.
  const config = workingSettings(io);
  if (!config) return EXIT.usage;
  const path = resolve(io.cwd, input);
  if (!existsSync(path)) {
    io.err(formatDiagnostic(diagnostic(input, { ruleId: 'input/not-found', reason: t('inputs.not-found', { path: input }), note: t('inputs.not-found.note') })));
    return EXIT.failed;
  }
  if (!statSync(path).isFile()) {
    io.err(t('preview.not-a-file', { path: input }));
    return EXIT.usage;
  }
  const layout = runLayout({ config: config.layout, configDir: io.cwd, referenceDoc: undefined, read: true, overrides: {} }, io);
  if (typeof layout === 'number') return layout;
  const display = posix(relative(io.cwd, path)) || path;
  const template = opts.template ?? config.template;
  const packDir = template ? resolve(io.cwd, template) : STANDARD_PACK_DIR;

  const preview = new Preview({
    path,
    display,
    setup: {
      packDir,
      cwd: io.cwd,
      formats: ['html'],
      layout,
      rules: config.rules as Readonly<Record<string, RuleSetting>> | undefined,
      timeLimit: config.timeout,
      lang: lang(),
    },
  });
  await preview.rebuild(true);

  const server = createServer((req, res) => preview.serve(req, res));
  const port = opts.port ?? PREVIEW_PORT;
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, HOST, () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (e) {
    await preview.close();
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EADDRINUSE' ? t('preview.port-busy', { port }) : t('preview.listen-failed', { message: systemError(e) }));
    return EXIT.failed;
  }
  preview.port = (server.address() as AddressInfo).port;

  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await preview.watch(packDir, (line) => io.err(line));
    io.out(t('preview.url', { url: `http://${HOST}:${preview.port}/` }));
    await new Promise<void>((done) => (abort.signal.aborted ? done() : abort.signal.addEventListener('abort', () => done(), { once: true })));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await preview.close();
    await new Promise<void>((done) => {
      server.close(() => done());
      // A browser keeps its connections open; they must not keep the program running.
      server.closeAllConnections();
    });
  }
  return EXIT.ok;
}

interface PreviewOptions {
  /** Absolute path of the data file. */
  path: string;
  display: string;
  setup: Parameters<typeof inlineCompiler>[0];
}

/** One data file's preview: its latest build, the pages that follow it, and the files it watches. */
class Preview {
  /** Set once the server listens; requests must name this port, so a page elsewhere cannot reach the preview through a name it controls. */
  port = 0;
  /** Tells this run's builds from those of a preview started before, which an open page may still show. */
  private readonly run = randomBytes(4).toString('hex');
  private count = 0;
  private view: PreviewView;
  private dependencies: string[] = [];
  private compiler: Compiler | undefined;
  private packProblems: Diagnostic[] = [];
  private readonly streams = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private readonly watchedFiles = new Set<string>();
  private packDirs: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private packChanged = false;
  private closed = false;

  constructor(private readonly options: PreviewOptions) {
    this.view = { build: '', display: options.display, html: undefined, lastGood: undefined, diagnostics: [], source: undefined };
  }

  /** Compiles the data file again (loading the template pack again when it changed) and tells every open page. */
  async rebuild(reloadPack: boolean): Promise<void> {
    const { path, display, setup } = this.options;
    if (reloadPack || !this.compiler) {
      await this.compiler?.close();
      this.compiler = inlineCompiler(setup);
      this.packProblems = await this.compiler.init();
    }
    let diagnostics: Diagnostic[] = [...this.packProblems];
    let html: string | undefined;
    let source: string | undefined;
    if (!hasErrors(this.packProblems)) {
      try {
        const read = readText(path);
        source = read.text;
        const result = await this.compiler.run({ id: this.count, display, path, source, ...(read.encoding !== 'utf-8' ? { encoding: read.encoding } : {}) });
        diagnostics = [...diagnostics, ...result.diagnostics];
        this.dependencies = result.dependencies;
        // As `report build`: a report with an error is not built, whatever the compile made.
        if (result.outputs.html && !hasErrors(diagnostics)) html = new TextDecoder().decode(result.outputs.html);
      } catch (e) {
        diagnostics.push(...unreadable({ path, display, outStem: '' }, e).diagnostics);
      }
    }
    this.count++;
    this.view = { build: `${this.run}-${this.count}`, display, html, lastGood: html ?? this.view.html ?? this.view.lastGood, diagnostics, source };
    for (const res of this.streams) send(res, 'reload', this.view.build);
  }

  /** Answers a request: the page, its event stream, or the report alone; nothing else. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${this.port}` && host !== `localhost:${this.port}`) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end(t('preview.not-found'));
      return;
    }
    const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (req.method === 'GET' && url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      res
        .writeHead(200, {
          ...common,
          'Content-Type': 'text/html; charset=utf-8',
          // Only the preview's own script runs, whatever a data value might smuggle into the page.
          'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        })
        .end(previewPage(this.view, nonce));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/report.html' && this.view.html !== undefined) {
      res
        .writeHead(200, {
          ...common,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        })
        .end(this.view.html);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { ...common, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      // A page that lost the server asks again soon; on connecting it learns which build is current.
      res.write('retry: 1000\n\n');
      send(res, 'hello', this.view.build);
      this.streams.add(res);
      req.on('close', () => this.streams.delete(res));
      this.heartbeat ??= setInterval(() => {
        for (const s of this.streams) s.write(': \n\n');
      }, HEARTBEAT_MS);
      return;
    }
    res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end(t('preview.not-found'));
  }

  /** Starts watching the data file, the template pack and the report's dependencies; resolves once the watcher is ready. */
  async watch(packDir: string, log: (line: string) => void): Promise<void> {
    this.packDirs = packChainDirs(packDir);
    this.watchedFiles.add(this.options.path);
    for (const d of this.dependencies) this.watchedFiles.add(d);
    // The data file's folder is watched, not the file alone: an editor that saves by deleting the
    // file and writing it anew would otherwise end the watch on it. Nothing else in it counts.
    const dataDir = dirname(this.options.path);
    const ignored = (p: string, stats?: { isFile(): boolean }) => previewIgnores({ files: this.watchedFiles, packDirs: this.packDirs, dataDir }, p, stats);
    const watcher = watch([dataDir, ...this.dependencies, ...this.packDirs], { ignoreInitial: true, ignored });
    this.watcher = watcher;
    watcher.on('error', (e) => log(t('watch.error', { message: (e as Error).message })));
    watcher.on('all', (event, p) => {
      if (event === 'addDir' || event === 'unlinkDir') return;
      const inPack = this.packDirs.some((d) => within(p, d));
      if (!this.watchedFiles.has(p) && !(inPack && WATCHED_FILE.test(p))) return;
      if (inPack) this.packChanged = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.settled(log), SETTLE_MS);
    });
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  }

  /** Rebuilds after changes have settled, never two at once: a change during a rebuild is built right after it. */
  private settled(log: (line: string) => void): void {
    this.timer = undefined;
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const reloadPack = this.packChanged;
        this.packChanged = false;
        try {
          await this.rebuild(reloadPack);
          const ds = this.view.diagnostics;
          log(
            t('preview.rebuilt', {
              file: this.options.display,
              errors: ds.filter((d) => d.severity === 'error').length,
              warnings: ds.filter((d) => d.severity === 'warning').length,
            }),
          );
          this.follow();
        } catch (e) {
          // Whatever went wrong with this build, the next save is still built.
          log(t('cli.unexpected', { message: (e as Error).message }));
        }
      } while (this.again && !this.closed);
      this.running = undefined;
    })();
  }

  /** Watches the files this build came to depend on (a `previous:` or `overrides:` added, a pack extended). */
  private follow(): void {
    const added = this.dependencies.filter((d) => !this.watchedFiles.has(d));
    for (const d of added) this.watchedFiles.add(d);
    const packs = packChainDirs(this.options.setup.packDir).filter((d) => !this.packDirs.includes(d));
    this.packDirs.push(...packs);
    if (added.length + packs.length > 0) this.watcher?.add([...added, ...packs]);
  }

  /** Stops watching and ends every event stream. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    for (const res of this.streams) res.end();
    this.streams.clear();
    await this.watcher?.close();
    await this.running;
    await this.compiler?.close();
  }
}

/** Writes one event to a page's event stream. */
function send(res: ServerResponse, event: string, data: string): void {
  res.write(`event: ${event}\ndata: ${data}\n\n`);
}

/**
 * What the preview's watcher passes over, of the folders it watches: the data file's folder, where
 * only the data file counts (an editor may save it by deleting it and writing it anew), and the
 * template pack's folders, where data and templates count outside skipped folders; the report's
 * other dependencies (files) are watched themselves.
 */
export function previewIgnores(watched: { files: ReadonlySet<string>; packDirs: readonly string[]; dataDir: string }, p: string, stats?: { isFile(): boolean }): boolean {
  if (watched.files.has(p) || watched.packDirs.includes(p)) return false;
  if (dirname(p) === watched.dataDir) return true;
  const root = watched.packDirs.find((d) => within(p, d));
  if (!root) return false;
  if (inSkippedFolder(root, p)) return true;
  return stats?.isFile() === true && !WATCHED_FILE.test(p);
}
