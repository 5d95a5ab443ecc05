/**
 * Last year's data file for the same township: the file named by
 * `previous:`, or else the file beside this one whose name has the year one
 * less (jinping-2025.yaml → jinping-2024.yaml).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function previousPath(path: string, source: string): string | undefined {
  const stated = /^previous:[ \t]*(?:"([^"]+)"|'([^']+)'|([^#\n]+?))[ \t]*(?:#.*)?$/m.exec(source);
  if (stated) {
    const p = resolve(dirname(path), (stated[1] ?? stated[2] ?? stated[3] ?? '').trim());
    return existsSync(p) ? p : undefined;
  }
  return conventionalPreviousPath(path);
}

/** The file beside this one whose name has the year one less, if it exists. */
export function conventionalPreviousPath(path: string): string | undefined {
  const name = basename(path);
  const m = /(19|20)\d{2}(?!.*(19|20)\d{2})/.exec(name);
  if (!m) return undefined;
  const candidate = join(dirname(path), name.slice(0, m.index) + String(Number(m[0]) - 1) + name.slice(m.index + 4));
  return existsSync(candidate) ? candidate : undefined;
}
