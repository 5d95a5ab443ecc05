/**
 * --reference-doc: a county's house style read from a document it made in Word or WPS, used for
 * every report in DOCX and HTML; what the document does not set stays GB/T 9704. The document is
 * untrusted: a file that is not one, or unpacks to gigabytes, is a clear message and exit 2.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { referenceDocLayout } from '../src/cli/build-command.js';
import { compile } from '../src/compile/index.js';
import { loadPack } from '../src/render/index.js';
import { layoutOverridesSchema } from '../src/render/layout.js';
import { ReferenceDocError, referenceLayout } from '../src/render/reference-doc.js';
import { parseXml, XmlError } from '../src/load/xml.js';
import { EXAMPLES, MINIMAL, ROOT, runCli, tempDir } from './helpers.js';
import { docxToPdf, officeTools } from './office.js';
import type { Document as XmlDocument } from '@xmldom/xmldom';
import { docxXmlParts, NS } from './xml.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A document made with the docx package: page size and margins in mm, the body's font and size in the document defaults. */
async function madeWithDocx(o: { width?: number; height?: number; margin?: number; font?: string; size?: number; footer?: boolean } = {}): Promise<Uint8Array> {
  const doc = new Document({
    styles: { default: { document: { run: { font: { eastAsia: o.font ?? '宋体', ascii: 'Times New Roman' }, size: (o.size ?? 15) * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(o.width ?? 210), height: twips(o.height ?? 297) },
            margin: { top: twips(o.margin ?? 30), bottom: twips(o.margin ?? 30), left: twips(o.margin ?? 30), right: twips(o.margin ?? 30) },
          },
        },
        ...(o.footer === false
          ? {}
          : { footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) } }),
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '某某县某某工作情况报告', size: 40, font: { eastAsia: '黑体' } })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体情况')] }),
          new Paragraph({ children: [new TextRun('今年以来，我县认真贯彻落实上级部署，各项工作稳步推进，取得了较好成效。')] }),
          new Paragraph({ children: [new TextRun('全年共开展培训十二次，参训人员一千余人次。')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A document in the shape Word itself saves: fonts from the theme in w:docDefaults, the Normal
 * style, a heading style used once, direct formatting on runs, a footer with a complex PAGE
 * field after two tabs (Word's “right” page number) or a WPS text box, and the section last.
 */
function wordShaped(o: { pgSz?: string; pgMar?: string; footer?: string; evenFooter?: string; settings?: string; body?: string; docDefaults?: string; normal?: string } = {}): Uint8Array {
  const docDefaults =
    o.docDefaults ??
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="28"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>';
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">${docDefaults}<w:latentStyles w:defLockedState="0" w:count="376"><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>${o.normal ?? ''}</w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="黑体" w:hAnsi="Times New Roman"/><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style></w:styles>`;
  const theme = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont><a:minorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游明朝"/><a:font script="Hans" typeface="仿宋"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;
  const body =
    o.body ??
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:eastAsia="方正小标宋简体"/><w:sz w:val="40"/></w:rPr><w:t>某某县二〇二五年工作报告</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、基本情况</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">今年以来，我县认真贯彻落实上级部署，</w:t></w:r><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>各项工作稳步推进。</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>全年共开展培训十二次，参训人员一千余人次。</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>表格里的小字不算正文，表格里的小字不算正文，表格里的小字不算正文</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  const refs = `${o.footer === undefined ? '' : '<w:footerReference w:type="default" r:id="rId8"/>'}${o.evenFooter === undefined ? '' : '<w:footerReference w:type="even" r:id="rId9"/>'}`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="${W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="w14 wp14"><w:body>${body}<w:sectPr w:rsidR="00A1">${refs}${o.pgSz ?? '<w:pgSz w:w="12240" w:h="15840"/>'}${o.pgMar ?? '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>'}<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(rels),
    'word/styles.xml': strToU8(styles),
    'word/theme/theme1.xml': strToU8(theme),
    'word/settings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W}">${o.settings ?? ''}</w:settings>`),
  };
  const footer = (inner: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}" ${NAMESPACES}>${inner}</w:ftr>`);
  if (o.footer !== undefined) files['word/footer1.xml'] = footer(o.footer);
  if (o.evenFooter !== undefined) files['word/footer2.xml'] = footer(o.evenFooter);
  return zipSync(files);
}

const NAMESPACES =
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';

/** A footer paragraph holding a complex PAGE field, with paragraph properties and what goes before the field. */
const pageField = (pPr = '', before = '') =>
  `<w:p><w:pPr><w:pStyle w:val="a5"/>${pPr}</w:pPr>${before}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
/** WPS's page number: a text box anchored at one side of the page, the number centred in it. */
const wpsTextBox = (align: string) =>
  `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251658240" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>${align}</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${pageField('<w:jc w:val="center"/>')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>`;

/** A report built with these options; the DOCX's document.xml and styles.xml parsed, and the HTML. */
async function built(dir: string, args: string[], env: Record<string, string> = {}) {
  const r = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--format', 'docx,html', ...args], dir, env);
  if (r.code !== 0) return { r };
  const parts = docxXmlParts(readFileSync(join(dir, 'out', 'jinping-2025.docx')));
  const html = readFileSync(join(dir, 'out', 'jinping-2025.html'), 'utf8');
  return { r, document: parts.get('word/document.xml')!, styles: parts.get('word/styles.xml')!, parts, html };
}

/** An attribute of the first element of this name. */
const wAttr = (doc: XmlDocument, name: string, attr: string) => doc.getElementsByTagNameNS(NS.w, name)[0]?.getAttributeNS(NS.w, attr) ?? undefined;

/** The run properties of the document defaults (the body's font and size). */
function defaults(styles: XmlDocument) {
  const rPr = styles.getElementsByTagNameNS(NS.w, 'rPrDefault')[0]!;
  const fonts = rPr.getElementsByTagNameNS(NS.w, 'rFonts')[0]!;
  return { size: rPr.getElementsByTagNameNS(NS.w, 'sz')[0]?.getAttributeNS(NS.w, 'val'), eastAsia: fonts.getAttributeNS(NS.w, 'eastAsia'), ascii: fonts.getAttributeNS(NS.w, 'ascii') };
}

/** A paragraph style's element, by id. */
function styleById(styles: XmlDocument, id: string) {
  const all = styles.getElementsByTagNameNS(NS.w, 'style');
  for (let i = 0; i < all.length; i++) if (all[i]!.getAttributeNS(NS.w, 'styleId') === id) return all[i]!;
  throw new Error(`no style ${id}`);
}

const css = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';

describe('--reference-doc', () => {
  it('takes 30 mm margins and 15 pt 宋体 from a document made with the docx package, in the DOCX and the HTML', async () => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, '县样式.docx'), await madeWithDocx({ margin: 30, font: '宋体', size: 15 }));
    const b = await built(dir, ['--reference-doc', '县样式.docx'], { REPORT_LANG: 'zh' });
    expect(b.r.code).toBe(0);
    expect(b.r.stderr).toContain(
      '参考文档 县样式.docx 的版式：page_width=210, page_height=297, margin_top=30, margin_bottom=30, margin_left=30, margin_right=30, body_font=宋体, latin_font=Times New Roman, body_size=15',
    );
    for (const side of ['top', 'bottom', 'left', 'right']) expect(wAttr(b.document!, 'pgMar', side), side).toBe('1701');
    expect(wAttr(b.document!, 'pgSz', 'w')).toBe('11906');
    expect(defaults(b.styles!)).toEqual({ size: '30', eastAsia: '宋体', ascii: 'Times New Roman' });
    // The paragraphs' indent is two characters of the body's size; headings are the body's size.
    expect(styleById(b.styles!, 'BodyText').getElementsByTagNameNS(NS.w, 'ind')[0]?.getAttributeNS(NS.w, 'firstLine')).toBe('600');
    expect(styleById(b.styles!, 'Heading2').getElementsByTagNameNS(NS.w, 'sz')[0]?.getAttributeNS(NS.w, 'val')).toBe('30');
    // The title of 20 pt 黑体 in the centre, before the body.
    expect(styleById(b.styles!, 'Title').getElementsByTagNameNS(NS.w, 'sz')[0]?.getAttributeNS(NS.w, 'val')).toBe('40');
    expect(styleById(b.styles!, 'Title').getElementsByTagNameNS(NS.w, 'rFonts')[0]?.getAttributeNS(NS.w, 'eastAsia')).toBe('黑体');
    // Page numbers in the middle of every page.
    expect(wAttr(b.parts!.get('word/settings.xml')!, 'evenAndOddHeaders', 'val')).toBe('false');
    const style = css(b.html!);
    expect(style).toContain('@page { size: A4; margin: 30mm 30mm 30mm 30mm; }');
    expect(style).toContain('@bottom-center');
    expect(style).toMatch(/\.document \{[^}]*padding: 30mm 30mm 30mm 30mm;[^}]*font-family: "Times New Roman", "宋体"[^}]*font-size: 15pt;/);
    expect(style).toContain('font-family: "黑体"');
    expect(style).toContain('font-size: 20pt; line-height: 1.45;');
  });

  it('takes a Letter page, theme fonts in w:docDefaults, a heading style, 1.5 lines and Word’s right-hand page number from a document shaped as Word saves it', async () => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, 'word.docx'), wordShaped({ footer: pageField('', '<w:r><w:tab/></w:r><w:r><w:tab/></w:r>') }));
    const b = await built(dir, ['--reference-doc', 'word.docx']);
    expect(b.r.code).toBe(0);
    expect(wAttr(b.document!, 'pgSz', 'w')).toBe('12240');
    expect(wAttr(b.document!, 'pgSz', 'h')).toBe('15840');
    for (const side of ['top', 'bottom', 'left', 'right']) expect(wAttr(b.document!, 'pgMar', side), side).toBe('1440');
    // 仿宋 from the theme's Chinese font; Latin text in the theme's Latin font; 14 pt.
    expect(defaults(b.styles!)).toEqual({ size: '28', eastAsia: '仿宋', ascii: 'Cambria' });
    const spacing = b.styles!.getElementsByTagNameNS(NS.w, 'pPrDefault')[0]!.getElementsByTagNameNS(NS.w, 'spacing')[0]!;
    expect([spacing.getAttributeNS(NS.w, 'line'), spacing.getAttributeNS(NS.w, 'lineRule')]).toEqual(['360', 'auto']);
    // Without a grid that would snap 1.5 lines to its pitch.
    expect(wAttr(b.document!, 'docGrid', 'type')).toBe('default');
    const h1 = styleById(b.styles!, 'Heading1');
    expect(h1.getElementsByTagNameNS(NS.w, 'rFonts')[0]?.getAttributeNS(NS.w, 'eastAsia')).toBe('黑体');
    expect(h1.getElementsByTagNameNS(NS.w, 'sz')[0]?.getAttributeNS(NS.w, 'val')).toBe('32');
    // heading 2 is defined but no paragraph uses it: Word and WPS keep such styles in every document.
    expect(styleById(b.styles!, 'Heading2').getElementsByTagNameNS(NS.w, 'sz')[0]?.getAttributeNS(NS.w, 'val')).toBe('28');
    // The page number on the right of every page.
    expect(wAttr(b.parts!.get('word/settings.xml')!, 'evenAndOddHeaders', 'val')).toBe('false');
    const footers = [...b.parts!.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers).toHaveLength(1);
    expect(wAttr(b.parts!.get(footers[0]!)!, 'jc', 'val')).toBe('right');
    const style = css(b.html!);
    expect(style).toContain('@page { size: 215.9mm 279.4mm; margin: 25.4mm 25.4mm 25.4mm 25.4mm; }');
    expect(style).toContain('@page { @bottom-right {');
    expect(style).toMatch(/\.document \{[^}]*width: 215\.9mm; min-height: 279\.4mm;[^}]*font-family: "Cambria", "仿宋"[^}]*font-size: 14pt; line-height: 27\.3pt;/);
  });

  it('a report this program made, given as the reference document, builds the same bytes: every GB/T 9704 setting is read back', async () => {
    const dir = tempDir('refdoc-');
    const first = await runCli(['build', join(EXAMPLES, 'zuolan-2024.yaml'), '--out', 'a', '--format', 'docx,html'], dir);
    expect(first.code).toBe(0);
    const again = await runCli(['build', join(EXAMPLES, 'zuolan-2024.yaml'), '--out', 'b', '--format', 'docx,html', '--reference-doc', 'a/zuolan-2024.docx'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      'layout from the reference document a/zuolan-2024.docx: page_width=210, page_height=297, margin_top=37, margin_bottom=35, margin_left=28, margin_right=26, body_font=仿宋_GB2312, latin_font=Times New Roman, body_size=16, line_rule=exact, line_spacing=28, title_size=22, title_font=方正小标宋简体, heading1_font=黑体, heading1_size=16, heading2_font=楷体_GB2312, heading2_size=16, heading3_size=16, page_numbers=outside',
    );
    for (const ext of ['docx', 'html']) expect(readFileSync(join(dir, 'b', `zuolan-2024.${ext}`)), ext).toEqual(readFileSync(join(dir, 'a', `zuolan-2024.${ext}`)));
  });

  it('--layout wins over the reference document, and what neither sets stays GB/T 9704', async () => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, 'county.docx'), await madeWithDocx({ margin: 30, size: 15 }));
    const b = await built(dir, ['--reference-doc', 'county.docx', '--layout', 'margin_top=40', '-l', 'body_size=16', '-l', 'page_numbers=outside']);
    expect(b.r.code).toBe(0);
    expect(wAttr(b.document!, 'pgMar', 'top')).toBe(String(twips(40)));
    expect(wAttr(b.document!, 'pgMar', 'left')).toBe('1701');
    expect(defaults(b.styles!).size).toBe('32');
    expect(b.parts!.get('word/settings.xml')!.getElementsByTagNameNS(NS.w, 'evenAndOddHeaders').length).toBe(1);
    // The line spacing was not in the document: 28 pt exactly.
    const spacing = b.styles!.getElementsByTagNameNS(NS.w, 'pPrDefault')[0]!.getElementsByTagNameNS(NS.w, 'spacing')[0]!;
    expect([spacing.getAttributeNS(NS.w, 'line'), spacing.getAttributeNS(NS.w, 'lineRule')]).toEqual(['560', 'exact']);
    expect(css(b.html!)).toContain('margin: 40mm 30mm 30mm 30mm;');
  });

  it('is read from layout.reference_doc in the settings file, relative to it; keys written beside it win, and --reference-doc replaces it', async () => {
    const dir = tempDir('refdoc-');
    mkdirSync(join(dir, 'settings'));
    writeFileSync(join(dir, 'settings', 'a5.docx'), await madeWithDocx({ width: 148, height: 210, margin: 20, font: '楷体' }));
    writeFileSync(join(dir, 'letter.docx'), wordShaped());
    writeFileSync(join(dir, 'settings', 'report.config.yaml'), 'layout:\n  reference_doc: a5.docx\n  body_font: 黑体\n');
    const fromConfig = await built(dir, ['--config', 'settings/report.config.yaml']);
    expect(fromConfig.r.code).toBe(0);
    expect(fromConfig.r.stderr).toContain('layout from the reference document settings/a5.docx: page_width=148, page_height=210, margin_top=20,');
    expect(wAttr(fromConfig.document!, 'pgSz', 'w')).toBe(String(twips(148)));
    expect(defaults(fromConfig.styles!).eastAsia).toBe('黑体');
    const replaced = await built(dir, ['--config', 'settings/report.config.yaml', '--reference-doc', 'letter.docx', '--force']);
    expect(replaced.r.code).toBe(0);
    expect(wAttr(replaced.document!, 'pgSz', 'w')).toBe('12240');
    // The run's document wins over the settings file's keys.
    expect(defaults(replaced.styles!).eastAsia).toBe('仿宋');
    expect(defaults(replaced.styles!).size).toBe('28');
  });

  it.each([
    ['a text file', () => strToU8('这不是 Word 文档'), '参考文档不是 Word 文档（.docx）'],
    ['an old .doc', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), '参考文档是旧的 .doc 或 .wps 格式，或者设了打开密码'],
    ['a zip that is not a Word document', () => zipSync({ 'a.txt': strToU8('x') }), '参考文档不是 Word 文档（.docx）'],
    ['a zip cut short', () => wordShaped().slice(0, 900), '参考文档已损坏，读不了'],
    ['a zip bomb', () => zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }), '参考文档解压后超过 16 MB'],
    ['a zip bomb whose directory says it is small', lyingBomb, '参考文档解压后超过 16 MB'],
    ['a document type that would expand entities', billionLaughs, '参考文档已损坏，读不了'],
  ])('%s: a Chinese message naming the file, exit 2, no stack trace', async (_, make, reason) => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, '样式.docx'), make());
    const r = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--reference-doc', '样式.docx'], dir, { REPORT_LANG: 'zh' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`样式.docx  错误  ${reason}`);
    expect(r.stderr).toContain('config/reference-doc');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+|Error:/);
    expect(r.stdout).toBe('');
  });

  it('a file that is not there, or a folder, is named with what is wrong', async () => {
    const dir = tempDir('refdoc-');
    mkdirSync(join(dir, 'folder.docx'));
    const missing = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--reference-doc', 'missing.docx'], dir, { REPORT_LANG: 'zh' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.docx  错误  读不了参考文档：没有这个文件  config/reference-doc');
    const folder = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--reference-doc', 'folder.docx'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder.docx  error  Cannot read the reference document: that is a folder, not a file  config/reference-doc');
  });

  it('report check needs no reference document, even one that is missing', async () => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, 'report.config.yaml'), 'layout:\n  reference_doc: missing.docx\n');
    const r = await runCli(['check', join(EXAMPLES, 'jinping-2025.yaml')], dir);
    expect(r.code).toBe(0);
  });

  it('margins that leave no room for text are a usage error', async () => {
    const dir = tempDir('refdoc-');
    const r = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '-l', 'margin_left=100', '-l', 'margin_right=100'], dir, { REPORT_LANG: 'zh' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report：页边距太大：纸宽 210 mm，左右页边距 100 mm 和 100 mm，版心宽不足 20 mm\n');
  });
});

