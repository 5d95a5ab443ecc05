import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleParts, ROOT, runCli, tempDir } from './helpers.js';
import { docxToPdf, officeTools, pdfPages, pdfText } from './office.js';
import { figureForm, SEED_FIGURES } from './seed-figures.js';

const tools = officeTools();
const PARTS: Record<string, string[]> = Object.fromEntries(['jinping-2025', 'zuolan-2024', 'tongle-2025'].map((name) => [name, exampleParts(`${name}.yaml`)]));

describe.skipIf(!tools.available)('DOCX opened by LibreOffice', () => {
  const out = tempDir('docx-');
  const texts: Record<string, string> = {};
  const pdfs: Record<string, string> = {};

  beforeAll(async () => {
    const r = await runCli(['build', join(ROOT, 'examples'), '--format', 'docx', '--out', out]);
    expect(r.code).toBe(0);
    for (const name of Object.keys(PARTS)) {
      pdfs[name] = docxToPdf(join(out, `${name}.docx`), out);
      // Lines wrap anywhere in Chinese: compare without white space.
      texts[name] = pdfText(pdfs[name]!).replace(/\s+/g, '');
    }
    const artifacts = join(ROOT, 'test', '.artifacts');
    mkdirSync(artifacts, { recursive: true });
    for (const [name, pdf] of Object.entries(pdfs)) copyFileSync(pdf, join(artifacts, `${name}.pdf`));
  }, 300_000);

  it.each(Object.keys(PARTS))('%s converts to PDF with its title, every part and every figure', (name) => {
    // A figure may break across pages: take the page-number footers out of the running text.
    const text = (texts[name] ?? '').replace(/—\d+—/g, '');
    expect(text).toMatch(/年法治政府建设.*报告/);
    for (const part of PARTS[name] ?? []) expect(text, `pdf lacks ${part}`).toContain(part);
    for (const figure of SEED_FIGURES[`${name}.yaml`] ?? []) expect(figureForm(text), `pdf lacks ${figure}`).toContain(figure);
  });

  it.each(Object.keys(PARTS))('%s numbers its pages “— N —”', (name) => {
    const pages = pdfPages(pdfs[name]!);
    expect(pages).toBeGreaterThan(1);
    for (let n = 1; n <= pages; n++) expect(texts[name]).toContain(`—${n}—`);
  });
});
