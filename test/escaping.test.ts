import { describe, expect, it } from 'vitest';
import { compileYaml, htmlText, MINIMAL } from './helpers.js';
import { parseMarkdown } from '../src/markdown/index.js';

const NASTY = ['**加粗**', '# 不是标题', '<script>alert(1)</script>', '{{x}}', '1. 不是列表', '[链接](http://x)', '`代码`', '&amp;', '_下划线_', '| 表 |'];

describe('data values are text, never markup or template code', () => {
  it.each(NASTY)('%s comes out literally in Markdown and HTML', async (value) => {
    const yaml = `${MINIMAL}
achievements:
  leadership:
    heading: ${JSON.stringify(`标题${value}`)}
    text: ${JSON.stringify(`正文${value}结束`)}
    items:
      - heading: ${JSON.stringify(value)}
        text: 说明
`;
    const r = await compileYaml(yaml);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = htmlText(r.html);
    expect(text).toContain(`标题${value}`);
    expect(text).toContain(`正文${value}结束`);
    expect(r.html).not.toContain('<script>');
    // Parsing the Markdown output gives back the literal characters as text.
    const tree = parseMarkdown(r.md);
    const plain = JSON.stringify(tree);
    expect(plain).toContain(JSON.stringify(`正文${value}结束`).slice(1, -1));
    expect(r.md).not.toMatch(/^# 不是标题/m);
  });

  it('keeps a township name with markup characters literal in the title and signature', async () => {
    const r = await compileYaml(MINIMAL.replace('name: 测试乡', 'name: "*星*乡<b>"'));
    expect(htmlText(r.html)).toContain('*星*乡<b>人民政府2025年法治政府建设年度报告');
    expect(r.html).not.toContain('<b>');
    const tree = parseMarkdown(r.md);
    expect(JSON.stringify(tree)).toContain('*星*乡<b>人民政府2025年');
  });

  it('keeps the backslashes of a title the data file gives', async () => {
    const r = await compileYaml(`${MINIMAL}title: 'C:\\报告\\*标题\\'\n`);
    expect(r.summary?.title).toBe('C:\\报告\\*标题\\');
    expect(htmlText(r.html)).toContain('C:\\报告\\*标题\\');
    expect(JSON.stringify(parseMarkdown(r.md))).toContain(JSON.stringify('C:\\报告\\*标题\\'));
  });
});
