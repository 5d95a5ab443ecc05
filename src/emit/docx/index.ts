/**
 * DOCX laid out to GB/T 9704-2012, emitted from the same Markdown tree as the
 * other formats with one handler per node type. Unknown nodes become plain
 * text with a warning, never silently dropped.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  TableLayoutType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Nodes, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { plainText, roleOf } from '../../markdown/index.js';
import type { Layout } from '../../render/pack.js';
import { signatureLayout } from '../signature.js';
import { titleLines } from '../title.js';
import { coreXml, finishStyles } from './finish.js';
import { assemble, makeSkeleton, restoreSkeleton, type Block, type Skeleton } from './package.js';
import { layoutKey, prebuilt } from '../../prebuilt.js';
import { geometry, STYLE, styles } from './styles.js';

export interface DocxResult {
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Heading level whose font a run-in heading takes. */
  runInLevel?: number;
}

interface Context {
  layout: Layout;
  file: string;
  diagnostics: Diagnostic[];
  listDepth: number;
  quoteDepth: number;
}

export async function emitDocx(tree: Root, layout: Layout, file: string): Promise<DocxResult> {
  const { body, title, issuer, date, diagnostics } = docxBody(tree, layout, file);
  const day = documentDate(date);
  const core = coreXml(title, issuer, `${day.year}-${pad(day.month)}-${pad(day.day)}T00:00:00Z`);
  const bytes = assemble(await skeletonFor(layout), body, core, day);
  return { bytes, diagnostics };
}

/** The body's paragraphs and tables, and what the package's properties are made of. */
export function docxBody(tree: Root, layout: Layout, file: string): { body: Block[]; title: string; issuer: string; date: string; diagnostics: Diagnostic[] } {
  const ctx: Context = { layout, file, diagnostics: [], listDepth: 0, quoteDepth: 0 };
  const g = geometry(layout);
  const title = plainText(tree.children.find((n) => roleOf(n) === 'title'));
  const issuer = plainText(tree.children.find((n) => roleOf(n) === 'signature-issuer'));
  const date = plainText(tree.children.find((n) => roleOf(n) === 'signature-date'));
  const sealed = Boolean((tree.data as { sealed?: boolean } | undefined)?.sealed);
  const sig = signatureLayout(issuer, date, sealed);

  const children: Block[] = [];
  for (const node of tree.children) {
    const role = roleOf(node);
    if (role === 'title') {
      children.push(
        new Paragraph({
          style: STYLE.title,
          children: titleLines(title).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        }),
      );
    } else if (role === 'doc-number') {
      children.push(new Paragraph({ style: STYLE.docNumber, children: runs(node.type === 'paragraph' ? node.children : [], ctx) }));
    } else if (role === 'recipient') {
      children.push(new Paragraph({ style: STYLE.recipient, children: runs(node.type === 'paragraph' ? node.children : [], ctx) }));
    } else if (role === 'signature-issuer') {
      children.push(
        new Paragraph({
          style: STYLE.signature,
          spacing: { before: g.line, line: g.line, lineRule: LineRuleType.EXACT },
          indent: { right: Math.round(sig.issuerRight * g.char), firstLine: 0 },
          children: [new TextRun({ text: issuer })],
        }),
      );
    } else if (role === 'signature-date') {
      children.push(
        new Paragraph({
          style: STYLE.signature,
          indent: { right: Math.round(sig.dateRight * g.char), firstLine: 0 },
          children: [new TextRun({ text: date })],
        }),
      );
    } else {
      children.push(...block(node, ctx));
    }
  }
  return { body: children, title, issuer, date, diagnostics: ctx.diagnostics };
}

/**
 * The whole document for a body: page, grid, page-number footers and styles, all
 * from the layout. Every report of a layout shares all of it but the body.
 */
export function docxDocument(layout: Layout, body: Block[]): Document {
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
  const footers =
    layout.page_numbers === 'none'
      ? undefined
      : layout.page_numbers === 'center'
        ? { default: pageNumber(AlignmentType.CENTER, 'none') }
        : { default: pageNumber(AlignmentType.RIGHT, 'right'), even: pageNumber(AlignmentType.LEFT, 'left') };
  return new Document({
    evenAndOddHeaderAndFooters: layout.page_numbers === 'outside',
    styles: styles(layout),
    sections: [
      {
        properties: {
          page: {
            size: { width: g.pageWidth, height: g.pageHeight },
            margin: { top: g.top, bottom: g.bottom, left: g.left, right: g.right, header: g.header, footer: g.footer, gutter: 0 },
          },
          grid: layout.grid
            ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: g.line, charSpace: g.charSpace }
            : { type: DocumentGridType.LINES, linePitch: g.line },
        },
        ...(footers ? { footers } : {}),
        children: body,
      },
    ],
  });
}

const skeletons = new Map<string, Promise<Skeleton>>();

/** The parts every report of a layout shares, written once per layout. */
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

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年2月5日 → the document's fixed creation day. */
function documentDate(chinese: string): { year: number; month: number; day: number } {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(chinese);
  if (!m) return { year: 2000, month: 1, day: 1 };
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const HEADING_STYLE: Record<number, string> = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4 };

