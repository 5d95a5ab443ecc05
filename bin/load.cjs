'use strict';
/**
 * Loads the bundled program (dist/*.cjs) with V8's code cache, so that a command starts without
 * compiling the program's JavaScript again: the compiled code of every function that building and
 * checking the examples runs on the main thread is kept beside its bundle (dist/<bundle>.cjs.cache;
 * the small worker entry has none). Node 20 has no compile cache of
 * its own (module.enableCompileCache came in Node 22).
 *
 *   node bin/load.cjs --make-code-cache   (npm run build) builds and checks the examples once
 *                                          and writes the caches
 *   require('./load.cjs').load('cli.cjs')  (bin/report.js) loads a bundle
 *   new Worker('bin/load.cjs')             (src/batch/pool.ts) runs dist/worker.cjs in a thread
 *
 * A cache V8 does not accept (another Node version, other V8 flags) is passed over and the code
 * compiled as usual; a bundle without its cache (a build that stopped half-way) likewise. The
 * caches are read only: only the build writes them, and only into dist/.
 */
const Module = require('node:module');
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
// Loaded by bin/report.js, this runs on the main thread; as the entry script, on a worker thread
// or in the cache build. Node's worker module is required only then: a command that starts no
// worker does not load it (some 2 ms of a start).
const isMainThread = require.main !== module || require('node:worker_threads').isMainThread;

const DIST = path.join(__dirname, '..', 'dist');
/** Scripts compiled while making the caches, each with its cache file. */
const made = [];
let making = false;

// The heap's growth factor (src/speed/heap.ts) is set before anything is compiled: V8 accepts a
// cache only under the flags it was made with. Flags are the process's: the main thread sets it
// before any worker starts.
if (isMainThread && !process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=50');

const compile = Module.prototype._compile;
Module.prototype._compile = function compileWithCache(content, filename) {
  if (path.dirname(filename) !== DIST) return compile.call(this, content, filename);
  const cacheFile = `${filename}.cache`;
  let cachedData;
  if (!making) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (making) made.push({ script, cacheFile });
  const mod = this;
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.cache = Module._cache;
  require.main = process.mainModule;
  return script.runInThisContext().call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
};

/** Loads dist/<name> (a bundle), with its code cache when there is one. */
function load(name) {
  return require(path.join(DIST, name));
}

/** Builds every example in every format, one in another layout, and checks one; then writes the code of what ran as each bundle's cache. */
async function makeCodeCache() {
  making = true;
  for (const f of readdirSync(DIST)) if (f.endsWith('.cache')) rmSync(path.join(DIST, f));
  const { main } = load('cli.cjs');
  const root = path.join(__dirname, '..');
  const examples = readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(root, 'examples', f));
  const out = mkdtempSync(path.join(tmpdir(), 'report-code-cache-'));
  const quiet = { out: () => {}, err: () => {}, errRaw: () => {}, isTTY: false, env: { ...process.env, CI: 'true' }, cwd: root };
  // Every format on this thread, then on two threads (the pool), then in a layout of its own, then a check.
  const runs = [
    ['build', ...examples, '--out', path.join(out, '1'), '--format', 'md,html,docx', '--jobs', '1'],
    ['build', ...examples, '--out', path.join(out, '2'), '--format', 'md,html,docx', '--jobs', '2'],
    // A layout dist/prebuilt.json has no skeleton of: docx writes one, as for a pack of a county's own.
    ['build', examples[0], '--out', path.join(out, '3'), '--format', 'docx', '--jobs', '1', '--layout', 'page_numbers=center'],
    ['check', examples[0]],
  ];
  try {
    for (const args of runs) {
      const code = await main(args, quiet);
      if (code !== 0) throw new Error(`report ${args[0]} of the examples exited ${code}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  for (const { script, cacheFile } of made) writeFileSync(cacheFile, script.createCachedData());
  return made.length;
}

exports.load = load;

if (require.main === module && !isMainThread) {
  // A worker thread of a batch, started on this file (src/batch/pool.ts).
  load('worker.cjs');
} else if (require.main === module && process.argv[2] === '--make-code-cache') {
  makeCodeCache().then(
    (n) => process.stdout.write(`code cache: ${n} bundles\n`),
    (e) => {
      process.stderr.write(`code cache not written: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
