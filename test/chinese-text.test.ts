import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral } from '../src/render/chinese.js';
import { isCjk, joinLines, markdownEscape, markdownParagraphs } from '../src/render/escape.js';

describe('Chinese numerals and dates', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [23, '二十三'],
    [90, '九十'],
    [99, '九十九'],
    [100, '100'],
    [-1, '-1'],
    [1.5, '1.5'],
    [12.5, '12.5'],
    [-15, '-15'],
  ])('%s → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([
    ['2026-02-05', '2026年2月5日'],
    ['2026-12-31', '2026年12月31日'],
    ['2026-1-5', '2026年1月5日'],
    ['2026年2月5日', '2026年2月5日'],
    ['2026-02-05x', '2026-02-05x'],
    ['x2026-02-05', 'x2026-02-05'],
  ])('%s → %s', (iso, text) => {
    expect(chineseDate(iso)).toBe(text);
  });
});

describe('data text into Markdown', () => {
  it('escapes every ASCII punctuation mark and nothing else', () => {
    const punct = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(markdownEscape(punct)).toBe([...punct].map((c) => `\\${c}`).join(''));
    expect(markdownEscape('金坪乡 2025 abc，。（）')).toBe('金坪乡 2025 abc，。（）');
  });

  it('makes one line of a value: line ends of any kind and the spaces around them become one space', () => {
    expect(markdownEscape('  a \r\n  b\rc\n\nd  ')).toBe('a b c d');
  });

  it('splits paragraphs on blank lines, also ones holding spaces, tabs or U+3000', () => {
    expect(markdownParagraphs('第一段。\n\n第二段。\n \t\u3000\n第三段。\r\n\r\n第四段。')).toEqual(['第一段。', '第二段。', '第三段。', '第四段。']);
    // Lines ended by a lone CR (old Mac files, some copies from Word) too.
    expect(markdownParagraphs('第一段。\r\r第二段。')).toEqual(['第一段。', '第二段。']);
    expect(markdownParagraphs('\n\n')).toEqual([]);
    expect(markdownParagraphs('*强调*')).toEqual(['\\*强调\\*']);
  });

  it('joins the lines of a paragraph with no space between Chinese, a space between Latin words', () => {
    expect(joinLines('一是健全\n统筹机制。')).toBe('一是健全统筹机制。');
    expect(joinLines('word\nnext')).toBe('word next');
    expect(joinLines('共计\n63件')).toBe('共计63件');
    expect(joinLines('63\n件')).toBe('63件');
    expect(joinLines('a\n\nb')).toBe('a b');
    expect(joinLines('  \n  a  \n  ')).toBe('a');
    // YAML's folded blocks leave spaces between Chinese characters; they go, other spaces stay.
    expect(joinLines('健全 统筹 机制 and more')).toBe('健全统筹机制 and more');
    expect(joinLines('“依法” 治理 — 全面')).toBe('“依法”治理—全面');
  });

  it('knows Chinese characters and full-width punctuation', () => {
    for (const ch of ['金', '，', '。', '（', '“', '”', '—', '…', '·', '\u3000', '〔']) expect(isCjk(ch), ch).toBe(true);
    for (const ch of ['a', '1', ',', '.', ' ', '(']) expect(isCjk(ch), ch).toBe(false);
  });
});
