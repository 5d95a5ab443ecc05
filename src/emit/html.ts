/**
 * Standalone HTML: one file, inline CSS, nothing fetched; reads like an
 * official document on screen and prints on the layout's paper with its
 * margins (A4 with GB/T 9704 margins by default).
 */
import { t } from '../i18n/index.js';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast, type Handler } from 'mdast-util-to-hast';
import { diagnostic, nodeName, type Diagnostic } from '../diagnostics/index.js';
import { plainText, roleOf } from '../markdown/index.js';
import { linePitch, type Layout } from '../render/layout.js';
import { signatureLayout } from './signature.js';
import { titleCharsPerLine, titleLines } from './title.js';

export interface HtmlResult {
  html: string;
  diagnostics: Diagnostic[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A font name as a CSS string: quotes and backslashes escaped, no line breaks, and nothing that could close the style element. */
const cssString = (f: string) => `"${f.replace(CONTROL, '').replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ')}"`;

/** A CSS font stack, each font once: a configured font may also be one of the fallbacks. */
const stack = (first: string, ...rest: string[]) => [...new Set([first, ...rest])].map((f) => (/^[a-z-]+$/.test(f) ? f : cssString(f))).join(', ');

/** A length for CSS: at most two decimals, none when whole (37, 148.02). */
const num = (v: number) => String(Math.round(v * 100) / 100);

/** The page as CSS: A4 by its name, any other size in millimetres. */
const pageSize = (layout: Layout) => (layout.page_width === 210 && layout.page_height === 297 ? 'A4' : `${num(layout.page_width)}mm ${num(layout.page_height)}mm`);

/** A heading level's font size, when it differs from the body's (in GB/T 9704 they are all 3号). */
const sizeUnlessBody = (size: number, layout: Layout) => (size === layout.body_size ? '' : ` font-size: ${num(size)}pt;`);

/** A standalone HTML page of the report tree in the layout, and warnings for what it cannot show. */
export function emitHtml(tree: Root, layout: Layout, file: string): HtmlResult {
  const diagnostics: Diagnostic[] = [];
  const unknownHandler: Handler = (_state, node) => {
    diagnostics.push(
      diagnostic(file, {
        ruleId: 'markdown/unknown-node',
        reason: t('emit.unknown-node', { format: 'HTML', node: nodeName(node.type) }),
      }),
    );
    return { type: 'text', value: plainText(node) };
  };
  const hast = toHast(tree, { unknownHandler }) as HastRoot;
  const title = plainText(tree.children.find((n) => roleOf(n) === 'title'));
  const issuer = plainText(tree.children.find((n) => roleOf(n) === 'signature-issuer'));
  const date = plainText(tree.children.find((n) => roleOf(n) === 'signature-date'));
  const sealed = Boolean((tree.data as { sealed?: boolean } | undefined)?.sealed);
  const sig = signatureLayout(issuer, date, sealed);

  for (const node of hast.children) {
    if (node.type === 'element' && node.tagName === 'h1') {
      const lines = titleLines(title, titleCharsPerLine(layout));
      node.children = lines.flatMap((l, i): ElementContent[] =>
        i === 0
          ? [{ type: 'text', value: l }]
          : [
              { type: 'element', tagName: 'br', properties: {}, children: [] },
              { type: 'text', value: l },
            ],
      );
    }
  }
  const article: Element = {
    type: 'element',
    tagName: 'article',
    properties: { className: ['document'] },
    children: hast.children as ElementContent[],
  };
  const fonts = {
    body: stack(layout.body_font, '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'),
    title: stack(layout.title_font, '方正小标宋_GBK', '小标宋', 'Noto Serif CJK SC', 'SimSun', 'serif'),
    h1: stack(layout.heading1_font, '黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'sans-serif'),
    h2: stack(layout.heading2_font, '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'),
    h3: stack(layout.heading3_font, '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'),
    latin: stack(layout.latin_font),
    page: stack(layout.page_number_font, '宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'),
  };
  const line = `${num(linePitch(layout))}pt`;
  const margins = `${num(layout.margin_top)}mm ${num(layout.margin_right)}mm ${num(layout.margin_bottom)}mm ${num(layout.margin_left)}mm`;
  const body = `${num(layout.body_size)}pt`;
  const css = `
@page { size: ${pageSize(layout)}; margin: ${margins}; }
${
  layout.page_numbers === 'none'
    ? ''
    : layout.page_numbers === 'center'
      ? `@page { @bottom-center { content: "— " counter(page) " —"; font: 14pt ${fonts.page}; } }`
      : layout.page_numbers === 'right'
        ? `@page { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${fonts.page}; margin-right: 1em; } }`
        : layout.page_numbers === 'left'
          ? `@page { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${fonts.page}; margin-left: 1em; } }`
          : `@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${fonts.page}; margin-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${fonts.page}; margin-left: 1em; } }`
}
:root { color-scheme: light; }
html { background: #e9e9e6; }
body { margin: 0; padding: 24px 0; }
.document {
  box-sizing: border-box; width: ${num(layout.page_width)}mm; min-height: ${num(layout.page_height)}mm; margin: 0 auto; padding: ${margins};
  background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0,0,0,.25);
  font-family: ${fonts.latin}, ${fonts.body}; font-size: ${body}; line-height: ${line};
  text-align: justify; text-justify: inter-character; font-kerning: none;
}
.document p { margin: 0; text-indent: 2em; }
.document h1, .document h2, .document h3, .document h4, .document h5 { font-size: ${body}; font-weight: normal; line-height: ${line}; margin: 0; text-indent: 2em; }
.document h1.title {
  font-family: ${fonts.title}; font-size: ${num(layout.title_size)}pt; line-height: 1.45; font-weight: bold; text-align: center; text-indent: 0;
  text-wrap: balance; margin: 0 0 ${line};
}
.document p.doc-number { text-align: center; text-indent: 0; margin-bottom: ${line}; }
.document p.recipient { text-indent: 0; }
.document h2 { font-family: ${fonts.latin}, ${fonts.h1};${sizeUnlessBody(layout.heading1_size, layout)} }
.document h3 { font-family: ${fonts.latin}, ${fonts.h2};${sizeUnlessBody(layout.heading2_size, layout)} }
.document h4, .document h5 { font-family: ${fonts.latin}, ${fonts.h3}; ${layout.heading3_bold ? 'font-weight: bold;' : ''}${sizeUnlessBody(layout.heading3_size, layout)} }
.document .run-in { font-weight: normal; }
.document .run-in.level-1 { font-family: ${fonts.latin}, ${fonts.h1}; }
.document .run-in.level-2 { font-family: ${fonts.latin}, ${fonts.h2}; }
.document .run-in.level-3 { font-family: ${fonts.latin}, ${fonts.h3}; ${layout.heading3_bold ? 'font-weight: bold;' : ''} }
.document strong { font-weight: bold; }
.document ul, .document ol { margin: 0; padding-left: 4em; }
.document li p { text-indent: 0; }
.document blockquote { margin: 0 2em; }
.document table { border-collapse: collapse; margin: 0 auto; font-size: ${num(Math.min(14, layout.body_size))}pt; line-height: 1.5; }
.document th, .document td { border: 1px solid #000; padding: 2pt 6pt; text-indent: 0; text-align: center; }
.document p.signature-issuer { margin-top: ${line}; text-align: right; text-indent: 0; padding-right: ${sig.issuerRight}em; }
.document p.signature-date { text-align: right; text-indent: 0; padding-right: ${sig.dateRight}em; }
@media print {
  html { background: none; }
  body { padding: 0; }
  .document { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`
    .replace(/\n{2,}/g, '\n')
    .trim();

  const doc: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang: 'zh-CN' },
        children: [
          {
            type: 'element',
            tagName: 'head',
            properties: {},
            children: [
              { type: 'element', tagName: 'meta', properties: { charset: 'utf-8' }, children: [] },
              { type: 'element', tagName: 'meta', properties: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, children: [] },
              { type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: title }] },
              { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: css }] },
            ],
          },
          { type: 'element', tagName: 'body', properties: {}, children: [article] },
        ],
      },
    ],
  };
  // hast-util-to-html's defaults: raw HTML dropped, characters escaped by number (&#x3C;), never by name.
  const html = `${toHtml(doc, { upperDoctype: true })}\n`;
  return { html, diagnostics };
}
