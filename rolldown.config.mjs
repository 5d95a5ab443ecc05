// One bundle for the CLI and one for the worker threads: a single file to parse starts much
// faster than the hundreds of small modules of the unified and docx ecosystems. prebuild.cjs then
// writes dist/prebuilt.json (package.json's build script).
import { join } from 'node:path';
import { defineConfig } from 'rolldown';

const UNBUNDLED = join(import.meta.dirname, 'src', 'speed', 'unbundled.ts');

export default defineConfig({
  input: { cli: 'src/cli/index.ts', worker: 'src/batch/worker.ts', prebuild: 'src/speed/prebuild.ts' },
  platform: 'node',
  // Modules that are loaded but never called; see src/speed/unbundled.ts.
  resolve: { alias: { 'js-yaml': UNBUNDLED, 'source-map': UNBUNDLED } },
  // CommonJS: Node 20 keeps no compiled code of ES modules, but bin/load.cjs gives each CommonJS
  // bundle V8's code cache (a check started 0.1 s sooner as CommonJS, 0.2 s with the cache).
  output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', cleanDir: true },
});
