/**
 * A county's volume (汇编) of township reports as one DOCX: a cover, the contents and every report as
 * `report build` lays it out, each starting a page, in one GB/T 9704 layout.
 *
 * - The cover is a section of its own without page numbers; the contents and the reports are the next
 *   section, numbered from 1 (its one `pgNumType`), so numbers run on through the volume.
 * - The contents are a real TOC field (`TOC \o "1-1" \h \z \u`) of the reports' titles, which are the
 *   volume's heading 1 (each report's own headings move one level down). Its entries are filled in,
 *   each linking to its title's bookmark with a PAGEREF field whose page docx's layout works out as Word
 *   lays the pages out, so the contents read right before anything updates them; settings.xml asks Word
 *   and WPS to update the fields when the file is opened (`w:updateFields`).
 * - LibreOffice shows a TOC field as it was written, but works out a PAGEREF field's page itself. For a
 *   PDF it is given the same volume with the entries outside the TOC field (`contentsField: false`), so
 *   the PDF's contents have LibreOffice's own page numbers.
 * - The same reports give the same bytes: the package's dates are the latest 成文日期, its bookmarks are
 *   numbered in order, and its zip entries are written as finish.ts and package.ts write a report's.
 */
import { BuilderElement, Document, InternalHyperlink, LeaderType, Packer, PageReference, Paragraph, type ParagraphChild, Tab, type Table, TabStopType, TextRun, XmlComponent } from 'docx';
import { estimatePageNumbersWith, type MeasureWidth } from 'docx/layout';
import type { Root } from 'mdast';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { Layout } from '../../render/pack.js';
import { NATURAL_BREAKS, titleLines } from '../title.js';
import { docxBody, pageNumberFooters, pageProperties } from './document.js';
import { coreXml, documentDate, finishStyles, isoDay } from './finish.js';
import { type Day, docxBlock, repack } from './package.js';
import { loadDocx } from './lib.js';
import { geometry, STYLE, volumeStyles } from './styles.js';

export interface VolumeReport {
  tree: Root;
  /** The data file, as messages name it. */
  file: string;
}

export interface VolumeOptions {
  /** The cover's title, e.g. 城口县2025年度乡镇（街道）法治政府建设年度报告汇编. */
  title: string;
  layout: Layout;
  /** Who the package's properties name as its author. */
  creator: string;
  /**
   * Whether the contents are a TOC field (default), or, for LibreOffice to convert to PDF, the same entries
   * outside one, so that it works out their page numbers.
   */
  contentsField?: boolean;
  /** The heading of the contents (目　录). */
  contentsHeading: string;
}

export interface VolumeResult {
  bytes: Uint8Array;
  /** Each report's title, as the contents list it. */
  titles: string[];
  diagnostics: Diagnostic[];
}

/** The switches of the contents' TOC field: heading 1 paragraphs and outline level 1, linked, without page numbers on the web. */
export const TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u';

/** A run part of a field: its begin, separate or end character. */
const fieldChar = (type: 'begin' | 'separate' | 'end') => new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** A field's instruction, its spaces kept. */
class Instruction extends XmlComponent {
  constructor(private readonly text: string) {
    // Stryker disable next-line StringLiteral: prepForXml below writes the element, never this name
    super('w:instrText');
  }
  override prepForXml(): ReturnType<XmlComponent['prepForXml']> {
    return { 'w:instrText': [{ _attr: { 'xml:space': 'preserve' } }, this.text] };
  }
}

/**
 * Text widths as Word measures them in a report's fonts, for laying out its pages: every Chinese character and
 * full-width mark one em (仿宋, 黑体, 楷体 and 小标宋 alike), other characters in the eastAsia font too (the runs
 * say `w:hint="eastAsia"`: “ ” — … ·), and printable ASCII in Times New Roman's widths.
 */
export const measureWidth: MeasureWidth = (text, font) => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += code >= 0x20 && code <= 0x7e ? TIMES_WIDTHS[code - 0x20]! / 1000 : 1;
  }
  return em * font.size;
};

/** Times New Roman's advance widths of U+0020 to U+007E, in thousandths of an em. */
const TIMES_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556,
  722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/** The characters a line of the cover's title holds: 一号 (26 pt) on the type area, with room for wider digits. */
const COVER_CHARS_PER_LINE = 16;

/** The characters of a title a line of the contents holds: 3号 on the type area, less room for dot leaders and a page number. */
const CONTENTS_CHARS_PER_LINE = 24;

