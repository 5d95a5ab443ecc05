// Reading an HTML page as a clerk's browser does: its elements and their text (hast, from hast-util-from-html).
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type Node = Root | RootContent | ElementContent;

const isElement = (n: Node): n is Element => n.type === 'element';

/** Every element under `node`, in document order, that passes `test`. */
export function all(node: Node, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && test(n)) found.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(node);
  return found;
}

/** The text of a node and everything in it. */
export const text = (n: Node): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(text).join('') : '');

/** An element's classes. */
export const classes = (e: Element): string[] => (e.properties.className as string[] | undefined) ?? [];
