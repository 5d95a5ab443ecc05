// One bundle for the CLI and one for the worker threads: a single file to parse starts much
// faster than the hundreds of small modules of the unified and docx ecosystems. prebuild.cjs then
// writes dist/prebuilt.json (package.json's build script).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rolldown';

const UNBUNDLED = join(import.meta.dirname, 'src', 'speed', 'unbundled.ts');

/**
 * fflate's build for Node requires worker_threads as it loads, for its asynchronous functions,
 * which run on worker threads; report calls only the synchronous ones (deflateSync, Zip, Unzip…),
 * the same code in fflate's build for browsers, which requires nothing (some 2 ms of a start).
 * Resolved as Node finds packages, so a build in a copy of the project (the mutation sandboxes,
 * which have no node_modules of their own) finds it too.
 */
const FFLATE_SYNC = fileURLToPath(import.meta.resolve('fflate/browser'));

/**
 * fdir (tinyglobby's folder walker) requires picomatch from node_modules as it loads, for a glob
 * method of its own that tinyglobby never calls (tinyglobby matches with the picomatch bundled
 * here). Required at run time, that copy came without the code cache: some 4 ms of every command.
 */
const FDIR_PICOMATCH = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]fdir[\\/]/.test(id)) return null;
    if (!FDIR_PICOMATCH.test(code)) this.warn('fdir no longer loads picomatch as rolldown.config.mjs expects: see fdirWithoutPicomatch there');
    return code.replace(FDIR_PICOMATCH, '');
  },
};

/**
 * commander requires child_process as it loads, to run a subcommand that is a program of its own;
 * report has none. Required on every command, it brought in Node's modules for processes, sockets
 * and streams (some 3 ms of a start): it is required when a subcommand would be spawned instead.
 */
const COMMANDER_CHILD_PROCESS = /const childProcess = require\(['"]node:child_process['"]\);/;
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    if (!COMMANDER_CHILD_PROCESS.test(code)) this.warn('commander no longer requires child_process as rolldown.config.mjs expects: see commanderLazyChildProcess there');
    return code.replace(COMMANDER_CHILD_PROCESS, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  },
};

export default defineConfig({
  input: { cli: 'src/cli/index.ts', worker: 'src/batch/worker.ts', prebuild: 'src/speed/prebuild.ts' },
  platform: 'node',
  plugins: [fdirWithoutPicomatch, commanderLazyChildProcess],
  // Modules that are loaded but never called (src/speed/unbundled.ts), and fflate without its workers.
  resolve: { alias: { 'js-yaml': UNBUNDLED, 'source-map': UNBUNDLED, fflate: FFLATE_SYNC } },
  // CommonJS: Node 20 keeps no compiled code of ES modules, but bin/load.cjs gives each CommonJS
  // bundle V8's code cache (a check started 0.1 s sooner as CommonJS, 0.2 s with the cache).
  output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', cleanDir: true },
});
