import { BookmarkEnd, BookmarkStart, Document, Packer, Paragraph, type ParagraphChild } from 'docx';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assemble, type Block, type Day, docxBlock, documentXml, makeSkeleton, repack, restoreSkeleton, storeSkeleton } from '../src/emit/docx/package.js';
import { coreXml, documentDate, isoDay } from '../src/emit/docx/finish.js';
import { escapeText, paragraph, textRun } from '../src/emit/docx/shapes.js';
import { NS, parseXml, textOfFirst, zipEntryDates } from './xml.js';

const doc = (children: Block[]) => new Document({ sections: [{ children: children.map(docxBlock) }] });
const p = (text?: string) => new Paragraph(text === undefined ? {} : { text });

describe('a layout’s skeleton: the parts docx writes once, with the body left open', () => {
  it('puts a body exactly where docx would: after the blocks before the marker, before those after it', async () => {
    // An empty paragraph and one of empty text stand before the body: neither may be taken for the marker.
    const make = (body: Block[]) => doc([p(), p(''), ...body, p('之后')]);
    const skeleton = await makeSkeleton(make);
    const body = [p('正文一'), p('正文二')];
    const reference = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(make(body))))['word/document.xml']!);
    expect(documentXml(skeleton, body)).toBe(reference);
    expect(skeleton.before).not.toContain('之后');
    expect(skeleton.after).toContain('之后');
  });

  it('refuses a document that holds the body twice or not at all', async () => {
    await expect(makeSkeleton((body) => doc([...body, ...body]))).rejects.toThrow('docx wrote the skeleton body in a way this version does not know');
    await expect(makeSkeleton(() => doc([p('无正文')]))).rejects.toThrow('docx wrote the skeleton body in a way this version does not know');
  });

  it('keeps every part but the body and core.xml deflated, amended where asked, in docx’s order', async () => {
    const make = (body: Block[]) => doc(body);
    const skeleton = await makeSkeleton(make, { 'word/styles.xml': (text) => text.replace('</w:styles>', '<!--amended--></w:styles>') });
    const written = Object.keys(unzipSync(new Uint8Array(await Packer.toBuffer(make([p('x')])))));
    expect(skeleton.parts.map((part) => (typeof part === 'string' ? part : part.path))).toEqual(written);
    expect(skeleton.parts.filter((part) => typeof part === 'string')).toEqual(written.filter((n) => n === 'word/document.xml' || n === 'docProps/core.xml'));
    for (const part of skeleton.parts) if (typeof part !== 'string') expect(part.method, part.path).toBe(8);
    const bytes = assemble(skeleton, [p('x')], '<core/>', { year: 2026, month: 2, day: 3 });
    const files = unzipSync(bytes);
    expect(strFromU8(files['word/styles.xml']!)).toContain('<!--amended--></w:styles>');
    expect(strFromU8(files['docProps/core.xml']!)).toBe('<core/>');
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:t xml:space="preserve">x</w:t>');
  });

  it('restores from its stored form to the same package, and names a part it does not know', async () => {
    const make = (body: Block[]) => doc(body);
    const made = await makeSkeleton(make);
    const stored = JSON.parse(JSON.stringify(storeSkeleton(made)));
    const day = { year: 2025, month: 12, day: 31 };
    expect(assemble(restoreSkeleton(stored, make), [p('y')], '<core/>', day)).toEqual(assemble(made, [p('y')], '<core/>', day));
    expect(() => restoreSkeleton({ ...stored, parts: [...stored.parts, 'word/unknown.xml'] }, make)).toThrow('dist/prebuilt.json names an unknown part word/unknown.xml');
  });
});

describe('a restored skeleton', () => {
  it('makes its document only for a block that needs it, once', async () => {
    const stored = storeSkeleton(await makeSkeleton((body) => doc(body)));
    let made = 0;
    const restored = restoreSkeleton(stored, (body) => {
      made++;
      return doc(body);
    });
    const text = [paragraph({ style: 'BodyText' }, [textRun({ text: '正文' })]), paragraph({ style: 'Heading1' })];
    expect(documentXml(restored, text)).toContain('正文');
    expect(made).toBe(0);
    const bookmarked = paragraph({}, [new BookmarkStart('b', 1) as unknown as ParagraphChild, textRun({ text: '题' }), new BookmarkEnd(1) as unknown as ParagraphChild]);
    expect(documentXml(restored, [bookmarked, bookmarked])).toContain('w:bookmarkStart');
    expect(made).toBe(1);
  });
});

