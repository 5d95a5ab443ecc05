import { closeSync, type Dirent, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TMP_SUFFIX = '.report-tmp';
let counter = 0;

/**
 * Writes a file so that it is either complete or absent: a hidden temporary
 * file beside it, then a rename. The write is synchronous, so a signal
 * handler never runs while a temporary file exists.
 */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  writeAllAtomic([{ path, bytes }]);
}

/**
 * Writes several files so that they all change or none does, as far as a file system allows:
 * every temporary file is written first (a full disk or a failed write stops here, and the
 * temporary files are removed), then each is renamed into place.
 */
export function writeAllAtomic(files: readonly { path: string; bytes: Uint8Array | string }[]): void {
  const written: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      // Stryker disable next-line UpdateOperator: counting down names temporaries as uniquely as counting up
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${counter++}${TMP_SUFFIX}`);
      written.push({ tmp, path: f.path });
      writeFileSync(tmp, f.bytes);
    }
    for (const w of written) renameSync(w.tmp, w.path);
  } catch (e) {
    for (const w of written) rmSync(w.tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a file given in pieces, so that it is either complete or absent, without ever holding it
 * whole (a county's manifest runs to tens of megabytes): the pieces go to a temporary file beside it
 * as they come, about 64 KB at a time, then it is renamed into place.
 */
export function writePiecesAtomic(path: string, pieces: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  // Stryker disable next-line UpdateOperator: counting down names temporaries as uniquely as counting up
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}${TMP_SUFFIX}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    let pending = '';
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= 1 << 16) {
        writeFileSync(fd, pending);
        pending = '';
      }
    }
    writeFileSync(fd, pending);
    const done = fd;
    fd = undefined;
    closeSync(done);
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Removes temporary files a killed build left behind (SIGKILL, power loss). Links are not followed:
 * only what lies inside the output folder is touched.
 */
export function removeStaleTemporaries(dir: string, depth = 0): number {
  let removed = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const { name } = entry;
    if (name.endsWith(TMP_SUFFIX) && name.startsWith('.')) {
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: force matters only if another process removes the file just listed
      rmSync(join(dir, name), { force: true });
      removed++;
      // Stryker disable next-line ConditionalExpression: a file looked into is a folder that cannot be read, which holds nothing
    } else if (entry.isDirectory()) {
      if (depth < 8 && name !== 'node_modules' && !name.startsWith('.git')) removed += removeStaleTemporaries(join(dir, name), depth + 1);
    }
  }
  return removed;
}
