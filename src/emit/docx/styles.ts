/** GB/T 9704-2012 page geometry and paragraph styles, in OOXML units (twips, half-points). */
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
  /** In a volume only, where the reports' titles are heading 1 and their headings one level down. */
  h5: 'Heading5',
  docNumber: 'DocNumber',
  recipient: 'Recipient',
  signature: 'Signature',
  footer: 'Footer',
  tableCell: 'TableText',
  quote: 'Quote',
  /** A volume's own paragraphs: its cover's title, the contents' heading and its entries. */
  coverTitle: 'CoverTitle',
  contentsHeading: 'ContentsHeading',
  contents: 'TOC1',
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

/** The font of a style: Latin text in the layout's Latin font, Chinese in `eastAsia`. */
const fontOf = (layout: Layout, eastAsia: string) => ({ ascii: layout.latin_font, hAnsi: layout.latin_font, cs: layout.latin_font, eastAsia, hint: 'eastAsia' });

/** Exact line spacing of the layout's pitch, nothing before or after. */
const exactOf = (layout: Layout) => ({ line: geometry(layout).line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A heading style: 3号 in its font, indented two characters, kept with what follows; `outlineLevel` counts from 0. */
function headingStyle(layout: Layout, name: string, eastAsia: string, outlineLevel: number, bold = false) {
  return {
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: fontOf(layout, eastAsia), size: 32, bold, italics: false, color: '000000' },
    paragraph: { indent: { firstLine: 2 * geometry(layout).char }, spacing: exactOf(layout), keepNext: true, keepLines: true, alignment: AlignmentType.JUSTIFIED, outlineLevel },
  };
}

/** The title's look: 2号 in the title font, centred, no indent, a line of space after it. */
function titleLook(layout: Layout) {
  const g = geometry(layout);
  return {
    run: { font: fontOf(layout, layout.title_font), size: 44, bold: false, color: '000000' },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, left: 0, right: 0 },
      spacing: { line: Math.round(g.line * 1.25), lineRule: LineRuleType.EXACT, before: 0, after: g.line },
      keepNext: true,
    },
  };
}

/** A layout → docx's style options: the defaults and every paragraph style the emitter uses. */
export function styles(layout: Layout): IStylesOptions {
  const g = geometry(layout);
  const font = (eastAsia: string) => fontOf(layout, eastAsia);
  const exact = exactOf(layout);
  return {
    default: {
      document: {
        run: { font: font(layout.body_font), size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exact },
      },
      title: { name: 'Title', ...titleLook(layout) },
      heading1: headingStyle(layout, 'heading 1', layout.heading1_font, 0),
      heading2: headingStyle(layout, 'heading 2', layout.heading2_font, 1),
      heading3: headingStyle(layout, 'heading 3', layout.heading3_font, 2, layout.heading3_bold),
      heading4: headingStyle(layout, 'heading 4', layout.heading3_font, 3),
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

/**
 * A layout → the style options of a volume of reports: each report's title is the volume's heading 1 (so that a table
 * of contents of level 1 lists the reports, and only them), with the title's look, and each report's headings are one
 * level down with their own looks (一、 heading 2 … （1） heading 5). Besides: the cover's title, the heading of the
 * contents and its entries (toc 1).
 */
export function volumeStyles(layout: Layout): IStylesOptions {
  const g = geometry(layout);
  const single = styles(layout);
  const look = titleLook(layout);
  return {
    ...single,
    default: {
      ...single.default,
      heading1: { name: 'heading 1', basedOn: 'Normal', next: STYLE.body, quickFormat: true, run: look.run, paragraph: { ...look.paragraph, keepLines: true, outlineLevel: 0 } },
      heading2: headingStyle(layout, 'heading 2', layout.heading1_font, 1),
      heading3: headingStyle(layout, 'heading 3', layout.heading2_font, 2),
      heading4: headingStyle(layout, 'heading 4', layout.heading3_font, 3, layout.heading3_bold),
      heading5: headingStyle(layout, 'heading 5', layout.heading3_font, 4),
    },
    paragraphStyles: [
      ...(single.paragraphStyles ?? []),
      {
        id: STYLE.coverTitle,
        name: 'Cover Title',
        basedOn: 'Normal',
        // 一号 (26 pt).
        run: { font: fontOf(layout, layout.title_font), size: 52 },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0, right: 0 }, spacing: { line: Math.round(g.line * 1.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      {
        id: STYLE.contentsHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: STYLE.contents,
        ...look,
      },
      {
        id: STYLE.contents,
        name: 'toc 1',
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: {
          indent: { firstLine: 0, left: 0, right: 0 },
          alignment: AlignmentType.LEFT,
          spacing: exactOf(layout),
        },
      },
    ],
  };
}
