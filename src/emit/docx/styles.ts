/** Page geometry and paragraph styles from the layout (GB/T 9704-2012 by default), in OOXML units (twips, half-points). */
import type * as Docx from 'docx';
import { linePitch, type Layout } from '../../render/layout.js';

/** docx's AlignmentType and LineRuleType, which a body's paragraphs are written with before docx is loaded (see lib.ts). */
const AlignmentType = { CENTER: 'center', JUSTIFIED: 'both', LEFT: 'left', RIGHT: 'right' } as const satisfies Pick<typeof Docx.AlignmentType, 'CENTER' | 'JUSTIFIED' | 'LEFT' | 'RIGHT'>;
const LineRuleType = { EXACT: 'exact', AT_LEAST: 'atLeast', AUTO: 'auto' } as const satisfies Pick<typeof Docx.LineRuleType, 'EXACT' | 'AT_LEAST' | 'AUTO'>;

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
  const typeWidth = mm(layout.page_width - layout.margin_left - layout.margin_right);
  const typeHeight = mm(layout.page_height - layout.margin_top - layout.margin_bottom);
  const charSize = layout.body_size;
  /** The line pitch: 28 pt exact by default; with the grid, exactly the type area's height / 22 lines (225 mm / 22). */
  const line = layout.grid ? Math.floor(typeHeight / 22) : Math.round(linePitch(layout) * 20);
  const rule = layout.grid || layout.line_rule === 'exact' ? LineRuleType.EXACT : layout.line_rule === 'at_least' ? LineRuleType.AT_LEAST : LineRuleType.AUTO;
  /** A paragraph's line spacing: in twips when exact or a minimum, in 240ths of a single line when a multiple. */
  const spacing = (scale = 1) => (rule === LineRuleType.AUTO ? { line: Math.round(240 * layout.line_multiple), lineRule: rule } : { line: Math.round(line * scale), lineRule: rule });
  return {
    pageWidth: mm(layout.page_width),
    pageHeight: mm(layout.page_height),
    landscape: layout.page_width > layout.page_height,
    top: mm(layout.margin_top),
    bottom: mm(layout.margin_bottom),
    left: mm(layout.margin_left),
    right: mm(layout.margin_right),
    header: mm(Math.min(15, layout.margin_top / 2)),
    /** The page number's rule sits 7 mm below the type area (GB/T 9704 7.5), and no nearer the edge than half the margin. */
    footer: mm(Math.max(layout.margin_bottom - 7 - 5, layout.margin_bottom / 2)),
    typeWidth,
    /** One body character (3号 by default), for indents. */
    char: Math.round(charSize * 20),
    /** One 4号 character, for the page number's indent. */
    pageNumberChar: 14 * 20,
    /** The height of a body line, for spacing before and after paragraphs and the grid. */
    line,
    /** Whether the grid snaps lines to the pitch: only with exact spacing, where snapping changes nothing. */
    snapsToLines: rule === LineRuleType.EXACT,
    spacing,
    /** Character pitch for 28 characters a line, as OOXML charSpace (1/4096 pt beyond the font size). */
    charSpace: Math.round((typeWidth / 28 / 20 - charSize) * 4096),
  };
}

/** A size in points → OOXML half-points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

/** The font of a style: Latin text in the layout's Latin font, Chinese in `eastAsia`. */
const fontOf = (layout: Layout, eastAsia: string) => ({ ascii: layout.latin_font, hAnsi: layout.latin_font, cs: layout.latin_font, eastAsia, hint: 'eastAsia' });

/** The layout's line spacing, nothing before or after. */
const linesOf = (layout: Layout) => ({ ...geometry(layout).spacing(), before: 0, after: 0 });

/** A heading style: its font and size, indented two characters, kept with what follows; `outlineLevel` counts from 0. */
function headingStyle(layout: Layout, name: string, eastAsia: string, size: number, outlineLevel: number, bold = false) {
  return {
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: fontOf(layout, eastAsia), size: halfPoints(size), bold, italics: false, color: '000000' },
    paragraph: { indent: { firstLine: 2 * geometry(layout).char }, spacing: linesOf(layout), keepNext: true, keepLines: true, alignment: AlignmentType.JUSTIFIED, outlineLevel },
  };
}

