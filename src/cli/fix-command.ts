/**
 * `report fix`: makes the safe corrections the writing checks find, in the data file itself —
 * a half-width mark between Chinese characters becomes full-width, “1、” becomes “1.” — and
 * nothing else: every other character of the file, its comments and its layout, stays as it was.
 */
import { isUtf8 } from 'node:buffer';
import { accessSync, chmodSync, constants, realpathSync, statSync } from 'node:fs';
import { workingSettings } from './build-command.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { relative, resolve } from 'node:path';
import { findInputs } from '../batch/inputs.js';
import { writeAtomic } from '../batch/write.js';
import { compile } from '../compile/index.js';
import { systemError, type Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { decodeText, readBytes } from '../load/read.js';
import { loadPack, STANDARD_PACK } from '../render/index.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic } from './reporters.js';

/** The text with each correction made, the last first so that the places of the others hold; corrections that overlap one before are left. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; count: number } {
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])).sort((a, b) => b.offset - a.offset);
  let out = text;
  let count = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const f of fixes) {
    if (f.offset + f.length > limit || f.offset < 0 || f.offset + f.length > text.length) continue;
    out = out.slice(0, f.offset) + f.text + out.slice(f.offset + f.length);
    limit = f.offset;
    count++;
  }
  return { text: out, count };
}

/** `report fix FILE…`: corrects each data file in place; gives the exit code. */
export async function runFix(inputs: string[], opts: { template?: string }, io: Io): Promise<number> {
  // The rules the settings file turns off are not applied either.
  const config = workingSettings(io);
  if (!config) return EXIT.usage;
  const rules = config.rules as Readonly<Record<string, RuleSetting>> | undefined;
  const dir = opts.template ? resolve(io.cwd, opts.template) : STANDARD_PACK;
  const { pack, diagnostics: packProblems } = loadPack(dir, io.cwd);
  for (const d of packProblems) io.err(formatDiagnostic(d));
  if (!pack) return EXIT.failed;
  const found = findInputs(inputs, io.cwd);
  for (const d of found.diagnostics) io.err(formatDiagnostic(d));
  let failed = found.diagnostics.some((d) => d.severity === 'error');
  for (const input of found.inputs) {
    let bytes: Uint8Array;
    try {
      bytes = readBytes(input.path);
    } catch (e) {
      io.err(t('fix.unreadable', { file: input.display, why: systemError(e) }));
      failed = true;
      continue;
    }
    const { text, encoding } = decodeText(bytes);
    // Written back as UTF-8, a file saved as GBK would change under the clerk's editor, and a
    // stray byte that is not UTF-8 would be lost.
    if (encoding !== 'utf-8' || !isUtf8(bytes)) {
      io.err(t('fix.not-utf8', { file: input.display }));
      failed = true;
      continue;
    }
    // Stryker disable next-line ArrayDeclaration: corrections are of the data file's own text; the files it names cannot change them
    const compiled = await compile(input.display, text, pack, { formats: [], path: input.path, roots: [io.cwd], ...(rules ? { rules } : {}) });
    const fixed = applyFixes(text, compiled.diagnostics);
    if (fixed.count === 0) {
      io.err(t('fix.none', { file: input.display }));
      continue;
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
    try {
      // The file a link points to is the one corrected, and it keeps its permissions; a file
      // the clerk may not write (read-only) is left as it is.
      const target = realpathSync(input.path);
      accessSync(target, constants.W_OK);
      const { mode } = statSync(target);
      writeAtomic(target, bom + fixed.text);
      chmodSync(target, mode & 0o7777);
    } catch (e) {
      io.err(t('fix.unwritable', { file: input.display, why: systemError(e) }));
      failed = true;
      continue;
    }
    io.err(t('fix.done', { file: relative(io.cwd, input.path) || input.display, count: fixed.count }));
  }
  return failed ? EXIT.failed : EXIT.ok;
}
