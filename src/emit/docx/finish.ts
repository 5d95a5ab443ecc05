/**
 * Finishing touches on the package the docx package writes.
 *
 * The docx package stamps the build time into docProps/core.xml and into
 * every zip entry. Replacing both with the report's own date makes identical
 * input give identical bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export function finishPackage(docx: Uint8Array, isoTimestamp: string): Uint8Array {
  const files = unzipSync(docx);
  const fixed: Zippable = {};
  // Zip times are local wall-clock times: build the date from local parts so every time zone writes the same bytes.
  const [y, m, d] = isoTimestamp.slice(0, 10).split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  for (const [name, data] of Object.entries(files)) {
    let bytes = data;
    if (name === 'word/styles.xml') {
      // No automatic space between Chinese and Latin text or digits (2024年, not 2024 年),
      // as official documents are typeset; the docx package writes only autoSpaceDN.
      // LibreOffice reads the setting from the Normal style, Word and WPS from the defaults too.
      const noAutoSpace = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
      bytes = strToU8(
        strFromU8(data)
          .replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${noAutoSpace}`)
          .replace(
            '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>',
            `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${noAutoSpace}</w:pPr></w:style>`,
          ),
      );
    } else if (name === 'docProps/core.xml') {
      bytes = strToU8(
        strFromU8(data).replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${isoTimestamp}$2`,
        ),
      );
    }
    fixed[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(fixed, { mtime });
}
