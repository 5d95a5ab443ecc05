import { isMap, isPair, isScalar, isSeq, type LineCounter, type Document, type Node, type Pair } from 'yaml';
import type { Position } from '../diagnostics/index.js';

export type Path = readonly (string | number)[];

export interface Span {
  start: Position;
  end: Position;
}

/** Finds where a field path sits in the YAML source. */
export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly source: string,
  ) {}

  span(range: readonly [number, number, ...number[]] | null | undefined): Span | undefined {
    if (!range) return undefined;
    return { start: this.pos(range[0]), end: this.pos(range[1]) };
  }

  pos(offset: number): Position {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** The value node at a path, or undefined when it is absent. */
  node(path: Path): Node | undefined {
    let current: unknown = this.doc.contents;
    for (const key of path) {
      if (isMap(current)) current = findPair(current.items, key)?.value;
      else if (isSeq(current) && typeof key === 'number') current = current.items[key];
      else return undefined;
      if (current == null) return undefined;
    }
    return current as Node;
  }

  /** Where the value at a path is; for an absent field, where its nearest present parent is. */
  value(path: Path): Span | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n));
      if (node?.range) return this.span(node.range);
    }
    return undefined;
  }

  /** Where a piece of text written inside the value at a path is (a figure marked in a paragraph); the value's own place when it cannot be found as written. */
  within(path: Path, piece: string): Span | undefined {
    const node = this.node(path);
    const range = node?.range;
    if (range && piece !== '') {
      const at = this.source.indexOf(piece, range[0]);
      if (at >= 0 && at + piece.length <= range[1]) return this.span([at, at + piece.length]);
    }
    return this.value(path);
  }

  /** Where the key of a mapping entry is. */
  key(parent: Path, key: string): Span | undefined {
    const map = this.node(parent);
    if (!isMap(map)) return undefined;
    const pair = findPair(map.items, key);
    const k = pair?.key as Node | undefined;
    return k?.range ? this.span(k.range) : undefined;
  }
}

function findPair(items: readonly Pair[], key: string | number): Pair | undefined {
  return items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
}

/** A field path as messages show it: township.name, plans[2]. */
export function pathString(path: Path): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}
