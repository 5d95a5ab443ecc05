/**
 * report build --watch: after the first build, rebuilds whenever a data file, the template pack
 * or a file the reports depend on (last year's data, a township's own section template) changes.
 * Changes close together make one rebuild, rebuilds never overlap, and each rebuild is
 * incremental, so only the townships affected are built again.
 */
import { t } from '../i18n/index.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isDynamicPattern } from 'tinyglobby';
import type { BuildResult } from '../batch/index.js';
import { globBase } from '../batch/inputs.js';
import { readManifest } from '../batch/manifest.js';

/** Files whose change can change a report: data, section templates, partials, pack.yaml. */
export const WATCHED_FILE = /\.(ya?ml|md|hbs)$/i;
/** Folders inside a watched folder that hold no one's data or templates. */
export const SKIP_DIR = /^(node_modules|\.git|\..+)$/;
/** Changes this close together make one rebuild (an editor's save is often several writes). */
const SETTLE_MS = 100;

export interface WatchOptions {
  /** The build's inputs as given: files, folders or glob patterns (relative to cwd or absolute). */
  inputs: readonly string[];
  cwd: string;
  /** The template pack folder in use. */
  packDir: string;
  /** The output folder, never watched: writing outputs must not start another build. */
  outDir: string;
  /** The first build, whose manifest names the files its reports depend on. */
  first: BuildResult;
  rebuild: () => Promise<BuildResult>;
  signal: AbortSignal;
  log: (line: string) => void;
}

/** Takes the build's input arguments and working folder; gives the absolute files and folders to watch for them. */
export function inputRoots(inputs: readonly string[], cwd: string): string[] {
  return [...new Set(inputs.map((arg) => resolve(cwd, isDynamicPattern(arg) ? globBase(arg) : arg)))];
}

/** Takes a finished build and the working folder; gives the absolute paths of the files its reports depend on, read from its manifest. */
export function buildDependencies(result: BuildResult, cwd: string): string[] {
  if (!result.manifest) return [];
  const manifest = readManifest(resolve(cwd, result.manifest));
  if (!manifest) return [];
  // The manifest keeps the reports of earlier builds with other inputs; only this build's count.
  const built = new Set(result.reports.map((r) => r.input));
  return [...new Set(manifest.reports.filter((r) => built.has(r.input)).flatMap((r) => r.dependencies.map((d) => resolve(cwd, d))))];
}

/** What a watch watches: folders and the files it watches apart, the output folder, and whether what lies in it is passed over. */
export interface WatchScope {
  watched: ReadonlySet<string>;
  outDir: string;
  /** False when the output folder is one the inputs are in (--out .): its changes cannot be told from edits. */
  outputsIgnored: boolean;
}

/** What the watcher passes over: the outputs, and below the watched path holding it, a skipped folder or a file that is not data or a template. */
export function watchIgnores(scope: WatchScope, path: string, stats?: { isFile(): boolean }): boolean {
  if (scope.watched.has(path)) return false;
  if (scope.outputsIgnored && within(path, scope.outDir)) return true;
  const root = [...scope.watched].filter((w) => within(path, w)).sort((a, b) => b.length - a.length)[0];
  if (root && inSkippedFolder(root, path)) return true;
  return stats?.isFile() === true && !WATCHED_FILE.test(path);
}

/** Whether a dependency (a file) must be watched apart: no watched folder sees it; never one in the output folder. */
export function watchedApart(scope: WatchScope, path: string): boolean {
  if (scope.watched.has(path) || (scope.outputsIgnored && within(path, scope.outDir))) return false;
  return [...scope.watched].every((w) => !within(path, w)) || watchIgnores(scope, path, { isFile: () => true });
}

/** Takes the build's inputs, pack and output folders, its first result and a way to rebuild; rebuilds on each change until the signal aborts. */
export async function watchAndRebuild(options: WatchOptions): Promise<void> {
  const { cwd, outDir, signal, log } = options;
  const show = (p: string) => {
    const rel = relative(cwd, p);
    return rel === '' ? '.' : outside(rel) ? p : rel.split(sep).join('/');
  };
  const roots = [...new Set([...inputRoots(options.inputs, cwd), resolve(cwd, options.packDir)])];
  // Writing into a data folder (--out .) cannot be told from editing it; otherwise outputs are never watched.
  const outputsIgnored = !roots.some((r) => within(r, outDir));
  const watched = new Set(roots);
  const scope: WatchScope = { watched, outDir, outputsIgnored };
  const ignored = (path: string, stats?: { isFile(): boolean }) => watchIgnores(scope, path, stats);
  const uncovered = (path: string) => watchedApart(scope, path);

  const watcher: FSWatcher = watch(roots, { ignoreInitial: true, ignored });
  const extra = buildDependencies(options.first, cwd).filter(uncovered);
  for (const d of extra) watched.add(d);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: chokidar adds nothing for an empty list
  if (extra.length > 0) watcher.add(extra);
  watcher.on('error', (e) => log(t('watch.error', { message: (e as Error).message })));

  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // Stryker disable next-line BooleanLiteral: each round of the loop sets it false before it is read
  let again = false;
  const rebuildLoop = async () => {
    do {
      again = false;
      const paths = [...changed].map(show);
      changed.clear();
      const first = paths.slice(0, 3).join(', ');
      log(t('watch.change', { paths: paths.length > 3 ? t('watch.more', { paths: first, more: paths.length - 3 }) : first }));
      try {
        const result = await options.rebuild();
        const added = buildDependencies(result, cwd).filter(uncovered);
        for (const d of added) watched.add(d);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: chokidar adds nothing for an empty list
        if (added.length > 0) watcher.add(added);
      } catch (e) {
        // Whatever went wrong with this build, the next change is still built.
        log(t('cli.unexpected', { message: (e as Error).message }));
      }
    } while (again && !signal.aborted); // again: a change settled during this round, so there is one to build
    running = undefined;
  };
  const settled = () => {
    timer = undefined;
    if (signal.aborted || changed.size === 0) return;
    // A change during a rebuild is built right after it, never at the same time.
    if (running) again = true;
    else running = rebuildLoop();
  };
  watcher.on('all', (event, path) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: a guard; chokidar passes over such files already when `ignored` is told they are files
    if (!watched.has(path) && !WATCHED_FILE.test(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(settled, SETTLE_MS);
  });

  const stopped = new Promise<void>((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), { once: true })));
  await Promise.race([new Promise<void>((ready) => watcher.once('ready', () => ready())), stopped]);
  if (!signal.aborted) {
    const also = watched.size - roots.length;
    log(also > 0 ? t('watch.watching-also', { roots: roots.map(show).join(', '), also }) : t('watch.watching', { roots: roots.map(show).join(', ') }));
  }
  await stopped;
  clearTimeout(timer);
  await watcher.close();
  await running;
}

/** Whether `path`, below the watched folder `root`, lies in a folder of it that holds no one's data or templates (node_modules, hidden ones). */
export function inSkippedFolder(root: string, path: string): boolean {
  return relative(root, path)
    .split(sep)
    .slice(0, -1)
    .some((d) => SKIP_DIR.test(d));
}

/** Whether `path` is `dir` or lies inside it. */
export function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || !outside(rel);
}

/** Whether a relative path leads out of the folder it is relative to. */
function outside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
