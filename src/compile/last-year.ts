/** Last year's data for a report, loaded and checked, for year-on-year figures. */
import { t } from '../i18n/index.js';
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
          reason: stated ? t('previous.outside', { value: quote(stated) }) : t('previous.outside-link', { file: display }),
          note: t('previous.outside.note'),
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
    const why = e instanceof ReadError ? e.message : t('read.unreadable');
    return warn(t('previous.unreadable', { value: quote(stated), why }), t('previous.unreadable.note'));
  }
  const loaded = loadReport(display, text);
  if (!loaded.data) {
    return warn(t('previous.errors', { file: display, count: loaded.diagnostics.length }), t('previous.errors.note', { file: display }));
  }
  if (loaded.data.year !== data.year - 1) {
    return warn(t('previous.wrong-year', { file: display, year: loaded.data.year, expected: data.year - 1 }), t('previous.wrong-year.note'));
  }
  return { file: prev, previous: { file: display, data: loaded.data }, diagnostics: [] };
}
