import { DOMParser, type Document, type Element, onWarningStopParsing } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

/**
 * An XML document parsed by a real parser, which throws on any error or warning. xmldom lets
 * two things pass that XML forbids, a bare `&` (one that starts no entity reference) and `]]>`
 * outside a CDATA section, so those are checked here too.
 */
export function parseXml(source: string, name: string): Document {
  const around = (at: number) => source.slice(Math.max(0, at - 40), at + 40);
  const bare = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(source);
  if (bare) throw new Error(`${name}: a bare “&” at ${bare.index}: ${around(bare.index)}`);
  // Nor does it check characters: XML 1.0 has no control characters but tab and line breaks, no U+FFFE or U+FFFF, no half surrogate pair.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids
  const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.exec(source);
  if (invalid) throw new Error(`${name}: the character U+${invalid[0].charCodeAt(0).toString(16).padStart(4, '0')}, which XML forbids, at ${invalid.index}`);
  const cdataEnd = source.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length)).indexOf(']]>');
  if (cdataEnd >= 0) throw new Error(`${name}: “]]>” outside a CDATA section at ${cdataEnd}: ${around(cdataEnd)}`);
  try {
    return new DOMParser({
      // U+FFFD is a character like any other to XML; xmldom only guesses it marks an encoding problem.
      onError: (level, message) => (level === 'warning' && message.includes('Unicode replacement character') ? undefined : onWarningStopParsing()),
    }).parseFromString(source, 'application/xml');
  } catch (e) {
    throw new Error(`${name} is not well-formed XML: ${(e as Error).message}`);
  }
}

/** Every XML part of a .docx package (.xml and .rels), parsed; throws naming the first part that is not well-formed. */
export function docxXmlParts(bytes: Uint8Array): Map<string, Document> {
  const parts = new Map<string, Document>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, parseXml(strFromU8(data), name));
  }
  return parts;
}

/** The text of the first element with this namespace and local name. */
export function textOfFirst(doc: Document, ns: string, name: string): string | undefined {
  return doc.getElementsByTagNameNS(ns, name)[0]?.textContent ?? undefined;
}

/** The text of each paragraph (w:p) of word/document.xml, as Word shows it: w:t runs joined, a tab as \t, a break as \n. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const doc = docxXmlParts(bytes).get('word/document.xml');
  if (!doc) throw new Error('no word/document.xml');
  const paragraphs = doc.getElementsByTagNameNS(NS.w, 'p');
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    let text = '';
    const walk = (node: Element) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        if (el.namespaceURI === NS.w && el.localName === 't') text += el.textContent ?? '';
        else if (el.namespaceURI === NS.w && el.localName === 'tab') text += '\t';
        else if (el.namespaceURI === NS.w && el.localName === 'br') text += '\n';
        else walk(el);
      }
    };
    walk(paragraphs[i]!);
    out.push(text);
  }
  return out;
}

/** Each entry's DOS date and time, from the zip's central directory. */
export function zipEntryDates(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory entry at ${at}`);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const p = (n: number) => String(n).padStart(2, '0');
    out.push(`${(date >> 9) + 1980}-${p((date >> 5) & 15)}-${p(date & 31)} ${p(time >> 11)}:${p((time >> 5) & 63)}:${p((time & 31) * 2)}`);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}
