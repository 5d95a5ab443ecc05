import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';
import { rollupXlsx, xlsxStaticParts } from '../src/batch/xlsx.js';
import { join } from 'node:path';
import { Packer, Paragraph, TextRun } from 'docx';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../src/compile/index.js';
import { docxBody, docxDocument, skeletonFor } from '../src/emit/docx/index.js';
import { finishStyles } from '../src/emit/docx/finish.js';
import { assemble, documentXml, makeSkeleton, restoreSkeleton, storeSkeleton, type Block, type Skeleton } from '../src/emit/docx/package.js';
import { layoutKey, prebuilt, prebuiltDeflated, PREBUILT_FILE, readPrebuilt, templateKey, usePrebuilt } from '../src/speed/prebuilt.js';
import { loadPack, type Layout, type Pack } from '../src/render/pack.js';
import { STANDARD_PACK_DIR, TOOL } from '../src/version.js';
import { example, ROOT, tempDir } from './helpers.js';

function load(withPrebuilt: boolean): Pack {
  usePrebuilt(withPrebuilt);
  const { pack, diagnostics } = loadPack(STANDARD_PACK_DIR);
  if (!pack) throw new Error(JSON.stringify(diagnostics));
  return pack;
}

const EXAMPLES = readdirSync(join(STANDARD_PACK_DIR, '..', '..', 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** Writes every example's body with a skeleton (whose writer learns their shapes); its layout is the pack's. */
async function writeExamples(skeleton: Skeleton, pack: Pack): Promise<void> {
  for (const file of EXAMPLES) {
    const { tree } = await compile(file, example(file), pack, { formats: [] });
    documentXml(skeleton, docxBody(tree!, pack.meta.layout, file).body);
  }
}

describe('dist/prebuilt.json (the standard pack compiled by npm run build)', () => {
  afterEach(() => usePrebuilt(true));

  it('is there and holds every template of the standard pack, and its layout’s skeleton with the examples’ shapes as this code writes them', async () => {
    const data = prebuilt();
    expect(data, `${PREBUILT_FILE} is missing: run “npm run build”`).not.toBeNull();
    expect(data!.tool).toBe(TOOL);
    const pack = load(false);
    expect(pack.templates.length).toBeGreaterThanOrEqual(7);
    // The bundle's Handlebars writes slightly different (equivalent) code than the one tests load
    // from node_modules, so the templates are compared by what they render, in the next test.
    expect(Object.keys(data!.templates).sort()).toEqual([...new Set(pack.templates.map(templateKey))].sort());
    const layout = pack.meta.layout;
    const made = await makeSkeleton((body) => docxDocument(layout, body), { 'word/styles.xml': finishStyles });
    await writeExamples(made, pack);
    const stored = data!.skeletons[layoutKey(layout)]!;
    expect(stored.shapes.paragraphs.length).toBeGreaterThan(5);
    expect(stored).toEqual(storeSkeleton(made));
  });

  it('holds the shape of every paragraph and run of the examples: their bodies are written without docx writing one', async () => {
    const pack = load(true);
    const paragraphs = vi.spyOn(Paragraph.prototype, 'prepForXml');
    const runs = vi.spyOn(TextRun.prototype, 'prepForXml');
    const restored = restoreSkeleton(prebuilt()!.skeletons[layoutKey(pack.meta.layout)]!, (body) => docxDocument(pack.meta.layout, body));
    await writeExamples(restored, pack);
    expect(paragraphs).not.toHaveBeenCalled();
    expect(runs).not.toHaveBeenCalled();
    // A skeleton written on the spot learns its shapes through docx.
    await writeExamples(await makeSkeleton((body) => docxDocument(pack.meta.layout, body), { 'word/styles.xml': finishStyles }), pack);
    expect(paragraphs).toHaveBeenCalled();
    paragraphs.mockRestore();
    runs.mockRestore();
  });

  it('is what the standard pack is loaded from: no template of it is parsed, no skeleton written', async () => {
    const parse = vi.spyOn(Handlebars, 'parse');
    const pack = load(true);
    expect(parse).not.toHaveBeenCalled();
    load(false);
    expect(parse.mock.calls.length).toBe(pack.templates.length);
    parse.mockRestore();

    usePrebuilt(true);
    const write = vi.spyOn(Packer, 'toBuffer');
    const layout = pack.meta.layout;
    const stored = await skeletonFor(layout);
    expect(write).not.toHaveBeenCalled();
    expect(storeSkeleton(stored)).toEqual(prebuilt()!.skeletons[layoutKey(layout)]);
    // Another layout has no stored skeleton: docx writes one, once.
    const other = { ...layout, grid: !layout.grid };
    const first = await skeletonFor(other);
    expect(write).toHaveBeenCalledTimes(1);
    expect(await skeletonFor({ ...other })).toBe(first);
    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
  });

  it('renders every example to the same Markdown and HTML as templates compiled on the spot', async () => {
    const fresh = load(false);
    const ready = load(true);
    for (const file of EXAMPLES) {
      const source = example(file);
      const a = await compile(file, source, fresh, { formats: ['md', 'html'] });
      const b = await compile(file, source, ready, { formats: ['md', 'html'] });
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(Buffer.from(b.outputs.md!).equals(Buffer.from(a.outputs.md!)), file).toBe(true);
      expect(Buffer.from(b.outputs.html!).equals(Buffer.from(a.outputs.html!)), file).toBe(true);
    }
  });

  it('gives the same .docx bytes from the stored skeleton as from one written on the spot', async () => {
    const pack = load(false);
    const layout: Layout = pack.meta.layout;
    const make = (body: Block[]) => docxDocument(layout, body);
    const made = await makeSkeleton(make, { 'word/styles.xml': finishStyles });
    const restored = restoreSkeleton(JSON.parse(JSON.stringify(storeSkeleton(made))), make);
    const date = { year: 2026, month: 2, day: 5 };
    for (const file of EXAMPLES) {
      const { tree } = await compile(file, example(file), pack, { formats: [] });
      const a = assemble(made, docxBody(tree!, layout, file).body, '<core/>', date);
      const b = assemble(restored, docxBody(tree!, layout, file).body, '<core/>', date);
      expect(Buffer.from(b).equals(Buffer.from(a)), file).toBe(true);
    }
  });

  it('holds every part each summary.xlsx has alike, deflated as the workbook deflates it; a workbook is the same bytes with it or without', async () => {
    const texts = xlsxStaticParts();
    expect(texts.length).toBe(5);
    for (const text of texts) {
      const stored = prebuiltDeflated(text);
      expect(stored, text.slice(0, 60)).toBeDefined();
      const raw = strToU8(text);
      expect(stored).toEqual({ size: raw.length, crc: crc32(raw), data: deflateSync(raw, { level: 6 }) });
    }
    // Another text is deflated where it is written.
    expect(prebuiltDeflated(`${texts[0]} `)).toBeUndefined();
    const entries = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'batch-out', 'manifest.json'), 'utf8')).reports;
    const withPrebuilt = rollupXlsx(entries);
    usePrebuilt(false);
    expect(Buffer.from(rollupXlsx(entries)).equals(Buffer.from(withPrebuilt))).toBe(true);
  });

  it('is not used for a template it does not hold: an edited template still compiles and reports its errors', () => {
    const pack = load(true);
    const edited = pack.compileSection('sections/own.md', '本乡自定：{{township.name}}。\n');
    expect(edited.diagnostics).toEqual([]);
    expect(edited.render!({ township: { name: '甲乡' } })).toBe('本乡自定：甲乡。\n');
    const broken = pack.compileSection('sections/bad.md', '第一行\n{{#if year}}未闭合{{/each}}\n');
    expect(broken.render).toBeUndefined();
    expect(broken.diagnostics[0]).toMatchObject({ ruleId: 'template/syntax', line: 2 });
  });
});

describe('a prebuilt file that cannot be used', () => {
  it.each<[string, string]>([
    ['missing', ''],
    ['not JSON', '{'],
    ['from another version', JSON.stringify({ tool: 'township-report 0.0.0', templates: {}, skeletons: {}, deflated: {} })],
    ['without templates', JSON.stringify({ tool: TOOL, skeletons: {}, deflated: {} })],
    ['without skeletons', JSON.stringify({ tool: TOOL, templates: {}, deflated: {} })],
    ['without deflated parts', JSON.stringify({ tool: TOOL, templates: {}, skeletons: {} })],
  ])('is not used when %s', (_name, text) => {
    const file = join(tempDir(), 'prebuilt.json');
    if (text) writeFileSync(file, text);
    expect(readPrebuilt(file)).toBeNull();
  });

  it('is used when whole and of this version', () => {
    const file = join(tempDir(), 'prebuilt.json');
    const whole = { tool: TOOL, templates: {}, skeletons: {}, deflated: {} };
    writeFileSync(file, JSON.stringify(whole));
    expect(readPrebuilt(file)).toEqual(whole);
    expect(PREBUILT_FILE).toBe(join(ROOT, 'dist', 'prebuilt.json'));
  });
});