/** A zip bomb whose central directory declares its document.xml a few hundred bytes. */
function lyingBomb(): Uint8Array {
  const zip = zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
    if (name === 'word/document.xml') view.setUint32(at + 24, 300, true);
  }
  return zip;
}

/** A document.xml with a document type declaring entities that expand to gigabytes. */
function billionLaughs(): Uint8Array {
  const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  const document = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">${entities}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol10;</w:t></w:r></w:p></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(document) });
}

describe('reading a reference document', () => {
  const read = (o: Parameters<typeof wordShaped>[0]) => referenceLayout(wordShaped(o));

  it.each([
    ['no footer', 'none', {}],
    ['a centred simple field', 'center', { footer: `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>` }],
    ['one tab before the field (Word’s footer style centres it)', 'center', { footer: pageField('', '<w:r><w:tab/></w:r>') }],
    ['right-aligned', 'right', { footer: pageField('<w:jc w:val="right"/>') }],
    ['left, with nothing before it', 'left', { footer: pageField() }],
    ['a frame on the outside', 'outside', { footer: pageField('<w:framePr w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="outside" w:y="1"/>') }],
    ['NUMPAGES only', 'none', { footer: `<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>` }],
    ['a WPS text box on the right', 'right', { footer: wpsTextBox('right') }],
    ['odd pages right and even pages left', 'outside', { footer: pageField('<w:jc w:val="right"/>'), evenFooter: pageField('<w:jc w:val="left"/>'), settings: '<w:evenAndOddHeaders/>' }],
    ['WPS text boxes right and left on odd and even pages', 'outside', { footer: wpsTextBox('right'), evenFooter: wpsTextBox('left'), settings: '<w:evenAndOddHeaders/>' }],
    ['an even footer not used (no w:evenAndOddHeaders)', 'right', { footer: pageField('<w:jc w:val="right"/>'), evenFooter: pageField('<w:jc w:val="left"/>') }],
  ])('page numbers: %s → %s', (_, expected, o) => {
    expect(read(o as Parameters<typeof wordShaped>[0]).layout.page_numbers).toBe(expected);
  });

  it('takes the body’s font and size from what most of its text is set in, direct formatting included', () => {
    const body =
      '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/></w:rPr><w:t>正文用三号仿宋，这是文件中大部分文字的格式，比另一段长得多。</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>固定值二十八磅的行距。</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr><w:t>一、</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>标题后接正文，第一段文字是标题</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>（一）二级标题</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>1.三级标题加粗</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr><w:t>某某县人民政府某某县人民政府某某县人民政府某某县人民政府</w:t></w:r></w:p>';
    const { layout, dropped } = read({ body });
    expect(dropped).toEqual([]);
    expect(layout).toMatchObject({ body_font: '仿宋_GB2312', latin_font: 'Times New Roman', body_size: 16, heading1_font: '黑体', heading2_font: '楷体_GB2312', heading3_bold: true });
    // The first paragraph, the longest, is at 1.5 lines (the defaults); the other body text exactly 28 pt.
    expect(layout).toMatchObject({ line_rule: 'multiple', line_multiple: 1.5 });
    expect(layout.title_font).toBeUndefined();
  });

  it('leaves out a value no layout may take, a font name that is not one, and paper too small for its margins', () => {
    const body = '<w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体&quot;;}&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"/><w:sz w:val="400"/></w:rPr><w:t>正文</w:t></w:r></w:p>';
    const { layout, dropped } = read({ body, pgSz: '<w:pgSz w:w="2000" w:h="3000"/>' });
    expect(layout.body_font).toBeUndefined();
    expect(layout.body_size).toBeUndefined();
    expect(layout.page_width).toBeUndefined();
    expect(dropped.map((d) => d.key).sort()).toEqual(['body_font', 'body_size', 'margin_bottom', 'margin_left', 'margin_right', 'margin_top', 'page_height', 'page_width']);
  });

  it('a dropped value is a warning, and the build goes on', async () => {
    const dir = tempDir('refdoc-');
    writeFileSync(join(dir, 'big.docx'), wordShaped({ docDefaults: '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="400"/></w:rPr></w:rPrDefault></w:docDefaults>' }));
    const r = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--format', 'html', '--reference-doc', 'big.docx'], dir, { REPORT_LANG: 'zh' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('big.docx  警告  参考文档中的 body_size（200）超出了版式设置允许的范围，或不是字体名称，没有采用  config/reference-doc');
    expect(r.stderr).toContain('→ 这一项仍按默认版式；需要时用 --layout body_size=… 指定。');
  });

  it('a font name that could close the style element never reaches the HTML', async () => {
    const pack = loadPack(join(ROOT, 'templates', 'standard')).pack!;
    const r = await compile('t.yaml', MINIMAL, pack, { formats: ['html'], layout: { body_font: '宋体"</style><script>x</script>' } });
    const html = new TextDecoder().decode(r.outputs.html!);
    expect(html).not.toContain('<script');
    expect(css(html)).toContain('"宋体\\"\\3c /style>\\3c script>x\\3c /script>"');
  });

  it('never fails but with a reason, whatever bytes of a document are changed', async () => {
    const documents = [wordShaped({ footer: wpsTextBox('right') }), await madeWithDocx()];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (which, changes) => {
        const bytes = documents[which]!.slice();
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        try {
          const { layout } = referenceLayout(bytes);
          expect(layoutOverridesSchema.safeParse(layout).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ReferenceDocError);
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 700) },
    );
  });

  it('reads any text as XML or says why not', () => {
    const pieces = fc.constantFrom('<', '>', '/', '</w:p>', '<w:p>', '<w:r/>', '="', "'", ' a="1"', '<!--', '-->', '<![CDATA[', ']]>', '<?x?>', '&amp;', '&#x110000;', '&#0;', 'xmlns:w="u"', '文');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        try {
          parseXml(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(XmlError);
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 700) },
    );
  });

  it('reads a part saved in UTF-16, either byte order', () => {
    const files = unzipSync(wordShaped());
    const styles = new TextDecoder().decode(files['word/styles.xml']).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const little = Buffer.from(`\ufeff${styles}`, 'utf16le');
    const big = Buffer.from(little).swap16();
    expect([...little.subarray(0, 2), ...big.subarray(0, 2)]).toEqual([0xff, 0xfe, 0xfe, 0xff]);
    for (const utf16 of [little, big]) expect(referenceLayout(zipSync({ ...files, 'word/styles.xml': new Uint8Array(utf16) })).layout.body_size).toBe(14);
  });

  it('refuses a part nested deeper than any document is', () => {
    expect(() => parseXml(`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`)).toThrow('nested deeper than 256');
    expect(parseXml('<w:p xmlns:w="urn:other"><w:r/></w:p>').name).toBe('?:p');
  });
});

