// The quick paths of the Markdown stage. parseRendered, the quick parse of a rendered report: the
// same tree as the Markdown parser gives, whatever the text, with plain paragraphs put in without
// being parsed. stringifyMarkdown's text handler: the same Markdown as remark-stringify's own.
import fc from 'fast-check';
import type { Node } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parseMarkdown, parseRendered, plainBlock, plainParagraph, STRINGIFY_OPTIONS, stringifyMarkdown } from '../src/markdown/index.js';
import { markdownEscape } from '../src/render/escape.js';
import { readdirSync } from 'node:fs';
import { example, EXAMPLES } from './helpers.js';

/** A tree without source positions (parseRendered keeps none; buildTree drops them). */
function bare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(bare);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== 'position')
      .map(([k, v]) => [k, bare(v)]),
  );
}

function same(text: string): void {
  expect(bare(parseRendered(text))).toEqual(bare(parseMarkdown(text)));
}

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('法', '治', '。', '，', '：', '１', '2', '5', '%', '.', '年', ' ', 'a', 'w', 'h', '\u3000', '\uE001', '\uE002') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '*',
      '_',
      '#',
      '<',
      '>',
      '&',
      '!',
      '[',
      ']',
      '(',
      ')',
      '|',
      '~',
      '`',
      '\\',
      '-',
      '+',
      '=',
      '@',
      ':',
      '\t',
      '\n',
      '\r',
      '\u0000',
      'www.',
      'http://',
      '1.',
      '1)',
      '&amp;',
      '<pre>',
      '<!--',
      '```',
      '    ',
      '&#xE002;',
      '&#57346;',
      '&#x3000;',
      '\uFEFF',
      '\u2028',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
);
const raw = fc.string({ unit, maxLength: 30 });
/** Blocks as templates write them, as data values come out escaped, and anything at all. */
const block = fc.oneof(
  { weight: 3, arbitrary: raw.map(markdownEscape) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', '  ', '\t', ''), raw).map(([n, space, r]) => `${'#'.repeat(n)}${space}${n % 2 ? markdownEscape(r) : r}`) },
  { weight: 2, arbitrary: raw },
  // A bold run-in title, as templates write numbered items: the title ends in every kind of character.
  {
    weight: 2,
    arbitrary: fc
      .tuple(raw, fc.constantFrom('。', '：', '）', '”', '.', ')', '%', '…', '—', '、', '！', 'a', '1', '乡', ' ', '\u3000', '\u303f', '\u303e', '\ufe0f', '😀', '\\', ''), raw, fc.boolean())
      .map(([title, end, rest, escaped]) => (escaped ? `**${markdownEscape(title)}${end}**${markdownEscape(rest)}` : `**${title}${end}**${rest}`)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '## 主要举措',
      '### （一）强化领导\uE001',
      '- 一\n- 二',
      '1. 甲\n2. 乙',
      '```',
      '```\n代码',
      '<pre>',
      '<!-- 注',
      '-->',
      '> 引文',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '[x]: http://a',
      '    缩进',
      '===',
      '---',
      '  - 续',
      '\n',
      '',
    ),
  },
);
/** Lines of one block: headings under paragraphs, as section templates write them, and anything else. */
const lines = fc
  .array(
    fc.oneof(
      raw.map(markdownEscape),
      raw.map((r) => `### ${markdownEscape(r)}`),
      fc.tuple(fc.integer({ min: 1, max: 7 }), raw).map(([n, r]) => `${'#'.repeat(n)} ${r}`),
      fc.constantFrom('===', '---', '- 项', '> 引', '    码', '', ' ', '**甲。**乙'),
      raw,
    ),
    { minLength: 2, maxLength: 5 },
  )
  .map((ls) => ls.join('\n'));
const document = fc.array(fc.oneof({ weight: 4, arbitrary: block }, { weight: 1, arbitrary: lines }), { maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('parseRendered', () => {
  it('gives the tree the parser gives, for any text', () => {
    fc.assert(
      fc.property(document, (text) => {
        same(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same tree for the examples’ paragraphs between headings and lists', () => {
    for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'))) {
      const lines = example(name)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 20);
      same(lines.map((l, i) => (i % 5 === 0 ? `## ${markdownEscape(l)}` : i % 7 === 0 ? `- ${markdownEscape(l)}` : markdownEscape(l))).join('\n\n'));
    }
  });

  it('puts plain paragraphs and headings in without parsing them, and parses the rest', () => {
    const tree = parseRendered('## 标题\n\n- 一\n- 二\n\n全年开展检查162次，罚没5\\.7万余元，化解率96\\.5\\%。');
    expect(tree.children.map((n: Node) => n.type)).toEqual(['heading', 'list', 'paragraph']);
    // The parser gives every node its position; a node put in has none.
    expect(tree.children.map((n: Node) => n.position !== undefined)).toEqual([false, true, false]);
    expect(bare(tree.children[0])).toEqual({ type: 'heading', depth: 2, children: [{ type: 'text', value: '标题' }] });
    expect(bare(tree.children[2])).toEqual({ type: 'paragraph', children: [{ type: 'text', value: '全年开展检查162次，罚没5.7万余元，化解率96.5%。' }] });
  });

  it.each([
    ['a heading under a paragraph', '全年开展检查162次。\n### （二）规范执法', ['paragraph', 'heading']],
    ['a paragraph under a heading', '### （二）规范执法\n全年开展检查162次。', ['heading', 'paragraph']],
    ['headings and paragraphs in turn', '甲。\n## 一\n乙。\n### （一）二\n丙。', ['paragraph', 'heading', 'paragraph', 'heading', 'paragraph']],
    ['paragraphs apart by an odd number of empty lines', '甲。\n\n\n乙。\n\n\n丙。', ['paragraph', 'paragraph', 'paragraph']],
    ['a heading and a paragraph apart by an empty section (four line breaks)', '## 一\n\n\n\n正文。', ['heading', 'paragraph']],
    ['paragraphs apart by five, six and seven line breaks', '甲。\n\n\n\n\n乙。\n\n\n\n\n\n丙。\n\n\n\n\n\n\n丁。', ['paragraph', 'paragraph', 'paragraph', 'paragraph']],
    ['blank lines before the first block and after the last', '\n\n\n\n甲。\n\n\n\n', ['paragraph']],
  ])('puts in %s without parsing', (_, text, types) => {
    const tree = parseRendered(text);
    // A tree from the parser has a position, the root's included.
    expect(tree.position).toBeUndefined();
    expect(tree.children.map((n: Node) => [n.type, n.position === undefined])).toEqual(types.map((t) => [t, true]));
    same(text);
  });

  it.each([
    ['two paragraph lines (one paragraph)', '甲。\n乙。'],
    ['a line under a paragraph that makes it a heading', '甲。\n==='],
    ['a list item under a paragraph', '甲。\n- 项'],
    ['a line of spaces between paragraphs', '甲。\n  \n乙。'],
    ['blank lines between a list and an indented line (which stays in the list)', '1. 甲\n2. 乙\n\n\n\n\n    缩进'],
    ['blank lines in a fenced code block between plain lines', '```\n甲\n\n\n\n乙\n```'],
  ])('parses %s', (_, text) => {
    expect(parseRendered(text).children.every((n: Node) => n.position !== undefined)).toBe(true);
    same(text);
  });

  it('parses nothing when every block is plain', () => {
    const tree = parseRendered('## 一\n\n正文。\n\n### （一）二');
    expect(tree.children.every((n: Node) => n.position === undefined)).toBe(true);
    same('## 一\n\n正文。\n\n### （一）二');
  });

  it.each([
    ['**1.矛盾纠纷排查。**坚持和发展新时代“枫桥经验”。', '1.矛盾纠纷排查。', '坚持和发展新时代“枫桥经验”。'],
    ['**（一）强化领导**全年开展检查162次，罚没5\\.7万余元。', '（一）强化领导', '全年开展检查162次，罚没5.7万余元。'],
    ['**一是学法：**', '一是学法：', undefined],
  ])('puts in the run-in title of %s without parsing it', (block, title, rest) => {
    const node = plainBlock(block);
    expect(node).toEqual({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }, ...(rest ? [{ type: 'text', value: rest }] : [])] });
    same(block);
  });

  it.each([
    ['a title ending in punctuation that is not Chinese', '**1.排查.**坚持'],
    ['a title ending in a closing quote', '**“枫桥经验”**坚持'],
    ['a title ending in U+303F, which is not CJK to the parser', '**第一\u303f**2024年'],
    ['a title ending in a space', '**排查 **坚持'],
    ['a title starting with a space', '** 排查**坚持'],
    ['text after it starting with a space', '**排查** 坚持'],
    ['emphasis inside', '**排查_甲_**坚持'],
    ['a second bold part', '**排查**坚持**甲**'],
    ['a link after it', '**排查**见www.gov.cn'],
    ['a trailing space', '**排查**坚持 '],
  ])('leaves %s to the parser', (_, block) => {
    expect(plainBlock(block)).toBeUndefined();
    same(block);
  });

  it.each([
    ['# 一', 1],
    ['###### 六', 6],
  ])('reads %s as a heading of depth %i', (block, depth) => {
    expect(plainBlock(block)).toMatchObject({ type: 'heading', depth });
  });

  it.each(['####### 七', '##标题', '## ', '##  两个空格', '## 标题 ##', '##\t制表'])('leaves the heading-like %j to the parser', (block) => {
    expect(plainBlock(block)).toBeUndefined();
  });

  it.each([
    ['a character reference that reads as the slot', '&#xE002;0\n\n正文。'],
    ['the same, before a list', '&#57346;0\n\n- 一\n\n正文。'],
    ['a byte-order mark at the start', '\uFEFF全年开展检查162次。'],
    ['a byte-order mark before a list', '\uFEFF全年\n\n- 一'],
  ])('gives the parser’s tree for %s', (_, text) => {
    same(text);
  });

  it('keeps blank lines next to what is parsed, where they may belong to it', () => {
    // Between a plain paragraph and a list, and inside a fenced code block whose lines look plain.
    for (const text of ['甲。\n\n\n\n- 一\n\n\n\n乙。', '```\n\n甲\n\n\n\n乙\n\n```', '- 一\n\n\n\n\n\n    缩进\n\n甲。']) same(text);
  });

  it('gives the parser’s tree for blocks of any kind with any number of blank lines between them', () => {
    const block = fc.constantFrom('甲。', '## 一', '**1.排查。**坚持', '- 一', '1. 甲', '```', '    缩进', '> 引', '<!--', '-->', '===', '|a|b|\n|-|-|', '');
    const gap = fc.constantFrom('\n\n', '\n\n\n', '\n\n\n\n', '\n\n\n\n\n', '\n\n\n\n\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(block, gap), { maxLength: 12 }), (parts) => {
        same(parts.map(([b, g]) => b + g).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses the whole text when a paragraph turns out to be inside something else', () => {
    // Inside a fenced code block the line is code, not a paragraph.
    const text = '```\n\n全年开展检查162次。\n\n```';
    expect(parseRendered(text).children.map((n: Node) => n.type)).toEqual(['code']);
    same(text);
  });

  it.each([
    ['全年开展检查162次。', '全年开展检查162次。'],
    ['5\\.7万余元，100\\%', '5.7万余元，100%'],
    ['1\\. 不是列表', '1. 不是列表'],
    ['\\# 不是标题', '# 不是标题'],
  ])('reads %s as the plain paragraph %s', (block, value) => {
    expect(plainParagraph(block)).toBe(value);
  });

  it.each([
    '## 标题',
    '- 项',
    '1. 项',
    '2) 项',
    '> 引',
    '    码',
    '*强调*',
    '甲**乙**',
    '`码`',
    '[链接](a)',
    '<b>',
    '&amp;',
    'www.example.com',
    '见http://a.b',
    'a@b.cn',
    '甲  ',
    '甲\n乙',
    '甲\\',
    '===',
    '~~删~~',
    '甲|乙',
    '',
  ])('leaves %j to the parser', (block) => {
    expect(plainParagraph(block)).toBeUndefined();
  });
});

describe('stringifyMarkdown', () => {
  // remark-stringify as it is, every text through its escaping rules.
  const plain = unified().use(remarkGfm).use(remarkCjkFriendly).use(remarkStringify, STRINGIFY_OPTIONS);
  const both = (tree: Root) => expect(stringifyMarkdown(tree)).toBe(plain.stringify(tree));
  /** Text nodes holding any of the characters, as a data value gives them, in headings, paragraphs, emphasis, links and lists. */
  const tree = fc
    .array(
      fc.tuple(fc.constantFrom('paragraph', 'heading', 'strong', 'emphasis', 'link', 'list', 'table'), raw, raw).map(([kind, a, b]): Root['children'][number] => {
        const text = (value: string) => ({ type: 'text' as const, value });
        if (kind === 'heading') return { type: 'heading', depth: 2, children: [text(a)] };
        if (kind === 'strong' || kind === 'emphasis') return { type: 'paragraph', children: [text(a), { type: kind, children: [text(b)] }, text(a)] };
        if (kind === 'link') return { type: 'paragraph', children: [text(a), { type: 'link', url: `http://${b}`, children: [text(b)] }] };
        if (kind === 'list') return { type: 'list', ordered: true, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [text(a)] }] }] };
        if (kind === 'table')
          return {
            type: 'table',
            children: [
              {
                type: 'tableRow',
                children: [
                  { type: 'tableCell', children: [text(a)] },
                  { type: 'tableCell', children: [text(b)] },
                ],
              },
            ],
          };
        return { type: 'paragraph', children: [text(a), text(b)] };
      }),
      { maxLength: 6 },
    )
    .map((children): Root => ({ type: 'root', children }));

  it('writes any text as remark-stringify does, escaping where it escapes', () => {
    fc.assert(
      fc.property(tree, (t) => {
        both(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes any parsed document as remark-stringify does (autolinks, code, HTML and references among them)', () => {
    fc.assert(
      fc.property(document, (text) => {
        both(parseMarkdown(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a text with nothing to escape', '全年开展检查162次，化解率96%以上。', '全年开展检查162次，化解率96%以上。\n'],
    ['a full stop after a number at the start', '1. 不是列表', '1\\. 不是列表\n'],
    ['an asterisk', '甲*乙', '甲\\*乙\n'],
    ['a backslash before punctuation', 'a\\*', 'a\\\\\\*\n'],
    ['a space at the end', '甲 ', '甲&#x20;\n'],
  ])('%s', (_, value, markdown) => {
    const t: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
    expect(stringifyMarkdown(t)).toBe(markdown);
    both(t);
  });

  it.each([
    ['http://a.cn/甲', 'http://a.cn/甲', '<http://a.cn/甲>\n'],
    ['mailto:ab@cn', 'ab@cn', '<ab@cn>\n'],
    ['mailto:a b@cn', 'a b@cn', '[a b@cn](<mailto:a b@cn>)\n'],
  ])('writes the link to %s as the default does', (url, value, markdown) => {
    const t: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value }] }] }] };
    expect(stringifyMarkdown(t)).toBe(markdown);
    both(t);
  });
});
