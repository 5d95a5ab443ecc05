/**
 * A report's .docx package, assembled from parts the docx package writes.
 *
 * Of a report's twenty-odd parts only two differ between reports of the same
 * layout: the body (word/document.xml) and docProps/core.xml. So docx writes
 * a skeleton document once per layout, one marker paragraph for a body; its
 * parts are kept, the static ones already deflated. For each report, docx
 * formats only the body's paragraphs and tables (`prepForXml`, as its Packer
 * does), they are written out with the xml package (whose output docx's own
 * writer reproduces byte for byte) in the marker's place, and fflate zips the
 * parts. A test checks every part against docx's Packer for each example.
 */
import { Document, Packer, Paragraph, type Table } from 'docx';
import { deflateSync, strFromU8, strToU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { crc32 } from 'node:zlib';
import xml from 'xml';

type Block = Paragraph | Table;
type FormatContext = Parameters<Paragraph['prepForXml']>[0];

interface Part {
  path: string;
  size: number;
  crc: number;
  deflated: Uint8Array<ArrayBuffer>;
}

/** The parts of a layout's documents, in zip order; the two paths mark where each report's own go. */
export interface Skeleton {
  parts: Array<Part | 'word/document.xml' | 'docProps/core.xml'>;
  /** document.xml up to the body's first child, and from after its last child. */
  before: string;
  after: string;
  context: () => FormatContext;
}

const MARKER = 'report-body-goes-here';
const DEFLATE = { level: 6 } as const;

function part(path: string, raw: Uint8Array): Part {
  return { path, size: raw.length, crc: crc32(raw), deflated: deflateSync(raw, DEFLATE) };
}

/**
 * Writes the skeleton for one layout. `make` builds the document with the given body;
 * `finish` may amend a part (by path) before it is kept.
 */
export async function makeSkeleton(make: (body: Block[]) => Document, finish: (path: string, text: string) => string = (_, t) => t): Promise<Skeleton> {
  const marker = new Paragraph({ text: MARKER });
  const doc = make([marker]);
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const context = (): FormatContext => ({ file: doc, viewWrapper: doc.Document, stack: [] });
  const markerXml = xml(marker.prepForXml(context()) as xml.XmlObject);
  const parts: Skeleton['parts'] = [];
  let before = '';
  let after = '';
  for (const [path, bytes] of Object.entries(files)) {
    if (path === 'word/document.xml') {
      const text = strFromU8(bytes);
      const at = text.indexOf(markerXml);
      if (at < 0 || text.indexOf(markerXml, at + 1) >= 0) throw new Error('docx wrote the skeleton body in a way this version does not know');
      before = text.slice(0, at);
      after = text.slice(at + markerXml.length);
      parts.push(path);
    } else if (path === 'docProps/core.xml') {
      parts.push(path);
    } else {
      const text = strFromU8(bytes);
      const amended = finish(path, text);
      parts.push(part(path, amended === text ? bytes : strToU8(amended)));
    }
  }
  return { parts, before, after, context };
}

/** word/document.xml for a body, as docx's Packer would write it. */
export function documentXml(skeleton: Skeleton, body: readonly Block[]): string {
  const context = skeleton.context();
  const formatted = body.map((block) => block.prepForXml(context)).filter((x) => x !== undefined);
  return skeleton.before + xml(formatted as xml.XmlObject[]) + skeleton.after;
}

/**
 * The .docx bytes: the skeleton's parts with this report's body and core.xml.
 * Every entry is dated `date` at 00:00, whatever the time zone.
 */
export function assemble(skeleton: Skeleton, body: readonly Block[], coreXml: string, date: { year: number; month: number; day: number }): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  // fflate writes the DOS time from the local-time fields of the Date.
  const mtime = new Date(Math.max(1980, date.year), date.month - 1, date.day);
  const add = (p: Part) => {
    const entry: ZipInputFile = { filename: p.path, size: p.size, crc: p.crc, compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, p.deflated, true);
  };
  for (const p of skeleton.parts) {
    if (p === 'word/document.xml') add(part(p, strToU8(documentXml(skeleton, body))));
    else if (p === 'docProps/core.xml') add(part(p, strToU8(coreXml)));
    else add(p);
  }
  zip.end();
  if (failure) throw failure;
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
