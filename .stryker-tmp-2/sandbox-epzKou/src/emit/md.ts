// @ts-nocheck
import type { Root } from 'mdast';
import { stringifyMarkdown } from '../markdown/index.js';

/** Markdown: the tree as remark-stringify writes it (parsing this output again gives the same bytes). */
export function emitMarkdown(tree: Root): string {
  return stringifyMarkdown(tree);
}
