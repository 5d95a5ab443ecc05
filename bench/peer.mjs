/**
 * Makes docxtemplater's template and data from township-report's own DOCX, so that the peer
 * (bench/docxtemplater.mjs) writes the same text into the same layout.
 *
 * The template is the first report's DOCX with the text of each run of the body replaced by a
 * tag ({r0}, {r1}, …); a report's data is the text of its own runs under the same tags. The
 * benchmark's townships share one structure, so every report has the same runs; one that does
 * not is an error, not a silent mismatch.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';

const RUN_TEXT = /(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g;

const unescapeXml = (s) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

function documentXml(docx) {
  return new PizZip(readFileSync(docx)).file('word/document.xml').asText();
}

/** The template made from `docx`; returns the number of tags. */
export function writeTemplate(docx, templatePath) {
  const zip = new PizZip(readFileSync(docx));
  let n = 0;
  const xml = zip
    .file('word/document.xml')
    .asText()
    .replace(RUN_TEXT, (_, open, _text, close) => `${open.includes('xml:space') ? open : open.replace('<w:t', '<w:t xml:space="preserve"')}{r${n++}}${close}`);
  zip.file('word/document.xml', xml);
  writeFileSync(templatePath, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return n;
}

/** The data of each report, `dataDir/<name>.json`, from its DOCX. */
export function writeData(reports, tags, dataDir) {
  mkdirSync(dataDir, { recursive: true });
  for (const { name, docx } of reports) {
    const texts = [...documentXml(docx).matchAll(RUN_TEXT)].map((m) => unescapeXml(m[2]));
    if (texts.length !== tags) throw new Error(`${docx}: ${texts.length} runs of text, the template has ${tags}`);
    writeFileSync(join(dataDir, `${name}.json`), JSON.stringify(Object.fromEntries(texts.map((t, i) => [`r${i}`, t]))));
  }
}
