/**
 * Makes the docx package's output deterministic and finishes its styles.
 *
 * The docx package stamps the build time into docProps/core.xml and into
 * every zip entry's DOS timestamp. core.xml is supplied whole (dated with the
 * report's 成文日期) and the timestamps are rewritten in place, which leaves
 * the compressed data and CRCs untouched and costs nothing.
 */
import { Document, Packer, type IStylesOptions } from 'docx';
import { strFromU8, unzipSync } from 'fflate';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** docProps/core.xml with fixed dates. */
export function coreXml(title: string, creator: string, isoTimestamp: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${isoTimestamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoTimestamp}</dcterms:modified></cp:coreProperties>`
  );
}

const stylesCache = new Map<string, Promise<string>>();

/**
 * word/styles.xml for a layout, made once per layout. It adds what the docx
 * package cannot say: no automatic space between Chinese and Latin text or
 * digits (2024年, not 2024 年), as official documents are typeset. Word and
 * WPS read it from the defaults; LibreOffice from the Normal style.
 */
export function stylesXml(key: string, styles: IStylesOptions): Promise<string> {
  let cached = stylesCache.get(key);
  if (!cached) {
    cached = Packer.toBuffer(new Document({ styles, sections: [{ children: [] }] })).then((buf) => {
      const xml = strFromU8(unzipSync(new Uint8Array(buf), { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml']!);
      const noAutoSpace = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
      return xml
        .replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${noAutoSpace}`)
        .replace(
          '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>',
          `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${noAutoSpace}</w:pPr></w:style>`,
        );
    });
    stylesCache.set(key, cached);
  }
  return cached;
}

/**
 * Sets every zip entry's DOS date and time (local file headers and central
 * directory) to the given day at 00:00, in place.
 */
export function fixZipTimes(zip: Uint8Array, isoDate: string): Uint8Array {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 <= zip.length; ) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) {
      view.setUint16(i + 10, 0, true);
      view.setUint16(i + 12, dosDate, true);
      const compressed = view.getUint32(i + 18, true);
      i += 30 + view.getUint16(i + 26, true) + view.getUint16(i + 28, true) + compressed;
    } else if (sig === 0x02014b50) {
      view.setUint16(i + 12, 0, true);
      view.setUint16(i + 14, dosDate, true);
      i += 46 + view.getUint16(i + 28, true) + view.getUint16(i + 30, true) + view.getUint16(i + 32, true);
    } else {
      break;
    }
  }
  return zip;
}
