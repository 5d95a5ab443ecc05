// The report's syntax tree (src/markdown): the frame around the sections, raw HTML in a template
// written out as text, lines joined as Chinese joins them, empty sections pruned.
import type { Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildTree, plainText, pruneEmptySections, parseMarkdown } from '../src/markdown/index.js';

const FRAME = { title: '某某乡人民政府2025年法治政府建设年度报告', issuer: '某某乡人民政府', date: '2026年2月5日', sealed: false, recipient: null as string | null, docNumber: null as string | null };
const NUMBERING = { runIn: [], runInSeparator: '。' };
const build = (body: string, frame: Partial<typeof FRAME> = {}) => buildTree('town.yaml', body, { ...FRAME, ...frame }, NUMBERING);

/** The paragraphs of the body (between the title and the signature), as text. */
const bodyTexts = (tree: Root) => tree.children.slice(1, -2).map((n) => plainText(n));

describe('the frame', () => {
  it.each([
    ['中共某某县委、某某县人民政府', '中共某某县委、某某县人民政府：'],
    ['中共某某县委、某某县人民政府:', '中共某某县委、某某县人民政府：'],
    ['中共某某县委、某某县人民政府：', '中共某某县委、某某县人民政府：'],
    // A colon inside the recipient is not its end.
    ['某某县委：某某县人民政府', '某某县委：某某县人民政府：'],
    ['某某县委:某某县人民政府', '某某县委:某某县人民政府：'],
    ['某某县委:某某县人民政府:', '某某县委:某某县人民政府：'],
  ])('ends the recipient %s with one full-width colon', (recipient, shown) => {
    const { tree } = build('正文。', { recipient });
    expect(plainText(tree.children[1])).toBe(shown);
  });
});

describe('raw HTML in a template', () => {
  it('is reported with the first 40 characters of it, and kept as the text it is', () => {
    const html = `<div class="x">${'甲'.repeat(60)}</div>`;
    const { tree, diagnostics } = build(`${html}\n`);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['markdown/raw-html']);
    expect(diagnostics[0]!.reason).toContain(JSON.stringify(html.slice(0, 40)));
    expect(diagnostics[0]!.reason).not.toContain(html.slice(0, 41));
    expect(bodyTexts(tree)).toEqual([html]);
  });

  it.each([
    ['at the top', '<div>\n甲\n</div>\n', 'root'],
    ['in a quotation', '> <div>\n> 甲\n> </div>\n', 'blockquote'],
    ['in a list item', '- <div>\n  甲\n  </div>\n', 'listItem'],
  ])('%s becomes a paragraph of its own, its lines joined', (_where, body, parent) => {
    const { tree } = build(body);
    const found: Paragraph[] = [];
    const walk = (node: { type: string; children?: unknown[] }, under: string) => {
      if (node.type === 'paragraph' && under === parent && plainText(node).includes('<div>')) found.push(node as Paragraph);
      for (const c of (node.children ?? []) as { type: string }[]) walk(c, node.type);
    };
    walk(tree, '');
    expect(found.map((p) => p.children.map((c) => c.type))).toEqual([['text']]);
    expect(plainText(found[0])).toBe('<div>甲</div>');
  });

  it('inside a sentence stays a piece of it', () => {
    const { tree } = build('全年<b>召开</b>会议3次。\n');
    const p = tree.children[1] as Paragraph;
    expect(p.type).toBe('paragraph');
    expect(p.children.map((c) => c.type)).toEqual(['text', 'text', 'text', 'text', 'text']);
    expect(plainText(p)).toBe('全年<b>召开</b>会议3次。');
  });
});

describe('lines of a paragraph', () => {
  it.each([
    ['法治\n建设', '法治建设'],
    ['法治\nbuilding', '法治building'],
    ['rule of\n法治', 'rule of法治'],
    ['rule of\nlaw', 'rule of law'],
    ['rule of \n law', 'rule of law'],
    ['GB/T 9704\n2012', 'GB/T 9704 2012'],
    ['**甲**\n乙', '甲乙'],
    ['**a**\nb', 'a b'],
    ['a\n**b**', 'a b'],
    ['a\n**乙**', 'a乙'],
    // Only the character beside the break counts, and nothing (an image) is no letter.
    ['**甲a**\nb', '甲a b'],
    ['a\n**b乙**', 'a b乙'],
    ['![](a.png)\nb', 'b'],
    ['a\n![](a.png)', 'a'],
  ])('%j reads %j', (source, joined) => {
    expect(bodyTexts(build(`${source}\n`).tree)).toEqual([joined]);
  });

  it('of raw HTML lose the spaces around each line break', () => {
    expect(bodyTexts(build('<div>   \n   x  \n  甲\n</div>\n').tree)).toEqual(['<div> x甲</div>']);
  });
});

describe('empty sections', () => {
  const headings = (markdown: string) => pruneEmptySections(parseMarkdown(markdown).children).map((n) => (n.type === 'heading' ? `h${n.depth} ${plainText(n)}` : plainText(n)));

  it('drops a heading with nothing under it, at the end or before a heading of its level or higher', () => {
    expect(headings('## 一\n\n### 甲\n\n## 二\n\n正文\n\n### 乙\n')).toEqual(['h2 二', '正文']);
    expect(headings('## 一\n\n### 甲\n\n内容\n\n## 二\n')).toEqual(['h2 一', 'h3 甲', '内容']);
  });
});

describe('plain text of a node', () => {
  it('is its value, or its children’s text, or nothing', () => {
    expect(plainText({ type: 'text', value: '甲' })).toBe('甲');
    expect(
      plainText({
        type: 'emphasis',
        children: [
          { type: 'text', value: '甲' },
          { type: 'strong', children: [{ type: 'text', value: '乙' }] },
        ],
      }),
    ).toBe('甲乙');
    expect(plainText({ type: 'break' })).toBe('');
    expect(plainText(null)).toBe('');
    expect(plainText(undefined)).toBe('');
    expect(plainText('甲')).toBe('');
  });
});
