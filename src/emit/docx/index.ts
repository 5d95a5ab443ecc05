/**
 * DOCX laid out to GB/T 9704-2012, emitted from the same Markdown tree as the
 * other formats with one handler per node type (blocks.ts, inline.ts,
 * table.ts) inside the document's frame and skeleton (document.ts). Unknown
 * nodes become plain text with a warning, never silently dropped.
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Layout } from '../../render/pack.js';
import { docxBody, skeletonFor } from './document.js';
import { coreXml, documentDate, isoDay } from './finish.js';
import { withDocx } from './lib.js';
import { assemble } from './package.js';

export { docxBody, docxDocument, skeletonFor } from './document.js';

export interface DocxResult {
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
}

/** A report's tree, layout and data file name → its .docx bytes and the warnings on the way. */
export async function emitDocx(tree: Root, layout: Layout, file: string): Promise<DocxResult> {
  const skeleton = await skeletonFor(layout);
  // Written without the docx package when the skeleton and every shape are prebuilt (lib.ts).
  return withDocx(() => {
    const { body, title, issuer, date, diagnostics } = docxBody(tree, layout, file);
    const day = documentDate(date);
    const core = coreXml(title, issuer, isoDay(day));
    return { bytes: assemble(skeleton, body, core, day), diagnostics };
  });
}
