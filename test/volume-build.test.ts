/**
 * The volume's build step (buildVolume) itself: which reports go in, in what order, what the cover
 * and the file's properties say, the two layouts (Word's, with a contents field, and LibreOffice's),
 * and the problems it passes on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../src/compile/index.js';
import { buildVolume, coverTitle } from '../src/batch/volume.js';
import { MINIMAL, tempDir } from './helpers.js';
import { docxXmlParts, NS } from './xml.js';

// compile as it is, wrapped so that a test can make one township's compile fail as a defect would.
vi.mock('../src/compile/index.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/compile/index.js')>();
  return { ...m, compile: vi.fn(m.compile) };
});

const town = (name: string, county: string, year: number, more = '') =>
  MINIMAL.replace('测试乡', name)
    .replace('某某县', county)
    .replace('year: 2025', `year: ${year}`)
    .replace('date: 2026-02-05', `date: ${year + 1}-02-05`) + more;

/** Three townships of two counties and two years, in two folders; 甲乡 takes its section from a folder beside its own, with a footnote DOCX cannot show. */
function county(): string {
  const dir = tempDir('volume-build-');
  for (const sub of ['data/2025', 'data/2024', 'data/common']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'data/2025/a.yaml'), town('甲乡', '城口县', 2025, 'overrides:\n  other: ../common/own.md\n'));
  writeFileSync(join(dir, 'data/2025/c.yaml'), town('丙乡', '城口县', 2025));
  writeFileSync(join(dir, 'data/2024/b.yaml'), town('乙乡', '巫溪县', 2024));
  writeFileSync(join(dir, 'data/common/own.md'), '## 其他\n\n本乡无其他情况[^1]。\n\n[^1]: 据年终统计。\n');
  return dir;
}

const instructions = (bytes: Uint8Array | undefined) => {
  const doc = docxXmlParts(bytes!).get('word/document.xml')!;
  const list = doc.getElementsByTagNameNS(NS.w, 'instrText');
  return Array.from({ length: list.length }, (_, i) => (list[i]!.textContent ?? '').trim().split(' ')[0]);
};
const creator = (bytes: Uint8Array | undefined) => docxXmlParts(bytes!).get('docProps/core.xml')!.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent;

describe('coverTitle', () => {
  it('names each county once and the years oldest first, each list joined with 、', () => {
    const summaries = [
      { county: '城口县', year: 2025 },
      { county: '巫溪县', year: 2024 },
      { county: '城口县', year: 2023 },
      { county: '巫溪县', year: 2025 },
    ];
    expect(coverTitle(summaries)).toBe('城口县、巫溪县2023、2024、2025年度乡镇（街道）法治政府建设年度报告汇编');
  });
});

describe('buildVolume', () => {
  it('puts in every report, newest year first, with its counties on the cover and as the file’s author, and the years oldest first', async () => {
    const dir = county();
    const layouts: { count: number; years: number[] }[] = [];
    const told: string[] = [];
    const r = await buildVolume({ inputs: ['data'], cwd: dir, wanted: { docx: true, pdf: false }, onLayout: (i) => layouts.push(i), onReport: (e) => told.push(e.input) });
    expect(r.entries.map((e) => [e.input, e.included, e.diagnostics.filter((d) => d.severity === 'error').length])).toEqual([
      ['data/2024/b.yaml', true, 0],
      ['data/2025/a.yaml', true, 0],
      ['data/2025/c.yaml', true, 0],
    ]);
    expect(told).toEqual(['data/2024/b.yaml', 'data/2025/a.yaml', 'data/2025/c.yaml']);
    expect(layouts).toEqual([{ count: 3, years: [2024, 2025] }]);
    expect(r.volume!.years).toEqual([2024, 2025]);
    expect(creator(r.volume!.docx)).toBe('城口县、巫溪县');
    const doc = docxXmlParts(r.volume!.docx!).get('word/document.xml')!;
    const texts = Array.from({ length: doc.getElementsByTagNameNS(NS.w, 't').length }, (_, i) => doc.getElementsByTagNameNS(NS.w, 't')[i]!.textContent).join('');
    expect(texts).toContain('城口县、巫溪县2024、2025年度乡镇（街道）');
    // 甲乡's own section, read from beside its folder (inside the working folder), is in.
    expect(texts).toContain('本乡无其他情况');
    // Newest year first, then by county and township as Chinese sorts them (丙 bǐng before 甲 jiǎ).
    expect(texts.indexOf('丙乡')).toBeLessThan(texts.indexOf('甲乡'));
    expect(texts.indexOf('甲乡')).toBeLessThan(texts.indexOf('乙乡'));
  });

  it('lays out the DOCX with its contents as a field, and the copy for PDF without one', async () => {
    const dir = county();
    const both = await buildVolume({ inputs: ['data'], cwd: dir, wanted: { docx: true, pdf: true } });
    expect(instructions(both.volume!.docx)).toContain('TOC');
    expect(instructions(both.volume!.forPdf)).not.toContain('TOC');
    const docxOnly = await buildVolume({ inputs: ['data'], cwd: dir, wanted: { docx: true, pdf: false } });
    expect([docxOnly.volume!.docx !== undefined, docxOnly.volume!.forPdf]).toEqual([true, undefined]);
    const pdfOnly = await buildVolume({ inputs: ['data'], cwd: dir, wanted: { docx: false, pdf: true } });
    expect([pdfOnly.volume!.docx, pdfOnly.volume!.forPdf !== undefined]).toEqual([undefined, true]);
  });

  it.each([
    ['the DOCX', { docx: true, pdf: false }],
    ['the copy for PDF', { docx: false, pdf: true }],
    ['both, once', { docx: true, pdf: true }],
  ])('passes on what the layout of %s could not show, naming the township’s file', async (_, wanted) => {
    const dir = county();
    const passed: string[] = [];
    const r = await buildVolume({ inputs: ['data'], cwd: dir, wanted, onProblems: (ds) => passed.push(...ds.map((d) => `${d.file}: ${d.ruleId}`)) });
    expect(r.diagnostics.map((d) => `${d.file}: ${d.ruleId}`)).toEqual(['data/2025/a.yaml: markdown/unknown-node', 'data/2025/a.yaml: markdown/unknown-node']);
    expect(passed).toEqual(['data/2025/a.yaml: markdown/unknown-node', 'data/2025/a.yaml: markdown/unknown-node']);
  });

  it('with no report to put in, lays out nothing and passes on what finding the inputs said', async () => {
    const dir = tempDir('volume-build-');
    const r = await buildVolume({ inputs: ['none/*.yaml'], cwd: dir, wanted: { docx: true, pdf: true } });
    expect(r.volume).toBeUndefined();
    expect(r.entries).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.file}: ${d.ruleId}`)).toEqual(['none/*.yaml: input/not-found']);
  });

  it('leaves out a township whose compile fails by a defect, saying so, and puts the others in', async () => {
    const dir = county();
    vi.mocked(compile).mockRejectedValueOnce(new Error('内部错误'));
    const r = await buildVolume({ inputs: ['data'], cwd: dir, wanted: { docx: true, pdf: false } });
    expect(r.entries.map((e) => [e.input, e.included])).toEqual([
      ['data/2024/b.yaml', false],
      ['data/2025/a.yaml', true],
      ['data/2025/c.yaml', true],
    ]);
    expect(r.entries[0]!.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.reason])).toEqual([['data/2024/b.yaml', 'error', 'internal/crash', 'The compiler failed on this report: 内部错误']]);
    expect(r.volume!.years).toEqual([2025]);
  });
});