describe('reading a reference document, at the edge of each rule', () => {
  const read = (o: Parameters<typeof wordShaped>[0]) => referenceLayout(wordShaped(o));
  /** A body paragraph: its own pPr and rPr, and its text. */
  const para = (text: string, rPr = '', pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;
  const LONG = '今年以来，我县认真贯彻落实上级部署，各项工作稳步推进，取得了较好成效。';

  it.each([
    ['twentieths of a point', '<w:pgSz w:w="11906" w:h="16838"/>', [210, 297]],
    ['millimetres', '<w:pgSz w:w="210mm" w:h="297mm"/>', [210, 297]],
    ['centimetres', '<w:pgSz w:w="21cm" w:h="29.7cm"/>', [210, 297]],
    ['inches', '<w:pgSz w:w="8.5in" w:h="11in"/>', [215.9, 279.4]],
    ['points', '<w:pgSz w:w="612pt" w:h="792pt"/>', [215.9, 279.4]],
    ['picas', '<w:pgSz w:w="51pc" w:h="66pi"/>', [215.9, 279.4]],
  ] as const)('reads the paper size in %s', (_, pgSz, [width, height]) => {
    expect(read({ pgSz }).layout).toMatchObject({ page_width: width, page_height: height });
  });

  it('reads no paper from a size that is not a measure, or without its height', () => {
    expect(read({ pgSz: '<w:pgSz w:w="wide" w:h="297mm"/>' }).layout.page_width).toBeUndefined();
    expect(read({ pgSz: '<w:pgSz w:w="210mm"/>' }).layout.page_width).toBeUndefined();
  });

  it('takes a negative margin at its size, and adds the gutter to the left margin', () => {
    const pgMar = '<w:pgMar w:top="-2098" w:right="1474" w:bottom="-1984" w:left="1531" w:header="851" w:footer="992" w:gutter="170"/>';
    expect(read({ pgMar }).layout).toMatchObject({ margin_top: 37, margin_bottom: 35, margin_left: 30, margin_right: 26 });
    expect(read({ pgMar: '<w:pgMar w:top="1440"/>' }).layout).toMatchObject({ margin_top: 25.4 });
    expect(read({ pgMar: '<w:pgMar w:top="1440"/>' }).layout.margin_left).toBeUndefined();
  });

  it('reads bold switched off as not bold, and switched on without a value as bold', () => {
    const body = (b: string) => para(LONG, '<w:sz w:val="32"/>') + para('1.三级标题', `<w:sz w:val="32"/>${b}`);
    expect(read({ body: body('<w:b/>') }).layout.heading3_bold).toBe(true);
    for (const off of ['0', 'false', 'off']) expect(read({ body: body(`<w:b w:val="${off}"/>`) }).layout.heading3_bold, off).toBe(false);
    expect(read({ body: body('<w:b w:val="1"/>') }).layout.heading3_bold).toBe(true);
  });

  it('reads exact and at-least line spacing in points', () => {
    expect(read({ body: para(LONG, '', '<w:spacing w:line="560" w:lineRule="exact"/>') }).layout).toMatchObject({ line_rule: 'exact', line_spacing: 28 });
    expect(read({ body: para(LONG, '', '<w:spacing w:line="580" w:lineRule="atLeast"/>') }).layout).toMatchObject({ line_rule: 'at_least', line_spacing: 29 });
    expect(read({ body: para(LONG, '', '<w:spacing w:line="300"/>') }).layout).toMatchObject({ line_rule: 'multiple', line_multiple: 1.25 });
  });

  it('takes the Latin font from w:hAnsi when w:ascii is not there, and a named font over the theme’s', () => {
    const layout = read({ body: para(LONG, '<w:rFonts w:hAnsi="Arial" w:eastAsia="楷体"/>') }).layout;
    expect([layout.latin_font, layout.body_font]).toEqual(['Arial', '楷体']);
  });

  it('takes the theme’s font over a named one of the same script written before it, in the style', () => {
    const normal = '<w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="黑体"/></w:rPr>';
    const layout = read({ normal, body: para(LONG, '<w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia"/>') }).layout;
    expect([layout.latin_font, layout.body_font]).toEqual(['等线 Light', '等线 Light']);
    // A script the run does not name keeps the style's font.
    const mixed = read({ normal, body: para(LONG, '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>') }).layout;
    expect([mixed.latin_font, mixed.body_font]).toEqual(['Arial', '仿宋']);
  });

  it('gives headings by style name (heading 1–3, 标题 1–3) their level, and leaves heading 4 and right-aligned text out', () => {
    const styles = (names: Record<string, string>) =>
      Object.entries(names)
        .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:rPr><w:sz w:val="${id === 'h3' ? 30 : 36}"/></w:rPr></w:style>`)
        .join('');
    const files = unzipSync(
      wordShaped({
        body:
          para(LONG, '<w:sz w:val="32"/>') +
          '<w:p><w:pPr><w:pStyle w:val="h3"/></w:pPr><w:r><w:t>某项工作</w:t></w:r></w:p>' +
          '<w:p><w:pPr><w:pStyle w:val="h4"/></w:pPr><w:r><w:t>四级标题不算</w:t></w:r></w:p>' +
          para('落款单位'.repeat(15), '<w:sz w:val="44"/>', '<w:jc w:val="end"/>'),
      }),
    );
    const xml = new TextDecoder().decode(files['word/styles.xml']).replace('</w:styles>', `${styles({ h3: '标题 3', h4: 'heading 4' })}</w:styles>`);
    const layout = referenceLayout(zipSync({ ...files, 'word/styles.xml': strToU8(xml) })).layout;
    expect(layout).toMatchObject({ body_size: 16, heading3_size: 15, heading1_size: 16, heading2_size: 16 });
  });

  it('takes a centred paragraph before the body as the title only when it is larger than the body', () => {
    const title = (size: number) => para('某某县二〇二五年工作报告', `<w:rFonts w:eastAsia="黑体"/><w:sz w:val="${size}"/>`, '<w:jc w:val="center"/>');
    expect(read({ body: title(44) + para(LONG, '<w:sz w:val="32"/>') }).layout).toMatchObject({ title_size: 22, title_font: '黑体' });
    expect(read({ body: title(32) + para(LONG, '<w:sz w:val="32"/>') }).layout.title_size).toBeUndefined();
    // After the body, a centred paragraph is no title.
    expect(read({ body: para(LONG, '<w:sz w:val="32"/>') + title(44) }).layout.title_size).toBeUndefined();
  });

  it('reads the text of content controls, and not deleted text (even written as w:t)', () => {
    const hidden = `<w:del w:id="1" w:author="x"><w:r><w:rPr><w:sz w:val="48"/></w:rPr><w:t>${'删去的文字'.repeat(15)}</w:t></w:r></w:del>`;
    const body = `<w:sdt><w:sdtContent>${para(LONG, '<w:sz w:val="30"/>')}</w:sdtContent></w:sdt><w:p>${hidden}<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>短</w:t></w:r></w:p>`;
    expect(read({ body }).layout.body_size).toBe(15);
  });

  it('finds the page number in a header, and takes inside as left', () => {
    const files = unzipSync(wordShaped({ footer: pageField('<w:jc w:val="center"/>') }));
    const doc = new TextDecoder().decode(files['word/document.xml']).replace('<w:footerReference w:type="default" r:id="rId8"/>', '<w:headerReference w:type="default" r:id="rId8"/>');
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(doc) })).layout.page_numbers).toBe('center');
    expect(read({ footer: pageField('<w:framePr w:xAlign="inside"/>') }).layout.page_numbers).toBe('left');
    expect(read({ footer: pageField('', '<w:r><w:tab/><w:tab/></w:r>') }).layout.page_numbers).toBe('right');
  });

  it('finds the page number in a WPS shape placed by its style', () => {
    const shape = (pos: string) =>
      `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="position:absolute;mso-position-horizontal:${pos};mso-position-horizontal-relative:margin"><v:textbox><w:txbxContent>${pageField()}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
    expect(read({ footer: shape('right') }).layout.page_numbers).toBe('right');
    expect(read({ footer: shape('center') }).layout.page_numbers).toBe('center');
    expect(read({ footer: shape('absolute') }).layout.page_numbers).toBe('left');
  });

  it('follows no relationship to an external target, and reads one from the package’s root', () => {
    const files = unzipSync(wordShaped({ footer: pageField('<w:jc w:val="right"/>') }));
    const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']);
    const away = (target: string, extra = '') => zipSync({ ...files, 'word/_rels/document.xml.rels': strToU8(rels.replace('Target="footer1.xml"', `Target="${target}"${extra}`)) });
    expect(referenceLayout(away('footer1.xml', ' TargetMode="External"')).layout.page_numbers).toBe('none');
    expect(referenceLayout(away('/word/footer1.xml')).layout.page_numbers).toBe('right');
  });

  it('takes an OLE compound file for an old .doc only by its whole signature', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(56).fill(0)]);
    expect(() => referenceLayout(ole)).toThrow(expect.objectContaining({ problem: 'old-format' }));
    for (let i = 0; i < 4; i++) {
      const near = ole.slice();
      near[i] = 0;
      expect(() => referenceLayout(near), `byte ${i}`).toThrow(expect.objectContaining({ problem: 'not-docx' }));
    }
  });

  it('takes the Latin theme font from w:hAnsiTheme when w:asciiTheme is not there', () => {
    const layout = read({ body: para(LONG, '<w:rFonts w:hAnsiTheme="majorHAnsi" w:eastAsia="楷体"/>') }).layout;
    expect(layout.latin_font).toBe('等线 Light');
  });

  it('takes the first paragraph style marked default (1, true or on) as the default, not a character style', () => {
    const styles = (extra: string) => {
      const files = unzipSync(wordShaped({ body: para(LONG) }));
      const xml = new TextDecoder()
        .decode(files['word/styles.xml'])
        .replace('w:type="paragraph" w:default="1" w:styleId="a"', 'w:type="paragraph" w:styleId="a"')
        .replace('</w:styles>', `${extra}</w:styles>`);
      return referenceLayout(zipSync({ ...files, 'word/styles.xml': strToU8(xml) })).layout.body_size;
    };
    const style = (id: string, type: string, isDefault: string, size: number) =>
      `<w:style w:type="${type}"${isDefault ? ` w:default="${isDefault}"` : ''} w:styleId="${id}"><w:name w:val="${id}"/><w:rPr><w:sz w:val="${size}"/></w:rPr></w:style>`;
    for (const on of ['1', 'true', 'on']) expect(styles(style('p', 'paragraph', on, 36)), on).toBe(18);
    expect(styles(style('p', 'paragraph', '0', 36))).toBe(14);
    expect(styles(style('c', 'character', '1', 40))).toBe(14);
    expect(styles(style('p', 'paragraph', '1', 36) + style('q', 'paragraph', '1', 40))).toBe(18);
    // A style without a type is a paragraph style.
    expect(styles(style('p', '', '1', 36).replace(' w:type=""', ''))).toBe(18);
  });

  it('takes a paragraph for a third-level heading by 1. or 12. before its text, not by a number that goes on', () => {
    const third = (text: string) => read({ body: para(LONG, '<w:sz w:val="32"/>') + para(text, '<w:sz w:val="30"/><w:b/>') }).layout.heading3_size;
    expect(third('1.加强组织领导')).toBe(15);
    expect(third('12．加强组织领导')).toBe(15);
    for (const no of ['123.加强组织领导', '1.5倍行距的说明文字', 'A1.加强组织领导', '1、加强组织领导']) expect(third(no), no).toBe(16);
  });

  it('leaves out the text of drawings, pictures, text boxes and embedded objects, and of tables', () => {
    const big = `<w:r><w:rPr><w:sz w:val="48"/></w:rPr><w:t>${'框'.repeat(80)}</w:t></w:r>`;
    for (const wrap of ['w:drawing', 'w:pict', 'mc:AlternateContent', 'w:txbxContent', 'w:object']) {
      const body = `<w:p><w:r><w:rPr><w:sz w:val="30"/></w:rPr><w:t>${LONG}</w:t></w:r><w:r><${wrap}>${big.replace('<w:r>', '<w:p><w:r>').replace('</w:r>', '</w:r></w:p>')}</${wrap}></w:r></w:p>`;
      expect(read({ body }).layout.body_size, wrap).toBe(15);
    }
    const table = `<w:tbl><w:tr><w:tc><w:p>${big}</w:p></w:tc></w:tr></w:tbl>`;
    expect(read({ body: para(LONG, '<w:sz w:val="30"/>') + table }).layout.body_size).toBe(15);
    // Custom XML around paragraphs is looked into.
    expect(read({ body: `<w:customXml w:element="x"><w:p>${big}</w:p></w:customXml>${para(LONG, '<w:sz w:val="30"/>')}` }).layout.body_size).toBe(24);
    expect(read({ body: `<w:sdt><w:sdtContent><w:p>${big}</w:p></w:sdtContent></w:sdt>${para(LONG, '<w:sz w:val="30"/>')}` }).layout.body_size).toBe(24);
  });

  it('takes the page from the last section Word prints, not one in a table or a tracked change', () => {
    const files = unzipSync(wordShaped());
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const sect = (w: number) => `<w:sectPr><w:pgSz w:w="${w}" w:h="16838"/></w:sectPr>`;
    // No section at the body's end: the last paragraph's section, the one a tracked change replaced left out, as is one in a table.
    const body = `<w:p><w:pPr>${sect(11906)}<w:pPrChange w:id="1"><w:pPr>${sect(16838)}</w:pPr></w:pPrChange></w:pPr><w:r><w:t>${LONG}</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:pPr>${sect(8000)}</w:pPr></w:p></w:tc></w:tr></w:tbl>`;
    const changed = doc.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}</w:body>`);
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(changed) })).layout.page_width).toBe(210);
    // The section a tracked change replaced, kept inside the section that replaced it.
    const inside = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:sectPrChange w:id="2">${sect(16838)}</w:sectPrChange></w:sectPr>`;
    const tracked = doc.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body><w:p><w:pPr>${inside}</w:pPr><w:r><w:t>${LONG}</w:t></w:r></w:p></w:body>`);
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(tracked) })).layout.page_width).toBe(210);
  });

  it('says nothing of page numbers for a document without sections', () => {
    const files = unzipSync(wordShaped());
    const doc = new TextDecoder().decode(files['word/document.xml']).replace(/<w:sectPr[\s\S]*<\/w:sectPr>/, '');
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(doc) })).layout.page_numbers).toBeUndefined();
  });

  it('counts only the tabs before the page number, in a simple field or a complex one', () => {
    const simple = (before: string, after = '') => `<w:p>${before}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>${after}</w:p>`;
    const tab = '<w:r><w:tab/></w:r>';
    expect(read({ footer: simple(tab) }).layout.page_numbers).toBe('center');
    expect(read({ footer: simple('', tab + tab) }).layout.page_numbers).toBe('left');
    expect(read({ footer: pageField('', tab).replace('</w:p>', `${tab}${tab}</w:p>`) }).layout.page_numbers).toBe('center');
    // A tab stop's definition in the paragraph's properties is no tab.
    expect(read({ footer: pageField('<w:tabs><w:tab w:val="center" w:pos="4153"/></w:tabs>') }).layout.page_numbers).toBe('left');
  });

  it('finds the page number in a WPS rectangle placed by its style', () => {
    const rect = `<w:p><w:r><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml" style="position:absolute;mso-position-horizontal: right"><v:textbox><w:txbxContent>${pageField()}</w:txbxContent></v:textbox></v:rect></w:pict></w:r></w:p>`;
    expect(read({ footer: rect }).layout.page_numbers).toBe('right');
  });

  it('takes a font name only if it is plainly one, for every font setting', () => {
    const named = (name: string) => read({ body: para(LONG, `<w:rFonts w:eastAsia="${name}" w:ascii="${name}"/><w:sz w:val="32"/>`) });
    for (const ok of ['仿宋_GB2312', 'Times New Roman', '方正小标宋简体', 'A'.repeat(64), 'Font (Body)', '3of9']) {
      expect(named(ok).layout.body_font, ok).toBe(ok);
      expect(named(ok).layout.latin_font, ok).toBe(ok);
    }
    for (const bad of ['A'.repeat(65), '-Font', ' ', '_x', 'a;b', 'a{b}', '字体"']) {
      expect(named(bad.replace('"', '&quot;')).layout.body_font, bad).toBeUndefined();
      expect(
        named(bad.replace('"', '&quot;')).dropped.map((d) => d.key),
        bad,
      ).toContain('latin_font');
    }
    const headings = ['<w:pPr><w:jc w:val="center"/></w:pPr>', '<w:pPr><w:pStyle w:val="1"/></w:pPr>'];
    const bad = 'a;b';
    const body = `<w:p>${headings[0]}<w:r><w:rPr><w:rFonts w:eastAsia="${bad}"/><w:sz w:val="44"/></w:rPr><w:t>标题</w:t></w:r></w:p><w:p>${headings[1]}<w:r><w:rPr><w:rFonts w:eastAsia="${bad}"/></w:rPr><w:t>一、标题</w:t></w:r></w:p>${para('（一）二级', `<w:rFonts w:eastAsia="${bad}"/>`)}${para('1.三级', `<w:rFonts w:eastAsia="${bad}"/>`)}${para(LONG, '<w:sz w:val="32"/>')}`;
    expect(
      read({ body })
        .dropped.map((d) => d.key)
        .sort(),
    ).toEqual(['heading1_font', 'heading2_font', 'heading3_font', 'title_font']);
  });

  it('takes a paragraph for a heading by 一、 or （一） before its text, in either brackets, and not by what only contains one', () => {
    const heading = (text: string) => read({ body: para(LONG, '<w:sz w:val="32"/>') + para(text, '<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/>') }).layout;
    for (const h1 of ['一、总体情况', '十二、其他']) expect(heading(h1).heading1_font, h1).toBe('黑体');
    for (const h2 of ['（一）总体情况', '(十二)其他']) expect(heading(h2).heading2_font, h2).toBe('黑体');
    for (const no of ['第一、总体', '其中一、二', '见（一）', '（一', '一）总体', '（a）总体']) {
      const layout = heading(no);
      expect([layout.heading1_font, layout.heading2_font], no).toEqual([undefined, undefined]);
    }
  });

  it('reads heading and title styles by name whatever their case and spaces, and a style’s chain of bases in order', () => {
    const withStyles = (extra: string, body: string) => {
      const files = unzipSync(wordShaped({ body }));
      const xml = new TextDecoder().decode(files['word/styles.xml']).replace('</w:styles>', `${extra}</w:styles>`);
      return referenceLayout(zipSync({ ...files, 'word/styles.xml': strToU8(xml) })).layout;
    };
    const named = (id: string, name: string, rPr: string, basedOn = '') =>
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}<w:rPr>${rPr}</w:rPr></w:style>`;
    const styled = (id: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${id}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = para(LONG, '<w:sz w:val="32"/>');
    expect(withStyles(named('x', ' Heading 2 ', '<w:sz w:val="34"/>'), body + styled('x', '工作情况')).heading2_size).toBe(17);
    expect(withStyles(named('x', '标题2', '<w:sz w:val="34"/>'), body + styled('x', '工作情况')).heading2_size).toBe(17);
    expect(withStyles(named('x', 'my heading 2', '<w:sz w:val="34"/>'), body + styled('x', '工作情况')).heading2_size).toBe(16);
    expect(withStyles(named('x', 'Heading 2x', '<w:sz w:val="34"/>'), body + styled('x', '工作情况')).heading2_size).toBe(16);
    expect(withStyles(named('t', 'Title', '<w:sz w:val="44"/>'), styled('t', '报告') + body).title_size).toBe(22);
    // A title by its style counts even when it is smaller than the body and comes after it.
    expect(withStyles(named('t', '标题', '<w:sz w:val="28"/>'), body + styled('t', '报告')).title_size).toBe(14);
    expect(withStyles(named('t', 'Title', '<w:rFonts w:eastAsia="黑体"/>'), styled('t', '报告') + body)).toMatchObject({ title_font: '黑体', title_size: 14 });
    // A based on B based on C: the nearer style wins; a loop of bases ends.
    const chain = named('c', 'c', '<w:sz w:val="40"/><w:rFonts w:eastAsia="宋体"/>') + named('b', 'b', '<w:sz w:val="36"/>', 'c') + named('a', 'a', '', 'b');
    const layout = withStyles(chain, styled('a', LONG));
    expect([layout.body_size, layout.body_font]).toEqual([18, '宋体']);
    const loop = named('p', 'p', '<w:sz w:val="36"/>', 'q') + named('q', 'q', '<w:sz w:val="40"/>', 'p');
    expect(withStyles(loop, styled('p', LONG)).body_size).toBe(18);
    // A chain longer than any real one (32 styles) is cut: the base at the 40th step is not read.
    const long = Array.from({ length: 40 }, (_, i) => named(`s${i}`, `s${i}`, i === 39 ? '<w:sz w:val="40"/>' : '', i < 39 ? `s${i + 1}` : '')).join('');
    expect(withStyles(long, styled('s0', LONG)).body_size).toBe(14);
    expect(withStyles(long, styled('s20', LONG)).body_size).toBe(20);
  });

  it('takes every run of a heading by style, only the first of one by number, and skips runs of spaces', () => {
    const h1 = '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>总体</w:t></w:r><w:r><w:rPr><w:sz w:val="36"/></w:rPr><w:t>情况很长很长很长</w:t></w:r></w:p>';
    expect(read({ body: para(LONG) + h1 }).layout.heading1_size).toBe(18);
    const numbered = `<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t>${LONG}</w:t></w:r></w:p>`;
    expect(read({ body: para(LONG) + numbered }).layout.heading1_font).toBe('黑体');
  });

  it('takes the value with most text behind it, the first on a tie, and never a value not set', () => {
    const font = (name: string, text: string) => para(text, `<w:rFonts w:eastAsia="${name}"/>`);
    expect(read({ body: font('宋体', '一二三四') + font('黑体', '五六七八') }).layout.body_font).toBe('宋体');
    expect(read({ body: font('宋体', '一二三四') + font('黑体', '五六七八九') }).layout.body_font).toBe('黑体');
    // Most of the text has no East Asian font of its own or from the theme: the one that is set is taken.
    const files = unzipSync(wordShaped({ body: para(LONG.repeat(3)) + font('楷体', '短') }));
    const theme = new TextDecoder().decode(files['word/theme/theme1.xml']).replace('<a:font script="Hans" typeface="仿宋"/>', '');
    expect(referenceLayout(zipSync({ ...files, 'word/theme/theme1.xml': strToU8(theme) })).layout.body_font).toBe('楷体');
  });

  it('takes the theme’s East Asian font from a:ea when it names one', () => {
    const files = unzipSync(wordShaped({ body: para(LONG) }));
    const theme = new TextDecoder()
      .decode(files['word/theme/theme1.xml'])
      .replace('<a:minorFont><a:latin typeface="Cambria"/><a:ea typeface=""/>', '<a:minorFont><a:latin typeface="Cambria"/><a:ea typeface="楷体"/>');
    expect(referenceLayout(zipSync({ ...files, 'word/theme/theme1.xml': strToU8(theme) })).layout.body_font).toBe('楷体');
  });

  it('does not take an empty centred paragraph before the title for the title', () => {
    const empty = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>';
    const title = para('某某县二〇二五年工作报告', '<w:sz w:val="44"/>', '<w:jc w:val="center"/>');
    expect(read({ body: empty + title + para(LONG, '<w:sz w:val="32"/>') }).layout.title_size).toBe(22);
  });

  it('finds the parts by the package’s relationships, whatever they are named', () => {
    const files = unzipSync(
      wordShaped({ body: para(LONG, '<w:sz w:val="30"/>'), footer: pageField('<w:jc w:val="right"/>'), evenFooter: pageField('<w:jc w:val="left"/>'), settings: '<w:evenAndOddHeaders/>' }),
    );
    const renamed: Record<string, Uint8Array> = {};
    const names: Record<string, string> = {
      'word/document.xml': 'word/main.xml',
      'word/styles.xml': 'word/s.xml',
      'word/theme/theme1.xml': 'word/theme/t.xml',
      'word/settings.xml': 'word/set.xml',
      'word/_rels/document.xml.rels': 'word/_rels/main.xml.rels',
    };
    for (const [name, data] of Object.entries(files)) renamed[names[name] ?? name] = data;
    const text = (name: string) => new TextDecoder().decode(renamed[name]);
    renamed['_rels/.rels'] = strToU8(text('_rels/.rels').replace('Target="word/document.xml"', 'Target="word/main.xml"'));
    renamed['word/_rels/main.xml.rels'] = strToU8(
      text('word/_rels/main.xml.rels')
        .replace('Target="styles.xml"', 'Target="s.xml"')
        .replace('Target="theme/theme1.xml"', 'Target="theme/t.xml"')
        .replace('Target="settings.xml"', 'Target="set.xml"')
        .replace('<Relationship Id="rId1"', '<Relationship Id="rId0" Type="x"/><Relationship Target="x"/><Relationship Id="rId1"'),
    );
    const layout = referenceLayout(zipSync(renamed)).layout;
    expect([layout.body_size, layout.body_font, layout.page_numbers]).toEqual([15, '仿宋', 'outside']);
  });

  it('takes the body’s own last section over an earlier one', () => {
    const body = `<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr></w:pPr><w:r><w:t>${LONG}</w:t></w:r></w:p>`;
    expect(read({ body }).layout).toMatchObject({ page_width: 215.9, page_height: 279.4 });
  });

  it('reads measures with spaces and fractions, and no measure with more around it', () => {
    expect(read({ pgSz: '<w:pgSz w:w=" 21.05 cm " w:h="29.7cm"/>' }).layout.page_width).toBe(210.5);
    for (const w of ['x21cm', '21cmx', '21 c m']) expect(read({ pgSz: `<w:pgSz w:w="${w}" w:h="29.7cm"/>` }).layout.page_width, w).toBeUndefined();
    // A size in points is twice as many half-points.
    expect(read({ body: para(LONG, '<w:sz w:val="15pt"/>') }).layout.body_size).toBe(15);
  });

  it('reads bold as not bold where nothing sets it, and the body’s line spacing from body text only', () => {
    expect(read({ body: para(LONG, '<w:sz w:val="32"/>') + para('1.三级标题', '<w:sz w:val="32"/>') }).layout.heading3_bold).toBe(false);
    const spaced = para('短的正文。', '', '<w:spacing w:line="360" w:lineRule="auto"/>') + para(LONG.repeat(3), '', '<w:jc w:val="right"/><w:spacing w:line="560" w:lineRule="exact"/>');
    expect(read({ body: spaced }).layout).toMatchObject({ line_rule: 'multiple', line_multiple: 1.5 });
  });

  it('takes no title from a centred paragraph without a size, and leaves heading sizes unset without a body size', () => {
    const r = read({ body: para('某某县工作报告', '', '<w:jc w:val="center"/>') + para(LONG), docDefaults: '<w:docDefaults/>' });
    expect(r.layout.title_size).toBeUndefined();
    expect(r.dropped).toEqual([]);
    expect(r.layout).not.toHaveProperty('heading1_size');
    expect(r.layout).not.toHaveProperty('body_size');
  });

  it('takes a PAGE field only by its name: not PAGEREF, nor the word in the text', () => {
    const simple = (instr: string) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr="${instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`;
    for (const page of ['PAGE', ' PAGE', 'PAGE\\* Arabic', ' PAGE  \\* MERGEFORMAT ']) expect(read({ footer: simple(page) }).layout.page_numbers, page).toBe('center');
    for (const not of ['PAGEREF _Toc1', 'XPAGE', ' PAGES ']) expect(read({ footer: simple(not) }).layout.page_numbers, not).toBe('none');
    expect(read({ footer: '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve"> PAGE </w:t></w:r></w:p>' }).layout.page_numbers).toBe('none');
  });

  it('follows a footer reference without a type as the default, never one to the document itself, and looks in the header after a footer without a number', () => {
    // The body itself shows a page number (a table of contents' would): no footer is read from it.
    const body = `${para(LONG)}<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`;
    const files = unzipSync(wordShaped({ body, footer: pageField('<w:jc w:val="right"/>') }));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const untyped = doc.replace('<w:footerReference w:type="default" r:id="rId8"/>', '<w:footerReference r:id="rId8"/>');
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(untyped) })).layout.page_numbers).toBe('right');
    const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']).replace('Target="footer1.xml"', 'Target="document.xml"');
    expect(referenceLayout(zipSync({ ...files, 'word/_rels/document.xml.rels': strToU8(rels) })).layout.page_numbers).toBe('none');
    // A footer without the number, and a header with it.
    const both = doc.replace('<w:footerReference w:type="default" r:id="rId8"/>', '<w:footerReference w:type="default" r:id="rId9"/><w:headerReference w:type="default" r:id="rId8"/>');
    const footer2 = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}"><w:p><w:r><w:t>某某县人民政府</w:t></w:r></w:p></w:ftr>`);
    expect(referenceLayout(zipSync({ ...files, 'word/document.xml': strToU8(both), 'word/footer2.xml': footer2 })).layout.page_numbers).toBe('right');
  });

  it('takes odd pages centred and even pages left as centred, and WPS text boxes inside and outside', () => {
    expect(read({ footer: pageField('<w:jc w:val="center"/>'), evenFooter: pageField('<w:jc w:val="left"/>'), settings: '<w:evenAndOddHeaders/>' }).layout.page_numbers).toBe('center');
    expect(read({ footer: wpsTextBox('inside') }).layout.page_numbers).toBe('left');
    expect(read({ footer: wpsTextBox('outside') }).layout.page_numbers).toBe('outside');
    expect(read({ footer: wpsTextBox('\n  right\n') }).layout.page_numbers).toBe('right');
  });

  it('aligns a page number by its paragraph style, the default paragraph style, or end as right', () => {
    const files = unzipSync(wordShaped({ footer: '<w:p><w:pPr><w:pStyle w:val="ftr"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>' }));
    const styles = new TextDecoder()
      .decode(files['word/styles.xml'])
      .replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="ftr"><w:name w:val="footer"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style></w:styles>');
    expect(referenceLayout(zipSync({ ...files, 'word/styles.xml': strToU8(styles) })).layout.page_numbers).toBe('right');
    // Normal (the default paragraph style) centred: a footer paragraph without a style of its own is centred too.
    const centred = new TextDecoder().decode(files['word/styles.xml']).replace('<w:jc w:val="both"/>', '<w:jc w:val="center"/>');
    const footer = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}"><w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`);
    expect(referenceLayout(zipSync({ ...files, 'word/styles.xml': strToU8(centred), 'word/footer1.xml': footer })).layout.page_numbers).toBe('center');
    expect(read({ footer: pageField('<w:jc w:val="end"/>') }).layout.page_numbers).toBe('right');
  });

  it('trims the spaces around a font name', () => {
    expect(read({ body: para(LONG, '<w:rFonts w:eastAsia=" 仿宋_GB2312 "/>') }).layout.body_font).toBe('仿宋_GB2312');
  });

  it('refuses parts that unpack to more than 48 MB together, though each is under its own limit', () => {
    const files = unzipSync(wordShaped());
    const padded = (name: string) => {
      const xml = new TextDecoder().decode(files[name]);
      // An XML comment of 15 MB after the declaration: small in the zip, large unpacked.
      return strToU8(xml.replace('?>', `?><!--${' '.repeat(15 * 1024 * 1024)}-->`));
    };
    const big = {
      ...files,
      'word/document.xml': padded('word/document.xml'),
      'word/styles.xml': padded('word/styles.xml'),
      'word/theme/theme1.xml': padded('word/theme/theme1.xml'),
      'word/settings.xml': padded('word/settings.xml'),
    };
    expect(() => referenceLayout(zipSync(big))).toThrow(expect.objectContaining({ problem: 'too-large' }));
    // Three of them are within the limit.
    const three = { ...big, 'word/settings.xml': files['word/settings.xml']! };
    expect(referenceLayout(zipSync(three)).layout.body_size).toBe(14);
  });

  it('reads a paragraph’s text across its runs and their pieces of text, as Word shows it', () => {
    const pieces = `<w:p><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>一</w:t><w:t>、</w:t></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>`;
    expect(read({ body: para(LONG) + pieces }).layout.heading1_font).toBe('黑体');
    const runs = `<w:p><w:r><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr><w:t>（</w:t></w:r><w:r><w:t>一）总体情况</w:t></w:r></w:p>`;
    expect(read({ body: para(LONG) + runs }).layout.heading2_font).toBe('楷体');
  });
});

