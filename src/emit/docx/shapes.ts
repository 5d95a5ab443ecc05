/**
 * Paragraphs written once per shape. docx writes a paragraph by building an object of each of its
 * elements and attributes (`prepForXml`) and serialising that (the `xml` package): most of the time
 * a report's DOCX takes. But a report's paragraphs come in a few shapes (a body paragraph of one
 * run, a heading of each level, a list item, a run-in heading and its text) that differ only in
 * their text. So each shape of paragraph and of run is written through docx once per skeleton, with
 * a marker where its text goes, and every paragraph of that shape is that XML with its own text,
 * escaped as the `xml` package escapes it. The shapes the examples have are written at build time
 * and kept with the skeleton in dist/prebuilt.json, so such a report needs nothing of docx (lib.ts).
 * A paragraph made any other way (in a table, with a bookmark) is written by docx. A test compares
 * each example's document and random texts with what docx's own Packer writes.
 */
import type { IParagraphOptions, IRunOptions, Paragraph, ParagraphChild, TextRun } from 'docx';
import xml from 'xml';
import type { StoredShapes, StoredTemplate } from '../../speed/prebuilt.js';
import { docx } from './lib.js';

/** A paragraph's options but its children. */
export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>;

type FormatContext = Parameters<Paragraph['prepForXml']>[0];

/** A run of text as its options: docx's own run is made only where docx writes it. */
export class RunSpec {
  constructor(readonly options: IRunOptions) {}
}

/** What a paragraph holds: runs of text, or docx's own children (a bookmark). */
export type Inline = RunSpec | ParagraphChild;

/** Run options → a run of text. */
export function textRun(options: IRunOptions): RunSpec {
  return new RunSpec(options);
}

const toDocx = (child: Inline): ParagraphChild => (child instanceof RunSpec ? new (docx().TextRun)(child.options) : child);

/** A paragraph of runs of text, as its options and runs: docx's own paragraph is made only where docx writes it. */
export class ShapedParagraph {
  private made: Paragraph | undefined;

  constructor(
    readonly options: ParagraphOptions,
    readonly runs: readonly IRunOptions[],
  ) {}

  /** docx's paragraph, made once. */
  get docx(): Paragraph {
    if (!this.made) {
      const { Paragraph, TextRun } = docx();
      this.made = new Paragraph({ ...this.options, children: this.runs.map((r) => new TextRun(r)) });
    }
    return this.made;
  }

  prepForXml(context: FormatContext): ReturnType<Paragraph['prepForXml']> {
    return this.docx.prepForXml(context);
  }
}

/** Paragraph options and what it holds → a paragraph of runs of text, or docx's paragraph if it holds anything else. */
export function paragraph(options: ParagraphOptions, children: readonly Inline[] = []): ShapedParagraph | Paragraph {
  if (children.every((c) => c instanceof RunSpec))
    return new ShapedParagraph(
      options,
      (children as RunSpec[]).map((c) => c.options),
    );
  return docxParagraph(options, children);
}

/** Paragraph options and what it holds → docx's paragraph: for a table's cell, or a document docx writes whole. */
export function docxParagraph(options: ParagraphOptions, children: readonly Inline[] = []): Paragraph {
  return new (docx().Paragraph)({ ...options, children: children.map(toDocx) });
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** A text as the `xml` package escapes the text of an element. */
export function escapeText(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);
}

// Stryker disable next-line StringLiteral: any text docx writes unchanged and no shape's own XML holds marks the place
const MARK = 'report-run-text-goes-here';

/** What a shape is written as: the same XML whatever the text, the XML either side of the text, or null for docx to write each. */
type Template = StoredTemplate;

/** XML and a mark → the XML before and after it, or null unless it is there exactly once. */
function around(written: string, mark: string): Template {
  const [before, after, ...more] = written.split(mark);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: docx writes every text it is given, so the mark is there at least once
  return after !== undefined && more.length === 0 ? [before!, after] : null;
}

/** The context a shape is written in: no document. */
const bare = () => ({ file: undefined, viewWrapper: undefined, stack: [] }) as unknown as FormatContext;

/**
 * Writes the blocks of one skeleton's documents, each shape once through docx, or none: a writer
 * may start with shapes written before (dist/prebuilt.json keeps those of the examples).
 */
export class ShapeWriter {
  private readonly paragraphs: Map<string, Template>;
  private readonly runs: Map<string, Template>;
  private context: FormatContext | undefined;

  constructor(
    private readonly makeContext: () => FormatContext,
    known?: StoredShapes,
  ) {
    this.paragraphs = new Map(known?.paragraphs);
    this.runs = new Map(known?.runs);
  }

  /** The shapes written so far, to be kept. */
  shapes(): StoredShapes {
    return { paragraphs: [...this.paragraphs], runs: [...this.runs] };
  }

  /** A paragraph or table → its XML, as docx writes it. */
  write(block: { prepForXml(context: FormatContext): unknown }): string {
    const fast = block instanceof ShapedParagraph ? this.paragraphXml(block.options, block.runs) : undefined;
    return fast ?? this.format(block);
  }

  private format(component: { prepForXml(context: FormatContext): unknown }): string {
    this.context ??= this.makeContext();
    return xml(component.prepForXml(this.context) as xml.XmlObject);
  }

  /** A paragraph or run of a shape → its XML: docx writes one of text runs without looking at the document it is in. */
  private shape(component: Paragraph | TextRun): string {
    return xml(component.prepForXml(bare()) as xml.XmlObject);
  }

  private paragraphXml(options: ParagraphOptions, runs: readonly IRunOptions[]): string | undefined {
    // Stryker disable next-line EqualityOperator,StringLiteral: any two different words keep the two kinds of shape apart; which word is which does not matter
    const key = `${runs.length > 0 ? 'runs' : 'empty'}${JSON.stringify(options)}`;
    let template = this.paragraphs.get(key);
    // Stryker disable next-line ConditionalExpression: writing a shape again gives the same XML, only later
    if (template === undefined) {
      // Stryker disable next-line ConditionalExpression: docx writes an empty paragraph as one of text runs without them (the property test compares both with docx); said apart for clarity
      const { Paragraph, TextRun } = docx();
      if (runs.length === 0) template = this.shape(new Paragraph({ ...options, children: [] }));
      else template = around(this.shape(new Paragraph({ ...options, children: [new TextRun({ text: MARK })] })), this.shape(new TextRun({ text: MARK })));
      this.paragraphs.set(key, template);
    }
    if (template === null) return undefined;
    if (typeof template === 'string') return template;
    let out = template[0];
    for (const run of runs) {
      const written = this.runXml(run);
      if (written === undefined) return undefined;
      out += written;
    }
    return out + template[1];
  }

  private runXml(run: IRunOptions): string | undefined {
    const text = run.text;
    // An empty text is written as an element with nothing in it, so it is a shape of its own.
    // Stryker disable next-line EqualityOperator,StringLiteral: any three different words keep the three kinds of run apart; which word is which does not matter
    const key = `${text === undefined ? 'none' : text === '' ? 'empty' : 'text'}${JSON.stringify({ ...run, text: undefined })}`;
    let template = this.runs.get(key);
    // Stryker disable next-line ConditionalExpression: writing a shape again gives the same XML, only later
    if (template === undefined) {
      const { TextRun } = docx();
      template = text ? around(this.shape(new TextRun({ ...run, text: MARK })), MARK) : this.shape(new TextRun(run));
      this.runs.set(key, template);
    }
    if (template === null) return undefined;
    if (typeof template === 'string') return template;
    return template[0] + escapeText(text as string) + template[1];
  }
}
