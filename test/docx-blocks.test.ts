import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { emitDocx } from '../src/emit/docx/index.js';
import { geometry, STYLE } from '../src/emit/docx/styles.js';
import type { Nodes, Root, Strong } from 'mdast';
import { parseMarkdown } from '../src/markdown/index.js';
import type { Layout } from '../src/render/layout.js';
import { standardPack } from './helpers.js';
import { docxParagraphs, docxXmlParts, NS } from './xml.js';

/** Markdown as a template may write it, to DOCX: each paragraph of the body with its style, indents and text. */
async function docx(markdown: string) {
  const layout = standardPack().meta.layout;
  const { bytes, diagnostics } = await emitDocx(parseMarkdown(markdown), layout, 't.yaml');
  const doc = docxXmlParts(bytes).get('word/document.xml')!;
  const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(NS.w, name) ?? null;
  const first = (el: Element, name: string) => el.getElementsByTagNameNS(NS.w, name)[0];
  /** Whether a switch element (w:b, w:tblHeader) is there and on. */
  const on = (el: Element | undefined) => el !== undefined && !['false', '0', 'off'].includes(attr(el, 'val') ?? '');
  const text = (el: Element) =>
    Array.from(el.getElementsByTagNameNS(NS.w, 't'))
      .map((t) => t.textContent)
      .join('');
  const paragraphs = Array.from(doc.getElementsByTagNameNS(NS.w, 'p'))
    .filter((p) => p.parentElement?.localName === 'body')
    .map((p) => ({ style: attr(first(p, 'pStyle'), 'val'), left: attr(first(p, 'ind'), 'left'), hanging: attr(first(p, 'ind'), 'hanging'), text: text(p) }));
  const tables = Array.from(doc.getElementsByTagNameNS(NS.w, 'tbl')).map((tbl) => ({
    widths: Array.from(tbl.getElementsByTagNameNS(NS.w, 'gridCol')).map((c) => Number(attr(c, 'w'))),
    width: [attr(first(tbl, 'tblW'), 'w'), attr(first(tbl, 'tblW'), 'type')],
    /** Each edge of the table's borders (w:tblBorders) → its line, size and colour. */
    borders: Object.fromEntries(
      Array.from(first(tbl, 'tblBorders')?.childNodes ?? [])
        .filter((n): n is Element => n.nodeType === 1)
        .map((b) => [b.localName, [attr(b, 'val'), attr(b, 'sz'), attr(b, 'color')]]),
    ),
    rows: Array.from(tbl.getElementsByTagNameNS(NS.w, 'tr')).map((tr) => ({
      header: on(first(tr, 'tblHeader')),
      cantSplit: on(first(tr, 'cantSplit')),
      cells: Array.from(tr.getElementsByTagNameNS(NS.w, 'tc')).map((tc) => ({
        text: text(tc),
        style: attr(first(tc, 'pStyle'), 'val'),
        bold: Array.from(tc.getElementsByTagNameNS(NS.w, 'r')).every((r) => on(first(r, 'b'))),
      })),
    })),
  }));
  return { paragraphs, tables, diagnostics, typeWidth: geometry(layout).typeWidth };
}

describe('DOCX: lists, quotes, code and rules as templates write them', () => {
  it('numbered lists count from their start, nested ones in brackets; bullets; a second paragraph of an item hangs no marker', async () => {
    const { paragraphs, diagnostics } = await docx('3. 甲项\n\n   甲项续\n4. 乙项\n   1. 子项一\n   2. 子项二\n\n- 要点\n');
    expect(diagnostics).toEqual([]);
    const items = paragraphs.filter((p) => p.style === STYLE.plain).map((p) => [p.text, p.left, p.hanging]);
    expect(items).toEqual([
      ['3. 甲项', '640', '320'],
      ['甲项续', '640', '0'],
      ['4. 乙项', '640', '320'],
      ['（1） 子项一', '1280', '320'],
      ['（2） 子项二', '1280', '320'],
      ['• 要点', '640', '320'],
    ]);
  });

  it('a quote’s paragraphs, nested or not, take the quote style, and the text after it the body style again', async () => {
    const { paragraphs } = await docx('> 引文一\n>\n> > 引文二\n\n正文。\n');
    expect(paragraphs.map((p) => [p.style, p.text])).toEqual([
      [STYLE.quote, '引文一'],
      [STYLE.quote, '引文二'],
      [STYLE.body, '正文。'],
    ]);
  });

  it('code is a plain paragraph per line; a rule is an empty body paragraph; a heading’s level comes from its depth', async () => {
    const { paragraphs } = await docx('```\n第一行\n第二行\n```\n\n---\n\n### 小标题\n');
    expect(paragraphs.map((p) => [p.style, p.text])).toEqual([
      [STYLE.plain, '第一行'],
      [STYLE.plain, '第二行'],
      [STYLE.body, ''],
      [STYLE.h2, '小标题'],
    ]);
  });
});

