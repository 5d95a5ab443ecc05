/**
 * Last year's data file for the same township: the file named by
 * `previous:`, or else the file beside this one whose name has the year one
 * less (jinping-2025.yaml → jinping-2024.yaml). A year in a file name counts
 * only when it stands apart from other digits and is the report's year, so
 * town-02025.yaml has no last year's file.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from '../load/read.js';

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Last year's file as the data file's text names it, read without parsing the YAML (for the
 * incremental check, before anything is compiled). An empty `previous:`, as `report init`
 * writes it, names nothing.
 */
export function previousPath(path: string, source: string, roots: readonly string[]): string | undefined {
  const stated = /^previous:[ \t]*(?:"([^"]+)"|'([^']+)'|([^#\s][^#\n]*?))[ \t]*(?:#.*)?$/m.exec(source);
  if (stated) {
    // As YAML reads it: a plain value without the spaces around it, a quoted one with all it holds.
    // Stryker disable next-line StringLiteral: one of the three groups always matched
    const p = resolve(dirname(path), stated[1] ?? stated[2] ?? stated[3] ?? '');
    return isFile(p) && isInside(p, [dirname(path), ...roots]) ? p : undefined;
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
