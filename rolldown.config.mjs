// One bundle for the CLI and one for the worker threads: a single file to parse starts much
// faster than the hundreds of small modules of the unified and docx ecosystems. prebuild.js then
// writes dist/prebuilt.json (package.json's build script).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'src/cli/index.ts', worker: 'src/build/worker.ts', prebuild: 'src/prebuild.ts' },
  platform: 'node',
  output: { dir: 'dist', format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});
