// Word's automatic numbering written out as text before an imported report is read: the numbers
// as Word shows them (formats, starts, levels counted and restarted, lists sharing a count).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber, writeOutNumbering } from '../src/import/numbering.js';

describe('a counter in a level’s number format', () => {
  it.each([
    ['chineseCounting', [1, 9, 10, 11, 19, 20, 23, 99, 100], ['一', '九', '十', '十一', '十九', '二十', '二十三', '九十九', '100']],
    ['chineseCountingThousand', [0, 12], ['〇', '十二']],
    ['taiwaneseCounting', [3], ['三']],
    ['taiwaneseCountingThousand', [21], ['二十一']],
    ['japaneseCounting', [30], ['三十']],
    ['chineseLegalSimplified', [1, 9, 10, 12, 20, 35], ['壹', '玖', '壹拾', '壹拾贰', '贰拾', '叁拾伍']],
    ['ideographTraditional', [1, 10, 11], ['甲', '癸', '甲']],
    ['decimalEnclosedCircle', [1, 20, 21], ['①', '⑳', '21']],
    ['decimalEnclosedCircleChinese', [3], ['③']],
    ['decimalFullWidth', [7, 12], ['７', '１２']],
    ['decimalFullWidth2', [30], ['３０']],
    ['lowerLetter', [1, 26, 27, 28, 53], ['a', 'z', 'aa', 'bb', 'aaa']],
    ['upperLetter', [1, 26, 27], ['A', 'Z', 'AA']],
    ['lowerRoman', [4, 9, 14, 40, 90, 400, 1994], ['iv', 'ix', 'xiv', 'xl', 'xc', 'cd', 'mcmxciv']],
    ['upperRoman', [3, 49, 60, 150, 500, 2025], ['III', 'XLIX', 'LX', 'CL', 'D', 'MMXXV']],
    ['decimalZero', [1, 10], ['01', '10']],
    ['none', [5], ['']],
    ['decimal', [12], ['12']],
    ['someFormatNotKnown', [12], ['12']],
  ] as const)('%s', (format, numbers, shown) => {
    expect(numbers.map((n) => formatNumber(n, format))).toEqual(shown);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A level of an abstract list. */
const lvl = (ilvl: number, format: string, text: string, start?: number) =>
  `<w:lvl w:ilvl="${ilvl}">${start === undefined ? '' : `<w:start w:val="${start}"/>`}<w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;

const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%1.%2）')}${lvl(2, 'decimal', '%3.', 3)}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>
<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '第%1条 &lt;&amp;&gt;')}</w:abstractNum>
<w:abstractNum w:abstractNumId="3">${lvl(0, 'chineseCounting', '%1、', 5)}${lvl(1, 'chineseCounting', '（%1.%2）')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>`;

const STYLES = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:pPr/></w:style>
</w:styles>`;

/** A paragraph numbered by its own numPr. */
const numbered = (numId: number, ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
/** A paragraph of a style (numbered by the style, or not). */
const styled = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const plain = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

function docx(body: string, parts: { numbering?: string; styles?: string } = { numbering: NUMBERING, styles: STYLES }): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(parts.numbering === undefined ? {} : { 'word/numbering.xml': strToU8(parts.numbering) }),
    ...(parts.styles === undefined ? {} : { 'word/styles.xml': strToU8(parts.styles) }),
  });
}

/** Each paragraph's text, as Word would now show it with no numbering. */
function paragraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('Word’s numbering written out', () => {
  it('counts each level as Word does: a level counted again restarts those below, from their start', () => {
    const out = writeOutNumbering(
      docx([numbered(1, 0, '甲'), numbered(1, 1, '乙'), numbered(1, 2, '丙'), numbered(1, 2, '丁'), numbered(1, 1, '戊'), numbered(1, 2, '己'), numbered(1, 0, '庚'), numbered(1, 2, '辛')].join('')),
    );
    expect(paragraphs(out)).toEqual(['一、甲', '（一.一）乙', '3.丙', '4.丁', '（一.二）戊', '3.己', '二、庚', '3.辛']);
  });

  it('continues the count of lists sharing one abstract list, and starts again where a list has a start of its own', () => {
    // List 6 shares list 4's abstract list without list 4's start of 7, and is counted first: list 4
    // starts again at 7 where it is first used (Word's "restart numbering"), then counts on, and list 6 after it.
    const out = writeOutNumbering(docx([numbered(1, 0, 'a'), numbered(2, 0, 'b'), numbered(6, 0, 'x'), numbered(4, 0, 'c'), numbered(4, 0, 'd'), numbered(6, 0, 'y')].join('')));
    expect(paragraphs(out)).toEqual(['一、a', '二、b', '第1条 <&>x', '第7条 <&>c', '第8条 <&>d', '第9条 <&>y']);
    const started = writeOutNumbering(docx([numbered(4, 0, 'c'), numbered(4, 0, 'd')].join('')));
    expect(paragraphs(started)).toEqual(['第7条 <&>c', '第8条 <&>d']);
    // The label is text in the XML, escaped.
    expect(strFromU8(unzipSync(started)['word/document.xml']!)).toContain('<w:t xml:space="preserve">第7条 &lt;&amp;&gt;</w:t>');
  });

  it('shows a level not yet counted, in the number of a level below, at its start', () => {
    expect(paragraphs(writeOutNumbering(docx(numbered(7, 1, '乙') + numbered(7, 0, '甲') + numbered(7, 1, '丙'))))).toEqual(['（五.一）乙', '五、甲', '（五.一）丙']);
  });

  it('numbers paragraphs whose style is numbered, at the style’s level', () => {
    const out = writeOutNumbering(docx([styled('Heading1', '总体'), styled('Heading2', '分项'), styled('Plain', '正文'), styled('Heading1', '不足')].join('')));
    expect(paragraphs(out)).toEqual(['一、总体', '（一.一）分项', '正文', '二、不足']);
  });

  it('numbers by style only through the style named, not by another setting’s value equal to a style’s name', () => {
    // Chinese Word names 标题 1 "1"; a paragraph set to outline level 1 directly is not of that style.
    const styles = STYLES.replace('w:styleId="Heading1"', 'w:styleId="1"');
    const body = `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>${styled('1', '总体')}`;
    expect(paragraphs(writeOutNumbering(docx(body, { numbering: NUMBERING, styles })))).toEqual(['正文', '一、总体']);
  });

  it('does not number a paragraph by what a text box inside it holds', () => {
    const box = `<w:p><w:r><w:pict><w:txbxContent>${numbered(1, 0, '框内')}</w:txbxContent></w:pict></w:r></w:p>`;
    const bytes = docx(box);
    expect(writeOutNumbering(bytes)).toBe(bytes);
  });

  it('reads ids of several digits, attributes after an id, and a numPr that names no level', () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="12">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.')}</w:abstractNum>
<w:num w:numId="10"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="11"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0" w16:x="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Item" w:customStyle="1"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="10"/></w:numPr></w:pPr></w:style></w:styles>`;
    // Word leaves out the level of a numPr at level 0.
    const first = `<w:p><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>`;
    expect(paragraphs(writeOutNumbering(docx(first + styled('Item', '乙') + numbered(11, 0, '丙') + numbered(11, 1, '丁') + numbered(10, 0, '戊'), { numbering, styles })))).toEqual([
      '一、甲',
      '1.乙',
      '四、丙',
      '1.丁',
      '五、戊',
    ]);
  });

  it('leaves bullets, lists it does not know and unnumbered paragraphs as they are', () => {
    const body = [numbered(3, 0, '要点'), numbered(5, 0, '未知'), numbered(1, 7, '无此级'), plain('正文')].join('');
    const bytes = docx(body);
    expect(writeOutNumbering(bytes)).toBe(bytes);
  });

  it('turns the numbering off where it wrote the number, keeping the paragraph’s other settings', () => {
    const p = `<w:p w:rsidR="1"><w:pPr><w:pStyle w:val="Plain"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="center"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>`;
    const xml = strFromU8(unzipSync(writeOutNumbering(docx(p + styled('Heading1', '乙') + numbered(1, 0, '丙').replace('<w:pPr>', '<w:pPr><w:pStyle w:val="Plain"/>'))))['word/document.xml']!);
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    expect(xml).toContain(`<w:p w:rsidR="1"><w:pPr><w:pStyle w:val="Plain"/>${off}<w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">一、</w:t></w:r><w:r><w:t>甲</w:t></w:r></w:p>`);
    // A style's numbering is turned off by a numPr of the paragraph's own.
    expect(xml).toContain(`<w:pPr>${off}<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">二、</w:t></w:r>`);
  });

  it('returns the same bytes for a document without numbering or without a body', () => {
    const none = docx(numbered(1, 0, '甲'), { styles: STYLES });
    expect(writeOutNumbering(none)).toBe(none);
    const noBody = zipSync({ 'word/numbering.xml': strToU8(NUMBERING) });
    expect(writeOutNumbering(noBody)).toBe(noBody);
  });

  it('reads numbering written with more attributes, pretty-printed paragraphs, and an override without a start; other parts stay as they were', () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w15:restartNumberingAfterBreak="0" w:abstractNumId="5"><w:multiLevelType w:val="multilevel"/><w:lvl w:tplc="04090001" w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="9" w16cid:durableId="123"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"/></w:lvlOverride></w:num>
</w:numbering>`;
    const pretty = `<w:p>\n  <w:pPr>\n    <w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>\n  </w:pPr>\n  <w:r><w:t>甲</w:t></w:r>\n</w:p>`;
    const bytes = docx(pretty + numbered(9, 0, '乙'), { numbering, styles: STYLES });
    const out = writeOutNumbering(bytes);
    expect(paragraphs(out)).toEqual(['2.甲', '3.乙']);
    const before = unzipSync(bytes);
    const after = unzipSync(out);
    for (const name of ['[Content_Types].xml', 'word/numbering.xml', 'word/styles.xml']) expect(strFromU8(after[name]!), name).toBe(strFromU8(before[name]!));
  });

  it('numbers without styles.xml, and writes no number for a level whose text is empty', () => {
    const numbering = NUMBERING.replace('<w:lvlText w:val="%1、"/>', '<w:lvlText w:val=""/>');
    expect(paragraphs(writeOutNumbering(docx(numbered(1, 0, '甲') + numbered(1, 1, '乙'), { numbering })))).toEqual(['甲', '（一.一）乙']);
  });
});
