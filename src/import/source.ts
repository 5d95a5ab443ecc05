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
import { decodeText, readBytes } from '../load/read.js';
import { convertWithLibreOffice } from '../libreoffice.js';

export type SourceKind = 'docx' | 'doc' | 'html' | 'txt' | 'md';

export interface Source {
  kind: SourceKind;
  /** The report's paragraphs in order, trimmed, none empty. */
  lines: string[];
}

/** A problem with the file itself (not a report, unreadable), said in words for the clerk. */
export class ImportError extends Error {}

/** A web page or a document with its pictures is larger than a data file, but a report is never this large. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
/** What a DOCX may inflate to: a long report with pictures is tens of megabytes. */
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

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
  const bytes = readBytes(file, MAX_SOURCE_BYTES);
  switch (kind) {
    case 'docx':
      return { kind, lines: await docxLines(bytes) };
    case 'doc':
      return { kind, lines: await docxLines(convertWithOffice(file, env)) };
    case 'html':
      return { kind, lines: await htmlLines(decodeText(bytes).text) };
    case 'md':
      return { kind, lines: await markdownLines(decodeText(bytes).text) };
    default:
      return { kind, lines: toLines(decodeText(bytes).text) };
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
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true })).value;
  } catch {
    throw new ImportError(t('import.docx-broken'));
  }
  return htmlLines(html);
}

/** Refuses a zip that is not one, or that inflates past the limit, before a library inflates it all into memory. */
export function checkZip(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): void {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportError(t('import.docx-broken'));
  let total = 0;
  let tooLarge = false;
  let broken = false;
  const unzip = new Unzip((entry) => {
    entry.ondata = (err, chunk) => {
      if (err) broken = true;
      total += chunk?.length ?? 0;
      if (total > limit && !tooLarge) {
        tooLarge = true;
        entry.terminate();
      }
    };
    if (!tooLarge) entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    broken = true;
  }
  if (tooLarge) throw new ImportError(t('import.docx-too-large', { mb: Math.round(limit / 1024 / 1024) }));
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
  const tree = fromHtml(html);
  prune(tree);
  return toLines(toText(tree));
}

/** Removes what is not text and writes out the numbers of ordered lists (1. 2.), which innerText leaves out. */
function prune(node: Root | Element): void {
  const kept: (RootContent | ElementContent)[] = [];
  let n = node.type === 'element' && node.tagName === 'ol' ? Number(node.properties?.start ?? 1) || 1 : 0;
  for (const child of node.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
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
  // remark-cjk-friendly: **加强组织领导。**正文 is bold in Chinese text, as a clerk means it.
  const processor = unified().use(remarkParse).use(remarkCjkFriendly);
  const mdast = processor.runSync(processor.parse(markdown)) as MdastRoot;
  // A line break inside a paragraph is a space between words, and nothing between Chinese characters.
  const join = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text' && node.value) node.value = node.value.replace(/(\p{Script=Han}|[，。；：、！？”）])\n(?=\p{Script=Han}|[“（])/gu, '$1');
    for (const child of (node.children ?? []) as (typeof node)[]) join(child);
  };
  join(mdast);
  const hast = toHast(mdast) as Root;
  prune(hast);
  return toLines(toText(hast));
}
