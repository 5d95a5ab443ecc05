// The HTML page's style as a layout makes it (fonts, heading sizes), and what the HTML writer does
// with a node it has no handler for. test/html.test.ts looks at the page in a browser.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { emitHtml } from '../src/emit/html.js';
import type { Layout } from '../src/render/layout.js';
import { parseMarkdown } from '../src/markdown/index.js';
import { standardPack } from './helpers.js';

const standard = standardPack().meta.layout;
/** The style element's text of the page a layout makes of a small report. */
function css(layout: Partial<Layout>): string {
  const { html } = emitHtml(parseMarkdown('# 标题\n\n## 一、部分\n\n### （一）小节\n\n#### 1.条目\n\n正文。\n'), { ...standard, ...layout }, 't.yaml');
  return /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
}
const rule = (style: string, selector: string) => new RegExp(`^${selector.replace(/[.*]/g, '\\$&')} \\{([^}]*)\\}`, 'm').exec(style)?.[1] ?? '';

describe('the HTML page’s fonts', () => {
  it('quotes every configured font but a CSS generic name, even one that starts like one', () => {
    const style = css({ body_font: 'serif', heading1_font: 'x;color:red', heading2_font: 'kaiti"b', latin_font: 'times new roman' });
    expect(rule(style, '.document h2')).toContain('font-family: "times new roman", "x;color:red", "黑体"');
    expect(rule(style, '.document h3')).toContain('"kaiti\\"b", "楷体"');
    // Control characters (a line break would end the string) are left out; a < cannot close the style element.
    const odd = css({ heading1_font: 'fang\u0000song\n体', heading2_font: '</style>楷' });
    expect(rule(odd, '.document h2')).toContain('"fangsong体", "黑体"');
    expect(rule(odd, '.document h3')).toContain('"\\3c /style>楷", "楷体"');
    // A generic family named as the body font stands bare, and once.
    expect(rule(style, '.document')).toMatch(/font-family: "times new roman", serif, "仿宋", [^;]*"Noto Serif CJK SC";/);
  });
});

describe('the HTML page’s heading sizes', () => {
  it('gives a heading level its own size only when it differs from the body’s', () => {
    const same = css({ body_size: 16, heading1_size: 16, heading2_size: 16, heading3_size: 16 });
    for (const h of ['.document h2', '.document h3', '.document h4, .document h5']) expect(rule(same, h), h).not.toContain('font-size');
    const own = css({ body_size: 16, heading1_size: 18, heading2_size: 17.5, heading3_size: 15 });
    expect(rule(own, '.document h2')).toContain('font-size: 18pt;');
    expect(rule(own, '.document h3')).toContain('font-size: 17.5pt;');
    expect(rule(own, '.document h4, .document h5')).toContain('font-size: 15pt;');
  });
});

describe('a node the HTML writer has no handler for', () => {
  it('is written as its text, with a warning that names it', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '前文' },
            { type: 'mystery', value: '神秘节点' },
          ],
        },
      ],
    } as unknown as Root;
    const { html, diagnostics } = emitHtml(tree, standard, 't.yaml');
    expect(html).toContain('<p>前文神秘节点</p>');
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.severity])).toEqual([['markdown/unknown-node', 't.yaml', 'warning']]);
    expect(diagnostics[0]!.reason).toContain('HTML');
    expect(diagnostics[0]!.reason).toContain('mystery');
  });
});
