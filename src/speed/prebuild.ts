/**
 * Writes dist/prebuilt.json, the last step of `npm run build`: the standard pack's templates
 * precompiled, the DOCX skeleton of its layout with the shapes of paragraph and run that the
 * examples' reports have, and the parts every summary.xlsx has alike, deflated (see
 * src/speed/prebuilt.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile/index.js';
import { hasErrors } from '../diagnostics/index.js';
import { skeletonFor } from '../emit/docx/index.js';
import { storeSkeleton } from '../emit/docx/package.js';
import { deflatedKey, layoutKey, PREBUILT_FILE, templateKey, usePrebuilt, type Prebuilt } from './prebuilt.js';
import { deflatedPart, xlsxStaticParts } from '../batch/xlsx.js';
import { loadPack, precompileTemplate } from '../render/pack.js';
import { EXAMPLES_DIR, STANDARD_PACK_DIR, TOOL } from '../version.js';

usePrebuilt(false);
const { pack, diagnostics } = loadPack(STANDARD_PACK_DIR, process.cwd());
if (!pack) {
  for (const d of diagnostics) process.stderr.write(`${d.file}:${d.line ?? 1}:${d.column ?? 1}  ${d.reason}\n`);
  process.stderr.write('The standard template pack does not compile, so dist/prebuilt.json was not written.\n');
  process.exit(1);
}
const layout = pack.meta.layout;

/** The examples' reports as DOCX: the skeleton's writer learns the shapes they have. */
async function writeExamples(): Promise<void> {
  // In name order, so that the shapes are kept in the same order on every machine.
  for (const name of readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const path = join(EXAMPLES_DIR, name);
    const compiled = await compile(name, readFileSync(path, 'utf8'), pack!, { formats: ['docx'], path, roots: [EXAMPLES_DIR] });
    if (hasErrors(compiled.diagnostics) || !compiled.outputs.docx) throw new Error(`examples/${name} does not build`);
  }
}

// The bundles are CommonJS, which has no top-level await.
void writeExamples()
  .then(() => skeletonFor(layout))
  .then((skeleton) => {
    const prebuilt: Prebuilt = {
      tool: TOOL,
      templates: Object.fromEntries(pack.templates.map((source) => [templateKey(source), precompileTemplate(source)])),
      skeletons: { [layoutKey(layout)]: storeSkeleton(skeleton) },
      deflated: Object.fromEntries(
        xlsxStaticParts().map((text) => {
          const { size, crc, data } = deflatedPart(text);
          return [deflatedKey(text), { size, crc, data: Buffer.from(data).toString('base64') }];
        }),
      ),
    };
    writeFileSync(PREBUILT_FILE, JSON.stringify(prebuilt));
  })
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\nSo dist/prebuilt.json was not written.\n`);
    process.exitCode = 1;
  });
