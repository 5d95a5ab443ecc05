// @ts-nocheck
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { numberHeadings, parseMarkdown, plainText, pruneEmptySections } from '../src/markdown/index.js';

/** The blocks of some Markdown after numbering, as plain text lines. */
function numbered(md: string, runIn: number[] = [], runInSeparator = '。'): string[] {
  const nodes = parseMarkdown(md).children as RootContent[];
  numberHeadings(nodes, { runIn, runInSeparator });
  return nodes.map((n) => `${n.type === 'heading' ? `h${n.depth} ` : ''}${plainText(n)}`);
}

describe('heading numbers', () => {
  it('numbers each level the Chinese way and restarts the levels below', () => {
    const md = ['# 标题', '## 甲', '### 子', '#### 条', '##### 款', '##### 款', '#### 条', '### 子', '#### 条', '## 乙', '### 子', '###### 六级'].join('\n\n');
    expect(numbered(md)).toEqual(['h1 标题', 'h2 一、甲', 'h3 （一）子', 'h4 1.条', 'h5 （1）款', 'h5 （2）款', 'h4 2.条', 'h3 （二）子', 'h4 1.条', 'h2 二、乙', 'h3 （一）子', 'h6 六级']);
  });

  it('counts past ten in Chinese', () => {
    const md = Array.from({ length: 12 }, (_, i) => `## 第${i + 1}`).join('\n\n');
    expect(numbered(md).slice(9)).toEqual(['h2 十、第10', 'h2 十一、第11', 'h2 十二、第12']);
  });

  it('runs a heading of a run-in level into the paragraph after it, with the separator unless it ends in punctuation', () => {
    const md = ['### 健全统筹机制', '全年召开会议5次。', '### 细化责任传导：', '层层压实责任。', '### 末尾没有段落', '## 下一部分'].join('\n\n');
    expect(numbered(md, [2])).toEqual(['（一）健全统筹机制。全年召开会议5次。', '（二）细化责任传导：层层压实责任。', 'h3 （三）末尾没有段落', 'h2 一、下一部分']);
    expect(numbered('### 甲\n\n正文。', [2], '：')).toEqual(['（一）甲：正文。']);
    for (const end of ['。', '：', ':', '！', '？', '；']) expect(numbered(`### 甲${end}\n\n正文。`, [2])).toEqual([`（一）甲${end}正文。`]);
  });
});

describe('empty sections', () => {
  it('are removed: a heading followed by nothing, or by a heading of the same or a higher level', () => {
    const nodes = parseMarkdown(['## 甲', '### 空', '### 有', '内容', '## 空部分', '## 乙', '#### 深', '正文', '## 末'].join('\n\n')).children as RootContent[];
    expect(pruneEmptySections(nodes).map((n) => plainText(n))).toEqual(['甲', '有', '内容', '乙', '深', '正文']);
  });
});
