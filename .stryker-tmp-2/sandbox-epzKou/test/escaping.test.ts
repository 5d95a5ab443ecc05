// @ts-nocheck
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { compileYaml, htmlText, MINIMAL } from './helpers.js';
import { parseMarkdown, plainText } from '../src/markdown/index.js';
import { docxParagraphs, parseXml } from './xml.js';

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

const LONG = `很长的文字${'法治政府建设*_`<&>'.repeat(25)}结束`;

/** Values that mean something to Markdown, HTML, XML or Handlebars, and one very long one. */
const TRICKY = [
  '**加粗**',
  '*星号*',
  '_下划线_',
  '~~删除线~~',
  '# 不是标题',
  '1. 不是列表',
  '- 不是列表',
  '> 不是引用',
  '---',
  '| 表 | 格 |',
  '<b>标签</b><script>alert(1)</script>',
  '<!-- 注释 -->',
  '&amp; & &lt; &#x41;',
  '{{x}} {{{y}}} {{> items}}',
  '"双引号" \'单引号\'',
  '`代码` ```',
  '[链接](http://x) ![图](y.png) [^1]',
  'C:\\路径\\*不是转义\\',
  LONG,
];

/**
 * Every text field of the data file that reaches an output, as a data file with the value `v`
 * in each field, marked with the field's number so that each can be found. With `defaults`,
 * the title, government and opening are left out so that the township's name and county
 * appear where the template writes them in their place.
 */
function everyTextField(v: string, defaults: boolean) {
  const fields: string[] = [];
  const f = (path: string) => {
    fields.push(path);
    return `${v}〔${fields.length}〕`;
  };
  const area = (name: string) => ({
    heading: f(`achievements.${name}.heading`),
    text: f(`achievements.${name}.text`),
    items: [{ heading: f(`achievements.${name}.items[0].heading`), text: f(`achievements.${name}.items[0].text`) }],
  });
  const data = {
    township: {
      name: f('township.name'),
      kind: '乡',
      ...(defaults ? {} : { government: f('township.government') }),
      // The county is written only in the standard opening.
      county: defaults ? f('township.county') : '某某县',
    },
    year: 2025,
    date: '2026-02-05',
    ...(defaults ? {} : { title: f('title'), opening: f('opening') }),
    recipient: f('recipient'),
    doc_number: f('doc_number'),
    closing: f('closing'),
    achievements: {
      intro: f('achievements.intro'),
      leadership: area('leadership'),
      decisions: area('decisions'),
      enforcement: { ...area('enforcement'), licences: { items: { [f('achievements.enforcement.licences.items')]: 3 } } },
      legal_education: area('legal_education'),
      disputes: area('disputes'),
      services: area('services'),
      special_groups: { ...area('special_groups'), managed: { items: { [f('achievements.special_groups.managed.items')]: 4 } } },
      more: [
        {
          heading: f('achievements.more[0].heading'),
          text: f('achievements.more[0].text'),
          items: [{ heading: f('achievements.more[0].items[0].heading'), text: f('achievements.more[0].items[0].text') }],
        },
      ],
    },
    shortcomings: [{ problem: f('shortcomings[0].problem'), text: f('shortcomings[0].text') }],
    causes: [{ heading: f('causes[0].heading'), text: f('causes[0].text') }],
    responsibility: {
      intro: f('responsibility.intro'),
      party_secretary: { text: f('responsibility.party_secretary.text') },
      head: { text: f('responsibility.head.text') },
    },
    plans: { intro: f('plans.intro'), items: [{ heading: f('plans.items[0].heading'), text: f('plans.items[0].text') }] },
    other: f('other'),
  };
  return { yaml: stringifyYaml(data), fields };
}

/** What a report says in each format, as text, and the shape of its markup without the text. */
async function outputs(yaml: string) {
  const r = await compileYaml(yaml, ['md', 'html', 'docx']);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const md = parseMarkdown(r.md);
  const paragraphs = docxParagraphs(r.outputs.docx!);
  const docx = parseXml(strFromU8(unzipSync(r.outputs.docx!)['word/document.xml']!), 'word/document.xml');
  return {
    md: md.children.map((n) => plainText(n)).join('\n'),
    html: htmlText(r.html),
    // Title lines are broken with w:br; the text runs on across them.
    docx: paragraphs.map((p) => p.replaceAll('\n', '')).join('\n'),
    shape: {
      md: JSON.stringify(md, (k, v) => (k === 'position' || k === 'value' ? undefined : v)),
      html: [...r.html.matchAll(/<([a-z0-9]+)[^>]*>/g)].map((m) => m[0].replace(/ (style|content)="[^"]*"/g, '')).filter((t) => t !== '<br>'),
      docx: [...docx.getElementsByTagName('*')].map((e) => e.tagName).filter((t) => !['w:r', 'w:t', 'w:br'].includes(t)),
    },
  };
}

describe('every text field of the data file is text in every format', () => {
  it.each(TRICKY.flatMap((v) => [false, true].map((defaults) => [v === LONG ? `${v.slice(0, 30)}… (${v.length} characters)` : v, defaults, v] as const)))(
    '%s (title and opening left to the template: %s)',
    async (_, defaults, value) => {
      const { yaml, fields } = everyTextField(value, defaults);
      const out = await outputs(yaml);
      for (const [i, field] of fields.entries()) {
        const expected = `${value}〔${i + 1}〕`;
        expect(out.md, `${field} in Markdown`).toContain(expected);
        expect(out.html, `${field} in HTML`).toContain(expected);
        expect(out.docx, `${field} in DOCX`).toContain(expected);
      }
      // The same report with every ASCII punctuation mark of the value replaced by a letter is
      // marked up the same way: the value added no emphasis, link, heading, list, tag or run.
      const plain = await outputs(everyTextField(value.replace(/[!-/:-@[-`{-~]/g, 'x'), defaults).yaml);
      expect(out.shape.md).toBe(plain.shape.md);
      expect(out.shape.html).toEqual(plain.shape.html);
      expect(out.shape.docx).toEqual(plain.shape.docx);
    },
  );

  // GFM's autolink literals are found in the text itself, escaped or not, so a web or e-mail
  // address in the data may come out as a link; its text must still be whole and in place.
  it.each(['<http://auto.link>', 'https://example.com/a_b*c*', 'www.example.com', 'someone@example.com'])('%s keeps its text in every format', async (value) => {
    const { yaml, fields } = everyTextField(value, false);
    const out = await outputs(yaml);
    for (const [i, field] of fields.entries()) {
      const expected = `${value}〔${i + 1}〕`;
      expect(out.md, `${field} in Markdown`).toContain(expected);
      expect(out.html, `${field} in HTML`).toContain(expected);
      expect(out.docx, `${field} in DOCX`).toContain(expected);
    }
  });
});