function block(node: RootContent, ctx: Context): Block[] {
  switch (node.type) {
    case 'heading': {
      const level = (node.data as { level?: number } | undefined)?.level ?? Math.max(1, node.depth - 1);
      return [new Paragraph({ style: HEADING_STYLE[Math.min(level, 4)] ?? STYLE.h4, children: runs(node.children, ctx) })];
    }
    case 'paragraph':
      return [new Paragraph({ style: ctx.quoteDepth > 0 ? STYLE.quote : STYLE.body, children: runs(node.children, ctx) })];
    case 'blockquote': {
      ctx.quoteDepth++;
      const inner = node.children.flatMap((c) => block(c, ctx));
      ctx.quoteDepth--;
      return inner;
    }
    case 'list':
      return list(node, ctx);
    case 'table':
      return [table(node, ctx)];
    case 'thematicBreak':
      return [new Paragraph({ style: STYLE.body, children: [] })];
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ style: STYLE.plain, children: [run(line, {}, ctx)] }));
    default:
      return [unknownBlock(node, ctx)];
  }
}

function unknownBlock(node: Nodes, ctx: Context): Paragraph {
  warnUnknown(node, ctx);
  return new Paragraph({ style: STYLE.body, children: [run(plainText(node), {}, ctx)] });
}

function warnUnknown(node: Nodes, ctx: Context): void {
  ctx.diagnostics.push(
    diagnostic(ctx.file, {
      severity: 'warning',
      ruleId: 'markdown/unknown-node',
      reason: `DOCX output has no handler for Markdown “${node.type}”; it is written as plain text`,
    }),
  );
}

function list(node: Extract<RootContent, { type: 'list' }>, ctx: Context): Block[] {
  const out: Block[] = [];
  const start = node.start ?? 1;
  ctx.listDepth++;
  node.children.forEach((item, i) => {
    const marker = node.ordered ? (ctx.listDepth > 1 ? `（${start + i}）` : `${start + i}.`) : '•';
    item.children.forEach((child, j) => {
      if (child.type === 'paragraph') {
        const indent = 640 * ctx.listDepth;
        out.push(
          new Paragraph({
            style: STYLE.plain,
            indent: { left: indent, hanging: j === 0 ? 320 : 0 },
            children: [...(j === 0 ? [run(`${marker} `, {}, ctx)] : []), ...runs(child.children, ctx)],
          }),
        );
      } else {
        out.push(...block(child, ctx));
      }
    });
  });
  ctx.listDepth--;
  return out;
}

function table(node: MdTable, ctx: Context): Table {
  const g = geometry(ctx.layout);
  const columns = Math.max(...node.children.map((r) => r.children.length), 1);
  // Columns share the type area in proportion to their longest cell, within bounds.
  const weights = Array.from({ length: columns }, (_, c) =>
    Math.min(12, Math.max(2, ...node.children.map((r) => [...plainText(r.children[c])].length))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((g.typeWidth * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    style: STYLE.tableCell,
                    children: runs(row.children[c]?.children ?? [], ctx, r === 0 ? { bold: true } : {}),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function runs(nodes: readonly PhrasingContent[], ctx: Context, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(run(node.value, style, ctx));
        break;
      case 'strong': {
        const d = node.data as { role?: string; level?: number } | undefined;
        if (d?.role === 'run-in') out.push(...runs(node.children, ctx, { ...style, runInLevel: d.level ?? 3 }));
        else out.push(...runs(node.children, ctx, { ...style, bold: true }));
        break;
      }
      case 'emphasis':
        out.push(...runs(node.children, ctx, { ...style, italics: true }));
        break;
      case 'delete':
        out.push(...runs(node.children, ctx, style));
        break;
      case 'inlineCode':
        out.push(run(node.value, style, ctx));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link':
        out.push(...runs(node.children, ctx, style));
        break;
      case 'image':
        warnUnknown(node, ctx);
        out.push(run(node.alt ?? '', style, ctx));
        break;
      default:
        warnUnknown(node, ctx);
        out.push(run(plainText(node), style, ctx));
    }
  }
  return out;
}

function run(text: string, style: RunStyle, ctx: Context): TextRun {
  const options: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = { text };
  if (style.bold) options.bold = true;
  if (style.italics) options.italics = true;
  // Fonts come from the paragraph styles (eastAsia and the eastAsia hint included); only a
  // run-in heading takes its level's font inside a body paragraph.
  if (style.runInLevel !== undefined) {
    const l = ctx.layout;
    const cjk = style.runInLevel === 1 ? l.heading1_font : style.runInLevel === 2 ? l.heading2_font : l.heading3_font;
    options.font = { ascii: l.latin_font, hAnsi: l.latin_font, cs: l.latin_font, eastAsia: cjk, hint: 'eastAsia' };
    if (style.runInLevel === 3 && l.heading3_bold) options.bold = true;
  }
  return new TextRun(options);
}

