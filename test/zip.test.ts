// Reading parts of a zip (src/load/zip.ts) on its own: what a well-made zip gives, and every
// broken, unsupported or oversized one refused with its reason.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readEntry, ZipError, type ZipEntry, zipEntries } from '../src/load/zip.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** A zip of these parts: stored (level 0) or deflated. */
function zip(parts: Record<string, string>, level: 0 | 6 = 6, comment?: string): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level, ...(comment !== undefined ? { comment } : {}) });
}

/** Offsets of the end record and of the central directory's first entry. */
function layout(bytes: Uint8Array): { eocd: number; central: number; view: DataView } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= 0; at--) if (view.getUint32(at, true) === EOCD) return { eocd: at, central: view.getUint32(at + 16, true), view };
  throw new Error('test zip has no end record');
}

function refused(run: () => unknown): ZipError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return e as ZipError;
  }
  throw new Error('expected a ZipError');
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('a well-made zip', () => {
  it('lists its entries by lower-case name, keeping the name as written, and reads each', () => {
    for (const level of [0, 6] as const) {
      const bytes = zip({ 'Word/Document.xml': '<w:document>甲乙</w:document>', 'docProps/core.xml': 'x'.repeat(5000) }, level);
      const entries = zipEntries(bytes);
      expect([...entries.keys()]).toEqual(['word/document.xml', 'docprops/core.xml']);
      const doc = entries.get('word/document.xml')!;
      expect(doc.name).toBe('Word/Document.xml');
      expect(doc.method).toBe(level === 0 ? 0 : 8);
      expect(doc.size).toBe(strToU8('<w:document>甲乙</w:document>').length);
      expect(text(readEntry(bytes, doc, 1000))).toBe('<w:document>甲乙</w:document>');
      expect(text(readEntry(bytes, entries.get('docprops/core.xml')!, 5000))).toBe('x'.repeat(5000));
    }
  });

  it('finds the end record behind a comment', () => {
    const bytes = zip({ 'a.xml': 'a' }, 6, '注释'.repeat(50));
    expect(text(readEntry(bytes, zipEntries(bytes).get('a.xml')!, 10))).toBe('a');
  });

  it('reads a zip held in part of a larger buffer', () => {
    const inner = zip({ 'a.xml': 'abc' });
    const outer = new Uint8Array(inner.length + 16);
    outer.set(inner, 8);
    const bytes = outer.subarray(8, 8 + inner.length);
    expect(text(readEntry(bytes, zipEntries(bytes).get('a.xml')!, 10))).toBe('abc');
  });

  it('decodes names as UTF-8 when flagged, else as Latin-1', () => {
    const bytes = zip({ '中.xml': 'a' });
    const { central, view } = layout(bytes);
    expect([...zipEntries(bytes).keys()]).toEqual(['中.xml']);
    view.setUint16(central + 8, view.getUint16(central + 8, true) & ~0x800, true);
    expect([...zipEntries(bytes).keys()]).toEqual([Buffer.from('中.xml').toString('latin1').toLowerCase()]);
  });
});

describe('what is refused', () => {
  it('what is not a zip: too short, or not starting with a local header', () => {
    expect(refused(() => zipEntries(new Uint8Array(21))).problem).toBe('not-zip');
    expect(refused(() => zipEntries(strToU8('<html>not a zip at all, but long enough</html>'))).problem).toBe('not-zip');
    // 22 bytes that start right but hold no end record.
    const short = new Uint8Array(22);
    new DataView(short.buffer).setUint32(0, 0x04034b50, true);
    expect(refused(() => zipEntries(short)).message).toBe('no end of central directory');
  });

  it('a zip whose end record is cut off, or whose comment runs past the end', () => {
    const bytes = zip({ 'a.xml': 'a' });
    expect(refused(() => zipEntries(bytes.subarray(0, bytes.length - 1))).message).toBe('no end of central directory');
    const { eocd, view } = layout(bytes);
    view.setUint16(eocd + 20, 1, true);
    expect(refused(() => zipEntries(bytes)).message).toBe('no end of central directory');
  });

  it.each([
    ['entries', 10, 2, 0xffff],
    ['directory size', 12, 4, 0xffffffff],
    ['directory start', 16, 4, 0xffffffff],
  ])('zip64 (%s at its marker)', (_, offset, width, value) => {
    const bytes = zip({ 'a.xml': 'a' });
    const { eocd, view } = layout(bytes);
    if (width === 2) view.setUint16(eocd + offset, value, true);
    else view.setUint32(eocd + offset, value, true);
    const e = refused(() => zipEntries(bytes));
    expect([e.problem, e.message]).toEqual(['unsupported', 'zip64']);
  });

  it.each([4, 6])('a zip split over disks (disk number at +%i)', (offset) => {
    const bytes = zip({ 'a.xml': 'a' });
    const { eocd, view } = layout(bytes);
    view.setUint16(eocd + offset, 1, true);
    expect(refused(() => zipEntries(bytes)).problem).toBe('unsupported');
  });

  it('more entries than any document has, and not fewer', () => {
    const bytes = zip({ 'a.xml': 'a' });
    const { eocd, view } = layout(bytes);
    view.setUint16(eocd + 10, 10_001, true);
    const e = refused(() => zipEntries(bytes));
    expect([e.problem, e.message]).toEqual(['broken', '10001 entries']);
    // 10,000 is allowed: the directory is then found too short for them.
    view.setUint16(eocd + 10, 10_000, true);
    expect(refused(() => zipEntries(bytes)).message).toBe('central directory entry');
  });

  it('a central directory reaching past the end record', () => {
    const bytes = zip({ 'a.xml': 'a' });
    const { eocd, view } = layout(bytes);
    view.setUint32(eocd + 12, view.getUint32(eocd + 12, true) + 1, true);
    expect(refused(() => zipEntries(bytes)).message).toBe('central directory outside the file');
  });

  it('a central directory entry with the wrong signature, or names running past the directory', () => {
    const bytes = zip({ 'a.xml': 'a' });
    const { central, view } = layout(bytes);
    view.setUint32(central, CENTRAL + 1, true);
    expect(refused(() => zipEntries(bytes)).message).toBe('central directory entry');
    view.setUint32(central, CENTRAL, true);
    for (const field of [28, 30, 32]) {
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint16(central + field, 200, true);
      const e = refused(() => zipEntries(copy));
      expect([e.problem, e.message]).toEqual(['broken', 'central directory entry']);
    }
  });

  it('an encrypted entry', () => {
    const bytes = zip({ 'a.xml': 'a' });
    const { central, view } = layout(bytes);
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    const e = refused(() => zipEntries(bytes));
    expect([e.problem, e.message]).toEqual(['unsupported', 'encrypted']);
  });

  it.each([20, 24, 42])('an entry with a zip64 marker (field at +%i)', (field) => {
    const bytes = zip({ 'a.xml': 'a' });
    const { central, view } = layout(bytes);
    view.setUint32(central + field, 0xffffffff, true);
    const e = refused(() => zipEntries(bytes));
    expect([e.problem, e.message]).toEqual(['unsupported', 'zip64']);
  });
});

