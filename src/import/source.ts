/**
 * The text of an existing report, as lines, whatever it was saved as: a Word or WPS document
 * (.docx; .doc and .wps through LibreOffice), the page of a government website (.html), plain
 * text in UTF-8 or GBK (.txt), or Markdown (.md). Every kind becomes the same thing: the report's
 * paragraphs in order, one per line, numbering written out (a Word list's 1. 2. included), and
 * nothing of the markup; the web page's menus and footers are still there and are cut later,
 * by what they say (structure.ts).
 *
 * The file is untrusted: it is read only if it is a regular file of a sensible size, a DOCX is
 * inflated only as far as a limit (a small zip can hold gigabytes), and nothing in it is run.
 */
import { basename, extname } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { t } from '../i18n/index.js';
import { decodeText, MAX_INPUT_BYTES, readBytes } from '../load/read.js';
import { convertWithLibreOffice } from '../libreoffice.js';
import { writeOutNumbering } from './numbering.js';

export type SourceKind = 'docx' | 'doc' | 'html' | 'txt' | 'md';

export interface Source {
  kind: SourceKind;
  /** The report's paragraphs in order, trimmed, none empty. */
  lines: string[];
}

/** A problem with the file itself (not a report, unreadable), said in words for the clerk. */
export class ImportError extends Error {}

/** A document with its pictures is larger than a data file, but a report is never this large. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
/** A web page: its text and markup, its pictures saved beside it. Parsing takes about a second and 100 MB a megabyte. */
const MAX_HTML_BYTES = 8 * 1024 * 1024;
/** What a DOCX may inflate to: a long report with pictures is tens of megabytes. */
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
/** What its XML (the text, styles, numbering) may inflate to: a long report's is a few megabytes, and reading takes a second a megabyte. */
const MAX_XML_BYTES = 16 * 1024 * 1024;
/** A zip is inflated this many bytes at a time, so that no entry is inflated whole into memory before the limits are seen. */
const ZIP_STEP = 16 * 1024;
/** The text of a report: 0.1 MB is a long one; more than this would make a data file too large to check. */
const MAX_TEXT_BYTES = 1024 * 1024;
/** Runs of * and _ in Markdown: a report has a few hundred; the Markdown reader's time grows with their square. */
const MAX_EMPHASIS_RUNS = 10_000;

const KINDS: Record<string, SourceKind> = {
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/** The kind of a file by its extension, or undefined for one import cannot read. */
export function sourceKind(file: string): SourceKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}

/** Reads a report file into lines. Throws ReadError (the file) or ImportError (its content). */
export async function readSource(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Source> {
  const kind = sourceKind(file);
  if (!kind) throw new ImportError(t('import.kind', { ext: extname(file) || basename(file) }));
  // Text, Markdown and web pages are no larger than a data file may be (a web page's pictures are files beside it).
  const bytes = readBytes(file, kind === 'docx' || kind === 'doc' ? MAX_SOURCE_BYTES : kind === 'html' ? MAX_HTML_BYTES : MAX_INPUT_BYTES);
  const lines = await (async () => {
    switch (kind) {
      case 'docx':
        return docxLines(bytes);
      case 'doc':
        return docxLines(convertWithOffice(file, env));
      case 'html':
        return htmlLines(decodeText(bytes).text);
      case 'md':
        return markdownLines(decodeText(bytes).text);
      default:
        return toLines(decodeText(bytes).text);
    }
  })();
  // The data file holds the text and its marks, and must be small enough for `report check` to read.
  let size = 0;
  for (const l of lines) size += Buffer.byteLength(l) + 1;
  if (size > MAX_TEXT_BYTES) throw new ImportError(t('import.too-long', { mb: Math.round(MAX_TEXT_BYTES / 1024 / 1024) }));
  return { kind, lines };
}

/** Runs a reader of nested markup: a tree thousands of levels deep overflows its stack, which is said in words. */
function shallow<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RangeError) throw new ImportError(t('import.too-deep'));
    throw e;
  }
}

/** Text split into trimmed, non-empty lines; control characters other than line breaks dropped. */
export function toLines(text: string): string[] {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
  );
}

/** A DOCX's paragraphs: mammoth reads Word's and WPS's documents (numbering, tables, fields, tracked changes) into HTML. */
async function docxLines(bytes: Uint8Array): Promise<string[]> {
  checkZip(bytes);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    // Pictures are left out unread: only the text is imported.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    // Word's automatic numbering (一、（一）1.) as text first: mammoth would make it lists numbered 1.
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: pictures left unencoded and empty paragraphs left out only save work; the lines are the same
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(writeOutNumbering(bytes)) }, { ignoreEmptyParagraphs: true, convertImage })).value;
  } catch {
    throw new ImportError(t('import.docx-broken'));
  }
  return htmlLines(html);
}

/**
 * Refuses a zip that is not one, that inflates past the limit, or whose XML (what the reader parses,
 * pictures aside) inflates past its own, before a library inflates it all into memory. The zip is
 * inflated a little at a time and dropped as it goes: a small zip can hold gigabytes.
 */
