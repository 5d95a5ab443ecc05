/**
 * report volume: the county's volume (汇编) of the three examples, read as Word reads it (the XML of the package)
 * and, with LibreOffice, as it prints (the PDF, page by page).
 */
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverTitle } from '../src/batch/volume.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';
import { ORDER, TITLES } from './volume-examples.js';
import { docxParagraphs, docxXmlParts, NS } from './xml.js';

/** The elements of a parent with this local name in the w namespace, in document order, at any depth. */
function all(parent: Element | Document, name: string): Element[] {
  const list = (parent as Element).getElementsByTagNameNS(NS.w, name);
  return Array.from({ length: list.length }, (_, i) => list[i]!);
}
const child = (el: Element, name: string) => all(el, name).find((c) => c.parentNode === el);
const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(NS.w, name) ?? null;
const styleOf = (p: Element) => attr(child(p, 'pPr') && child(child(p, 'pPr')!, 'pStyle'), 'val');
/** A paragraph's text as Word shows it (docxParagraphs' rule: runs joined, a break as \n), field instructions left out. */
const textOf = (p: Element) =>
  all(p, 't')
    .map((t) => t.textContent ?? '')
    .join('');

/** The volume's document.xml and settings.xml, parsed. */
function parts(bytes: Uint8Array) {
  const xml = docxXmlParts(bytes);
  return { doc: xml.get('word/document.xml')!, settings: xml.get('word/settings.xml')!, xml };
}

