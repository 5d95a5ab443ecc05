/**
 * Block content (headings, paragraphs, lists, tables…) to DOCX paragraphs and
 * tables: one handler per node type. A node without one is written as a body
 * paragraph of its plain text, with a warning.
 */
import type { RootContent } from 'mdast';
import { plainText } from '../../markdown/index.js';
import { run, runs } from './inline.js';
import type { Block } from './package.js';
import { paragraph } from './shapes.js';
import { warnUnknown, type State } from './state.js';
import { STYLE } from './styles.js';
import { table } from './table.js';

/** The handler of one block node type: the node and the state → its paragraphs and tables. */
export type BlockHandler<T extends RootContent['type'] = RootContent['type']> = (node: Extract<RootContent, { type: T }>, state: State) => Block[];

export type BlockHandlers = { [T in RootContent['type']]?: BlockHandler<T> };

const HEADING_STYLE: Record<number, string> = { 1: STYLE.h1, 2: STYLE.h2, 3: STYLE.h3, 4: STYLE.h4, 5: STYLE.h5 };

/** The block handlers, by node type. */
export const blockHandlers: BlockHandlers = {
  heading: (node, state) => {
    const level = (node.data as { level?: number } | undefined)?.level ?? Math.max(1, node.depth - 1);
    // Four levels of heading (一、（一）1.（1）); a volume moves them down one, under each report's title.
    return [paragraph({ style: HEADING_STYLE[Math.min(level, 4) + state.headingOffset] ?? STYLE.h4 }, runs(node.children, state))];
  },
  paragraph: (node, state) => [paragraph({ style: state.quoteDepth > 0 ? STYLE.quote : STYLE.body }, runs(node.children, state))],
  blockquote: (node, state) => {
    state.quoteDepth++;
    const inner = node.children.flatMap((c) => blocks(c, state));
    state.quoteDepth--;
    return inner;
  },
  list: (node, state) => {
    const out: Block[] = [];
    const start = node.start ?? 1;
    state.listDepth++;
    node.children.forEach((item, i) => {
      const marker = node.ordered ? (state.listDepth > 1 ? `（${start + i}）` : `${start + i}.`) : '•';
      item.children.forEach((child, j) => {
        if (child.type === 'paragraph') {
          const indent = 640 * state.listDepth;
          out.push(paragraph({ style: STYLE.plain, indent: { left: indent, hanging: j === 0 ? 320 : 0 } }, [...(j === 0 ? [run(`${marker} `, {}, state)] : []), ...runs(child.children, state)]));
        } else {
          out.push(...blocks(child, state));
        }
      });
    });
    state.listDepth--;
    return out;
  },
  table: (node, state) => [table(node, state)],
  thematicBreak: () => [paragraph({ style: STYLE.body })],
  code: (node, state) => node.value.split('\n').map((line) => paragraph({ style: STYLE.plain }, [run(line, {}, state)])),
};

/** A block node no handler knows and the state → a body paragraph of its plain text; warns. */
export function unknownBlock(node: RootContent, state: State): Block[] {
  warnUnknown(node, state);
  return [paragraph({ style: STYLE.body }, [run(plainText(node), {}, state)])];
}

/** A block node and the state → its paragraphs and tables, through its type's handler. */
export function blocks(node: RootContent, state: State): Block[] {
  const handler = Object.hasOwn(blockHandlers, node.type) ? (blockHandlers[node.type] as BlockHandler | undefined) : undefined;
  return handler ? handler(node, state) : unknownBlock(node, state);
}