/** The title's look: its font and size, centred, no indent, a line of space after it. */
function titleLook(layout: Layout) {
  const g = geometry(layout);
  return {
    run: { font: fontOf(layout, layout.title_font), size: halfPoints(layout.title_size), bold: false, color: '000000' },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, left: 0, right: 0 },
      spacing: { ...g.spacing(1.25), before: 0, after: g.line },
      keepNext: true,
    },
  };
}

/** A layout → docx's style options: the defaults and every paragraph style the emitter uses. */
export function styles(layout: Layout): Docx.IStylesOptions {
  const g = geometry(layout);
  const font = (eastAsia: string) => fontOf(layout, eastAsia);
  const lines = linesOf(layout);
  const heading = (name: string, eastAsia: string, size: number, outlineLevel: number, bold = false) => headingStyle(layout, name, eastAsia, size, outlineLevel, bold);
  return {
    default: {
      document: {
        run: { font: font(layout.body_font), size: halfPoints(layout.body_size), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: lines },
      },
      title: { name: 'Title', ...titleLook(layout) },
      heading1: heading('heading 1', layout.heading1_font, layout.heading1_size, 0),
      heading2: heading('heading 2', layout.heading2_font, layout.heading2_size, 1),
      heading3: heading('heading 3', layout.heading3_font, layout.heading3_size, 2, layout.heading3_bold),
      heading4: heading('heading 4', layout.heading3_font, layout.heading3_size, 3),
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLine: 2 * g.char }, alignment: AlignmentType.JUSTIFIED, spacing: lines },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        run: { font: font(layout.heading2_font) },
        paragraph: { indent: { firstLine: 2 * g.char, left: 2 * g.char, right: 2 * g.char }, alignment: AlignmentType.JUSTIFIED, spacing: lines },
      },
      {
        id: STYLE.plain,
        name: 'Plain Body',
        basedOn: 'Normal',
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.JUSTIFIED, spacing: lines },
      },
      {
        id: STYLE.docNumber,
        name: 'Document Number',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...lines, after: g.line } },
      },
      {
        id: STYLE.recipient,
        name: 'Recipient',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, left: 0 }, spacing: lines },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, spacing: lines, keepLines: true },
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
        // 4号, or the body's size when that is smaller.
        run: { size: halfPoints(Math.min(14, layout.body_size)) },
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
export function volumeStyles(layout: Layout): Docx.IStylesOptions {
  const g = geometry(layout);
  const single = styles(layout);
  const look = titleLook(layout);
  return {
    ...single,
    default: {
      ...single.default,
      heading1: { name: 'heading 1', basedOn: 'Normal', next: STYLE.body, quickFormat: true, run: look.run, paragraph: { ...look.paragraph, keepLines: true, outlineLevel: 0 } },
      heading2: headingStyle(layout, 'heading 2', layout.heading1_font, layout.heading1_size, 1),
      heading3: headingStyle(layout, 'heading 3', layout.heading2_font, layout.heading2_size, 2),
      heading4: headingStyle(layout, 'heading 4', layout.heading3_font, layout.heading3_size, 3, layout.heading3_bold),
      heading5: headingStyle(layout, 'heading 5', layout.heading3_font, layout.heading3_size, 4),
    },
    paragraphStyles: [
      ...(single.paragraphStyles ?? []),
      {
        id: STYLE.coverTitle,
        name: 'Cover Title',
        basedOn: 'Normal',
        // 一号 (26 pt) beside a 2号 title: the title's size and a fifth.
        run: { font: fontOf(layout, layout.title_font), size: halfPoints(layout.title_size * (26 / 22)) },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, left: 0, right: 0 }, spacing: { ...g.spacing(1.5), before: 0, after: 0 } },
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
          spacing: linesOf(layout),
        },
      },
    ],
  };
}