/** A title in lines, as runs with a line break between them. */
const lineRuns = (lines: readonly string[]) => lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));

/** Reports in the order they go in and the volume's options → the volume's .docx bytes, the contents' titles and the warnings on the way. */
export async function emitVolume(reports: readonly VolumeReport[], options: VolumeOptions): Promise<VolumeResult> {
  // The reports' bodies are docx's own objects here (docx writes the volume whole).
  await loadDocx();
  const { layout } = options;
  const g = geometry(layout);
  const diagnostics: Diagnostic[] = [];
  const titles: string[] = [];
  const bookmarks: string[] = [];
  const bodies: Array<Paragraph | Table> = [];
  // The volume is dated as its latest report (as a report without a date, when none has one): the same reports, the same bytes.
  // Stryker disable next-line StringLiteral: any text that is not a date gives the date of a report without one
  let date: Day = documentDate('');
  // Stryker disable next-line EqualityOperator: a day the same as the latest so far leaves the date as it is.
  const later = (a: Day, b: Day) => (a.year - b.year || a.month - b.month || a.day - b.day) > 0;
  reports.forEach((report, i) => {
    const bookmark = { name: `_Toc${String(i + 1).padStart(9, '0')}`, id: i + 1 };
    const built = docxBody(report.tree, layout, report.file, { bookmark });
    diagnostics.push(...built.diagnostics);
    titles.push(built.title);
    bookmarks.push(bookmark.name);
    bodies.push(...built.body.map(docxBlock));
    const day = documentDate(built.date);
    if (later(day, date)) date = day;
  });

  const cover = [
    // The title a third of the way down the page: an empty line with space before it.
    new Paragraph({ style: STYLE.coverTitle, spacing: { before: 4 * g.line, line: Math.round(g.line * 1.5), lineRule: 'exact' }, children: [] }),
    new Paragraph({
      style: STYLE.coverTitle,
      // Lines that keep 乡镇（街道） together, as 城口县2025年度乡镇（街道） / 法治政府建设年度报告汇编.
      children: lineRuns(titleLines(options.title, COVER_CHARS_PER_LINE, [...NATURAL_BREAKS, '（街道）'])),
    }),
  ];

  const field = options.contentsField ?? true;
  const entries = titles.map((title, i) => {
    const children: ParagraphChild[] = [];
    if (field && i === 0) children.push(new TextRun({ children: [fieldChar('begin'), new Instruction(TOC_INSTRUCTION), fieldChar('separate')] }));
    children.push(
      new InternalHyperlink({
        anchor: bookmarks[i]!,
        // A title too long for a line with its page number breaks where the report's title does, after the issuing body.
        children: [...lineRuns(titleLines(title, CONTENTS_CHARS_PER_LINE)), new TextRun({ children: [new Tab()] }), new PageReference(bookmarks[i]!, { hyperlink: true })],
      }),
    );
    if (field && i === titles.length - 1) children.push(new TextRun({ children: [fieldChar('end')] }));
    return new Paragraph({ style: STYLE.contents, tabStops: [{ type: TabStopType.RIGHT, position: g.typeWidth, leader: LeaderType.DOT }], children });
  });

  const footers = pageNumberFooters(layout);
  const page = pageProperties(layout);
  const doc = new Document({
    creator: options.creator,
    title: options.title,
    features: { updateFields: true },
    evenAndOddHeaderAndFooters: layout.page_numbers === 'outside',
    styles: volumeStyles(layout),
    // The contents' page numbers as Word lays the pages out; LibreOffice works out its own.
    ...(field ? { pageNumbers: estimatePageNumbersWith({ measureWidth, guess: true }) } : {}),
    sections: [
      { properties: page, children: cover },
      {
        properties: { ...page, page: { ...page.page, pageNumbers: { start: 1 } } },
        ...(footers ? { footers } : {}),
        children: [new Paragraph({ style: STYLE.contentsHeading, text: options.contentsHeading }), ...entries, ...bodies],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  const bytes = repack(
    new Uint8Array(packed),
    {
      'word/styles.xml': finishStyles,
      // docx writes the setting on without a value, which means on; said outright, as Word writes it.
      'word/settings.xml': (xml) => xml.replace('<w:updateFields/>', '<w:updateFields w:val="true"/>'),
      'docProps/core.xml': () => coreXml(options.title, options.creator, isoDay(date)),
    },
    date,
  );
  return { bytes, titles, diagnostics };
}
