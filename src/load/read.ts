/**
 * Reading files that come from the townships: data files, last year's data and a township's own
 * section templates. They are untrusted, so a read
 *
 * - takes only a regular file (a FIFO, a device such as /dev/zero or a folder is refused before it
 *   is opened, so nothing waits on it),
 * - takes at most a few megabytes (a data file is a few kilobytes; more is a mistake, not a report),
 * - decodes what Chinese Windows tools save: UTF-8 with or without BOM, UTF-16 with BOM, and
 *   GBK/GB18030, which is told apart from UTF-8 by not being valid UTF-8;
 * - and, for a path a data file names, stays inside the folders it is allowed to read.
 */
import { t } from '../i18n/index.js';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The largest file a township supplies: a data file is a few kilobytes, a long one 100 KB. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Why a file could not be read, as a message can say it. */
export type ReadProblem = 'missing' | 'folder' | 'special' | 'too-large' | 'unreadable';

export class ReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    message: string,
  ) {
    super(message);
  }
}

const describe = (problem: ReadProblem, limit: number): string => t(`read.${problem}`, { mb: Math.round(limit / 1024 / 1024) });

/** A file's bytes, if it is a regular file no larger than `limit`; otherwise a ReadError. */
export function readBytes(path: string, limit = MAX_INPUT_BYTES): Buffer {
  const fail = (problem: ReadProblem): never => {
    throw new ReadError(problem, describe(problem, limit));
  };
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'missing' : 'unreadable');
  }
  if (st.isDirectory()) fail('folder');
  // Stryker disable next-line ConditionalExpression: refused again after opening (fstat); this refuses a FIFO or device before it is opened at all
  if (!st.isFile()) fail('special');
  // Stryker disable next-line ConditionalExpression: the read below stops at the limit too; this spares reading what will be refused
  if (st.size > limit) fail('too-large');
  let fd: number;
  try {
    // O_NONBLOCK: should the file have been swapped for a pipe since the stat, opening it does not wait.
    // Stryker disable next-line LogicalOperator: matters only if the file is swapped for a pipe between the stat and the open, which no test can time
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return fail('unreadable');
  }
  try {
    const opened = fstatSync(fd);
    // Stryker disable next-line ConditionalExpression: the stat above refuses the same files; this catches one swapped in since
    if (!opened.isFile()) fail('special');
    // As large as the file, and one byte more to see whether it grew since.
    // Stryker disable next-line MethodExpression: a larger buffer reads the same bytes (only memory differs)
    let buffer = Buffer.allocUnsafe(Math.min(opened.size, limit) + 1);
    let total = 0;
    for (;;) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: growing a buffer that is not full, or once more at the limit, reads the same bytes; the check after the loop refuses the same files
      if (total === buffer.length) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the same as the check after the loop, made before reading further
        if (total > limit) fail('too-large');
        // Stryker disable next-line MethodExpression: the buffer's size, not what is read
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(grown);
        buffer = grown;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    // Stryker disable next-line ConditionalExpression: the check in the loop is reached first (a full buffer of limit + 1 bytes)
    if (total > limit) fail('too-large');
    return buffer.subarray(0, total);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    return fail('unreadable');
  } finally {
    closeSync(fd);
  }
}

// Node's own ICU decoders: GB18030 and UTF-16 need no tables loaded into the program.
const decoder = (encoding: Exclude<Encoding, 'utf-8'>) => new TextDecoder(encoding);

/** Text from bytes in UTF-8 (BOM or none), UTF-16 with BOM, or else GB18030 (which covers GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  // The UTF-16 decoders drop the byte-order mark, as the UTF-8 one does.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const asUtf8 = () => Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
  if (isUtf8(bytes)) return { text: asUtf8(), encoding: 'utf-8' };
  // Not valid UTF-8. GBK text is invalid UTF-8 at nearly every Chinese character; a UTF-8 file
  // with a stray byte or two (pasted from elsewhere) is valid everywhere else, and stays UTF-8.
  const text = asUtf8();
  const broken = text.split('\uFFFD').length - 1;
  const chinese = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (chinese > broken) return { text, encoding: 'utf-8' };
  return { text: decoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** How a note names an encoding. */
export const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', gb18030: 'GBK (GB18030)' };

/** A file's text: readBytes, then decodeText. */
export function readText(path: string, limit = MAX_INPUT_BYTES): { text: string; encoding: Encoding } {
  return decodeText(readBytes(path, limit));
}

/** The path with symbolic links resolved as far as it exists (a missing file keeps its name). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * True when `path`, links followed, lies inside one of `roots` (links followed too), and not in a
 * hidden file or folder there: .git/config (where CI keeps its token), .env, .ssh are never read.
 */
export function isInside(path: string, roots: readonly string[]): boolean {
  const target = real(resolve(path));
  return roots.some((root) => {
    const rel = relative(real(resolve(root)), target);
    // Stryker disable next-line all: on POSIX the hidden-part check below refuses the same paths (.. starts with a dot); on Windows a path on another drive is absolute, which only this line refuses
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return rel === '';
    return !rel.split(sep).some((part) => part.startsWith('.'));
  });
}
