// The reader of Office XML (src/load/xml.ts), on its own: names by namespace, text and entities,
// and every way a hostile or broken part is refused.
import { describe, expect, it } from 'vitest';
import { child, childrenNamed, decodeEntities, descendants, parseXml, XmlError } from '../src/load/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

describe('names by namespace', () => {
  it.each([
    ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
    ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
    ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'r'],
    ['http://schemas.openxmlformats.org/package/2006/relationships', 'rel'],
    ['http://schemas.openxmlformats.org/drawingml/2006/main', 'a'],
    ['http://purl.oclc.org/ooxml/drawingml/main', 'a'],
    ['http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'wp'],
    ['http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing', 'wp'],
    ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
    ['urn:schemas-microsoft-com:vml', 'v'],
  ])('%s is known as %s:, whatever prefix the file binds', (uri, prefix) => {
    const root = parseXml(`<x:doc xmlns:x="${uri}" x:val="1"><x:p/></x:doc>`);
    expect(root.name).toBe(`${prefix}:doc`);
    expect(root.attrs).toEqual({ [`${prefix}:val`]: '1' });
    expect(root.children[0]!.name).toBe(`${prefix}:p`);
  });

  it('gives an unknown namespace, and an unbound prefix, the prefix “?”', () => {
    const root = parseXml('<x:doc xmlns:x="urn:other"><y:p/><x:q/></x:doc>');
    expect(root.name).toBe('?:doc');
    expect(root.children.map((c) => c.name)).toEqual(['?:p', '?:q']);
  });

  it('takes a default namespace for elements, never for attributes, and keeps xml: as it is', () => {
    const root = parseXml(`<doc xmlns="${W}" Id="a" xml:space="preserve"><p/></doc>`);
    expect(root.name).toBe('w:doc');
    expect(root.attrs).toEqual({ Id: 'a', 'xml:space': 'preserve' });
    expect(root.children[0]!.name).toBe('w:p');
    // No default namespace: the name as written.
    expect(parseXml('<Relationships><Relationship/></Relationships>').children[0]!.name).toBe('Relationship');
  });

  it('scopes a binding to the element that makes it and what is inside', () => {
    const root = parseXml(`<a:doc xmlns:a="urn:other"><a:in xmlns:a="${W}"><a:p/></a:in><a:out/></a:doc>`);
    expect(root.name).toBe('?:doc');
    const [inner, out] = root.children;
    expect(inner!.name).toBe('w:in');
    expect(inner!.children[0]!.name).toBe('w:p');
    expect(out!.name).toBe('?:out');
    // A sibling's binding does not leak to the next sibling.
    const siblings = parseXml(`<doc><a:p xmlns:a="${W}"/><a:p/></doc>`);
    expect(siblings.children.map((c) => c.name)).toEqual(['w:p', '?:p']);
  });

  it('leaves namespace declarations out of the attributes; an element without attributes has none', () => {
    const root = parseXml(`<w:doc xmlns:w="${W}" xmlns="urn:x"><w:p/></w:doc>`);
    expect(Object.keys(root.attrs)).toEqual([]);
    expect(Object.keys(root.children[0]!.attrs)).toEqual([]);
  });
});

