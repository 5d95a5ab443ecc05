/**
 * A report's lines read as a report: the web page's menus and footers cut by what they say, the
 * title and what it names (government, township, county, year), 发文字号, 主送机关, the opening,
 * the parts (一、) and their sections (（一）) with the township's own headings and paragraphs,
 * the closing and the signature's date. Nothing of the township's text is changed or dropped: a
 * line that is not furniture and has no place of its own is kept as a paragraph where it stands.
 */
import { partOf } from '../load/part-of.js';

export type Kind = '乡' | '镇' | '街道';

export interface DraftSection {
  heading: string;
  /** Written run in with its text: （一）标题。正文…… */
  runIn: boolean;
  body: string[];
}

export interface DraftPart {
  /** The part of Art. 25, judged by the heading. */
  part: number;
  heading: string | null;
  body: string[];
  sections: DraftSection[];
}

export interface Draft {
  title: string | null;
  /** The organ as the title names it (金坪乡人民政府), when it does. */
  government: string | null;
  township: { name: string; kind: Kind } | null;
  county: { name: string; from: 'title' | 'page' } | null;
  city: string | null;
  province: string | null;
  year: { value: number; from: 'title' | 'opening' | 'date' } | null;
  /** 成文日期: from the signature, a 成文日期 line, or the page's publication date. */
  date: { iso: string; from: 'signature' | 'stated' | 'page' } | null;
  docNumber: string | null;
  recipient: string | null;
  opening: string[];
  parts: DraftPart[];
  closing: string[];
  /** Lines cut as the web page's furniture (menus, share buttons, footers). */
  dropped: number;
}

const CN_DIGITS = '〇一二三四五六七八九';
/** The value of a Chinese numeral up to 99 (一, 十, 十二, 二十三), or NaN. */
export function chineseNumber(s: string): number {
  if (/^[一二三四五六七八九]$/.test(s)) return CN_DIGITS.indexOf(s);
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return Number.NaN;
  return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
}

const PART = /^([一二三四五六七八九十]{1,3})\s*[、，,.．]\s*(\S.*)$/u;
/** 第一部分 …: a report in chapters, each with its 一、 二、 (which are then its sections). */
const CHAPTER = /^第([一二三四五六七八九十]{1,3})部分\s*[、，,.．：:]?\s*(\S.*)$/u;
const SECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(\S.*)$/u;
const isHeading = (l: string) => PART.test(l) || SECTION.test(l) || CHAPTER.test(l);
/** Words of a web page's furniture, never of a report's sentence. */
const FURNITURE =
  /扫一扫|二维码|分享到|分享：|分享:|微信|微博|打印本页|【打印】|关闭窗口|【关闭】|返回顶部|主办单位|主办：|主办:|承办|协办|版权所有|Copyright|ICP|备案|公网安备|网站标识码|网站地图|联系我们|技术支持|浏览次数|访问量|点击数|阅读数|上一篇|下一篇|相关链接|相关文章|相关解读|责任编辑|当前位置|您的位置|字号[：:]|【字体|索引号|政务公开|信息公开目录|地址[：:]|邮编|联系电话|电话[：:]|传真[：:]/u;
