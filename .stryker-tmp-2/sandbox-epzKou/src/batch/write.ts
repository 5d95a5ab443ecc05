// @ts-nocheck
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TMP_SUFFIX = '.report-tmp';
let counter = 0;

/**
 * Writes a file so that it is either complete or absent: a hidden temporary
 * file beside it, then a rename. The write is synchronous, so a signal
 * handler never runs while a temporary file exists.
 */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}${TMP_SUFFIX}`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes temporary files a killed build left behind (SIGKILL, power loss). */
export function removeStaleTemporaries(dir: string, depth = 0): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith(TMP_SUFFIX) && name.startsWith('.')) {
      rmSync(path, { force: true });
      removed++;
    } else if (depth < 8 && name !== 'node_modules' && !name.startsWith('.git')) {
      try {
        if (statSync(path).isDirectory()) removed += removeStaleTemporaries(path, depth + 1);
      } catch {
        /* vanished meanwhile */
      }
    }
  }
  return removed;
}