describe('report volume of the three examples', () => {
  const dir = tempDir('volume-');
  let bytes: Uint8Array;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    run = await runCli(['volume', ...ORDER.map((n) => join(EXAMPLES, `${n}.yaml`)), '--out', join(dir, '汇编.docx')], ROOT, { REPORT_LANG: 'zh' });
    bytes = new Uint8Array(readFileSync(join(dir, '汇编.docx')));
  }, 120_000);

  it('exits 0, says what went in and writes only the volume', () => {
    expect(run.code).toBe(0);
    for (const n of ORDER) expect(run.stderr).toContain(`编入 examples/${n}.yaml`);
    expect(run.stderr).toMatch(/^已写出 .*汇编\.docx：编入 3 份，未编入 0 份；错误 0 个，警告 \d+ 个；用时 [\d.]+ 秒$/m);
    expect(readdirSync(dir)).toEqual(['汇编.docx']);
  });

  it('notes that the reports are of two years, then says how many it lays out', () => {
    const lines = run.stderr.split('\n');
    const laying = lines.indexOf('正在排版 3 份报告……');
    expect(lines[laying - 1]).toBe('注意：编入的报告不是同一年度的（2024、2025）。汇编通常只收一个年度的报告：可以只写这一年度的数据文件，例如 "data/*2025*.yaml"');
    expect(lines.slice(laying + 1, -1)).toHaveLength(1);
  });

  it('has a cover with the counties and years of its reports, alone in a section without page numbers', () => {
    const { doc } = parts(bytes);
    const sections = all(doc, 'sectPr');
    expect(sections).toHaveLength(2);
    // The cover is the paragraphs up to the one that ends its section.
    const paragraphs = all(doc, 'p');
    const coverEnd = paragraphs.findIndex((p) => all(p, 'sectPr').length > 0);
    const cover = paragraphs
      .slice(0, coverEnd + 1)
      .map(textOf)
      .join('');
    expect(cover).toBe('城口县、涪陵区2024、2025年度乡镇（街道）法治政府建设年度报告汇编');
    expect(all(sections[0]!, 'footerReference')).toEqual([]);
    expect(all(sections[1]!, 'footerReference').map((f) => attr(f, 'type'))).toEqual(['default', 'even']);
  });

  it('names the cover after one county and year when that is what the reports are of', () => {
    expect(coverTitle([{ county: '城口县', year: 2025 }])).toBe('城口县2025年度乡镇（街道）法治政府建设年度报告汇编');
  });

  it('numbers its pages on from the contents: one pgNumType start, in the first numbered section', () => {
    const { doc } = parts(bytes);
    const starts = all(doc, 'pgNumType').map((p) => attr(p, 'start'));
    expect(starts).toEqual([null, '1']);
  });

  it('has contents that are a real TOC field of the three titles, filled in, each linked to its title and its page', () => {
    const { doc } = parts(bytes);
    const chars = all(doc, 'fldChar');
    const instructions = all(doc, 'instrText').map((i) => i.textContent);
    // The TOC field: begin, its instruction, separate … end, around the entries (each with its own PAGEREF field).
    expect(instructions[0]).toBe('TOC \\o "1-1" \\h \\z \\u');
    expect(attr(chars[0], 'fldCharType')).toBe('begin');
    expect(attr(chars[1], 'fldCharType')).toBe('separate');
    const entries = all(doc, 'p').filter((p) => styleOf(p) === 'TOC1');
    expect(entries).toHaveLength(3);
    // The field ends in the last entry, after that entry's PAGEREF field.
    const last = all(entries[2]!, 'fldChar');
    expect(attr(last[last.length - 1], 'fldCharType')).toBe('end');
    expect(chars.filter((c) => attr(c, 'fldCharType') === 'begin')).toHaveLength(4);
    expect(chars.filter((c) => attr(c, 'fldCharType') === 'end')).toHaveLength(4);

    const titles = all(doc, 'p').filter((p) => styleOf(p) === 'Heading1');
    expect(titles).toHaveLength(3);
    const pages: number[] = [];
    entries.forEach((entry, i) => {
      // A title too long for a line with its page number breaks as the report's title does; the text is the title.
      const entryText = textOf(entry);
      const number = /(\d+)$/.exec(entryText)?.[1];
      expect(entryText.slice(0, entryText.length - (number?.length ?? 0))).toBe(TITLES[i]);
      pages.push(Number(number));
      const link = child(entry, 'hyperlink')!;
      const anchor = attr(link, 'anchor');
      expect(all(link, 'instrText').map((x) => x.textContent)).toEqual([`PAGEREF ${anchor} \\h`]);
      // The bookmark it links to is on the report's title, and nowhere else.
      const marks = all(doc, 'bookmarkStart').filter((b) => attr(b, 'name') === anchor);
      expect(marks).toHaveLength(1);
      expect(marks[0]!.parentNode).toBe(titles[i]);
      expect(textOf(titles[i]!)).toBe(TITLES[i]);
    });
    // The first report follows the one page of contents; each later one starts after the one before.
    expect(pages[0]).toBe(2);
    expect(pages[1]).toBeGreaterThan(pages[0]! + 1);
    expect(pages[2]).toBeGreaterThan(pages[1]! + 1);
  });

  it('starts each report on a page of its own', () => {
    const { doc } = parts(bytes);
    const titles = all(doc, 'p').filter((p) => styleOf(p) === 'Heading1');
    for (const t of titles) expect(child(child(t, 'pPr')!, 'pageBreakBefore'), textOf(t)).toBeDefined();
  });

  it('asks Word to update the fields when it opens the file', () => {
    const { settings } = parts(bytes);
    expect(attr(all(settings, 'updateFields')[0], 'val')).toBe('true');
  });

  it('holds each report as report build lays it out: the same paragraphs, the same page, styles one heading level down', async () => {
    const out = tempDir('volume-single-');
    const built = await runCli(['build', ...ORDER.map((n) => join(EXAMPLES, `${n}.yaml`)), '--format', 'docx', '--out', out]);
    expect(built.code).toBe(0);
    const volume = docxParagraphs(bytes);
    const { doc } = parts(bytes);
    const styles = all(doc, 'p').map(styleOf);
    const down: Record<string, string> = { Title: 'Heading1', Heading1: 'Heading2', Heading2: 'Heading3', Heading3: 'Heading4', Heading4: 'Heading5' };
    for (const name of ORDER) {
      const single = new Uint8Array(readFileSync(join(out, `${name}.docx`)));
      const paragraphs = docxParagraphs(single);
      const at = volume.indexOf(paragraphs[0]!);
      expect(at, name).toBeGreaterThan(0);
      expect(volume.slice(at, at + paragraphs.length), name).toEqual(paragraphs);
      const singleDoc = parts(single).doc;
      const singleStyles = all(singleDoc, 'p').map(styleOf);
      expect(styles.slice(at, at + paragraphs.length), name).toEqual(singleStyles.map((s) => (s && down[s]) ?? s));
      // The page: A4, GB/T 9704's margins and grid, as the report's own.
      const page = (d: Document) => ['pgSz', 'pgMar', 'docGrid'].map((n) => all(d, n)[0]!.toString());
      expect(page(doc), name).toEqual(page(singleDoc));
    }
    // The page-number footers are the single reports' footers.
    const footers = (b: Uint8Array) => [...docxXmlParts(b).entries()].filter(([p]) => /^word\/footer\d\.xml$/.test(p)).map(([, d]) => d.toString());
    expect(footers(bytes)).toEqual(footers(new Uint8Array(readFileSync(join(out, 'jinping-2025.docx')))));
  });

  it('gives the same bytes again', async () => {
    const again = await runCli(['volume', ...[...ORDER].reverse().map((n) => join(EXAMPLES, `${n}.yaml`)), '--out', join(dir, 'again.docx')]);
    expect(again.code).toBe(0);
    expect(Buffer.from(readFileSync(join(dir, 'again.docx'))).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('report volume with a broken data file among its inputs', () => {
  it('leaves the broken one out with its diagnostics in Chinese, puts the others in and exits 1', async () => {
    const dir = tempDir('volume-broken-');
    mkdirSync(join(dir, 'data'));
    for (const n of ORDER) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, 'data', `${n}.yaml`));
    writeFileSync(join(dir, 'data', 'broken-2025.yaml'), readFileSync(join(EXAMPLES, 'jinping-2025.yaml'), 'utf8').replace('year: 2025', 'year: 二〇二五'));
    const r = await runCli(['volume', 'data', '--out', 'out/汇编.docx'], dir, { REPORT_LANG: 'zh' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未编入 data/broken-2025.yaml');
    expect(r.stderr).toMatch(/^data\/broken-2025\.yaml:\d+:\d+ {2}错误 {2}.*year.*data\/wrong-type$/m);
    expect(r.stderr).toMatch(/^已写出 out\/汇编\.docx：编入 3 份，未编入 1 份；错误 1 个/m);
    const { doc } = parts(new Uint8Array(readFileSync(join(dir, 'out', '汇编.docx'))));
    expect(
      all(doc, 'p')
        .filter((p) => styleOf(p) === 'Heading1')
        .map(textOf),
    ).toEqual(TITLES);
  });

  it('writes nothing when no report can go in', async () => {
    const dir = tempDir('volume-none-');
    writeFileSync(join(dir, 'a.yaml'), 'township:\n  name: 甲乡\nyear: 2025\n');
    const r = await runCli(['volume', 'a.yaml', '--out', 'v.docx'], dir, { REPORT_LANG: 'zh' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('report：没有可以编入汇编的报告，没有写出 v.docx');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

describe('report volume on the command line', () => {
  it('takes its cover title from --title', async () => {
    const dir = tempDir('volume-title-');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--title', '城口县2025年度法治政府建设年度报告汇编'], dir);
    expect(r.code).toBe(0);
    const paragraphs = docxParagraphs(new Uint8Array(readFileSync(join(dir, 'v.docx'))));
    expect(paragraphs.slice(0, 2).join('').replace(/\n/g, '')).toBe('城口县2025年度法治政府建设年度报告汇编');
    // The title is taken without the spaces around it; one of spaces only gives the cover its own title.
    const spaced = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--title', '  金坪乡报告  '], dir);
    expect(
      docxParagraphs(new Uint8Array(readFileSync(join(dir, 'v.docx'))))
        .slice(0, 2)
        .join('')
        .replace(/\n/g, ''),
    ).toBe('金坪乡报告');
    const blank = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--title', '   '], dir);
    expect([spaced.code, blank.code]).toEqual([0, 0]);
    expect(
      docxParagraphs(new Uint8Array(readFileSync(join(dir, 'v.docx'))))
        .slice(0, 2)
        .join('')
        .replace(/\n/g, ''),
    ).toBe(coverTitle([{ county: '城口县', year: 2025 }]));
  });

  it('notes no years and lays out the one report it has', async () => {
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx'], tempDir('volume-one-'), { REPORT_LANG: 'en' });
    expect(r.stderr).not.toContain('note:');
    expect(r.stderr.split('\n').at(-3)).toBe('laying out 1 reports…');
  });

  it('lays the volume out with the settings file’s layout', async () => {
    const dir = tempDir('volume-layout-');
    const plain = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'plain.docx'], dir);
    writeFileSync(join(dir, 'report.config.yaml'), 'layout:\n  body_font: 楷体\n');
    const set = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'set.docx'], dir);
    expect([plain.code, set.code]).toEqual([0, 0]);
    const fonts = (f: string) =>
      new Set(
        [
          ...docxXmlParts(new Uint8Array(readFileSync(join(dir, f))))
            .get('word/styles.xml')!
            .toString()
            .matchAll(/w:eastAsia="([^"]+)"/g),
        ].map((m) => m[1]),
      );
    expect([fonts('plain.docx').has('楷体'), fonts('set.docx').has('楷体')]).toEqual([false, true]);
  });

  it('is a usage error without --out, or with an --out that is neither .docx nor .pdf', async () => {
    const dir = tempDir('volume-usage-');
    const none = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml')], dir, { REPORT_LANG: 'zh' });
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'report：缺少选项 -o, --out <file>']);
    const wrong = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.doc'], dir, { REPORT_LANG: 'zh' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('report：--out 要写一个 .docx 或 .pdf 文件，例如 --out 汇编.docx，现在是“v.doc”\n');
    // The file's name must end so: a name with .docx inside it is not a Word file.
    const inside = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx.txt'], dir, { REPORT_LANG: 'zh' });
    expect([inside.code, inside.stderr]).toEqual([2, 'report：--out 要写一个 .docx 或 .pdf 文件，例如 --out 汇编.docx，现在是“v.docx.txt”\n']);
    expect(readdirSync(dir)).toEqual([]);
    // The ending in capitals is the same ending.
    const capitals = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'V.DOCX'], dir);
    expect([capitals.code, readdirSync(dir)]).toEqual([0, ['V.DOCX']]);
  });

  it('says in Chinese that a PDF needs LibreOffice when it is not installed, and writes the DOCX it can', async () => {
    const dir = tempDir('volume-nooffice-');
    const pdf = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.pdf'], dir, { REPORT_LANG: 'zh', PATH: '/nonexistent' });
    expect(pdf.code).toBe(1);
    // It says so before compiling anything: no report is read, none goes in.
    expect(pdf.stderr).toBe('report：转换 PDF 需要安装 LibreOffice（https://zh-cn.libreoffice.org），没有写出 v.pdf。也可以写出 .docx，用 WPS 或 Word 打开后另存为 PDF。\n');
    expect(readdirSync(dir)).toEqual([]);
    const both = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--pdf'], dir, { REPORT_LANG: 'zh', PATH: '/nonexistent' });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('report：转换 PDF 需要安装 LibreOffice（https://zh-cn.libreoffice.org），没有写出 v.pdf。');
    expect(readdirSync(dir)).toEqual(['v.docx']);
  });

  /** A folder holding a stand-in for LibreOffice's soffice: one that writes a PDF of one line where it is told to, or one that writes no PDF. */
  function office(works: boolean): string {
    const bin = tempDir('office-');
    // It notes where it was told to write and what to convert, and when it fails, it leaves a log of another name.
    const write = works ? 'printf "%%PDF-1.7 of %s" "$(basename "$3")" > "$2/volume.pdf"' : 'echo failed > "$2/volume.log"; exit 1';
    const script = `while [ "$1" != "--outdir" ]; do shift; done\nprintf "%s\\n%s" "$2" "$3" > "${bin}/seen"\nmkdir -p "$2"\n${write}\n`;
    writeFileSync(join(bin, 'soffice'), `#!/bin/sh\n${script}`);
    chmodSync(join(bin, 'soffice'), 0o755);
    return bin;
  }

  it('writes the PDF LibreOffice makes of the volume, and only that for an --out ending in .pdf', async () => {
    const dir = tempDir('volume-pdf-');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.pdf'], dir, { PATH: `${office(true)}:/usr/bin:/bin` });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').at(-2)).toMatch(/^wrote v\.pdf: 1 included, 0 left out, 0 errors, 1 warnings in [\d.]+s$/);
    expect(readdirSync(dir)).toEqual(['v.pdf']);
    expect(readFileSync(join(dir, 'v.pdf'), 'utf8')).toBe('%PDF-1.7 of volume.docx');
  });

  it('writes the PDF beside the DOCX, in the DOCX’s folder whatever that folder is called', async () => {
    const dir = tempDir('volume-pdf-');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'a.docx.d/v.docx', '--pdf'], dir, { PATH: `${office(true)}:/usr/bin:/bin` });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'a.docx.d'))).toEqual(['v.docx', 'v.pdf']);
  });

  it('leaves nothing in the temporary folder: not the copy it converted, not LibreOffice’s profile and output', async () => {
    const bin = office(false);
    await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', join(tempDir('volume-pdf-'), 'v.pdf')], ROOT, { PATH: `${bin}:/usr/bin:/bin` });
    const [outdir, converted] = readFileSync(join(bin, 'seen'), 'utf8').split('\n');
    expect(basename(converted!)).toBe('volume.docx');
    expect([existsSync(dirname(outdir!)), existsSync(dirname(converted!))]).toEqual([false, false]);
  });

  it('says so when LibreOffice makes no PDF, and writes the DOCX it was asked for too', async () => {
    const dir = tempDir('volume-pdf-');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--pdf'], dir, { PATH: `${office(false)}:/usr/bin:/bin` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('report: LibreOffice could not convert the volume to PDF; v.pdf was not written.');
    expect(r.stderr.split('\n').at(-2)).toMatch(/^wrote v\.docx: 1 included/);
    expect(readdirSync(dir)).toEqual(['v.docx']);
  });

  it('says so when the volume cannot be written, and that none was', async () => {
    const dir = tempDir('volume-blocked-');
    writeFileSync(join(dir, 'file'), '');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'file/v.docx'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.at(-3)).toMatch(/^report: cannot write file\/v\.docx: .+/);
    expect(lines.at(-2)).toMatch(/^no volume written: 1 included, 0 left out, 0 errors, 1 warnings in [\d.]+s$/);
  });

  it('leaves out a data file it cannot read, saying why, and puts the others in', async () => {
    const dir = tempDir('volume-read-');
    copyFileSync(join(EXAMPLES, 'jinping-2025.yaml'), join(dir, 'jinping-2025.yaml'));
    writeFileSync(join(dir, 'big.yaml'), '');
    truncateSync(join(dir, 'big.yaml'), 5 * 1024 * 1024);
    const r = await runCli(['volume', 'big.yaml', 'jinping-2025.yaml', '--out', 'v.docx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('big.yaml  error  Cannot read the file: the file is larger than 4 MB  input/read');
    expect(r.stderr.split('\n').at(-2)).toMatch(/^wrote v\.docx: 1 included, 1 left out, 1 errors, 1 warnings/);
  });

  it('lays out nothing with a template pack that does not load', async () => {
    const dir = tempDir('volume-pack-');
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--template', 'pack'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pack\/pack\.yaml:\d+:\d+ +error /);
    expect(r.stderr.split('\n').at(-2)).toMatch(/^no volume written: 0 included, 0 left out, 1 errors, 0 warnings/);
    expect(readdirSync(dir)).toEqual(['pack']);
    // A pack that loads with an error in one of its sections lays out nothing either.
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: 某某县\nextends: standard\n');
    mkdirSync(join(dir, 'pack', 'sections'));
    writeFileSync(join(dir, 'pack', 'sections', '55-x.md'), '---\npart: 5\n---\n## 其他\n{{#if x}}\n');
    const section = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx', '--template', 'pack'], dir);
    expect(section.code).toBe(1);
    expect(section.stderr).toMatch(/^pack\/sections\/55-x\.md:\d+:\d+ +error .*template\/syntax/);
    expect(section.stderr).not.toMatch(/^(included|left out) /m);
    expect(readdirSync(dir)).toEqual(['pack']);
  });

  it('builds nothing with a settings file it cannot read', async () => {
    const dir = tempDir('volume-settings-');
    writeFileSync(join(dir, 'report.config.yaml'), 'layout: [\n');
    const r = await runCli(['volume', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'v.docx'], dir);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['report.config.yaml']);
  });

  it('reads the inputs as report build does (a folder, its other YAML passed over)', async () => {
    const dir = tempDir('volume-folder-');
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    const r = await runCli(['volume', 'examples', '--out', 'v.docx'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('input/skipped');
    expect(existsSync(join(dir, 'v.docx'))).toBe(true);
  });
});
