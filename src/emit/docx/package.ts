/**
 * A report's .docx package, assembled from parts the docx package writes.
 *
 * Of a report's twenty-odd parts only two differ between reports of the same
 * layout: the body (word/document.xml) and docProps/core.xml. So docx writes
 * a skeleton document once per layout, one marker paragraph for a body; its
 * parts are kept deflated, the same bytes docx zipped. For each report, docx
 * formats only the body's paragraphs and tables (`prepForXml`, as its Packer
 * does), they are written out with the xml package (whose output docx's own
 * writer reproduces byte for byte) in the marker's place, and fflate zips the
 * parts. A test checks every part against docx's Packer for each example.
 */
import type { Document, Paragraph, Table } from 'docx';
import { deflateSync, strFromU8, strToU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { crc32 } from 'node:zlib';
import xml from 'xml';
import type { StoredShapes, StoredSkeleton } from '../../speed/prebuilt.js';
import { docx, loadDocx } from './lib.js';
import { ShapedParagraph, ShapeWriter } from './shapes.js';

/** What a body is made of. */
export type Block = Paragraph | Table | ShapedParagraph;

/** A block → docx's own, for a document docx writes whole. */
export const docxBlock = (block: Block): Paragraph | Table => (block instanceof ShapedParagraph ? block.docx : block);
type FormatContext = Parameters<Paragraph['prepForXml']>[0];

interface Part {
  path: string;
  size: number;
  crc: number;
  /** ZIP compression method of `data`: 8 deflated, 0 stored. */
  method: number;
  data: Uint8Array<ArrayBuffer>;
}

/** The parts of a layout's documents, in zip order; the two paths mark where each report's own go. */
export interface Skeleton {
  parts: Array<Part | 'word/document.xml' | 'docProps/core.xml'>;
  /** document.xml up to the body's first child, and from after its last child. */
  before: string;
  after: string;
  context: () => FormatContext;
  /** Shapes of paragraph and run written before, if any (see shapes.ts). */
  shapes?: StoredShapes;
}

// Stryker disable next-line StringLiteral: any paragraph found once in the skeleton marks the place, an empty one too
const MARKER = 'report-body-goes-here';

function deflated(path: string, raw: Uint8Array): Part {
  return { path, size: raw.length, crc: crc32(raw), method: 8, data: deflateSync(raw) };
}

/**
 * A document maker and part amendments → the skeleton of one layout, written by docx.
 * `make` builds the document with the given body; `amend` changes a part's text (by path)
 * before it is kept.
 */
export async function makeSkeleton(make: (body: Block[]) => Document, amend: Readonly<Record<string, (text: string) => string>> = {}): Promise<Skeleton> {
  await loadDocx();
  const { doc, marker, context } = skeletonDocument(make);
  // docx zips every part with fflate's zipSync at its default level, 6, so deflating the
  // unzipped parts again the same way gives back docx's bytes: the reports are the same either way.
  const files = unzipSync(new Uint8Array(await docx().Packer.toBuffer(doc)));
  const markerXml = xml(marker.prepForXml(context()) as xml.XmlObject);
  const text = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const at = text.indexOf(markerXml);
  // Stryker disable next-line EqualityOperator: at is never 0 (the XML declaration comes first), and a second marker is found after at, never at 0
  if (at < 0 || text.indexOf(markerXml, at + 1) >= 0) throw new Error('docx wrote the skeleton body in a way this version does not know');
  const before = text.slice(0, at);
  const after = text.slice(at + markerXml.length);
  const parts = Object.entries(files).map(([path, data]): Skeleton['parts'][number] => {
    if (path === 'word/document.xml' || path === 'docProps/core.xml') return path;
    // Deflated, whatever docx did: streaming readers (Java's ZipInputStream) cannot read a
    // stored entry with a data descriptor.
    const change = amend[path];
    return deflated(path, change ? strToU8(change(strFromU8(data))) : data);
  });
  return { parts, before, after, context };
}

/** The document a skeleton is written from; its body's blocks are formatted in its context. */
function skeletonDocument(make: (body: Block[]) => Document) {
  const marker = new (docx().Paragraph)({ text: MARKER });
  const doc = make([marker]);
  const context = (): FormatContext => ({ file: doc, viewWrapper: doc.Document, stack: [] });
  return { doc, marker, context };
}

/** A skeleton → the form dist/prebuilt.json keeps it in, with the shapes its documents have had. */
export function storeSkeleton(skeleton: Skeleton): StoredSkeleton {
  return {
    parts: skeleton.parts.map((p) => (typeof p === 'string' ? p : { path: p.path, size: p.size, crc: p.crc, method: p.method, data: Buffer.from(p.data).toString('base64') })),
    before: skeleton.before,
    after: skeleton.after,
    shapes: writerOf(skeleton).shapes(),
  };
}

/** A stored skeleton and its layout's document maker → the skeleton: docx writes no part, and constructs the document only for a block that needs it. */
export function restoreSkeleton(stored: StoredSkeleton, make: (body: Block[]) => Document): Skeleton {
  const parts = stored.parts.map((p): Skeleton['parts'][number] => {
    if (typeof p !== 'string') return { ...p, data: new Uint8Array(Buffer.from(p.data, 'base64')) };
    if (p === 'word/document.xml' || p === 'docProps/core.xml') return p;
    throw new Error(`dist/prebuilt.json names an unknown part ${p}; run “npm run build”`);
  });
  // The document is made only if a block needs it (a table: a paragraph of text runs is written without it).
  let made: ReturnType<typeof skeletonDocument> | undefined;
  const context = () => {
    made ??= skeletonDocument(make);
    return made.context();
  };
  return { parts, before: stored.before, after: stored.after, context, shapes: stored.shapes };
}

/** A skeleton and a body → word/document.xml, as docx's Packer would write it. */
export function documentXml(skeleton: Skeleton, body: readonly Block[]): string {
  const writer = writerOf(skeleton);
  let out = skeleton.before;
  for (const block of body) out += writer.write(block);
  return out + skeleton.after;
}

/** Each skeleton's writer, which knows the shapes of paragraph its documents have had. */
const writers = new WeakMap<Skeleton, ShapeWriter>();

/** A skeleton → its writer, made on first use with the shapes kept with it. */
function writerOf(skeleton: Skeleton): ShapeWriter {
  let writer = writers.get(skeleton);
  // Stryker disable next-line ConditionalExpression: a new writer writes the same XML, only learning its shapes again
  if (!writer) {
    writer = new ShapeWriter(skeleton.context, skeleton.shapes);
    writers.set(skeleton, writer);
  }
  return writer;
}

/** A day of the calendar: what a package's entries and properties are dated with. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * A skeleton, a body, core.xml and the document's date → the .docx bytes: the skeleton's
 * parts with this report's body and core.xml.
 * Every entry is dated `date` at 00:00, whatever the time zone.
 */
export function assemble(skeleton: Skeleton, body: readonly Block[], coreXml: string, date: Day): Uint8Array {
  return zipParts(
    skeleton.parts.map((p) => (p === 'word/document.xml' ? deflated(p, strToU8(documentXml(skeleton, body))) : p === 'docProps/core.xml' ? deflated(p, strToU8(coreXml)) : p)),
    date,
  );
}

/**
 * A package docx's Packer wrote, part amendments (by path) and a date → the package again, with every part as the
 * amendments leave it, deflated, in the same order, and every entry dated `date` at 00:00: the same bytes each time.
 */
export function repack(packed: Uint8Array, amend: Readonly<Record<string, (text: string) => string>>, date: Day): Uint8Array {
  const parts = Object.entries(unzipSync(packed)).map(([path, data]) => {
    const change = amend[path];
    return deflated(path, change ? strToU8(change(strFromU8(data))) : data);
  });
  return zipParts(parts, date);
}

/** Parts and a date → a zip of them in that order, every entry dated `date` at 00:00, whatever the time zone. */
function zipParts(parts: readonly Part[], date: Day): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    // fflate reports an error only for a part named in over 64 KiB, added after the end, or whose
    // data reports one; none of that happens to docx's parts, each given whole.
    // Stryker disable next-line ConditionalExpression: err is always null (above)
    if (err) throw err;
    chunks.push(chunk);
  });
  // fflate writes the DOS time from the local-time fields of the Date. Zip dates run from 1980
  // to 2099 (fflate's limit); a 成文日期 outside them, surely a typing error that lint warns
  // of, dates the entries at the nearer end. docProps/core.xml keeps the date as written.
  const mtime = date.year < 1980 ? new Date(1980, 0, 1) : date.year > 2099 ? new Date(2099, 11, 31) : new Date(date.year, date.month - 1, date.day);
  for (const p of parts) {
    const entry: ZipInputFile = { filename: p.path, size: p.size, crc: p.crc, compression: p.method, mtime };
    zip.add(entry);
    entry.ondata!(null, p.data, true);
  }
  zip.end();
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
