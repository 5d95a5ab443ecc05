/** Last year's data for a report, loaded and checked, for year-on-year figures. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { PreviousYear } from '../lint/index.js';
import { loadReport, type Locator, type ReportData } from '../load/index.js';
import { conventionalPreviousPath } from './previous.js';

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
