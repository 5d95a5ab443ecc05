/**
 * The document around the body: the frame of title, number, recipient and
 * signature, and the page, grid, footers and styles every report of a layout
 * shares (its skeleton).
 */
import type { Document, ISectionOptions, ParagraphChild } from 'docx';
import type { Root, RootContent } from 'mdast';
import type { Diagnostic } from '../../diagnostics/index.js';
import { plainText, roleOf, type Role } from '../../markdown/index.js';
import { layoutKey, prebuilt } from '../../speed/prebuilt.js';
import type { Layout } from '../../render/pack.js';
import { signatureLayout } from '../signature.js';
import { titleCharsPerLine, titleLines } from '../title.js';
import { blocks } from './blocks.js';
import { finishStyles } from './finish.js';
import { runs } from './inline.js';
import { docx } from './lib.js';
import { docxBlock, makeSkeleton, restoreSkeleton, type Block, type Skeleton } from './package.js';
import { docxParagraph, paragraph, textRun } from './shapes.js';
import { createState, type State } from './state.js';
import { geometry, STYLE, styles } from './styles.js';

/** What the frame's paragraphs are made of, found once per report. */
interface Frame {
  title: string;
  /** In a volume: where the report stands in it. */
  inVolume: InVolume | undefined;
  issuer: string;
  date: string;
  signature: ReturnType<typeof signatureLayout>;
  geometry: ReturnType<typeof geometry>;
  /** The characters a title line holds. */
  titleChars: number;
}

/** The handler of one frame role: the node, the frame and the state → its paragraph. */
type FrameHandler = (node: RootContent, frame: Frame, state: State) => Block;

const inlineOf = (node: RootContent) => (node.type === 'paragraph' ? node.children : []);

/** The frame's paragraphs, by the role the Markdown stage gave their node. */
const frameHandlers: Partial<Record<Role, FrameHandler>> = {
  title: (_, f) => {
    const lines = titleLines(f.title, f.titleChars).map((line, i) => textRun({ text: line, break: i > 0 ? 1 : 0 }));
    if (!f.inVolume) return paragraph({ style: STYLE.title }, lines);
    // In a volume the title is heading 1, which the contents lists and links to, on a page of its own.
    // docx's Bookmark numbers its bookmarks with a counter of the whole process; a volume's are numbered by it, so
    // the same volume is the same bytes however many were written before. Paragraph writes any component it is given.
    const { name, id } = f.inVolume.bookmark;
    const { BookmarkStart, BookmarkEnd } = docx();
    const start = new BookmarkStart(name, id) as unknown as ParagraphChild;
    const end = new BookmarkEnd(id) as unknown as ParagraphChild;
    return docxParagraph({ style: STYLE.h1, pageBreakBefore: true }, [start, ...lines, end]);
  },
  'doc-number': (node, _, state) => paragraph({ style: STYLE.docNumber }, runs(inlineOf(node), state)),
  recipient: (node, _, state) => paragraph({ style: STYLE.recipient }, runs(inlineOf(node), state)),
  'signature-issuer': (_, f) =>
    paragraph(
      {
        style: STYLE.signature,
        spacing: { before: f.geometry.line, ...f.geometry.spacing() },
        indent: { right: Math.round(f.signature.issuerRight * f.geometry.char), firstLine: 0 },
      },
      [textRun({ text: f.issuer })],
    ),
  'signature-date': (_, f) => paragraph({ style: STYLE.signature, indent: { right: Math.round(f.signature.dateRight * f.geometry.char), firstLine: 0 } }, [textRun({ text: f.date })]),
};

/** Where a report stands in a volume: the bookmark its title is in, for the contents to link to and find its page by. */
export interface InVolume {
  bookmark: { name: string; id: number };
}

/**
 * A report's tree, layout and data file name → the body's paragraphs and tables, what the package's properties are
 * made of, and warnings. In a volume, its title is a heading 1 starting a page and its headings one level down.
 */
