// One bundle for the CLI and one for the worker threads: a single file to parse starts much
// faster than the hundreds of small modules of the unified and docx ecosystems. prebuild.cjs then
// writes dist/prebuilt.json (package.json's build script).
import { join } from 'node:path';
import { defineConfig } from 'rolldown';

const UNBUNDLED = join(import.meta.dirname, 'src', 'speed', 'unbundled.ts');

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

export default defineConfig({
  input: { cli: 'src/cli/index.ts', worker: 'src/batch/worker.ts', prebuild: 'src/speed/prebuild.ts' },
  platform: 'node',
  plugins: [fdirWithoutPicomatch],
  // Modules that are loaded but never called; see src/speed/unbundled.ts.
  resolve: { alias: { 'js-yaml': UNBUNDLED, 'source-map': UNBUNDLED } },
  // CommonJS: Node 20 keeps no compiled code of ES modules, but bin/load.cjs gives each CommonJS
  // bundle V8's code cache (a check started 0.1 s sooner as CommonJS, 0.2 s with the cache).
  output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', cleanDir: true },
});