describe('DOCX: tables', () => {
  it('a header row repeated and bold, rows kept whole, cells in the table style, every cell written', async () => {
    const { tables } = await docx('| 项目 | 数量 |\n| --- | --- |\n| 调解 | 95 |\n| 普法 |\n');
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t!.rows.map((r) => [r.header, r.cantSplit, r.cells.map((c) => c.text)])).toEqual([
      [true, true, ['项目', '数量']],
      [false, true, ['调解', '95']],
      [false, true, ['普法', '']],
    ]);
    expect(t!.rows[0]!.cells.every((c) => c.bold && c.style === STYLE.tableCell)).toBe(true);
    expect(t!.rows[1]!.cells.some((c) => c.bold)).toBe(false);
  });

  it('columns share the type area by their longest cell, no narrower than 2 characters’ share nor wider than 12', async () => {
    const long = '很'.repeat(30);
    const { tables, typeWidth } = await docx(`| 甲 | 乙乙乙乙乙乙 | 丙 |\n| --- | --- | --- |\n| 1 | 2 | ${long} |\n`);
    const widths = tables[0]!.widths;
    // Weights 2 (one character, raised to 2), 6 and 12 (30 characters, held to 12), of 20.
    expect(widths).toEqual([2, 6, 12].map((w) => Math.floor((typeWidth * w) / 20)));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(typeWidth);
    // The table is as wide as its columns, in twentieths of a point, and ruled all round and inside with thin black lines.
    expect(tables[0]!.width).toEqual([String(widths.reduce((a, b) => a + b, 0)), 'dxa']);
    const line = ['single', '4', '000000'];
    expect(tables[0]!.borders).toEqual({ top: line, left: line, bottom: line, right: line, insideH: line, insideV: line });
  });
});