export function docxBody(tree: Root, layout: Layout, file: string, inVolume?: InVolume): { body: Block[]; title: string; issuer: string; date: string; diagnostics: Diagnostic[] } {
  const state = createState(layout, file, inVolume ? 1 : 0);
  const title = plainText(tree.children.find((n) => roleOf(n) === 'title'));
  const issuer = plainText(tree.children.find((n) => roleOf(n) === 'signature-issuer'));
  const date = plainText(tree.children.find((n) => roleOf(n) === 'signature-date'));
  const sealed = Boolean((tree.data as { sealed?: boolean } | undefined)?.sealed);
  const frame: Frame = { title, inVolume, issuer, date, signature: signatureLayout(issuer, date, sealed), geometry: geometry(layout), titleChars: titleCharsPerLine(layout) };

  const body: Block[] = [];
  for (const node of tree.children) {
    const role = roleOf(node);
    const handler = role !== undefined && Object.hasOwn(frameHandlers, role) ? frameHandlers[role] : undefined;
    if (handler) body.push(handler(node, frame, state));
    else body.push(...blocks(node, state));
  }
  return { body, title, issuer, date, diagnostics: state.diagnostics };
}

/** A layout → the page (A4, GB/T 9704's margins) and grid of its sections. */
export function pageProperties(layout: Layout): NonNullable<ISectionOptions['properties']> {
  const { DocumentGridType, PageOrientation } = docx();
  const g = geometry(layout);
  // docx swaps width and height for a landscape page: it is given them as for portrait.
  const size = g.landscape ? { width: g.pageHeight, height: g.pageWidth, orientation: PageOrientation.LANDSCAPE } : { width: g.pageWidth, height: g.pageHeight, orientation: PageOrientation.PORTRAIT };
  return {
    page: {
      size,
      margin: { top: g.top, bottom: g.bottom, left: g.left, right: g.right, header: g.header, footer: g.footer, gutter: 0 },
    },
    grid: layout.grid
      ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: g.line, charSpace: g.charSpace }
      : { type: g.snapsToLines ? DocumentGridType.LINES : DocumentGridType.DEFAULT, linePitch: g.line },
  };
}

/** A layout → its page-number footers (“— 1 —”: odd pages right and even left, or centred), or none. */
export function pageNumberFooters(layout: Layout): ISectionOptions['footers'] {
  const { AlignmentType, Footer, PageNumber, Paragraph, TextRun } = docx();
  const g = geometry(layout);
  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], side: 'left' | 'right' | 'none') =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE.footer,
          alignment,
          indent: side === 'left' ? { left: g.pageNumberChar, firstLine: 0 } : side === 'right' ? { right: g.pageNumberChar, firstLine: 0 } : { firstLine: 0 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  return layout.page_numbers === 'none'
    ? undefined
    : layout.page_numbers === 'center'
      ? { default: pageNumber(AlignmentType.CENTER, 'none') }
      : layout.page_numbers === 'right'
        ? { default: pageNumber(AlignmentType.RIGHT, 'right') }
        : layout.page_numbers === 'left'
          ? { default: pageNumber(AlignmentType.LEFT, 'left') }
          : { default: pageNumber(AlignmentType.RIGHT, 'right'), even: pageNumber(AlignmentType.LEFT, 'left') };
}

/**
 * A layout and a body → the whole document: page, grid, page-number footers and styles, all
 * from the layout. Every report of a layout shares all of it but the body.
 */
export function docxDocument(layout: Layout, body: Block[]): Document {
  const footers = pageNumberFooters(layout);
  return new (docx().Document)({
    evenAndOddHeaderAndFooters: layout.page_numbers === 'outside',
    styles: styles(layout),
    sections: [
      {
        properties: pageProperties(layout),
        ...(footers ? { footers } : {}),
        children: body.map(docxBlock),
      },
    ],
  });
}

const skeletons = new Map<string, Promise<Skeleton>>();

/** A layout → the parts every report of it shares, from dist/prebuilt.json or written once per layout. */
export function skeletonFor(layout: Layout): Promise<Skeleton> {
  const key = layoutKey(layout);
  let skeleton = skeletons.get(key);
  if (!skeleton) {
    const make = (body: Block[]) => docxDocument(layout, body);
    const stored = prebuilt()?.skeletons[key];
    skeleton = stored ? Promise.resolve(restoreSkeleton(stored, make)) : makeSkeleton(make, { 'word/styles.xml': finishStyles });
    skeletons.set(key, skeleton);
  }
  return skeleton;
}
