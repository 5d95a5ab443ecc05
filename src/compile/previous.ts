/**
 * Last year's data file for the same township: the file named by
 * `previous:`, or else the file beside this one whose name has the year one
 * less (jinping-2025.yaml → jinping-2024.yaml). A year in a file name counts
 * only when it stands apart from other digits and is the report's year, so
 * town-02025.yaml has no last year's file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { PreviousYear } from '../lint/index.js';
import { loadReport, type Locator, type ReportData } from '../load/index.js';

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Last year's file as the data file's text names it, read without parsing the YAML (for the
 * incremental check, before anything is compiled). An empty `previous:`, as `report init`
 * writes it, names nothing.
 */
export function previousPath(path: string, source: string): string | undefined {
  const stated = /^previous:[ \t]*(?:"([^"]+)"|'([^']+)'|([^#\s][^#\n]*?))[ \t]*(?:#.*)?$/m.exec(source);
  if (stated) {
    const p = resolve(dirname(path), (stated[1] ?? stated[2] ?? stated[3] ?? '').trim());
    return isFile(p) ? p : undefined;
  }
  const year = /^year:[ \t]*["']?(\d{4})\b/m.exec(source);
  return year ? conventionalPreviousPath(path, Number(year[1])) : undefined;
}

/** The file beside this one whose name has the year one less than `year`'s, if it exists. */
export function conventionalPreviousPath(path: string, year: number): string | undefined {
  const name = basename(path);
  const m = /(?<!\d)(19|20)\d{2}(?!\d)(?!.*(?<!\d)(19|20)\d{2}(?!\d))/.exec(name);
  if (!m || Number(m[0]) !== year) return undefined;
  const candidate = join(dirname(path), name.slice(0, m.index) + String(Number(m[0]) - 1) + name.slice(m.index + 4));
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Last year's data: the file `previous:` names, or else the one whose file name has the year
 * one less. A `previous:` that cannot be used is reported; a missing conventional file is not.
 * `file` is that file's path whether or not it can be used (a fix to it changes this report).
 */
export function loadPrevious(file: string, path: string, data: ReportData, locator: Locator): { file?: string; previous?: PreviousYear; diagnostics: Diagnostic[] } {
  const stated = data.previous;
  const prev = stated ? resolve(dirname(path), stated) : conventionalPreviousPath(path, data.year);
  if (!prev) return { diagnostics: [] };
  const span = stated ? locator.value(['previous']) : undefined;
  const warn = (reason: string, note: string) => ({
    file: prev,
    diagnostics: [diagnostic(file, { ruleId: 'data/previous-year', reason, note, start: span?.start ?? { line: 1, column: 1 }, end: span?.end })],
  });
  const display = relative(dirname(path), prev) || prev;
  let text: string;
  try {
    text = readFileSync(prev, 'utf8');
  } catch (e) {
    if (!stated) return { file: prev, diagnostics: [] };
    const folder = (e as NodeJS.ErrnoException).code === 'EISDIR';
    return warn(
      `\`previous\` is “${stated}”, but ${folder ? 'that is a folder, not a data file' : 'there is no such file'}`,
      'The path is relative to this data file; year-on-year figures are left out until it is found.',
    );
  }
  const loaded = loadReport(display, text);
  if (!loaded.data) {
    return warn(`Last year's file ${display} has ${loaded.diagnostics.length} error(s), so year-on-year figures are left out`, `Run “report check ${display}”.`);
  }
  if (loaded.data.year !== data.year - 1) {
    return warn(`Last year's file ${display} reports on ${loaded.data.year}, not ${data.year - 1}`, 'Name the file for the year before this one in `previous:`.');
  }
  return { file: prev, previous: { file: display, data: loaded.data }, diagnostics: [] };
}