describe('the new layout settings from a pack', () => {
  it('pack.yaml may set the paper, margins and sizes', async () => {
    const dir = tempDir('refdoc-pack-');
    writeFileSync(
      join(dir, 'pack.yaml'),
      'name: a5\nextends: standard\nlayout:\n  page_width: 148\n  page_height: 210\n  margin_top: 20\n  body_size: 12\n  line_rule: at_least\n  line_spacing: 18\n',
    );
    const loaded = loadPack(dir);
    expect(loaded.diagnostics).toEqual([]);
    const r = await compile('t.yaml', MINIMAL, loaded.pack!, { formats: ['docx'] });
    const parts = docxXmlParts(r.outputs.docx!);
    expect(wAttr(parts.get('word/document.xml')!, 'pgSz', 'w')).toBe('8391');
    expect(wAttr(parts.get('word/document.xml')!, 'pgMar', 'top')).toBe('1134');
    const spacing = parts.get('word/styles.xml')!.getElementsByTagNameNS(NS.w, 'pPrDefault')[0]!.getElementsByTagNameNS(NS.w, 'spacing')[0]!;
    expect([spacing.getAttributeNS(NS.w, 'line'), spacing.getAttributeNS(NS.w, 'lineRule')]).toEqual(['360', 'atLeast']);
    expect(defaults(parts.get('word/styles.xml')!).size).toBe('24');
  });
});

