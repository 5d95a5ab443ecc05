/** Last year's data for a report, loaded and checked, for year-on-year figures. */
import { dirname, relative, resolve } from 'node:path';
import { diagnostic, quote, type Diagnostic } from '../diagnostics/index.js';
import type { PreviousYear } from '../lint/index.js';
import { loadReport, type Locator, type ReportData } from '../load/index.js';
import { isInside, readText, ReadError } from '../load/read.js';
import { conventionalPreviousPath } from './previous.js';

/**
 * Last year's data: the file `previous:` names, or else the one whose file name has the year
 * one less. A `previous:` that cannot be used is reported; a missing conventional file is not.
 * `file` is that file's path whether or not it can be used (a fix to it changes this report).
 */
export function loadPrevious(file: string, path: string, data: ReportData, locator: Locator, roots: readonly string[]): { file?: string; previous?: PreviousYear; diagnostics: Diagnostic[] } {
  const stated = data.previous;
  const prev = stated ? resolve(dirname(path), stated) : conventionalPreviousPath(path, data.year);
  if (!prev) return { diagnostics: [] };
  const span = stated ? locator.value(['previous']) : undefined;
  const warn = (reason: string, note: string) => ({
    file: prev,
    diagnostics: [diagnostic(file, { ruleId: 'data/previous-year', reason, note, start: span?.start ?? { line: 1, column: 1 }, end: span?.end })],
  });
  const display = relative(dirname(path), prev) || prev;
  if (!isInside(prev, roots)) {
    return {
      diagnostics: [
        diagnostic(file, {
          ruleId: 'data/outside-path',
          reason: stated
            ? `\`previous\` is ${quote(stated)}, which is outside the folders a data file may name`
            : `Last year's file ${display} is a link to a file outside the folders a data file may name`,
          note: 'Name last year’s data file inside the working folder or this data file’s folder, e.g. ../2024/金坪乡-2024.yaml.',
          start: span?.start ?? { line: 1, column: 1 },
          end: span?.end,
        }),
      ],
    };
  }
  let text: string;
  try {
    text = readText(prev).text;
  } catch (e) {
    if (!stated) return { file: prev, diagnostics: [] };
    const why = e instanceof ReadError ? e.message : 'the file cannot be read';
    return warn(`\`previous\` is ${quote(stated)}, but ${why}`, 'The path is relative to this data file; year-on-year figures are left out until it is found.');
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