describe('attributes and text', () => {
  it('reads attributes in either quotes, with space around “=”, and values holding “>”, “/” and the other quote', () => {
    const root = parseXml(`<doc a = "1 > 0" b='say "hi"' c="x/y" d='it&apos;s'/>`);
    expect(root.attrs).toEqual({ a: '1 > 0', b: 'say "hi"', c: 'x/y', d: "it's" });
    expect(root.children).toEqual([]);
  });

  it('reads an attribute whose value is empty, and a name with dots and dashes', () => {
    expect(parseXml('<doc a="" b-c.d="2"/>').attrs).toEqual({ a: '', 'b-c.d': '2' });
  });

  it('keeps each element’s own text, entities decoded, CDATA as written, comments and declarations left out', () => {
    const root = parseXml('<?xml version="1.0"?><!-- a comment --><doc>前<a>甲&lt;乙&amp;</a>中<![CDATA[<b>&amp;</b>]]><!-- x -->后</doc>');
    expect(root.text).toBe('前中<b>&amp;</b>后');
    expect(root.children[0]!.text).toBe('甲<乙&');
  });

  it('keeps text outside the root element out of it', () => {
    const root = parseXml('text before<doc>in</doc>text after');
    expect(root.text).toBe('in');
    expect(root.name).toBe('doc');
  });

  it('closes an element left open by the nearest end tag of an outer one', () => {
    const root = parseXml('<doc><a><b>x</a><c/></doc>');
    expect(root.children.map((c) => c.name)).toEqual(['a', 'c']);
    expect(root.children[0]!.children[0]!.text).toBe('x');
  });

  it('reads an end tag with space before “>”', () => {
    expect(parseXml('<doc><a>x</a ></doc >').children[0]!.text).toBe('x');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&lt;&gt;&amp;&quot;&apos;', `<>&"'`],
    ['&#x4E2D;&#X41;', '中&#X41;'],
    ['&#x1F600;', '😀'],
    ['&#20013;&#65;', '中A'],
    ['&#0;&#x0;', '&#0;&#x0;'],
    ['&#1114111;', String.fromCodePoint(0x10ffff)],
    ['&#1114112;&#x110000;', '&#1114112;&#x110000;'],
    ['&nbsp;&copy;', '&nbsp;&copy;'],
    ['&amp;lt;', '&lt;'],
    ['a & b; c', 'a & b; c'],
    ['&#12345678;', '&#12345678;'],
    ['&#x1234567;', '&#x1234567;'],
    ['no entities', 'no entities'],
    ['&;&#;&#x;', '&;&#;&#x;'],
  ])('%s → %s', (text, decoded) => {
    expect(decodeEntities(text)).toBe(decoded);
  });
});

describe('what is refused', () => {
  const refuses = (source: string, words: RegExp, limits?: { elements: number; depth: number }) => {
    let error: unknown;
    try {
      parseXml(source, limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlError);
    expect((error as Error).message).toMatch(words);
  };

  it('a document type declaration, which could define entities of its own', () => {
    refuses('<!DOCTYPE doc [<!ENTITY a "aaaa">]><doc>&a;</doc>', /document type declaration/);
  });
  it('an end tag with no start', () => refuses('<doc></a></doc>', /an end tag <\/a> with no start/));
  it('an end tag after the root closed', () => refuses('<doc></doc></doc>', /an end tag <\/doc> with no start/));
  it('a tag without a name', () => refuses('<doc>< a/></doc>', /a tag without a name/));
  it('no root element', () => refuses('<?xml version="1.0"?><!-- only a comment -->', /no root element/));
  it('an empty document', () => refuses('', /no root element/));
  it('a “<” inside a tag', () => refuses('<doc a="1" <b/></doc>', /a “<” inside a tag/));
  it('a start tag the document ends inside', () => refuses('<doc a="1>', /the document ends inside a tag/));
  it('a start tag the document ends inside, after its quote', () => refuses('<doc a="1"', /the document ends inside a tag/));
  it('an unterminated comment, CDATA, declaration or end tag', () => {
    for (const source of ['<doc><!-- x', '<doc><![CDATA[x', '<?xml version="1.0"', '<doc></doc']) refuses(source, /the document ends inside a tag/);
  });

  it('more elements than the limit, counting the one over it', () => {
    const limits = { elements: 3, depth: 10 };
    expect(parseXml('<a><b/><c/></a>', limits).children).toHaveLength(2);
    refuses('<a><b/><c/><d/></a>', /more than 3 elements/, limits);
  });

  it('nesting deeper than the limit, without recursion', () => {
    const limits = { elements: 100, depth: 3 };
    expect(parseXml('<a><b><c/></b></a>', limits).name).toBe('a');
    expect(parseXml('<a><b><c><d/></c></b></a>', limits).name).toBe('a');
    refuses('<a><b><c><d></d></c></b></a>', /nested deeper than 3/, limits);
    // The default limits take a nesting far deeper than the stack could recurse.
    const deep = 200;
    const root = parseXml(`${'<p>'.repeat(deep)}x${'</p>'.repeat(deep)}`);
    let depth = 1;
    for (let e = root; e.children[0]; e = e.children[0]) depth++;
    expect(depth).toBe(deep);
  });
});

describe('walking the tree', () => {
  const root = parseXml(`<w:doc xmlns:w="${W}"><w:p><w:r>1</w:r></w:p><w:tbl><w:p>2</w:p></w:tbl><w:p>3</w:p></w:doc>`);

  it('childrenNamed and child take the element’s own children only', () => {
    expect(childrenNamed(root, 'w:p').map((p) => p.children.length)).toEqual([1, 0]);
    expect(child(root, 'w:p')?.children[0]?.text).toBe('1');
    expect(child(root, 'w:tbl')?.name).toBe('w:tbl');
    expect(child(root, 'w:none')).toBeUndefined();
    expect(childrenNamed(undefined, 'w:p')).toEqual([]);
    expect(child(undefined, 'w:p')).toBeUndefined();
  });

  it('descendants are in document order, and only where `enter` allows', () => {
    expect(descendants(root).map((e) => e.name)).toEqual(['w:p', 'w:r', 'w:tbl', 'w:p', 'w:p']);
    expect(descendants(root, (e) => e.name !== 'w:tbl').map((e) => e.name)).toEqual(['w:p', 'w:r', 'w:tbl', 'w:p']);
  });
});
