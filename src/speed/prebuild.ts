/**
 * Writes dist/prebuilt.json, the last step of `npm run build`: the standard pack's templates
 * precompiled and the DOCX skeleton of its layout (see src/prebuilt.ts).
 */
import { writeFileSync } from 'node:fs';
import { skeletonFor } from '../emit/docx/index.js';
import { storeSkeleton } from '../emit/docx/package.js';
import { layoutKey, PREBUILT_FILE, templateKey, usePrebuilt, type Prebuilt } from './prebuilt.js';
import { loadPack, precompileTemplate } from '../render/pack.js';
import { STANDARD_PACK_DIR, TOOL } from '../version.js';

usePrebuilt(false);
const { pack, diagnostics } = loadPack(STANDARD_PACK_DIR, process.cwd());
if (!pack) {
  for (const d of diagnostics) process.stderr.write(`${d.file}:${d.line ?? 1}:${d.column ?? 1}  ${d.reason}\n`);
  process.stderr.write('The standard template pack does not compile, so dist/prebuilt.json was not written.\n');
  process.exit(1);
}
const layout = pack.meta.layout;
// The bundles are CommonJS, which has no top-level await.
void skeletonFor(layout).then((skeleton) => {
  const prebuilt: Prebuilt = {
    tool: TOOL,
    templates: Object.fromEntries(pack.templates.map((source) => [templateKey(source), precompileTemplate(source)])),
    skeletons: { [layoutKey(layout)]: storeSkeleton(skeleton) },
  };
  writeFileSync(PREBUILT_FILE, JSON.stringify(prebuilt));
});