describe('DOCX: runs', () => {
  /** Markdown (its strong nodes given `data` in order) to the body's runs: text, bold, italics, East Asian and Latin font, breaks. */
  async function runsOf(markdown: string, layout: Partial<Layout> = {}, strongData: object[] = []) {
    const tree = parseMarkdown(markdown);
    const strongs: Strong[] = [];
    const walk = (n: Nodes) => {
      if (n.type === 'strong') strongs.push(n);
      if ('children' in n) for (const c of n.children) walk(c);
    };
    walk(tree);
    strongData.forEach((d, i) => {
      strongs[i]!.data = d as Strong['data'];
    });
    const full = { ...standardPack().meta.layout, ...layout };
    const { bytes, diagnostics } = await emitDocx(tree, full, 't.yaml');
    const doc = docxXmlParts(bytes).get('word/document.xml')!;
    const body = doc.getElementsByTagNameNS(NS.w, 'body')[0]!;
    const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(NS.w, name) ?? null;
    const first = (el: Element, name: string) => el.getElementsByTagNameNS(NS.w, name)[0];
    const on = (el: Element | undefined) => el !== undefined && !['false', '0'].includes(attr(el, 'val') ?? '');
    const runs = Array.from(body.getElementsByTagNameNS(NS.w, 'r')).map((r) => ({
      text: Array.from(r.getElementsByTagNameNS(NS.w, 't'))
        .map((t) => t.textContent)
        .join(''),
      bold: on(first(r, 'b')),
      italics: on(first(r, 'i')),
      eastAsia: attr(first(r, 'rFonts'), 'eastAsia'),
      ascii: attr(first(r, 'rFonts'), 'ascii'),
      break: first(r, 'br') !== undefined,
    }));
    return { runs, diagnostics, layout: full };
  }
  const plain = { bold: false, italics: false, eastAsia: null, ascii: null, break: false };

  it('bold, italic, code, links and struck text keep their text; bold and italics are marked, nothing else', async () => {
    const { runs, diagnostics } = await runsOf('甲**乙*丙***丁`戊`[己](https://example.org)~~庚~~');
    expect(diagnostics).toEqual([]);
    expect(runs).toEqual([
      { ...plain, text: '甲' },
      { ...plain, text: '乙', bold: true },
      { ...plain, text: '丙', bold: true, italics: true },
      { ...plain, text: '丁' },
      { ...plain, text: '戊' },
      { ...plain, text: '己' },
      { ...plain, text: '庚' },
    ]);
  });

  it('a hard line break is a break run; an image its alternative text, with a warning', async () => {
    const { runs, diagnostics } = await runsOf('上行\\\n下行![示意图](a.png)');
    expect(runs).toEqual([
      { ...plain, text: '上行' },
      { ...plain, text: '', break: true },
      { ...plain, text: '下行' },
      { ...plain, text: '示意图' },
    ]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['markdown/unknown-node']);
  });

  it('a phrasing node no handler knows is written as its text, with a warning', async () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '前' },
            { type: 'mystery', value: '神秘' },
          ],
        },
      ],
    } as unknown as Root;
    const { bytes, diagnostics } = await emitDocx(tree, standardPack().meta.layout, 't.yaml');
    expect(docxParagraphs(bytes)).toContain('前神秘');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['markdown/unknown-node']);
    expect(diagnostics[0]!.reason).toContain('mystery');
  });

  it('a block node no handler knows is a body paragraph of its text, with a warning', async () => {
    const tree = { type: 'root', children: [{ type: 'mysteryBlock', children: [{ type: 'text', value: '神秘段落' }] }] } as unknown as Root;
    const { bytes, diagnostics } = await emitDocx(tree, standardPack().meta.layout, 't.yaml');
    const doc = docxXmlParts(bytes).get('word/document.xml')!;
    const body = Array.from(doc.getElementsByTagNameNS(NS.w, 'p')).filter((p) => p.parentElement?.localName === 'body');
    expect(body.map((p) => [p.getElementsByTagNameNS(NS.w, 'pStyle')[0]?.getAttributeNS(NS.w, 'val') ?? null, p.textContent])).toContainEqual([STYLE.body, '神秘段落']);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['markdown/unknown-node']);
    expect(diagnostics[0]!.reason).toContain('mysteryBlock');
  });

  it('a run-in heading takes its level’s East Asian font and the Latin font; level 3 is bold only when the layout says so', async () => {
    const markdown = '**一、甲**正文。\n\n**（一）乙**正文。\n\n**1.丙**正文。\n\n**丁**正文。\n';
    const data = [1, 2, 3, undefined].map((level) => ({ role: 'run-in', level }));
    for (const heading3_bold of [false, true]) {
      const { runs, layout } = await runsOf(markdown, { heading1_font: '黑体', heading2_font: '楷体_GB2312', heading3_font: '仿宋_GB2312', latin_font: 'Times New Roman', heading3_bold }, data);
      const font = (eastAsia: string) => ({ eastAsia, ascii: layout.latin_font });
      expect(runs, `heading3_bold ${heading3_bold}`).toEqual([
        { ...plain, ...font('黑体'), text: '一、甲' },
        { ...plain, text: '正文。' },
        { ...plain, ...font('楷体_GB2312'), text: '（一）乙' },
        { ...plain, text: '正文。' },
        { ...plain, ...font('仿宋_GB2312'), bold: heading3_bold, text: '1.丙' },
        { ...plain, text: '正文。' },
        // No level given: level 3.
        { ...plain, ...font('仿宋_GB2312'), bold: heading3_bold, text: '丁' },
        { ...plain, text: '正文。' },
      ]);
    }
  });
});