describe('paragraphs written once per shape', () => {
  // Texts with what XML escapes, white space at either end, line breaks, and the marker of the shapes' own XML.
  const text = fc.oneof(
    fc.constant(''),
    fc.constantFrom('&', '<', '>', '"', "'", '&amp;', ' 前后有空格 ', '一\n二', 'report-run-text-goes-here', '{{x}}', '**粗**'),
    fc.string({ unit: fc.constantFrom('a', '甲', '&', '<', '>', '"', "'", ' ', '\t', '1') }),
  );
  const run = fc.record(
    { text, bold: fc.constant(true), italics: fc.constant(true), break: fc.constantFrom(0, 1), font: fc.constant({ ascii: 'Times New Roman', eastAsia: '黑体', hint: 'eastAsia' as const }) },
    { requiredKeys: [] },
  );
  const options = fc.record(
    { style: fc.constantFrom('BodyText', 'Heading1', 'Plain'), indent: fc.record({ left: fc.nat(2000), hanging: fc.constantFrom(0, 320) }), pageBreakBefore: fc.constant(true) },
    { requiredKeys: [] },
  );
  const body = fc.array(fc.tuple(options, fc.array(run, { maxLength: 4 })), { maxLength: 6 });
  const make = (blocks: Block[]) => doc(blocks);

  it('writes every paragraph of text runs as docx’s Packer does, shapes met before or not', async () => {
    const skeleton = await makeSkeleton(make);
    await fc.assert(
      fc.asyncProperty(body, async (spec) => {
        const blocks = spec.map(([o, runs]) =>
          paragraph(
            o,
            runs.map((r) => textRun(r)),
          ),
        );
        const reference = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(make(blocks))))['word/document.xml']!);
        expect(documentXml(skeleton, blocks)).toBe(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves to docx a paragraph with anything but text runs, or whose shape holds the place of the text twice', async () => {
    const skeleton = await makeSkeleton(make);
    const marked = paragraph({ style: 'BodyText' }, [new BookmarkStart('b', 1) as unknown as ParagraphChild, textRun({ text: '甲' }), new BookmarkEnd(1) as unknown as ParagraphChild]);
    // A style or font named like the place the text goes: the shape's XML holds it twice.
    const mark = 'report-run-text-goes-here';
    const named = [paragraph({ style: mark }, [textRun({ text: '戊' })]), paragraph({ style: 'BodyText' }, [textRun({ text: '己', font: mark })])];
    const blocks = [paragraph({ style: 'BodyText' }, [textRun({ text: '乙&丙' })]), marked, paragraph({ style: 'BodyText' }, [textRun({ text: '丁' })]), ...named];
    const reference = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(make(blocks))))['word/document.xml']!);
    expect(documentXml(skeleton, blocks)).toBe(reference);
    expect(reference).toContain('w:bookmarkStart');
    expect(reference).toContain('乙&amp;丙');
    expect(reference).toContain(`<w:pStyle w:val="${mark}"/>`);
  });

  it('escapes as the xml package does', () => {
    expect(escapeText(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeText('甲乙')).toBe('甲乙');
  });
});

describe('zip entry dates', () => {
  const datesOf = async (day: Day) => new Set(zipEntryDates(Buffer.from(assemble(await makeSkeleton((body) => doc(body)), [p('z')], '<core/>', day))));

  it.each([
    [{ year: 2026, month: 3, day: 1 }, '2026-03-01'],
    [{ year: 2025, month: 12, day: 31 }, '2025-12-31'],
    [{ year: 1980, month: 1, day: 1 }, '1980-01-01'],
    [{ year: 1980, month: 6, day: 15 }, '1980-06-15'],
    [{ year: 2099, month: 12, day: 31 }, '2099-12-31'],
    [{ year: 2099, month: 1, day: 2 }, '2099-01-02'],
    // Beyond what a zip can date (a typing error lint warns of): the nearer end.
    [{ year: 1979, month: 6, day: 15 }, '1980-01-01'],
    [{ year: 2100, month: 1, day: 2 }, '2099-12-31'],
    [{ year: 2205, month: 2, day: 1 }, '2099-12-31'],
  ])('%o dates every entry %s at 00:00', async (day, expected) => {
    expect(await datesOf(day)).toEqual(new Set([`${expected} 00:00:00`]));
  });

  it('repacks a package docx wrote with every entry dated the day given and the amendments made', async () => {
    const packed = new Uint8Array(await Packer.toBuffer(doc([p('原文')])));
    const bytes = repack(packed, { 'word/document.xml': (text) => text.replace('原文', '改文') }, { year: 2026, month: 4, day: 1 });
    expect(new Set(zipEntryDates(Buffer.from(bytes)))).toEqual(new Set(['2026-04-01 00:00:00']));
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(Object.keys(unzipSync(packed)));
    expect(strFromU8(files['word/document.xml']!)).toContain('改文');
  });
});

describe('the document’s date, from its 成文日期', () => {
  it.each([
    ['2026年2月5日', { year: 2026, month: 2, day: 5 }, '2026-02-05T00:00:00Z'],
    ['2025年12月31日', { year: 2025, month: 12, day: 31 }, '2025-12-31T00:00:00Z'],
    ['二〇二六年二月五日（2026年03月01日）', { year: 2026, month: 3, day: 1 }, '2026-03-01T00:00:00Z'],
    ['', { year: 2000, month: 1, day: 1 }, '2000-01-01T00:00:00Z'],
    ['二〇二六年二月五日', { year: 2000, month: 1, day: 1 }, '2000-01-01T00:00:00Z'],
  ])('%s → %o, written %s', (chinese, day, iso) => {
    expect(documentDate(chinese)).toEqual(day);
    expect(isoDay(day)).toBe(iso);
  });

  it('escapes the title and creator in core.xml, which parses and gives them back', () => {
    const core = parseXml(coreXml('a < b & c > d', '"甲"&<乙>', '2026-02-05T00:00:00Z'), 'core.xml');
    expect(textOfFirst(core, NS.dc, 'title')).toBe('a < b & c > d');
    expect(textOfFirst(core, NS.dc, 'creator')).toBe('"甲"&<乙>');
    expect(textOfFirst(core, NS.cp, 'lastModifiedBy')).toBe('"甲"&<乙>');
  });
});
