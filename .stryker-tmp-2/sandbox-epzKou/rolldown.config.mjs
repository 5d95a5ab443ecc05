// @ts-nocheck
// One bundle for the CLI and one for the worker threads: a single file to parse starts much
// faster than the hundreds of small modules of the unified and docx ecosystems. prebuild.js then
// writes dist/prebuilt.json (package.json's build script).
import { join } from 'node:path';
import { defineConfig } from 'rolldown';

const UNBUNDLED = join(import.meta.dirname, 'src', 'speed', 'unbundled.ts');

export default defineConfig({
  input: { cli: 'src/cli/index.ts', worker: 'src/batch/worker.ts', prebuild: 'src/speed/prebuild.ts' },
  platform: 'node',
  // Modules that are loaded but never called; see src/speed/unbundled.ts.
  resolve: { alias: { 'js-yaml': UNBUNDLED, 'source-map': UNBUNDLED } },
  output: { dir: 'dist', format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});
