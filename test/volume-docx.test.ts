// The volume's DOCX made in the test itself (test/volume.test.ts builds one through the command line
// once for all its tests): its contents field, bookmarks, cover, date and settings.
import type { Document, Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { geometry, STYLE } from '../src/emit/docx/styles.js';
import { emitVolume, measureWidth, TOC_INSTRUCTION, type VolumeOptions, type VolumeReport } from '../src/emit/docx/volume.js';
import { MINIMAL, standardPack } from './helpers.js';
import { docxXmlParts, NS } from './xml.js';

const pack = standardPack();
/** A small report of a township, dated. */
async function report(name: string, date: string): Promise<VolumeReport> {
  const source = `${MINIMAL.replace('测试乡', name).replace('2026-02-05', date)}opening: 全年开展法治宣传活动12场。\n`;
  const r = await compile(`${name}.yaml`, source, pack, { formats: [] });
  return { tree: r.tree!, file: `${name}.yaml` };
}
const TITLE = '城口县2025年度乡镇（街道）法治政府建设年度报告汇编';

async function volume(reports: VolumeReport[], options: Partial<VolumeOptions> = {}) {
  const result = await emitVolume(reports, { title: TITLE, layout: pack.meta.layout, creator: '城口县司法局', contentsHeading: '目　录', ...options });
  const parts = docxXmlParts(result.bytes);
  const doc = parts.get('word/document.xml')!;
  const all = (el: { getElementsByTagNameNS: Element['getElementsByTagNameNS'] }, name: string) => Array.from(el.getElementsByTagNameNS(NS.w, name));
  const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(NS.w, name) ?? null;
  const style = (p: Element) => attr(all(p, 'pStyle')[0], 'val');
  const entries = all(doc, 'p').filter((p) => style(p) === 'TOC1');
  return {
    result,
    /** Each contents entry's field characters and instructions, in order. */
    fields: entries.map((e) => [...all(e, 'fldChar').map((c) => attr(c, 'fldCharType')), ...all(e, 'instrText').map((i) => i.textContent)]),
    instructions: all(doc, 'instrText'),
    entries,
    titles: all(doc, 'p').filter((p) => style(p) === 'Heading1'),
    bookmarks: all(doc, 'bookmarkStart').map((b) => [attr(b, 'name'), attr(b, 'id')]),
    cover: all(doc, 'p').filter((p) => style(p) === 'CoverTitle'),
    all,
    attr,
    core: parts.get('docProps/core.xml')!,
    settings: parts.get('word/settings.xml')!,
    styles: parts.get('word/styles.xml')!,
    doc,
  };
}

describe('the volume’s contents', () => {
  it('are one TOC field from the first entry to the last, each entry with its own PAGEREF field', async () => {
    const v = await volume([await report('甲乡', '2026-02-01'), await report('乙镇', '2026-02-02'), await report('丙乡', '2026-02-03')]);
    const pageRef = (i: number) => `PAGEREF _Toc00000000${i} \\h`;
    const heading = v.all(v.doc, 'p').filter((p) => v.attr(v.all(p, 'pStyle')[0], 'val') === STYLE.contentsHeading);
    expect(heading.map((p) => v.all(p, 't').map((t) => t.textContent))).toEqual([['目　录']]);
    expect(v.fields).toEqual([
      ['begin', 'separate', 'begin', 'separate', 'end', TOC_INSTRUCTION, pageRef(1)],
      ['begin', 'separate', 'end', pageRef(2)],
      ['begin', 'separate', 'end', 'end', pageRef(3)],
    ]);
    // Instructions keep their spaces.
    for (const i of v.instructions) expect(i.getAttribute('xml:space')).toBe('preserve');
    // Each entry is its title, a tab to a right tab stop at the type area's edge with a leader of dots, then the page number.
    const g = geometry(pack.meta.layout);
    for (const e of v.entries) {
      const stops = v.all(v.all(e, 'tabs')[0]!, 'tab');
      expect(stops.map((t) => [v.attr(t, 'val'), v.attr(t, 'pos'), v.attr(t, 'leader')])).toEqual([['right', String(g.typeWidth), 'dot']]);
      const runs = v.all(v.all(e, 'hyperlink')[0]!, 'r');
      const tab = runs.findIndex((r) => v.all(r, 'tab').length > 0);
      const pageRef = runs.findIndex((r) => v.all(r, 'instrText').some((i) => i.textContent?.startsWith('PAGEREF')));
      expect(tab).toBeGreaterThan(0);
      expect(pageRef).toBeGreaterThan(tab);
    }
  });

  it('come filled in with the pages Word will lay the reports out on: the first after the page of contents', async () => {
    const v = await volume([await report('甲乡', '2026-02-01'), await report('乙镇', '2026-02-02'), await report('丙乡', '2026-02-03')]);
    const pages = v.entries.map((e) => {
      const text = v
        .all(e, 't')
        .map((t) => t.textContent)
        .join('');
      return Number(/(\d+)$/.exec(text)?.[1]);
    });
    expect(pages[0]).toBe(2);
    expect(pages[1]).toBeGreaterThan(pages[0]!);
    expect(pages[2]).toBeGreaterThan(pages[1]!);
  });

  it('of one report open and close the field in its one entry', async () => {
    const v = await volume([await report('甲乡', '2026-02-01')]);
    expect(v.fields).toEqual([['begin', 'separate', 'begin', 'separate', 'end', 'end', TOC_INSTRUCTION, 'PAGEREF _Toc000000001 \\h']]);
  });

  it('for LibreOffice are the same entries outside a field', async () => {
    const v = await volume([await report('甲乡', '2026-02-01'), await report('乙镇', '2026-02-02')], { contentsField: false });
    expect(v.fields).toEqual([
      ['begin', 'separate', 'end', 'PAGEREF _Toc000000001 \\h'],
      ['begin', 'separate', 'end', 'PAGEREF _Toc000000002 \\h'],
    ]);
    expect(v.attr(v.all(v.settings, 'updateFields')[0], 'val')).toBe('true');
  });

  it('link to bookmarks numbered in order on the reports’ titles', async () => {
    const v = await volume([await report('甲乡', '2026-02-01'), await report('乙镇', '2026-02-02')]);
    expect(v.bookmarks).toEqual([
      ['_Toc000000001', '1'],
      ['_Toc000000002', '2'],
    ]);
    expect(v.titles.map((t) => v.all(t, 'bookmarkStart').length)).toEqual([1, 1]);
    // Each report starts a page of its own.
    expect(v.titles.map((t) => v.all(t, 'pageBreakBefore').length)).toEqual([1, 1]);
    expect(v.result.titles).toEqual(
      v.titles.map((t) =>
        v
          .all(t, 't')
          .map((x) => x.textContent)
          .join(''),
      ),
    );
  });
});

describe('the volume’s cover, date and settings', () => {
  it('breaks the cover title after 乡镇（街道）, with an empty line above it', async () => {
    const v = await volume([await report('甲乡', '2026-02-01')]);
    expect(v.cover).toHaveLength(2);
    expect(v.all(v.cover[0]!, 't')).toHaveLength(0);
    const runs = v.all(v.cover[1]!, 'r').map((r) => [v.all(r, 'br').length, v.all(r, 't')[0]?.textContent]);
    expect(runs).toEqual([
      [0, '城口县2025年度乡镇（街道）'],
      [1, '法治政府建设年度报告汇编'],
    ]);
    // There even where the lines come out unequal.
    const w = await volume([await report('甲乡', '2026-02-01')], { title: '2025年度乡镇（街道）法治政府建设年度报告汇编总册' });
    expect(w.all(w.cover[1]!, 't').map((t) => t.textContent)).toEqual(['2025年度乡镇（街道）', '法治政府建设年度报告汇编总册']);
    // A third of the way down: four lines' space above the empty line, which is one and a half lines high.
    const g = geometry(pack.meta.layout);
    const spacing = v.all(v.cover[0]!, 'spacing')[0];
    expect([v.attr(spacing, 'before'), v.attr(spacing, 'line'), v.attr(spacing, 'lineRule')]).toEqual([String(4 * g.line), String(Math.round(g.line * 1.5)), 'exact']);
  });

  it('is dated as its latest report, whatever their order', async () => {
    const dates = ['2026-02-10', '2026-03-05', '2026-02-28', '2025-12-31', '2026-03-02'];
    const reports = await Promise.all(dates.map((d, i) => report(`第${i}乡`, d)));
    for (const order of [reports, [...reports].reverse()]) {
      const v = await volume(order);
      expect(v.core.getElementsByTagNameNS('http://purl.org/dc/terms/', 'created')[0]?.textContent).toMatch(/^2026-03-05T/);
    }
  });

  it('numbers its pages from 1 once, and sets odd and even footers only for numbers on the outside', async () => {
    const reports = [await report('甲乡', '2026-02-01')];
    const footers = { outside: ['default', 'even'], center: ['default'], none: [] };
    for (const page_numbers of ['outside', 'center', 'none'] as const) {
      const v = await volume(reports, { layout: { ...pack.meta.layout, page_numbers } });
      // The cover has no number; the contents and the reports do.
      const sections = v.all(v.doc, 'sectPr');
      expect(sections.map((s) => v.all(s, 'footerReference').map((f) => v.attr(f, 'type')))).toEqual([[], footers[page_numbers]]);
      if (page_numbers === 'none') continue;
      expect(v.all(v.doc, 'pgNumType').flatMap((p) => v.attr(p, 'start') ?? [])).toEqual(['1']);
      const odd = v.all(v.settings, 'evenAndOddHeaders')[0];
      expect(odd !== undefined && !['false', '0', 'off'].includes(v.attr(odd, 'val') ?? '')).toBe(page_numbers === 'outside');
    }
  });
});

describe('text widths as Word lays out a volume’s pages', () => {
  it('Chinese and anything past ASCII one em, printable ASCII in Times New Roman’s widths', () => {
    const font = { size: 10 } as Parameters<typeof measureWidth>[1];
    expect(measureWidth('中', font)).toBe(10);
    expect(measureWidth(' ', font)).toBe(2.5);
    expect(measureWidth('A', font)).toBeCloseTo(7.22);
    expect(measureWidth('~', font)).toBeCloseTo(5.41);
    expect(measureWidth('\u007f', font)).toBe(10);
    expect(measureWidth('\u001f', font)).toBe(10);
    expect(measureWidth('A中 ', font)).toBeCloseTo(19.72);
  });
});

describe('the volume’s styles', () => {
  /** One style of styles.xml by id: its name, links and the look Word reads from it. */
  function styleOf(styles: Document, id: string) {
    const el = Array.from(styles.getElementsByTagNameNS(NS.w, 'style')).find((s) => s.getAttributeNS(NS.w, 'styleId') === id);
    if (!el) throw new Error(`no style ${id}`);
    const first = (name: string) => el.getElementsByTagNameNS(NS.w, name)[0];
    const val = (name: string, attr = 'val') => first(name)?.getAttributeNS(NS.w, attr) ?? null;
    const on = (name: string) => first(name) !== undefined && !['false', '0'].includes(val(name) ?? '');
    return {
      name: val('name'),
      basedOn: val('basedOn'),
      next: val('next'),
      font: val('rFonts', 'eastAsia'),
      size: val('sz'),
      bold: on('b'),
      align: val('jc'),
      outline: val('outlineLvl'),
      indent: [val('ind', 'firstLine'), val('ind', 'left'), val('ind', 'right')],
      spacing: [val('spacing', 'line'), val('spacing', 'lineRule'), val('spacing', 'before'), val('spacing', 'after')],
      keep: [on('keepNext'), on('keepLines')],
      /** Shown in Word's gallery of styles (w:qFormat). */
      gallery: on('qFormat'),
    };
  }

  it('name the headings and contents as Word knows them, the reports’ titles heading 1 and each of their levels one down', async () => {
    const layout = { ...pack.meta.layout, title_size: 24, heading1_size: 17, heading2_size: 16.5, heading3_size: 15.5, heading3_bold: true };
    const v = await volume([await report('甲乡', '2026-02-01')], { layout });
    const styles = v.styles;
    const g = geometry(layout);
    const style = (id: string) => styleOf(styles, id);
    const exactly = (line: number) => [String(line), 'exact'];

    expect(style(STYLE.h1)).toMatchObject({ name: 'heading 1', basedOn: 'Normal', next: STYLE.body, font: layout.title_font, size: '48', align: 'center', outline: '0', bold: false, gallery: true });
    expect(style(STYLE.h1).indent).toEqual(['0', '0', '0']);
    expect(style(STYLE.h1).keep).toEqual([true, true]);
    const levels: [string, string, string, string, boolean][] = [
      [STYLE.h2, 'heading 2', layout.heading1_font, '34', false],
      [STYLE.h3, 'heading 3', layout.heading2_font, '33', false],
      [STYLE.h4, 'heading 4', layout.heading3_font, '31', true],
      [STYLE.h5, 'heading 5', layout.heading3_font, '31', false],
    ];
    levels.forEach(([id, name, font, size, bold], i) => {
      const s = style(id);
      expect(s, id).toMatchObject({ name, basedOn: 'Normal', next: STYLE.body, font, size, bold, outline: String(i + 1), gallery: true });
      expect(s.indent[0], id).toBe(String(2 * g.char));
      expect(s.spacing, id).toEqual([...exactly(g.line), '0', '0']);
      expect(s.keep, id).toEqual([true, true]);
    });

    // The cover's title: 一号 beside a 2号 title, so the title's size and a fifth; centred, one and a half lines.
    const cover = style(STYLE.coverTitle);
    expect(cover).toMatchObject({ name: 'Cover Title', basedOn: 'Normal', font: layout.title_font, size: String(Math.round(24 * (26 / 22) * 2)), align: 'center' });
    expect(cover.indent).toEqual(['0', '0', '0']);
    expect(cover.spacing).toEqual([...exactly(Math.round(g.line * 1.5)), '0', '0']);
    expect(style(STYLE.contentsHeading)).toMatchObject({ name: 'TOC Heading', basedOn: 'Normal', next: STYLE.contents, font: layout.title_font, size: '48', align: 'center' });
    const entries = style(STYLE.contents);
    expect(entries).toMatchObject({ name: 'toc 1', basedOn: 'Normal', next: STYLE.body, align: 'left' });
    expect(entries.indent).toEqual(['0', '0', '0']);
    expect(entries.spacing).toEqual([...exactly(g.line), '0', '0']);
  });
});