export function checkZip(bytes: Uint8Array, limit = MAX_INFLATED_BYTES, xmlLimit = MAX_XML_BYTES): void {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError(t('import.docx-broken'));
  let total = 0;
  let xml = 0;
  let tooLarge: 'all' | 'xml' | null = null;
  let broken = false;
  const unzip = new Unzip((entry) => {
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    entry.ondata = (err, chunk) => {
      if (err) broken = true;
      const n = chunk?.length ?? 0;
      total += n;
      if (isXml) xml += n;
      if (tooLarge) return;
      if (total > limit) tooLarge = 'all';
      else if (xml > xmlLimit) tooLarge = 'xml';
      if (tooLarge) entry.terminate();
    };
    if (!tooLarge) entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !tooLarge && !broken; at += ZIP_STEP) unzip.push(bytes.subarray(at, at + ZIP_STEP), at + ZIP_STEP >= bytes.length);
  } catch {
    broken = true;
  }
  if (tooLarge === 'all') throw new ImportError(t('import.docx-too-large', { mb: Math.round(limit / 1024 / 1024) }));
  if (tooLarge === 'xml') throw new ImportError(t('import.docx-text-too-large', { mb: Math.round(xmlLimit / 1024 / 1024) }));
  if (broken) throw new ImportError(t('import.docx-broken'));
}

/** A .doc or .wps made into a DOCX by LibreOffice, when it is installed; a clear message when it is not. */
function convertWithOffice(file: string, env: NodeJS.ProcessEnv): Uint8Array {
  const converted = convertWithLibreOffice(file, 'docx', env, 120_000, (path) => readBytes(path, MAX_SOURCE_BYTES));
  if (converted.ok) return converted.bytes;
  throw new ImportError(t(converted.why === 'missing' ? 'import.doc-needs-libreoffice' : 'import.doc-failed'));
}

/** Elements whose text is never the report's: scripts, styles, forms, menus and the page's own header and footer. */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'select',
  'button',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'audio',
  'video',
]);

/** An HTML page's paragraphs, in the order a browser shows them (innerText), each list item with its number written out. */
async function htmlLines(html: string): Promise<string[]> {
  const [{ fromHtml }, { toText }] = await Promise.all([import('hast-util-from-html'), import('hast-util-to-text')]);
  return shallow(() => {
    const tree = fromHtml(html);
    prune(tree);
    return toLines(toText(tree));
  });
}

/** Removes what is not text and writes out the numbers of ordered lists (1. 2.), which innerText leaves out. */
function prune(node: Root | Element): void {
  const kept: (RootContent | ElementContent)[] = [];
  let n = node.type === 'element' && node.tagName === 'ol' ? Number(node.properties?.start ?? 1) || 1 : 0;
  for (const child of node.children) {
    // Comments and the doctype have no text to show (hast-util-to-text passes them over), so they stay.
    if (child.type === 'element') {
      if (NOT_TEXT.has(child.tagName)) continue;
      prune(child);
      if (node.type === 'element' && node.tagName === 'ol' && child.tagName === 'li') {
        const first = child.children[0];
        const own = first?.type === 'text' && /^\s*(\d+[.．、]|[（(]\d+[）)])/.test(first.value);
        if (!own) child.children.unshift({ type: 'text', value: `${n}.` });
        n++;
      }
    }
    kept.push(child);
  }
  (node as Root).children = kept as RootContent[];
}

/** A Markdown file's paragraphs: rendered as HTML would be, headings and list numbers written out, emphasis dropped. */
async function markdownLines(markdown: string): Promise<string[]> {
  const [{ unified }, { default: remarkParse }, { default: remarkCjkFriendly }, { toHast }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-cjk-friendly'),
    import('mdast-util-to-hast'),
  ]);
  const { toText } = await import('hast-util-to-text');
  // The Markdown reader takes time with the square of the runs of emphasis in a paragraph, and of the depth of quotes.
  if ((markdown.match(/[*_]+/g)?.length ?? 0) > MAX_EMPHASIS_RUNS) throw new ImportError(t('import.md-emphasis', { n: MAX_EMPHASIS_RUNS }));
  if (/^(?:[ \t]*>){100}/m.test(markdown)) throw new ImportError(t('import.too-deep'));
  // remark-cjk-friendly: **加强组织领导。**正文 is bold in Chinese text, as a clerk means it.
  const processor = unified().use(remarkParse).use(remarkCjkFriendly);
  // A line break inside a paragraph is a space between words, and nothing between Chinese characters.
  const join = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text' && node.value) node.value = node.value.replace(/(\p{Script=Han}|[，。；：、！？”）])\n(?=\p{Script=Han}|[“（])/gu, '$1');
    for (const child of (node.children ?? []) as (typeof node)[]) join(child);
  };
  return shallow(() => {
    const mdast = processor.runSync(processor.parse(markdown)) as MdastRoot;
    join(mdast);
    const hast = toHast(mdast) as Root;
    prune(hast);
    return toLines(toText(hast));
  });
}
