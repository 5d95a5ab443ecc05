import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { emitDocx } from '../src/emit/docx/index.js';
import { geometry, STYLE } from '../src/emit/docx/styles.js';
import { parseMarkdown } from '../src/markdown/index.js';
import { standardPack } from './helpers.js';
import { docxXmlParts, NS } from './xml.js';

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
  });
});
