#!/usr/bin/env node
/**
 * The peer in `npm run bench`: what a Node user would write to fill Word reports from data with
 * docxtemplater. One process, one report after another:
 *
 *   node bench/docxtemplater.mjs TEMPLATE.docx DATA_DIR OUT_DIR
 *
 * reads each DATA_DIR/*.json (the text of one report, keyed by the template's tags), renders it
 * into the template and writes OUT_DIR/<name>.docx. The template and the data are made from
 * township-report's own DOCX by bench/peer.mjs, so both programs write the same text into the same
 * layout.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

const [templatePath, dataDir, outDir] = process.argv.slice(2);
if (!templatePath || !dataDir || !outDir) {
  console.error('usage: node bench/docxtemplater.mjs TEMPLATE.docx DATA_DIR OUT_DIR');
  process.exit(2);
}
const template = readFileSync(templatePath);
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const data = JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true });
  doc.render(data);
  writeFileSync(join(outDir, `${basename(name, '.json')}.docx`), doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