describe('reading an entry', () => {
  const bytes = zip({ 'a.xml': 'abcdef'.repeat(100) });
  const entry = zipEntries(bytes).get('a.xml')!;
  const stored = zip({ 'a.xml': 'abcdef' }, 0);
  const storedEntry = zipEntries(stored).get('a.xml')!;

  it('reads up to the limit exactly, and refuses one byte past it', () => {
    expect(readEntry(bytes, entry, 600)).toHaveLength(600);
    expect(refused(() => readEntry(bytes, entry, 599)).problem).toBe('too-large');
    expect(readEntry(stored, storedEntry, 6)).toHaveLength(6);
    expect(refused(() => readEntry(stored, storedEntry, 5)).problem).toBe('too-large');
  });

  it('refuses data past the limit even when the directory understates its size (a zip bomb)', () => {
    const lying: ZipEntry = { ...entry, size: 10 };
    const e = refused(() => readEntry(bytes, lying, 100));
    expect([e.problem, e.message]).toEqual(['too-large', 'a.xml']);
    const lyingStored: ZipEntry = { ...storedEntry, size: 1 };
    expect(refused(() => readEntry(stored, lyingStored, 5)).problem).toBe('too-large');
    expect(text(readEntry(stored, lyingStored, 6))).toBe('abcdef');
  });

  it('refuses a local header outside the file or with the wrong signature', () => {
    expect(refused(() => readEntry(bytes, { ...entry, offset: bytes.length - 29 }, 1000)).message).toBe('local header of a.xml');
    expect(refused(() => readEntry(bytes, { ...entry, offset: 1 }, 1000)).message).toBe('local header of a.xml');
  });

  it('skips the local header’s name and extra field to find the data', () => {
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    // The local name is shortened by one and the extra field lengthened by one: the data starts where it did.
    view.setUint16(26, view.getUint16(26, true) - 1, true);
    view.setUint16(28, view.getUint16(28, true) + 1, true);
    expect(text(readEntry(copy, entry, 1000))).toBe('abcdef'.repeat(100));
    // Longer by one: the data is read from one byte on, and is no longer a deflate stream or is cut short.
    view.setUint16(28, view.getUint16(28, true) + 1, true);
    expect(() => readEntry(copy, entry, 1000)).toThrow(ZipError);
  });

  it('refuses data reaching past the end of the file', () => {
    const e = refused(() => readEntry(bytes, { ...entry, compressedSize: bytes.length }, 1000));
    expect([e.problem, e.message]).toEqual(['broken', 'data of a.xml']);
    // Ending exactly at the end of the file is allowed (stored data read to the last byte).
    const start = 30 + 'a.xml'.length;
    expect(readEntry(stored, { ...storedEntry, compressedSize: stored.length - start, size: 0 }, 1000)).toHaveLength(stored.length - start);
  });

  it('refuses a compression method other than stored and deflated', () => {
    const e = refused(() => readEntry(bytes, { ...entry, method: 12 }, 1000));
    expect([e.problem, e.message]).toEqual(['unsupported', 'compression method 12']);
  });

  it('refuses deflated data that is not a deflate stream, naming the entry', () => {
    const e = refused(() => readEntry(stored, { ...storedEntry, method: 8 }, 1000));
    expect(e.problem).toBe('broken');
    expect(e.message.startsWith('a.xml: ')).toBe(true);
  });
});
