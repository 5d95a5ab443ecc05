/**
 * Stage 4: parse the rendered Markdown once into a tree, frame it as a
 * document (title, recipient, signature) and run the transforms every output
 * shares: literal raw HTML, joined Chinese line breaks, empty sections
 * pruned, headings numbered 一、（一）1.（1）.
 */
import { t } from '../i18n/index.js';
import { RUN_IN_MARK } from '../render/escape.js';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { chineseNumeral } from '../render/chinese.js';
import { isCjk } from '../render/escape.js';

export type Role = 'title' | 'doc-number' | 'recipient' | 'signature-issuer' | 'signature-date' | 'run-in';

export interface DocumentFrame {
  title: string;
  recipient: string | null;
  docNumber: string | null;
  issuer: string;
  date: string;
  sealed: boolean;
}

export interface NumberingOptions {
  /** Heading levels (1 = 一、) written at the start of their first paragraph. */
  runIn: readonly number[];
  runInSeparator: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
};

/** Markdown text as a syntax tree (GFM and CJK-friendly emphasis). */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/** Stands for a plain paragraph while the rest is parsed: a private-use character the text does not hold. */
const SLOT = '\uE002';
const SLOT_TEXT = /^\uE002(\d+)$/;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/**
 * Characters that may start Markdown syntax anywhere in a line, once backslash escapes are taken out,
 * and control characters (line breaks, tabs, NUL) which change how a line is read.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const SYNTAX = /[\\`*_[\]<>&!~|#\u0000-\u001f\u007f\uE002]/;
/** Characters and numbers that start a block (a list, a quote, a heading, code, a rule) at the start of a line. */
const BLOCK_START = /^(?:[ \t\-+*=#>|_`~<]|\d{1,9}[.)])/;

/**
 * The text of a block of Markdown that is one plain paragraph on one line (as every escaped data
 * value is), or undefined when it might be anything else: CommonMark reads such a line as a
 * paragraph holding one text, its backslash escapes taken out, whatever stands around it.
 */
export function plainParagraph(block: string): string | undefined {
  if (block === '' || BLOCK_START.test(block) || /[ \t]$/.test(block)) return undefined;
  return plainInline(block);
}

/** Plain text inside a line: no Markdown syntax once escapes are taken out, nor a link the parser would find. */
function plainInline(text: string): string | undefined {
  if (SYNTAX.test(text.replace(ESCAPE, '')) || /www|http|ftp|@/i.test(text)) return undefined;
  return text.replace(ESCAPE, '$1');
}

/** A run-in title in bold and the paragraph after it, as templates write a numbered item: `**1.矛盾纠纷排查。**坚持……`. */
const RUN_IN = /^\*\*([^*\s](?:[^*]*[^*\s])?)\*\*((?:[^*\s][^*]*)?)$/u;
/**
 * The last characters of a bold title after which its closing `**` closes it whatever follows:
 * letters and numbers, and the punctuation of Chinese text (。，：）” and the like are CJK
 * punctuation to the CJK-friendly parser, not punctuation that keeps emphasis open). U+303F is not
 * wide, so not CJK to it.
 */
const CLOSES = /[\p{L}\p{N}\u3001-\u303e\uff01-\uff60\ufe30-\ufe4f]$/u;

/** A paragraph that is a bold run-in title and plain text after it, as its node; undefined for anything else. */
function runInParagraph(block: string): Paragraph | undefined {
  const m = RUN_IN.exec(block);
  // Stryker disable next-line Regex: a block this passes over goes to the parser, which gives the same node
  if (!m || !CLOSES.test(m[1]!) || /[ \t]$/.test(block)) return undefined;
  const title = plainInline(m[1]!);
  const rest = plainInline(m[2]!);
  if (title === undefined || rest === undefined) return undefined;
  const strong: Strong = { type: 'strong', children: [{ type: 'text', value: title }] };
  return { type: 'paragraph', children: rest ? [strong, { type: 'text', value: rest }] : [strong] };
}

/** A block that is a plain paragraph (or one with a bold run-in title) or an ATX heading of plain text (`## 标题`), as its node; undefined for anything else. */
export function plainBlock(block: string): Paragraph | Heading | undefined {
  const heading = /^(#{1,6}) (?=\S)/.exec(block);
  if (!heading && block.startsWith('**')) return runInParagraph(block);
  const value = plainParagraph(heading ? block.slice(heading[0].length) : block);
  if (value === undefined) return undefined;
  const children: PhrasingContent[] = [{ type: 'text', value }];
  return heading ? { type: 'heading', depth: heading[1]!.length as Heading['depth'], children } : { type: 'paragraph', children };
}

/**
 * The same tree as parseMarkdown, faster for what templates render: each block between blank
 * lines that is a plain paragraph or heading on one line (data values, section headings) is put
 * in as a node of its own, and only what is left (lists, what templates write) goes through the
 * parser, a slot standing in for each. When a slot does not come back as a paragraph at the top of
 * the tree (inside a fenced code block, say), the whole text is parsed as it is. Positions are not
 * kept.
 */
export function parseRendered(text: string): Root {
  // The parser drops a byte-order mark at the start; a text that holds the slot character is parsed whole.
  if (text.includes(SLOT) || text.startsWith('\uFEFF')) return parseMarkdown(text);
  const split = text.split('\n\n');
  const plain: (Paragraph | Heading)[][] = [];
  const slotted = new Array<boolean>(split.length).fill(false);
  for (let i = 0; i < split.length; i++) {
    const nodes = plainLines(split[i]!);
    if (!nodes) continue;
    split[i] = `${SLOT}${plain.length}`;
    slotted[i] = true;
    plain.push(nodes);
  }
  const blocks = split.filter((_, i) => slotted[i] || !blankBetweenSlots(split, slotted, i));
  // Stryker disable next-line ConditionalExpression: without a slot the text is parsed as it is all the same, below
  if (plain.length === 0) return parseMarkdown(text);
  // Stryker disable next-line ConditionalExpression: a text of slots only is parsed into the same nodes, below
  if (plain.length === blocks.length) return { type: 'root', children: plain.flat() };
  const joined = blocks.join('\n\n');
  const tree = parseMarkdown(joined);
  const children: RootContent[] = [];
  let found = 0;
  for (const node of tree.children) {
    // Stryker disable next-line ConditionalExpression: the first child of any other node is no text that starts at a slot character
    const only = node.type === 'paragraph' && node.children.length === 1 ? node.children[0]! : undefined;
    const slot = only?.type === 'text' ? SLOT_TEXT.exec(only.value) : null;
    // A slot as written, not a character reference (&#xE002;) that reads as one.
    // Stryker disable next-line ConditionalExpression,UnaryOperator: a paragraph that starts at a slot character is a slot, in order (the text holds no other), so the first checks only agree; the parser gives every node its place
    if (slot && Number(slot[1]) === found && joined[node.position?.start.offset ?? -1] === SLOT) children.push(...plain[found++]!);
    else children.push(node);
  }
  return found === plain.length ? { ...tree, children } : parseMarkdown(text);
}

/**
 * Whether block i is blank lines only with nothing but blank lines and slots on either side up to
 * the nearest slot or the text's start or end (an empty section between two, say): such lines
 * separate blocks that are apart anyway, and leaving them out spares the parser a text of slots.
 * Blank lines next to anything else (a fenced code block, a list) stay, as they may belong to it.
 */
function blankBetweenSlots(blocks: readonly string[], slotted: readonly boolean[], i: number): boolean {
  const blank = (k: number) => /^\n*$/.test(blocks[k]!);
  if (!blank(i)) return false;
  let before = i - 1;
  while (before >= 0 && blank(before)) before--;
  let after = i + 1;
  while (after < blocks.length && blank(after)) after++;
  return (before < 0 || slotted[before]!) && (after >= blocks.length || slotted[after]!);
}

/**
 * A block's lines as nodes, when each is a plain paragraph or heading (plainBlock) or empty, and no
 * two paragraphs follow each other (they would be one paragraph): a heading ends the paragraph
 * before it and is one line itself, as templates write a section's heading under the text before
 * it; an empty line (three line breaks in a row) ends a paragraph and is nothing itself. A block of
 * empty lines is left to the parser.
 */
function plainLines(block: string): (Paragraph | Heading)[] | undefined {
  const whole = plainBlock(block);
  if (whole) return [whole];
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression: a line that is not plain is found not plain again below; this only saves the time
  if (block !== '' && !block.includes('\n')) return undefined;
  const nodes: (Paragraph | Heading)[] = [];
  let paragraph = false;
  for (const line of block.split('\n')) {
    if (line === '') {
      paragraph = false;
      continue;
    }
    const node = plainBlock(line);
    if (!node || (node.type === 'paragraph' && paragraph)) return undefined;
    paragraph = node.type === 'paragraph';
    nodes.push(node);
  }
  // Only empty lines: nothing to put in, and a slot (a paragraph) where there was none would change
  // what is around it (an indented line after a list would leave the list).
  return nodes.length > 0 ? nodes : undefined;
}

/**
 * The characters the stringifier's escaping rules look at (each rule escapes one character, in some
 * context), and the backslash, which it escapes before them: a text without any of them comes out
 * of the escaping as it went in. Worked out from the rules themselves (the defaults and those of
 * GFM), once per document.
 */
const looked = new WeakMap<State['unsafe'], RegExp>();
function lookedAt(unsafe: State['unsafe']): RegExp {
  let found = looked.get(unsafe);
  // Stryker disable next-line ConditionalExpression: working the set out again for each text changes only the time taken
  if (!found) {
    // Stryker disable next-line ArrayDeclaration,StringLiteral: the backslash has a rule of its own too; it is named here because the escaping of backslashes runs whatever the rules
    const chars = new Set(['\\', ...unsafe.map((rule) => rule.character)]);
    // Stryker disable next-line StringLiteral: a set that finds more (every text, more characters, without the u flag) only sends more texts through the escaping, which gives the same text
    found = new RegExp(`[${[...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'u');
    looked.set(unsafe, found);
  }
  return found;
}

/**
 * Text as the default handler writes it, without running its escaping rules over text none of them
 * can apply to (in an autolink too, where the rules percent-encode what they find): most of a
 * Chinese report is such text, and the rules (some 50 regular expressions per text) were a seventh
 * of the time a report took to build (test/parse-rendered.test.ts compares both ways over random
 * documents).
 */
const quickText: Handle = (node: Text, parent, state, info) => (lookedAt(state.unsafe).test(node.value) ? defaultHandlers.text(node, parent, state, info) : node.value);

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { text: quickText } });

/** A syntax tree as Markdown text. */
export function stringifyMarkdown(tree: Root): string {
  return stringifier.stringify(tree);
}

export interface BuiltTree {
  tree: Root;
  diagnostics: Diagnostic[];
}

/** The report's one syntax tree: the frame (title, recipient, signature) around the rendered sections, headings numbered. */
export function buildTree(file: string, body: string, frame: DocumentFrame, numbering: NumberingOptions): BuiltTree {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseRendered(body);
  tidy(parsed, file, diagnostics);
  const children = pruneEmptySections(parsed.children);
  numberHeadings(children, numbering);

  const front: RootContent[] = [];
  if (frame.docNumber) front.push(para(frame.docNumber, 'doc-number'));
  front.push({ type: 'heading', depth: 1, children: [text(frame.title)], data: role('title') });
  if (frame.recipient) front.push(para(/[：:]$/.test(frame.recipient) ? frame.recipient.replace(/:$/, '：') : `${frame.recipient}：`, 'recipient'));
  const back: RootContent[] = [para(frame.issuer, 'signature-issuer'), para(frame.date, 'signature-date')];
  const tree: Root = { type: 'root', children: [...front, ...children, ...back], data: { sealed: frame.sealed } as never };
  return { tree, diagnostics };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function role(r: Role): { role: Role; hProperties: { className: string[] } } {
  return { role: r, hProperties: { className: [r] } };
}

function para(value: string, r: Role): Paragraph {
  return { type: 'paragraph', children: [text(value)], data: role(r) };
}

/** The role a node plays in the report's frame (title, recipient, signature…), if any. */
export function roleOf(node: { data?: unknown }): Role | undefined {
  const d = node.data as { role?: Role } | undefined;
  return d?.role;
}

/**
 * One walk over the parsed tree: raw HTML in a template is written out as the literal text it
 * is; a line break between two Chinese characters is no space in Chinese; and source positions
 * (of the rendered Markdown, which nobody sees) are dropped. Positions are set to undefined
 * rather than deleted, which would turn every node into a slow dictionary-mode object.
 */
function tidy(tree: Root, file: string, diagnostics: Diagnostic[]): void {
  const walk = (parent: { children: unknown[]; type: string }): void => {
    const kids = parent.children as (RootContent & { children?: unknown[] })[];
    for (let i = 0; i < kids.length; i++) {
      let node = kids[i]!;
      if (node.type === 'html') {
        diagnostics.push(
          diagnostic(file, {
            ruleId: 'markdown/raw-html',
            reason: t('markdown.raw-html', { html: JSON.stringify(node.value.slice(0, 40)) }),
            note: t('markdown.raw-html.note'),
          }),
        );
        const replacement: Text = { type: 'text', value: node.value };
        node = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' ? { type: 'paragraph', children: [replacement] } : replacement;
        kids[i] = node;
      }
      // Stryker disable next-line StringLiteral: joining the lines of a text without a line break leaves it as it is
      if (node.type === 'text' && node.value.includes('\n')) node.value = joinLines(node.value, lastChar(kids[i - 1]), firstChar(kids[i + 1]));
      node.position = undefined;
      if (Array.isArray(node.children)) walk(node as { children: unknown[]; type: string });
    }
  };
  tree.position = undefined;
  walk(tree);
}

/**
 * Joins a text's lines: no space where a Chinese character stands on either side, one space between
 * others. At the ends of the text the characters on either side are those of the nodes beside it
 * (`**a**` then a line `b` reads “a b”, `**甲**` then `乙` reads “甲乙”); none at the ends of a paragraph.
 */
function joinLines(value: string, previous: string, next: string): string {
  return value.replace(/[ \t]*\n[ \t]*/g, (m, offset: number, whole: string) => {
    const before = offset === 0 ? previous : whole[offset - 1]!;
    const after = offset + m.length === whole.length ? next : whole[offset + m.length]!;
    return before === '' || after === '' || isCjk(before) || isCjk(after) ? '' : ' ';
  });
}

const lastChar = (node: unknown): string => plainText(node).slice(-1);
const firstChar = (node: unknown): string => plainText(node).slice(0, 1);

/** Removes headings that have no content before the next heading of the same or a higher level. */
export function pruneEmptySections(nodes: RootContent[]): RootContent[] {
  const out = [...nodes];
  // Stryker disable next-line ArithmeticOperator: starting past the end only looks at nothing first
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (node?.type !== 'heading') continue;
    const next = out[i + 1];
    const empty = next === undefined || (next.type === 'heading' && next.depth <= node.depth);
    if (empty) out.splice(i, 1);
  }
  return out;
}

const PREFIX: Record<number, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

/** Numbers headings from the tree (## → 一、, ### → （一）, #### → 1., ##### → （1）). */
export function numberHeadings(nodes: RootContent[], options: NumberingOptions): void {
  const counters = [0, 0, 0, 0, 0];
  // Stryker disable next-line EqualityOperator: one step past the end finds no node, which is passed over
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    // Stryker disable next-line ConditionalExpression: any other node, or a level-1 heading, has no prefix below and is passed over there
    if (node?.type !== 'heading' || node.depth < 2) continue;
    const level = node.depth - 1;
    const prefix = PREFIX[level];
    if (!prefix) continue;
    counters[level] = (counters[level] ?? 0) + 1;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const label = prefix(counters[level] ?? 1);
    const next = nodes[i + 1];
    // A heading the template ran in ({{runin}}), whatever its level.
    const last = node.children[node.children.length - 1];
    const runIn = last?.type === 'text' && last.value.endsWith(RUN_IN_MARK);
    if (runIn) last.value = last.value.slice(0, -RUN_IN_MARK.length);
    if ((runIn || options.runIn.includes(level)) && next?.type === 'paragraph') {
      const headingText = plainText(node);
      const sep = /[。：:！？；]$/u.test(headingText) ? '' : options.runInSeparator;
      const strong: Strong = {
        type: 'strong',
        children: [text(label), ...node.children, ...(sep ? [text(sep)] : [])],
        data: { role: 'run-in', level, hName: 'span', hProperties: { className: ['run-in', `level-${level}`] } } as never,
      };
      next.children.unshift(strong);
      nodes.splice(i, 1);
      i--;
      continue;
    }
    node.children.unshift(text(label));
    mergeText(node);
    node.data = { ...(node.data ?? {}), level, hProperties: { className: [`level-${level}`] } } as never;
  }
}

function mergeText(node: Heading): void {
  const kids: PhrasingContent[] = [];
  for (const k of node.children) {
    const prev = kids[kids.length - 1];
    if (k.type === 'text' && prev?.type === 'text') prev.value += k.value;
    else kids.push(k);
  }
  node.children = kids;
}

/** A node's text without markup. */
export function plainText(node: unknown): string {
  // Stryker disable next-line ConditionalExpression: a node is an object or missing
  if (!node || typeof node !== 'object') return '';
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  // Stryker disable next-line ArrayDeclaration: what is not a node has no text
  return (n.children ?? []).map(plainText).join('');
}
