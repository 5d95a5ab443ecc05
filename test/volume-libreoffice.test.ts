/**
 * report volume as it prints: the county's volume of the three examples converted to PDF by
 * LibreOffice and read page by page. Apart from test/volume.test.ts, so that mutation runs, which
 * leave LibreOffice out, need not convert a volume for each mutant.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';
import { FONTS_CONF, officeTools, pdfPages } from './office.js';
import { ORDER, TITLES } from './volume-examples.js';

const tools = officeTools();

describe.skipIf(!tools.available)('report volume converted by LibreOffice', () => {
  const dir = tempDir('volume-pdf-');
  let pdf: string;
  const texts = new Map<number, string>();
  /** The text of one page of the PDF, without white space (lines wrap anywhere in Chinese). */
  const page = (n: number) => {
    if (!texts.has(n)) texts.set(n, execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
    return texts.get(n)!;
  };

  beforeAll(async () => {
    const r = await runCli(['volume', ...ORDER.map((n) => join(EXAMPLES, `${n}.yaml`)), '--out', join(dir, '汇编.docx'), '--pdf'], ROOT, { FONTCONFIG_FILE: FONTS_CONF });
    expect(r.code, r.stderr).toBe(0);
    pdf = join(dir, '汇编.pdf');
    const artifacts = join(ROOT, 'test', '.artifacts');
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(pdf, join(artifacts, 'volume.pdf'));
  }, 300_000);

  it('writes the PDF beside the DOCX, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual(['汇编.docx', '汇编.pdf']);
  });

  it('has the cover on page 1, without a page number', () => {
    expect(page(1)).toBe('城口县、涪陵区2024、2025年度乡镇（街道）法治政府建设年度报告汇编');
  });

  it('has the contents on page 2, numbered 1, listing the three townships with the pages their reports start on', () => {
    const contents = page(2);
    expect(contents).toMatch(/^目录/);
    expect(contents).toMatch(/—1—$/);
    let at = 0;
    for (const title of TITLES) {
      const found = new RegExp(`${title}\\.+(\\d+)`).exec(contents.slice(at));
      expect(found, title).not.toBeNull();
      at += found!.index + found![0].length;
      // The page number printed is the page the report starts on, which is the PDF's page one after it (the cover).
      const start = Number(found![1]);
      expect(page(start + 1).startsWith(title), `${title} on page ${start}`).toBe(true);
      expect(page(start + 1)).toContain(`—${start}—`);
    }
  });

  it('starts each report on a page of its own, with the pages numbered through to the last', () => {
    const pages = pdfPages(pdf);
    const starts = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => TITLES.some((t) => page(n).startsWith(t)));
    expect(starts).toHaveLength(3);
    for (let n = 2; n <= pages; n++) expect(page(n), `page ${n}`).toContain(`—${n - 1}—`);
  });
});
