/**
 * Paragraphs written once per shape. docx writes a paragraph by building an object of each of its
 * elements and attributes (`prepForXml`) and serialising that (the `xml` package): most of the time
 * a report's DOCX takes. But a report's paragraphs come in a few shapes (a body paragraph of one
 * run, a heading of each level, a list item, a run-in heading and its text) that differ only in
 * their text. So each shape of paragraph and of run is written through docx once per skeleton, with
 * a marker where its text goes, and every paragraph of that shape is that XML with its own text,
 * escaped as the `xml` package escapes it. A paragraph made any other way (in a table, with a
 * bookmark) is written by docx. A test compares each example's document and random texts with what
 * docx's own Packer writes.
 */
import { type IParagraphOptions, type IRunOptions, Paragraph, type ParagraphChild, TextRun } from 'docx';
import xml from 'xml';

/** A paragraph's options but its children. */
export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>;

type FormatContext = Parameters<Paragraph['prepForXml']>[0];

const RUN = Symbol('run');
const SHAPE = Symbol('shape');

interface ShapedRun {
  [RUN]?: IRunOptions;
}
interface ShapedParagraph {
  [SHAPE]?: { options: ParagraphOptions; runs: readonly IRunOptions[] };
}

/** Run options → docx's run, which remembers them. */
export function textRun(options: IRunOptions): TextRun {
  const run = new TextRun(options);
  (run as ShapedRun)[RUN] = options;
  return run;
}

/** Paragraph options and children → docx's paragraph; one whose children were all made by textRun remembers its shape. */
export function paragraph(options: ParagraphOptions, children: readonly ParagraphChild[] = []): Paragraph {
  const made = new Paragraph({ ...options, children: [...children] });
  const runs: IRunOptions[] = [];
  for (const child of children) {
    const run = (child as ShapedRun)[RUN];
    if (!run) return made;
    runs.push(run);
  }
  (made as ShapedParagraph)[SHAPE] = { options, runs };
  return made;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** A text as the `xml` package escapes the text of an element. */
export function escapeText(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);
}

// Stryker disable next-line StringLiteral: any text docx writes unchanged and no shape's own XML holds marks the place
const MARK = 'report-run-text-goes-here';

/** What a shape is written as: the same XML whatever the text, the XML either side of the text, or null for docx to write each. */
type Template = string | readonly [string, string] | null;

/** XML and a mark → the XML before and after it, or null unless it is there exactly once. */
function around(written: string, mark: string): Template {
  const [before, after, ...more] = written.split(mark);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: docx writes every text it is given, so the mark is there at least once
  return after !== undefined && more.length === 0 ? [before!, after] : null;
}

/** Writes the blocks of one skeleton's documents, each shape once through docx. */
export class ShapeWriter {
  private readonly paragraphs = new Map<string, Template>();
  private readonly runs = new Map<string, Template>();
  private context: FormatContext | undefined;

  constructor(private readonly makeContext: () => FormatContext) {}

  /** A paragraph or table → its XML, as docx writes it. */
  write(block: { prepForXml(context: FormatContext): unknown }): string {
    const shape = (block as ShapedParagraph)[SHAPE];
    const fast = shape && this.paragraphXml(shape.options, shape.runs);
    return fast ?? this.format(block);
  }

  private format(component: { prepForXml(context: FormatContext): unknown }): string {
    this.context ??= this.makeContext();
    return xml(component.prepForXml(this.context) as xml.XmlObject);
  }

  private paragraphXml(options: ParagraphOptions, runs: readonly IRunOptions[]): string | undefined {
    const key = `${runs.length > 0 ? 'runs' : 'empty'}${JSON.stringify(options)}`;
    let template = this.paragraphs.get(key);
    if (template === undefined) {
      if (runs.length === 0) template = this.format(new Paragraph({ ...options, children: [] }));
      else template = around(this.format(new Paragraph({ ...options, children: [new TextRun({ text: MARK })] })), this.format(new TextRun({ text: MARK })));
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
    const key = `${text === undefined ? 'none' : text === '' ? 'empty' : 'text'}${JSON.stringify({ ...run, text: undefined })}`;
    let template = this.runs.get(key);
    if (template === undefined) {
      template = text ? around(this.format(new TextRun({ ...run, text: MARK })), MARK) : this.format(new TextRun(run));
      this.runs.set(key, template);
    }
    if (template === null) return undefined;
    if (typeof template === 'string') return template;
    return template[0] + escapeText(text as string) + template[1];
  }
}
