/**
 * Reading single parts of a zip file (a .docx) that may be hostile: the central directory is
 * read with every offset and length checked against the file, and a part is inflated only up
 * to a limit, so a small file that unpacks to gigabytes (a zip bomb) costs no more memory or
 * time than the limit. Nothing but the parts asked for is inflated.
 */
import { inflateRawSync } from 'node:zlib';

/** Why a zip could not be read. */
export type ZipProblem = 'not-zip' | 'broken' | 'unsupported' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it: checked, never trusted. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** More entries than any document has: a directory claiming more is refused before it is read. */
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A zip's bytes → its entries by name (lower case: part names in a package ignore case). Throws ZipError. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (bytes.length < 22 || u32(0) !== LOCAL) throw new ZipError('not-zip', 'not a zip file');
  // The end record is the last 22 bytes, or earlier by a comment of at most 65535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('broken', 'no end of central directory');
  const count = u16(end + 10);
  const size = u32(end + 12);
  const start = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw new ZipError('unsupported', 'zip64');
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw new ZipError('unsupported', 'a zip split over several disks');
  if (count > MAX_ENTRIES) throw new ZipError('broken', `${count} entries`);
  if (start + size > end) throw new ZipError('broken', 'central directory outside the file');
  const entries = new Map<string, ZipEntry>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) throw new ZipError('broken', 'central directory entry');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const declared = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) throw new ZipError('broken', 'central directory entry');
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(raw);
    const offset = u32(at + 42);
    if (flags & 1) throw new ZipError('unsupported', 'encrypted');
    if (compressedSize === 0xffffffff || declared === 0xffffffff || offset === 0xffffffff) throw new ZipError('unsupported', 'zip64');
    entries.set(name.toLowerCase(), { name, method, compressedSize, size: declared, offset });
    at = next;
  }
  return entries;
}

/**
 * A zip's bytes, one of its entries and the most it may unpack to → the entry's bytes.
 * Throws ZipError: 'too-large' as soon as the data passes the limit, whatever the directory says.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipError('broken', `local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('broken', `data of ${entry.name}`);
  // Stryker disable next-line ConditionalExpression: a shortcut only (the declared size is refused before inflating); the limit below refuses the same entry
  if (entry.size > limit) throw new ZipError('too-large', entry.name);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipError('too-large', entry.name);
    return data;
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too-large', entry.name);
    throw new ZipError('broken', `${entry.name}: ${(e as Error).message}`);
  }
}
