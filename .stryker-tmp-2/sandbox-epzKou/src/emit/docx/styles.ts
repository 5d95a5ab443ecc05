/** GB/T 9704-2012 page geometry and paragraph styles, in OOXML units (twips, half-points). */
// @ts-nocheck

import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { Layout } from '../../render/pack.js';

const MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * MM);

export const STYLE = {
  body: 'BodyText',
  plain: 'PlainText',
  title: 'Title',
  h1: 'Heading1',
  h2: 'Heading2',
  h3: 'Heading3',
  h4: 'Heading4',
  docNumber: 'DocNumber',
  recipient: 'Recipient',
  signature: 'Signature',
  footer: 'Footer',
  tableCell: 'TableText',
  quote: 'Quote',
} as const;

/** A layout → its page size, margins, type area, line pitch and grid, in twips. */
export function geometry(layout: Layout) {
  const typeWidth = mm(210 - 28 - 26);
  const charSize = 16; // 3号
  return {
    pageWidth: 11906,
    pageHeight: 16838,
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
    header: mm(15),
    /** The page number's rule sits 7 mm below the type area (GB/T 9704 7.5). */
    footer: mm(35 - 7 - 5),
    typeWidth,
    /** One 3号 character, for indents. */
    char: charSize * 20,
    /** One 4号 character, for the page number's indent. */
    pageNumberChar: 14 * 20,
    /** Exact line pitch: 28 pt by default; with the grid, 225 mm / 22 lines. */
    line: layout.grid ? Math.floor(mm(225) / 22) : Math.round(layout.line_spacing * 20),
    /** Character pitch for 28 characters a line, as OOXML charSpace (1/4096 pt beyond the font size). */
    charSpace: Math.round((typeWidth / 28 / 20 - charSize) * 4096),
  };
}

/** A layout → docx's style options: the defaults and every paragraph style the emitter uses. */
export function styles(layout: Layout): IStylesOptions {
  const g = geometry(layout);
  const font = (eastAsia: string) => ({ ascii: layout.latin_font, hAnsi: layout.latin_font, cs: layout.latin_font, eastAsia, hint: 'eastAsia' });
  const exact = { line: g.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const heading = (name: string, eastAsia: string, outlineLevel: number, bold = false) => ({
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: font(eastAsia), size: 32, bold, italics: false, color: '000000' },
    paragraph: { indent: { firstLine: 2 * g.char }, spacing: exact, keepNext: true, keepLines: true, alignment: AlignmentType.JUSTIFIED, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: font(layout.body_font), size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exact },
      },
      title: {
        name: 'Title',
        run: { font: font(layout.title_font), size: 44, bold: false, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0, left: 0, right: 0 },
          spacing: { line: Math.round(g.line * 1.25), lineRule: LineRuleType.EXACT, before: 0, after: g.line },
          keepNext: true,
        },
      },
      heading1: heading('heading 1', layout.heading1_font, 0),
      heading2: heading('heading 2', layout.heading2_font, 1),
      heading3: heading('heading 3', layout.heading3_font, 2, layout.heading3_bold),
      heading4: heading('heading 4', layout.heading3_font, 3),
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLine: 2 * g.char }, alignment: AlignmentType.JUSTIFIED, spacing: exact },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { font: font(layout.heading2_font) },
        paragraph: { indent: { firstLine: 2 * g.char, left: 2 * g.char, right: 2 * g.char }, alignment: AlignmentType.JUSTIFIED, spacing: exact },
      },
      {
        id: STYLE.plain,
        name: 'Plain Body',
        basedOn: 'Normal',
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.JUSTIFIED, spacing: exact },
      },
      {
        id: STYLE.docNumber,
        name: 'Document Number',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...exact, after: g.line } },
      },
      {
        id: STYLE.recipient,
        name: 'Recipient',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, left: 0 }, spacing: exact },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, spacing: exact, keepLines: true },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { font: font(layout.page_number_font), size: 28 },
        paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      {
        id: STYLE.tableCell,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 28 },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0 }, spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
  };
}
