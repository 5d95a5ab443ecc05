// The page a layout gives, in DOCX and in HTML alike: its size and orientation, the header's
// distance and the page numbers on each side.
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { type Layout, MIN_TYPE_AREA_MM, typeAreaProblem } from '../src/render/layout.js';
import { MINIMAL, standardPack } from './helpers.js';
import { docxXmlParts, NS } from './xml.js';

const twips = (mm: number) => String(Math.round((mm * 1440) / 25.4));

async function page(layout: Partial<Layout>) {
  const r = await compile('t.yaml', MINIMAL, standardPack(), { formats: ['docx', 'html'], layout });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const parts = docxXmlParts(r.outputs.docx!);
  const doc = parts.get('word/document.xml')!;
  const sectPr = doc.getElementsByTagNameNS(NS.w, 'sectPr')[0]!;
  const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(NS.w, name) ?? null;
  const first = (el: { getElementsByTagNameNS: Element['getElementsByTagNameNS'] }, name: string) => el.getElementsByTagNameNS(NS.w, name)[0];
  const size = first(sectPr, 'pgSz');
  const margin = first(sectPr, 'pgMar');
  const rels = parts.get('word/_rels/document.xml.rels')!;
  const target = (id: string | null) =>
    Array.from(rels.getElementsByTagName('Relationship'))
      .find((r) => r.getAttribute('Id') === id)
      ?.getAttribute('Target');
  /** Each footer by type (default, even): where its number stands and how far it is indented. */
  const footers = Object.fromEntries(
    Array.from(sectPr.getElementsByTagNameNS(NS.w, 'footerReference')).map((ref) => {
      const footer = parts.get(`word/${target(ref.getAttributeNS(NS.r, 'id'))}`)!;
      const ind = first(footer, 'ind');
      return [attr(ref, 'type'), { align: attr(first(footer, 'jc'), 'val'), left: attr(ind, 'left'), right: attr(ind, 'right') }];
    }),
  );
  const html = new TextDecoder().decode(r.outputs.html);
  return {
    size: { w: attr(size, 'w'), h: attr(size, 'h'), orient: attr(size, 'orient') },
    header: attr(margin, 'header'),
    footers,
    evenAndOdd: Array.from(parts.get('word/settings.xml')!.getElementsByTagNameNS(NS.w, 'evenAndOddHeaders')).some((e) => !['false', '0'].includes(attr(e, 'val') ?? '')),
    /** The @page rules of the HTML's style. */
    pageRules: [...html.matchAll(/@page[^\n]*/g)].map((m) => m[0]),
  };
}

describe('the page', () => {
  it.each([
    ['A4 portrait', 210, 297, 'portrait', 'A4'],
    ['A4 landscape', 297, 210, 'landscape', '297mm 210mm'],
    ['a square page (portrait)', 210, 210, 'portrait', '210mm 210mm'],
    ['as wide as A4, not as tall', 210, 300, 'portrait', '210mm 300mm'],
    ['as tall as A4, not as wide', 200, 297, 'portrait', '200mm 297mm'],
  ])('%s: DOCX gives its size as portrait and its orientation; HTML names A4 or gives the size', async (_, page_width, page_height, orientation, css) => {
    const p = await page({ page_width, page_height });
    // docx is given the portrait size and swaps it for a landscape page.
    expect(p.size).toEqual({ w: twips(page_width), h: twips(page_height), orient: orientation === 'landscape' ? 'landscape' : 'portrait' });
    expect(p.pageRules[0]).toMatch(new RegExp(`^@page \\{ size: ${css}; margin: `));
  });

  it.each([
    [37, 15],
    [30, 15],
    [28, 14],
    [20, 10],
  ])('with a top margin of %i mm the header stands %i mm from the edge (half the margin, at most 15 mm)', async (margin_top, header) => {
    expect((await page({ margin_top })).header).toBe(twips(header));
  });
});

describe('page numbers', () => {
  const IN = String(14 * 20);
  it.each([
    ['outside', { default: { align: 'right', left: null, right: IN }, even: { align: 'left', left: IN, right: null } }, true, ['@page :right { @bottom-right {', '@page :left { @bottom-left {']],
    ['right', { default: { align: 'right', left: null, right: IN } }, false, ['@page { @bottom-right {']],
    ['left', { default: { align: 'left', left: IN, right: null } }, false, ['@page { @bottom-left {']],
    ['center', { default: { align: 'center', left: null, right: null } }, false, ['@page { @bottom-center {']],
    ['none', {}, false, []],
  ] as const)('%s: the footers of DOCX and the margin boxes of HTML', async (page_numbers, footers, evenAndOdd, rules) => {
    const p = await page({ page_numbers });
    expect(p.footers).toEqual(footers);
    expect(p.evenAndOdd).toBe(evenAndOdd);
    expect(p.pageRules.slice(1).map((r) => r.slice(0, r.indexOf('{', r.indexOf('@b')) + 1))).toEqual(rules);
    for (const rule of p.pageRules.slice(1)) expect(rule).toContain('content: "— " counter(page) " —"; font: 14pt');
  });
});

describe('the smallest page that holds text', () => {
  it('is a type area exactly the least wide and high; a tenth of a millimetre less is too small', () => {
    const page = { page_width: 100, page_height: 100, margin_top: 30, margin_bottom: 50 - MIN_TYPE_AREA_MM + 20, margin_left: 40, margin_right: 60 - MIN_TYPE_AREA_MM };
    expect(typeAreaProblem(page)).toBeUndefined();
    expect(typeAreaProblem({ ...page, margin_right: page.margin_right + 0.1 })).toBe('width');
    expect(typeAreaProblem({ ...page, margin_top: page.margin_top + 0.1 })).toBe('height');
  });
});
