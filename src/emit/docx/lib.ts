/**
 * The docx package, loaded when a report first needs it. A report of the standard pack's layout
 * is written without it: its skeleton's parts and the XML of each shape of paragraph and run come
 * from dist/prebuilt.json (see package.ts and shapes.ts). docx is needed for what they do not
 * hold: a table, a shape no example has, a layout of another pack, a volume. Loading it (some
 * 780 KB of code) took about a twentieth of a one-township build.
 *
 * The code that writes a report is synchronous, and a module is loaded asynchronously. So what
 * uses docx asks `docx()`, which throws `DocxNotLoaded` until it is loaded, and the one who
 * writes the report (`withDocx`) loads it on that error and writes the report again.
 */
import type * as Docx from 'docx';

let lib: typeof Docx | undefined;

/** Thrown by `docx()` before the package is loaded: whoever writes the report loads it and tries again. */
export class DocxNotLoaded extends Error {
  constructor() {
    super('the docx package is needed before it is loaded');
  }
}

/** The docx package, if loaded; else throws DocxNotLoaded. */
export function docx(): typeof Docx {
  if (!lib) throw new DocxNotLoaded();
  return lib;
}

/** Loads the docx package (once). */
export async function loadDocx(): Promise<typeof Docx> {
  lib ??= await import('docx');
  return lib;
}

/**
 * Runs `write`, which may use docx; if docx was needed before it was loaded, loads it and runs
 * `write` again. `write` must do nothing that cannot be done twice (it makes the report's bytes,
 * and writes no file).
 */
export async function withDocx<T>(write: () => T): Promise<T> {
  try {
    return write();
  } catch (e) {
    if (!(e instanceof DocxNotLoaded)) throw e;
    await loadDocx();
    return write();
  }
}