const tools = officeTools();

describe.skipIf(!tools.available)('LibreOffice prints on the reference document’s paper', () => {
  it.each([
    ['A5', { width: 148, height: 210, margin: 20, size: 12 }, /Page size:\s+419\.\d+ x 595\.\d+ pts/],
    ['Letter', { width: 215.9, height: 279.4, margin: 25.4, size: 12 }, /Page size:\s+612(?:\.0+)? x 792(?:\.0+)? pts \(letter\)/],
  ])(
    '%s',
    async (name, paper, size) => {
      const dir = tempDir('refdoc-lo-');
      writeFileSync(join(dir, `${name}.docx`), await madeWithDocx(paper));
      const r = await runCli(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', 'out', '--format', 'docx', '--reference-doc', `${name}.docx`], dir);
      expect(r.code).toBe(0);
      const pdf = docxToPdf(join(dir, 'out', 'jinping-2025.docx'), join(dir, 'out'));
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(size);
      const artifacts = join(ROOT, 'test', '.artifacts');
      mkdirSync(artifacts, { recursive: true });
      copyFileSync(pdf, join(artifacts, `reference-doc-${name}.pdf`));
    },
    180_000,
  );
});

describe('what report build says it read from a reference document', () => {
  it('each setting it took, as read (page_height to 0.1 mm); or that it took none, and the default layout is used', () => {
    const dir = tempDir('refdoc-said-');
    writeFileSync(join(dir, 'a5.docx'), wordShaped({ pgSz: '<w:pgSz w:w="8391" w:h="11910"/>', pgMar: '', docDefaults: '' }));
    const read = referenceDocLayout(join(dir, 'a5.docx'), 'a5.docx');
    expect(read.said).toBe(
      'layout from the reference document a5.docx: page_width=148, page_height=210.1, title_size=20, title_font=方正小标宋简体, heading1_font=黑体, heading1_size=16, page_numbers=none',
    );
    const bare = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p/></w:body></w:document>`);
    writeFileSync(join(dir, 'bare.docx'), zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': bare }));
    const none = referenceDocLayout(join(dir, 'bare.docx'), 'bare.docx');
    expect([none.said, none.layout, none.diagnostics]).toEqual(['the reference document bare.docx sets no layout; the default layout is used', {}, []]);
  });
});
