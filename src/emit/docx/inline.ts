/**
 * Phrasing content (text, emphasis, breaks…) to DOCX runs: one handler per
 * node type. A node without one is written as its plain text, with a warning.
 */
import type { IRunOptions } from 'docx';
import type { PhrasingContent } from 'mdast';
import { plainText } from '../../markdown/index.js';
import { type Inline, type RunSpec, textRun } from './shapes.js';
import { warnUnknown, type RunStyle, type State } from './state.js';

/** The handler of one phrasing node type: the node, the state and the inherited style → its runs. */
export type InlineHandler<T extends PhrasingContent['type'] = PhrasingContent['type']> = (node: Extract<PhrasingContent, { type: T }>, state: State, style: RunStyle) => Inline[];

export type InlineHandlers = { [T in PhrasingContent['type']]?: InlineHandler<T> };

/** The phrasing handlers, by node type. */
export const inlineHandlers: InlineHandlers = {
  text: (node, state, style) => [run(node.value, style, state)],
  strong: (node, state, style) => {
    const d = node.data as { role?: string; level?: number } | undefined;
    if (d?.role === 'run-in') return runs(node.children, state, { ...style, runInLevel: d.level ?? 3 });
    return runs(node.children, state, { ...style, bold: true });
  },
  emphasis: (node, state, style) => runs(node.children, state, { ...style, italics: true }),
  delete: (node, state, style) => runs(node.children, state, style),
  inlineCode: (node, state, style) => [run(node.value, style, state)],
  break: () => [textRun({ break: 1 })],
  link: (node, state, style) => runs(node.children, state, style),
  // An image cannot be placed in the page: its alternative text stands in, with a warning.
  image: (node, state, style) => {
    warnUnknown(node, state);
    // Stryker disable next-line StringLiteral: remark gives every image its alt, '' when it has none
    return [run(node.alt ?? '', style, state)];
  },
};

/** A phrasing node no handler knows, the state and the style → its plain text as one run; warns. */
export function unknownInline(node: PhrasingContent, state: State, style: RunStyle): Inline[] {
  warnUnknown(node, state);
  return [run(plainText(node), style, state)];
}

/** Phrasing nodes, the state and an inherited style → their runs, each node through its type's handler. */
export function runs(nodes: readonly PhrasingContent[], state: State, style: RunStyle = {}): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const handler = Object.hasOwn(inlineHandlers, node.type) ? (inlineHandlers[node.type] as InlineHandler | undefined) : undefined;
    out.push(...(handler ? handler(node, state, style) : unknownInline(node, state, style)));
  }
  return out;
}

/** A text, its style and the state → one run; fonts come from the paragraph style except in a run-in heading. */
export function run(text: string, style: RunStyle, state: State): RunSpec {
  const options: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = { text };
  if (style.bold) options.bold = true;
  if (style.italics) options.italics = true;
  // Fonts come from the paragraph styles (eastAsia and the eastAsia hint included); only a
  // run-in heading takes its level's font inside a body paragraph.
  if (style.runInLevel !== undefined) {
    const l = state.layout;
    const cjk = style.runInLevel === 1 ? l.heading1_font : style.runInLevel === 2 ? l.heading2_font : l.heading3_font;
    options.font = { ascii: l.latin_font, hAnsi: l.latin_font, cs: l.latin_font, eastAsia: cjk, hint: 'eastAsia' };
    if (style.runInLevel === 3 && l.heading3_bold) options.bold = true;
  }
  return textRun(options);
}
