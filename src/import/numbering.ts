/**
 * Word's automatic numbering written out. A clerk's 一、（一）1. are often Word's numbering, not
 * text: the paragraph names a list (numbering.xml) and Word draws the number. mammoth reads such
 * paragraphs as HTML lists and loses the format (every level restarts at 1.), so before mammoth
 * reads the document each numbered paragraph gets its number as the text Word shows (一、, （二）,
 * 3., ①), counted as Word counts, and loses its numbering. Bullets are left as they are.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { decodeEntities } from '../load/xml.js';

interface Level {
  format: string;
  text: string;
  start: number;
}

/** An attribute's value (w:val) in an element's XML, its entities decoded (a level's text `第%1条 &amp;` is `第%1条 &`). */
const val = (xml: string, tag: string): string | undefined => {
  const raw = new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
  return raw === undefined ? undefined : decodeEntities(raw);
};

const CN = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
/** A Chinese numeral up to 99: 一, 十, 十二, 二十三; in the legal (financial) digits 壹, 壹拾, 壹拾贰, 贰拾叁. */
function chinese(n: number, legal = false): string {
  const digits = legal ? LEGAL : CN;
  const ten = legal ? '拾' : '十';
  if (n < 10) return digits[n]!;
  if (n < 100) return `${n < 20 && !legal ? '' : digits[Math.floor(n / 10)]}${ten}${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

/** A counter in a level's number format, as Word writes it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseLegalSimplified':
      return chinese(n, true);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    // a … z, then aa … zz, aaa …: the letter repeated once more for each round of the alphabet.
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) [n, out] = [n - v, out + s];
  return out;
}

/** numbering.xml → each list (numId) as its levels, with start overrides applied. */
function lists(numbering: string): Map<string, { abstract: string; levels: Map<number, Level>; restarts: Set<number> }> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: val(l[2]!, 'numFmt') ?? 'decimal', text: val(l[2]!, 'lvlText') ?? '', start: Number(val(l[2]!, 'start') ?? 1) });
    }
    abstracts.set(a[1]!, levels);
  }
  const out = new Map<string, { abstract: string; levels: Map<number, Level>; restarts: Set<number> }>();
  for (const n of numbering.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    // Stryker disable next-line StringLiteral: a tag left empty finds the first valued child, which Word's schema makes w:abstractNumId
    const abstract = val(n[2]!, 'abstractNumId');
    const base = abstract !== undefined ? abstracts.get(abstract) : undefined;
    if (!base || abstract === undefined) continue;
    const levels = new Map([...base].map(([k, v]) => [k, { ...v }]));
    // The levels this list starts again at a number of its own, even when another list of the same abstract list counted on before.
    const restarts = new Set<number>();
    for (const o of n[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      // Stryker disable next-line StringLiteral: a tag left empty finds the first valued child, which Word's schema makes w:startOverride
      const start = val(o[2]!, 'startOverride');
      const level = levels.get(Number(o[1]));
      if (start !== undefined && level) {
        level.start = Number(start);
        restarts.add(Number(o[1]));
      }
    }
    out.set(n[1]!, { abstract, levels, restarts });
  }
  return out;
}

/** styles.xml → the numbering each paragraph style gives its paragraphs (标题 1 numbered 一、). */
function styleNumbering(styles: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const s of styles.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s[2]!)?.[1];
    const numId = numPr ? val(numPr, 'numId') : undefined;
    if (numId) out.set(s[1]!, { numId, ilvl: Number(val(numPr!, 'ilvl') ?? 0) });
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document with each numbered paragraph's number as its text; the same bytes when nothing is numbered. */
export function writeOutNumbering(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const numberingXml = files['word/numbering.xml'];
  const documentXml = files['word/document.xml'];
  if (!numberingXml || !documentXml) return bytes;
  const numbering = lists(strFromU8(numberingXml));
  const byStyle = files['word/styles.xml'] ? styleNumbering(strFromU8(files['word/styles.xml'])) : new Map();
  // Word counts per abstract list: lists sharing one continue each other's numbers.
  const counters = new Map<string, number[]>();
  // The lists and levels whose own start has been counted from.
  const restarted = new Set<string>();
  let changed = false;
  const document = strFromU8(documentXml).replace(/<w:p((?:\s[^>]*?)?)(?<!\/)>([\s\S]*?)<\/w:p>/g, (whole, attrs: string, inner: string) => {
    const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner);
    const numPr = pPr ? /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr[1]!)?.[1] : undefined;
    const style = pPr ? val(pPr[1]!, 'pStyle') : undefined;
    const fromStyle = style ? byStyle.get(style) : undefined;
    const numId = (numPr ? val(numPr, 'numId') : undefined) ?? fromStyle?.numId;
    const ilvl = Number((numPr ? val(numPr, 'ilvl') : undefined) ?? fromStyle?.ilvl ?? 0);
    const list = numId ? numbering.get(numId) : undefined;
    const level = list?.levels.get(ilvl);
    if (!list || !level || level.format === 'bullet') return whole;
    const count = counters.get(list.abstract) ?? [];
    const restart = list.restarts.has(ilvl) && !restarted.has(`${numId}:${ilvl}`);
    if (restart) restarted.add(`${numId}:${ilvl}`);
    count[ilvl] = count[ilvl] === undefined || restart ? level.start : count[ilvl]! + 1;
    // A level counted again restarts the levels below it.
    count.length = ilvl + 1;
    counters.set(list.abstract, count);
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = list.levels.get(i);
      return formatNumber(count[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
    changed = true;
    // numId 0 is "no numbering", also over a style's.
    const noNumbering = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const props = pPr ? `<w:pPr>${numPr !== undefined ? pPr[1]!.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, noNumbering) : noNumbering + pPr[1]!}</w:pPr>` : `<w:pPr>${noNumbering}</w:pPr>`;
    const rest = pPr ? inner.slice(pPr[0].length) : inner;
    return `<w:p${attrs}>${props}<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>${rest}</w:p>`;
  });
  if (!changed) return bytes;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = name === 'word/document.xml' ? strToU8(document) : data;
  return zipSync(out);
}
