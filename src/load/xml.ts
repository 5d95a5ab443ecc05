/**
 * A small reader of the XML in Office documents, which may be hostile: no document type
 * declarations (so no entity of its own can expand), a limit on elements and depth, and no
 * recursion, so a deeply nested part cannot overflow the stack. Names are given with the prefix
 * this program knows their namespace by (w:p, r:id, a:latin), whatever prefix the file binds;
 * an element of a namespace it does not know gets the prefix “?”.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

export class XmlError extends Error {}

/** Namespaces by the prefix used for them here: transitional OOXML, and strict where it differs. */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
};

export interface XmlLimits {
  /** Most elements in one part. */
  elements: number;
  /** Deepest nesting. */
  depth: number;
}

/** A long report's document.xml has some tens of thousands of elements; each costs a few hundred bytes here. */
const DEFAULT_LIMITS: XmlLimits = { elements: 500_000, depth: 256 };

/** The attributes of every element that has none. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null));

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML's entity and character references decoded; an unknown reference stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** An XML document's text → its root element. Throws XmlError when it is not XML this reader takes. */
export function parseXml(source: string, limits: XmlLimits = DEFAULT_LIMITS): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  // Each open element with the namespaces in scope inside it.
  const stack: { element: XmlElement; raw: string; scope: Map<string, string> }[] = [{ element: root, raw: '', scope: new Map() }];
  let elements = 0;
  let at = 0;
  const top = () => stack[stack.length - 1]!;
  const addText = (text: string) => {
    if (stack.length > 1) top().element.text += decodeEntities(text);
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt < 0) {
      addText(source.slice(at));
      break;
    }
    if (lt > at) addText(source.slice(at, lt));
    if (source.startsWith('<?', lt)) {
      at = after(source, '?>', lt);
    } else if (source.startsWith('<!--', lt)) {
      at = after(source, '-->', lt);
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = after(source, ']]>', lt);
      if (stack.length > 1) top().element.text += source.slice(lt + 9, end - 3);
      at = end;
    } else if (source.startsWith('<!', lt)) {
      throw new XmlError('a document type declaration');
    } else if (source[lt + 1] === '/') {
      const end = after(source, '>', lt);
      const raw = source.slice(lt + 2, end - 1).trim();
      // Tolerant: an end tag closes the nearest open element of its name, and those inside it.
      let i = stack.length - 1;
      while (i > 0 && stack[i]!.raw !== raw) i--;
      if (i === 0) throw new XmlError(`an end tag </${raw}> with no start`);
      stack.length = i;
      at = end;
    } else {
      const end = tagEnd(source, lt);
      const selfClosing = source[end - 2] === '/';
      const inner = source.slice(lt + 1, end - (selfClosing ? 2 : 1));
      const nameEnd = inner.search(/[\s/]|$/);
      const raw = inner.slice(0, nameEnd);
      if (raw === '') throw new XmlError('a tag without a name');
      const rawAttrs: [string, string][] = [];
      ATTRIBUTE.lastIndex = nameEnd;
      for (let m = ATTRIBUTE.exec(inner); m; m = ATTRIBUTE.exec(inner)) rawAttrs.push([m[1]!, decodeEntities(m[2] ?? m[3] ?? '')]);
      let scope = top().scope;
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (scope === top().scope) scope = new Map(scope);
          scope.set(k === 'xmlns' ? '' : k.slice(6), v);
        }
      }
      let attrs = NO_ATTRIBUTES;
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
        if (attrs === NO_ATTRIBUTES) attrs = Object.create(null);
        attrs[qualified(k, scope, false)] = v;
      }
      const element: XmlElement = { name: qualified(raw, scope, true), attrs, children: [], text: '' };
      if (++elements > limits.elements) throw new XmlError(`more than ${limits.elements} elements`);
      top().element.children.push(element);
      if (!selfClosing) {
        if (stack.length > limits.depth) throw new XmlError(`nested deeper than ${limits.depth}`);
        stack.push({ element, raw, scope });
      }
      at = end;
    }
  }
  const first = root.children[0];
  if (!first) throw new XmlError('no root element');
  return first;
}

/** The index after the end of `marker`, searched from `from`; throws when the document ends first. */
function after(source: string, marker: string, from: number): number {
  const i = source.indexOf(marker, from);
  if (i < 0) throw new XmlError('the document ends inside a tag');
  return i + marker.length;
}

/** The index after a start tag's closing “>”, which may not be inside an attribute's quotes. */
function tagEnd(source: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') throw new XmlError('a “<” inside a tag');
  }
  throw new XmlError('the document ends inside a tag');
}

/** A name as written and the namespaces in scope → the name with this program's prefix for its namespace. */
function qualified(raw: string, scope: Map<string, string>, isElement: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  // An attribute without a prefix is in no namespace (Id, Type, typeface).
  if (prefix === '' && !isElement) return local;
  if (prefix === 'xml') return `xml:${local}`;
  const uri = scope.get(prefix);
  if (uri === undefined) return prefix === '' ? local : `?:${local}`;
  const known = NAMESPACES[uri];
  return known ? `${known}:${local}` : `?:${local}`;
}

/** The children of an element with this name. */
export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] => (element ? element.children.filter((c) => c.name === name) : []);

/** The first child of an element with this name. */
export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name);

/** Every element inside this one (not itself), in document order, without recursion; `enter` says whether to look inside an element. */
export function descendants(element: XmlElement, enter: (e: XmlElement) => boolean = () => true): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [...element.children].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    if (enter(e)) for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}