const META = /^(日期|发布日期|发布时间|时间|来源|信息来源|作者|字号|分享|打印|浏览|点击|阅读|索引号|主题分类|成文日期|发布机构|发文机关|发文字号|文号|生成日期|有效性|【)/u;
const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;
const SIGNATURE_DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u;
const CLOSING = /^特此(报告|汇报)?[。.]?$/u;
const DOC_NUMBER = /^[\p{Script=Han}]{1,12}[〔[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$/u;
const ORGAN = /(人民政府|街道办事处|办事处|政府|党委|委员会)$/u;
/** The organ's words after a place's name: 同乐镇人民政府 → 同乐镇, 桂园街道办事处 → 桂园街道. */
const ORGAN_WORDS = /(人民政府|办事处|政府|党委|委员会)$/u;

/** A line's letters and digits only: what counts as its length for telling text from furniture. */
const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
const isFurniture = (line: string) => FURNITURE.test(line.replace(/\s/g, '')) && letters(line).length < 60;
const isMeta = (line: string) => META.test(line.replace(/\s/g, ''));
/** A line that can be the title: it names a 法治 report, is not a sentence, and is not the page's. */
const isTitle = (l: string) => /法治/u.test(l) && /报告/u.test(l) && l.length <= 80 && !/[。，；：:]/u.test(l) && !isFurniture(l) && !isMeta(l);

/** Reads the lines of a report (see readSource) into its parts. */
export function readStructure(all: readonly string[]): Draft {
  const draft: Draft = {
    title: null,
    government: null,
    township: null,
    county: null,
    city: null,
    province: null,
    year: null,
    date: null,
    docNumber: null,
    recipient: null,
    opening: [],
    parts: [],
    closing: [],
    dropped: 0,
  };

  // Where the report starts: its title, the last line naming a 法治 report before the first long
  // paragraph. A long title (中共某某镇委员会某某镇人民政府关于…的报告) is no paragraph; a long line
  // first of all is the page's (its name and menu on one line), and the title is looked for after it.
  const longAt = all.findIndex((l) => letters(l).length >= 40 && !isTitle(l));
  const firstLong = Math.max(0, longAt);
  let titleAt = -1;
  // Stryker disable next-line ArithmeticOperator: the long line itself is no title, by what makes it the bound
  for (let i = 0; i < (longAt <= 0 ? all.length : longAt); i++) if (isTitle(all[i]!)) titleAt = i;
  if (titleAt >= 0) {
    draft.title = all[titleAt]!.replace(/\s/g, '');
    // A title set on two lines, the organ above the rest: 城口县左岚乡人民政府 / 2024年法治政府建设情况报告.
    const above = all[titleAt - 1];
    if (/^(关于)?\d{4}年/u.test(draft.title) && above && ORGAN.test(above) && above.length <= 40 && !isFurniture(above)) draft.title = above.replace(/\s/g, '') + draft.title;
  }

  // The lines after the title that describe the page or the document (日期:, 字号:, 发文字号, 主送机关).
  let start = titleAt >= 0 ? titleAt + 1 : firstLong;
  if (titleAt < 0) {
    // No title: the report starts at its first line that reads as one (a heading, a sentence, the line
    // addressing it: 各位领导：), and what comes before is the page's; nothing after it is lost.
    // Stryker disable next-line EqualityOperator: the line at start found is start kept
    const first = all.findIndex((l, i) => i < start && !isFurniture(l) && !isMeta(l) && (isHeading(l) || /[。！？；]|[：:]$/u.test(l)));
    if (first >= 0) start = first;
  }
  draft.dropped += titleAt >= 0 ? titleAt : start;
  for (; start < all.length; start++) {
    const l = all[start]!;
    if (isHeading(l) || letters(l).length >= 40) break;
    if (DOC_NUMBER.test(l)) draft.docNumber = l;
    else if (/^(发文字号|文号)[：:]\s*\S/u.test(l)) draft.docNumber = l.replace(/^(发文字号|文号)[：:]\s*/u, '');
    else if (/^成文日期[：:]/u.test(l) && DATE.test(l)) draft.date = { iso: isoDate(DATE.exec(l)!), from: 'stated' };
    else if (isMeta(l) || isFurniture(l)) {
      const d = DATE.exec(l);
      if (d && !draft.date && /日期|时间/u.test(l)) draft.date = { iso: isoDate(d), from: 'page' };
      draft.dropped++;
    } else if (/[：:]$/u.test(l) && l.length <= 60 && !/[。；，,]/u.test(l)) draft.recipient = l.replace(/[：:]$/u, '');
    else break;
  }

  // Where it ends: the last paragraph, the closing formula or the signature's date; what follows is the page's.
  let end = all.length - 1;
  while (end >= start && (isFurniture(all[end]!) || (letters(all[end]!).length < 4 && !CLOSING.test(all[end]!)))) end--;
  draft.dropped += all.length - 1 - end;
  const body = all.slice(start, end + 1);
  // The organ and the date on one line (a soft line break in Markdown, spaces in a text file).
  const last = body[body.length - 1];
  const joined = last ? /^(\S{2,30}?(?:人民政府|办事处|政府))\s+(\S+年\S+月\S+日)$/u.exec(last) : null;
  if (joined && SIGNATURE_DATE.test(joined[2]!)) body.splice(body.length - 1, 1, joined[1]!, joined[2]!);

  // The signature: the organ and the date, which the report prints from the data file's fields.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the last line of no lines is undefined, which no pattern matches
  if (body.length > 0 && SIGNATURE_DATE.test(body[body.length - 1]!)) {
    const d = SIGNATURE_DATE.exec(body.pop()!)!;
    draft.date = { iso: isoDate([d[0], arabic(d[1]!), arabic(d[2]!), arabic(d[3]!)]), from: 'signature' };
    const organ = body[body.length - 1];
    if (organ && ORGAN.test(organ) && organ.length <= 40 && !/[。，；]/u.test(organ)) {
      draft.government ??= organ;
      body.pop();
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the last line of no lines is undefined, which no pattern matches
  while (body.length > 0 && CLOSING.test(body[body.length - 1]!)) draft.closing.unshift(body.pop()!);

  readParts(body, draft);
  readIdentity(draft, [...all.slice(0, start), ...all.slice(end + 1)]);
  return draft;
}

/** The opening, then the parts (一、) with their sections (（一）): in the order written, by the sequence of their numbers. */
function readParts(body: readonly string[], draft: Draft): void {
  const partHeadings = body.filter((l) => PART.test(l)).length;
  // A report in chapters (第一部分) has its 一、 as sections; one numbered only （一）（二） has those as its parts.
  const chapters = body.some((l) => CHAPTER.test(l));
  const top = chapters ? CHAPTER : partHeadings > 0 ? PART : SECTION;
  const sub = chapters ? PART : top === PART ? SECTION : null;
  const hasTop = body.some((l) => top.test(l));
  const isHeading = (text: string) => letters(text).length <= 40 || /[。]/u.test(text);
  // The numbers of the headings, in order: a report (or the part of one pasted) whose first
  // heading is 二、 and that has no 一、 is numbered from there.
  const numbers = body.flatMap((l) => {
    const p = top.exec(l);
    return p && isHeading(p[2]!) ? [chineseNumber(p[1]!)] : [];
  });
  let part: DraftPart | null = null;
  let section: DraftSection | null = null;
  let expected = numbers.includes(1) ? 1 : numbers[0];
  for (const line of body) {
    const p = top.exec(line);
    if (p && chineseNumber(p[1]!) === expected && isHeading(p[2]!)) {
      const [heading, rest] = splitRunIn(p[2]!);
      part = { part: partOf(heading), heading, body: rest ? [rest] : [], sections: [] };
      draft.parts.push(part);
      section = null;
      expected++;
      continue;
    }
    const s = sub?.exec(line);
    if (s && part) {
      const [heading, rest] = splitRunIn(s[2]!);
      section = { heading, runIn: rest !== '', body: rest ? [rest] : [] };
      part.sections.push(section);
      continue;
    }
    if (section) section.body.push(line);
    else if (part) part.body.push(line);
    else if (hasTop) draft.opening.push(line);
    else {
      part = { part: 1, heading: null, body: [line], sections: [] };
      draft.parts.push(part);
    }
  }
}

/** A heading and the text run in after it (a heading's text starts and ends with no space): “加强组织领导。全年……” → [加强组织领导, 全年……]; a heading alone loses its full stop. */
function splitRunIn(text: string): [string, string] {
  const stop = text.search(/[。]/u);
  if (stop < 0) return [text, ''];
  const heading = text.slice(0, stop).trim();
  const rest = text.slice(stop + 1).trim();
  // A first sentence too long for a heading: the whole is text under a heading of its first clause.
  if (letters(heading).length > 50) return [text, ''];
  return [heading, rest];
}

/** The government, township, county and year, from the title; the county from the page around the report (its header, footer) when the title has none. */
function readIdentity(draft: Draft, around: readonly string[]): void {
  // Stryker disable next-line StringLiteral: no title, no year and no organ: any text without four digits or 法治
  const title = draft.title ?? '';
  // The title is written without spaces: the organ comes first, before the year or, in a title without one, before 法治.
  const year = /(\d{4})年/u.exec(title);
  if (year) draft.year = { value: Number(year[1]), from: 'title' };
  const end = year ? year.index : title.indexOf('法治');
  // Stryker disable next-line EqualityOperator: an organ of no characters names nothing (and every title names 法治)
  if (end > 0) {
    // 关于金坪乡2025年…的报告 and 金坪乡人民政府关于2025年…: the organ without 关于, or the quotes of “2025”.
    const organ = title
      .slice(0, end)
      .replace(/["'“”‘’「」『』]/gu, '')
      .replace(/^关于|关于$/gu, '');
    if (ORGAN.test(organ)) draft.government = organ;
    // Stryker disable next-line StringLiteral: a place not read here is read from the government next
    Object.assign(draft, place(organ.replace(ORGAN_WORDS, '')));
  }
  if (!draft.township && draft.government) Object.assign(draft, place(draft.government.replace(ORGAN_WORDS, '')));
  if (!draft.year) {
    // Stryker disable next-line StringLiteral: lines joined with nothing or a line break read the same year (\s* spans the break)
    const y = /(\d{4})\s*年/u.exec(draft.opening.join('\n'));
    if (y) draft.year = { value: Number(y[1]), from: 'opening' };
    else if (draft.date) draft.year = { value: Number(draft.date.iso.slice(0, 4)) - 1, from: 'date' };
  }
  if (!draft.county) {
    const own = draft.township?.name ?? '\0';
    for (const line of around) {
      const c = /([\p{Script=Han}]{1,4}[县区旗])(?:人民政府|委员会|党委|司法局)/u.exec(line);
      if (c && !c[1]!.includes(own) && !/依法|治/u.test(c[1]!)) {
        draft.county = { name: c[1]!, from: 'page' };
        break;
      }
    }
  }
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** A place's name split into province, city, county and township: 重庆市涪陵区同乐镇. */
function place(name: string): Partial<Draft> {
  let rest = name.replace(/\s/g, '');
  const out: Partial<Draft> = {};
  const take = (re: RegExp) => {
    const m = re.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
    return m[0];
  };
  const province = take(/^.{2,8}?(省|自治区)/u);
  const city = take(/^.{2,8}?(市|自治州|地区|盟)/u);
  const town = (s: string) => /^(.{1,10}?)(乡|镇|街道)$/u.exec(s);
  // A county only when a township is left after it (新市镇 is a township, not 新市 and 镇).
  const county = /^.{1,8}?(县|区|旗|市)/u.exec(rest);
  if (county && town(rest.slice(county[0].length))) {
    out.county = { name: county[0], from: 'title' };
    rest = rest.slice(county[0].length);
  }
  const t = town(rest);
  if (t) out.township = { name: rest, kind: t[2] as Kind };
  // Stryker disable next-line ConditionalExpression: no province is null, as the draft holds it already
  if (province) out.province = province;
  if (city) {
    out.city = city;
    if (!province && MUNICIPALITIES.has(city)) out.province = city;
  }
  return t ? out : {};
}

function arabic(s: string): string {
  // Written in digits or in Chinese numerals, never both.
  if (/\d/.test(s)) return s;
  if (s.length === 4) return [...s].map((c) => (c === '零' ? '0' : String(CN_DIGITS.indexOf(c)))).join('');
  return String(chineseNumber(s));
}

function isoDate(m: readonly string[]): string {
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
