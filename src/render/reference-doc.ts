/**
 * A county's house style, read from a document it made in Word or WPS (a “reference
 * document”, as pandoc calls it): the paper and margins of its last section, the font, size
 * and line spacing its body text is shown in, the fonts and sizes of its title and headings,
 * and where its footers put the page number. The result is layout settings; what the document
 * does not say stays as it was.
 *
 * The document is untrusted: it is read only if it is an ordinary file of a sensible size, only
 * the few parts needed are unpacked and each only up to a limit, the XML is read without
 * document types and with limits on size and depth, and every value is checked against the
 * layout's schema before it is used; a font name is taken only if it is plainly a name.
 */
import { posix } from 'node:path';
import { readBytes } from '../load/read.js';
import { child, childrenNamed, descendants, parseXml, XmlError, type XmlElement } from '../load/xml.js';
import { readEntry, ZipError, zipEntries, type ZipEntry } from '../load/zip.js';
import { LAYOUT_DEFAULTS, layoutOverridesSchema, typeAreaProblem, type Layout, type LayoutOverrides } from './layout.js';

/** A Word document with pictures is a few megabytes; a reference document needs none. */
export const MAX_REFERENCE_BYTES = 64 * 1024 * 1024;
/** The most one XML part may unpack to: a long report's document.xml is one or two megabytes. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;
/** The most all the parts read may unpack to together. */
const MAX_TOTAL_BYTES = 48 * 1024 * 1024;
/** Paragraphs of the body looked at: enough to see how its text is set. */
const MAX_PARAGRAPHS = 2000;

/** Why a reference document could not be read. */
export type ReferenceProblem = 'not-docx' | 'old-format' | 'broken' | 'too-large';

export class ReferenceDocError extends Error {
  constructor(
    readonly problem: ReferenceProblem,
    readonly detail: string,
  ) {
    // Stryker disable next-line StringLiteral: the detail is for developers; the command line says the problem in the user's words
    super(`${problem}: ${detail}`);
  }
}

export interface ReferenceLayout {
  /** The settings the document gives, each within the layout's schema. */
  layout: LayoutOverrides;
  /** What the document gives that no layout can take (out of range, a name that is not a font's), with the value as read. */
  dropped: { key: string; value: string }[];
}

/** A reference document's path → the layout settings it gives. Throws ReadError (the file) or ReferenceDocError (its content). */
export function readReferenceDoc(path: string): ReferenceLayout {
  return referenceLayout(readBytes(path, MAX_REFERENCE_BYTES));
}

/** A .docx's bytes → the layout settings it gives. Throws ReferenceDocError. */
export function referenceLayout(bytes: Uint8Array): ReferenceLayout {
  const pkg = openPackage(bytes);
  const found = readStyle(pkg);
  return checked(found);
}

// ---------------------------------------------------------------------------------------------
// The package: parts by name, relationships, each part unpacked once and within the limits.

interface Package {
  part(name: string): XmlElement | undefined;
  /** The relationships of a part: id → { type, target part name }. */
  rels(name: string): Map<string, { type: string; target: string }>;
}

/** The first bytes of an OLE compound file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function openPackage(bytes: Uint8Array): Package {
  // A .doc, a .wps and a .docx with a password are all OLE compound files.
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) throw new ReferenceDocError('old-format', 'an OLE compound file');
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (e) {
    throw fromZip(e);
  }
  let total = 0;
  const parsed = new Map<string, XmlElement | undefined>();
  const part = (name: string): XmlElement | undefined => {
    const key = name.toLowerCase();
    // Stryker disable next-line ConditionalExpression: reading a part again gives the same element
    if (parsed.has(key)) return parsed.get(key);
    const entry = entries.get(key);
    let element: XmlElement | undefined;
    if (entry) {
      let data: Uint8Array;
      try {
        data = readEntry(bytes, entry, Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - total));
      } catch (e) {
        throw fromZip(e);
      }
      total += data.length;
      try {
        element = parseXml(xmlText(data));
      } catch (e) {
        // Stryker disable next-line StringLiteral: the detail is for developers; the command line says the problem in the user's words
        if (e instanceof XmlError) throw new ReferenceDocError('broken', `${entry.name}: ${e.message}`);
        throw e;
      }
    }
    parsed.set(key, element);
    return element;
  };
  const rels = (name: string) => {
    const dir = posix.dirname(name);
    const relsName = posix.join(dir, '_rels', `${posix.basename(name)}.rels`);
    const out = new Map<string, { type: string; target: string }>();
    for (const r of childrenNamed(part(relsName), 'rel:Relationship')) {
      const id = r.attrs['Id'];
      const target = r.attrs['Target'];
      if (!id || !target || r.attrs['TargetMode'] === 'External') continue;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.join(dir, target);
      out.set(id, { type: r.attrs['Type'] ?? '', target: resolved });
    }
    return out;
  };
  return { part, rels };
}

/** A part's text: UTF-8, or UTF-16 by its byte order mark (XML may be either). */
function xmlText(data: Uint8Array): string {
  const bom = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
  const encoding = bom === 0xfffe ? 'utf-16le' : bom === 0xfeff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(data);
}

function fromZip(e: unknown): Error {
  if (!(e instanceof ZipError)) return e as Error;
  if (e.problem === 'too-large') return new ReferenceDocError('too-large', e.message);
  if (e.problem === 'not-zip') return new ReferenceDocError('not-docx', e.message);
  return new ReferenceDocError('broken', e.message);
}

const relType = (rels: Map<string, { type: string; target: string }>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

// ---------------------------------------------------------------------------------------------
// Properties as Word works them out: document defaults ← paragraph style (and those it is
// based on) ← character style ← the paragraph's or run's own.

interface RunProps {
  eastAsia?: string;
  latin?: string;
  eastAsiaTheme?: string;
  latinTheme?: string;
  /** Half-points. */
  size?: number;
  bold?: boolean;
}

interface ParaProps {
  /** Twips, or 240ths of a line for lineRule auto. */
  line?: number;
  lineRule?: 'auto' | 'exact' | 'atLeast';
  jc?: string;
}

interface Style {
  id: string;
  /** Lower case: heading 1, title, 标题 1. */
  name: string;
  basedOn: string | undefined;
  para: ParaProps;
  run: RunProps;
}

/** A measure as OOXML writes it: a number in the attribute's own unit, or with a unit (strict OOXML, 12pt). In the attribute's unit. */
function measure(value: string | undefined, unit: 'twips' | 'half-points'): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const points = { mm: (n * 72) / 25.4, cm: (n * 72) / 2.54, in: n * 72, pt: n, pc: n * 12, pi: n * 12 }[m[2] ?? ''];
  if (points === undefined) return n;
  return unit === 'twips' ? points * 20 : points * 2;
}

const on = (e: XmlElement | undefined): boolean | undefined => {
  if (!e) return undefined;
  const v = e.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
};

function runProps(rPr: XmlElement | undefined): RunProps {
  const out: RunProps = {};
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const a = fonts.attrs;
    if (a['w:eastAsia']) out.eastAsia = a['w:eastAsia'];
    if (a['w:ascii'] ?? a['w:hAnsi']) out.latin = (a['w:ascii'] ?? a['w:hAnsi'])!;
    if (a['w:eastAsiaTheme']) out.eastAsiaTheme = a['w:eastAsiaTheme'];
    if (a['w:asciiTheme'] ?? a['w:hAnsiTheme']) out.latinTheme = (a['w:asciiTheme'] ?? a['w:hAnsiTheme'])!;
  }
  const size = measure(child(rPr, 'w:sz')?.attrs['w:val'], 'half-points');
  if (size !== undefined) out.size = size;
  const bold = on(child(rPr, 'w:b'));
  if (bold !== undefined) out.bold = bold;
  return out;
}

function paraProps(pPr: XmlElement | undefined): ParaProps {
  const out: ParaProps = {};
  const spacing = child(pPr, 'w:spacing');
  const line = measure(spacing?.attrs['w:line'], 'twips');
  if (line !== undefined) {
    out.line = line;
    const rule = spacing?.attrs['w:lineRule'];
    out.lineRule = rule === 'exact' || rule === 'atLeast' ? rule : 'auto';
  }
  const jc = child(pPr, 'w:jc')?.attrs['w:val'];
  if (jc) out.jc = jc;
  return out;
}

/** Later properties over earlier ones; a theme font and a named one of the same script replace each other. */
function mergeRun(...layers: RunProps[]): RunProps {
  const out: RunProps = {};
  for (const l of layers) {
    if (l.eastAsiaTheme !== undefined || l.eastAsia !== undefined) {
      delete out.eastAsiaTheme;
      delete out.eastAsia;
    }
    if (l.latinTheme !== undefined || l.latin !== undefined) {
      delete out.latinTheme;
      delete out.latin;
    }
    Object.assign(out, l);
  }
  return out;
}

const mergePara = (...layers: ParaProps[]): ParaProps => Object.assign({}, ...layers);

interface Styles {
  defaults: { run: RunProps; para: ParaProps };
  byId: Map<string, Style>;
  defaultParagraph: string | undefined;
  /** A paragraph style's properties with those of the styles it is based on (a loop is cut). */
  chain(id: string | undefined): { run: RunProps; para: ParaProps; names: string[] };
}

function readStyles(root: XmlElement | undefined): Styles {
  const docDefaults = child(root, 'w:docDefaults');
  const defaults = {
    run: runProps(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr')),
    para: paraProps(child(child(docDefaults, 'w:pPrDefault'), 'w:pPr')),
  };
  const byId = new Map<string, Style>();
  let defaultParagraph: string | undefined;
  for (const s of childrenNamed(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const type = s.attrs['w:type'] ?? 'paragraph';
    const isDefault = ['1', 'true', 'on'].includes(s.attrs['w:default'] ?? '');
    if (type === 'paragraph' && isDefault) defaultParagraph ??= id;
    byId.set(id, {
      id,
      name: (child(s, 'w:name')?.attrs['w:val'] ?? '').trim().toLowerCase(),
      basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
      para: paraProps(child(s, 'w:pPr')),
      run: runProps(child(s, 'w:rPr')),
    });
  }
  const chain = (id: string | undefined) => {
    const seen: Style[] = [];
    for (let s = id === undefined ? undefined : byId.get(id); s && !seen.includes(s) && seen.length < 32; s = s.basedOn ? byId.get(s.basedOn) : undefined) seen.push(s);
    seen.reverse();
    return { run: mergeRun(...seen.map((s) => s.run)), para: mergePara(...seen.map((s) => s.para)), names: seen.map((s) => s.name) };
  };
  return { defaults, byId, defaultParagraph, chain };
}

/** The theme's fonts: minor (body) and major (headings), Latin and East Asian (the Chinese one when the theme names none). */
function readTheme(root: XmlElement | undefined): Record<string, string | undefined> {
  const scheme = child(child(root, 'a:themeElements'), 'a:fontScheme');
  const fonts = (kind: 'a:minorFont' | 'a:majorFont') => {
    const f = child(scheme, kind);
    const ea = child(f, 'a:ea')?.attrs['typeface'] || childrenNamed(f, 'a:font').find((x) => x.attrs['script'] === 'Hans')?.attrs['typeface'];
    return { latin: child(f, 'a:latin')?.attrs['typeface'] || undefined, ea: ea || undefined };
  };
  const minor = fonts('a:minorFont');
  const major = fonts('a:majorFont');
  return {
    minorHAnsi: minor.latin,
    minorAscii: minor.latin,
    minorEastAsia: minor.ea,
    majorHAnsi: major.latin,
    majorAscii: major.latin,
    majorEastAsia: major.ea,
  };
}

// ---------------------------------------------------------------------------------------------
// What the document says.

/** What a paragraph is; headings below the third level are read as theirs, and looked at by nothing. */
type Role = 'body' | 'title' | `h${number}` | 'other';

interface Sample {
  weight: number;
  value: string | number | boolean;
}

/** The value with the most weight behind it (the most characters set in it). */
function mostUsed<T extends Sample['value']>(samples: Sample[]): T | undefined {
  const totals = new Map<Sample['value'], number>();
  for (const s of samples) totals.set(s.value, (totals.get(s.value) ?? 0) + s.weight);
  let best: Sample['value'] | undefined;
  let most = 0;
  for (const [v, w] of totals) {
    if (w > most) {
      best = v;
      most = w;
    }
  }
  return best as T | undefined;
}

interface Found {
  values: Record<string, string | number | boolean | undefined>;
}

const MM_PER_TWIP = 25.4 / 1440;
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
/** Twips to millimetres, to a tenth: Word keeps whole twips, so 210 mm is stored as 210.0086. */
const twipsToMm = (v: number) => round(v * MM_PER_TWIP, 1);

/** Paragraphs whose text begins like a GB/T 9704 heading: 一、（一）1. */
const NUMBERED: [RegExp, Role][] = [
  [/^[一二三四五六七八九十百]+、/, 'h1'],
  [/^[（(][一二三四五六七八九十百]+[）)]/, 'h2'],
  [/^\d{1,2}[.．](?!\d)/, 'h3'],
];

/** Elements whose runs are not the paragraph's text: deleted text, text boxes and drawings (they have paragraphs of their own). Field codes and deleted runs' w:delText are no w:t. */
const NOT_TEXT = new Set(['w:del', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:txbxContent', 'w:object']);

/** A paragraph's runs with text, and its text. */
function runsOf(p: XmlElement): { runs: { rPr: XmlElement | undefined; text: string }[]; text: string } {
  const runs: { rPr: XmlElement | undefined; text: string }[] = [];
  for (const r of descendants(p, (e) => !NOT_TEXT.has(e.name))) {
    if (r.name !== 'w:r') continue;
    const text = childrenNamed(r, 'w:t')
      .map((t) => t.text)
      .join('');
    if (text.trim() !== '') runs.push({ rPr: child(r, 'w:rPr'), text });
  }
  return { runs, text: runs.map((r) => r.text).join('') };
}

/** The paragraphs of the body in order, those in content controls included, those in tables not. */
function bodyParagraphs(body: XmlElement | undefined): XmlElement[] {
  if (!body) return [];
  return descendants(body, (e) => e.name === 'w:sdt' || e.name === 'w:sdtContent' || e.name === 'w:customXml')
    .filter((e) => e.name === 'w:p')
    .slice(0, MAX_PARAGRAPHS);
}

const weightOf = (text: string) => text.replace(/\s/g, '').length;

function readStyle(pkg: Package): Found {
  const rootRels = pkg.rels('');
  const main = relType(rootRels, 'officeDocument') ?? 'word/document.xml';
  const document = pkg.part(main);
  // Stryker disable next-line StringLiteral: the detail is for developers; the command line says the problem in the user's words
  if (document?.name !== 'w:document') throw new ReferenceDocError('not-docx', `no Word document part (${main})`);
  const rels = pkg.rels(main);
  const styles = readStyles(pkg.part(relType(rels, 'styles') ?? 'word/styles.xml'));
  const theme = readTheme(pkg.part(relType(rels, 'theme') ?? 'word/theme/theme1.xml'));
  const settings = pkg.part(relType(rels, 'settings') ?? 'word/settings.xml');
  const body = child(document, 'w:body');
  const values: Found['values'] = {};

  // The page: the body's last section, as Word prints it.
  // Not those in tables, nor the section properties a tracked change replaced.
  const sections = descendants(body ?? document, (e) => e.name !== 'w:tbl' && e.name !== 'w:sectPrChange' && e.name !== 'w:pPrChange' && e.name !== 'w:r').filter((e) => e.name === 'w:sectPr');
  // The body's own section properties come last in it, after those that end a section inside it.
  const last = sections[sections.length - 1];
  const pgSz = child(last, 'w:pgSz');
  const width = measure(pgSz?.attrs['w:w'], 'twips');
  const height = measure(pgSz?.attrs['w:h'], 'twips');
  if (width !== undefined && height !== undefined) {
    values['page_width'] = twipsToMm(width);
    values['page_height'] = twipsToMm(height);
  }
  const pgMar = child(last, 'w:pgMar');
  if (pgMar) {
    const margin = (side: string) => {
      const v = measure(pgMar.attrs[`w:${side}`], 'twips');
      // A negative top or bottom margin is one the header or footer may not push down: its size is the same.
      return v === undefined ? undefined : Math.abs(v);
    };
    const gutter = margin('gutter') ?? 0;
    const top = margin('top');
    const bottom = margin('bottom');
    const left = margin('left');
    const right = margin('right');
    if (top !== undefined) values['margin_top'] = twipsToMm(top);
    if (bottom !== undefined) values['margin_bottom'] = twipsToMm(bottom);
    // The gutter is space for binding beside the left margin.
    if (left !== undefined) values['margin_left'] = twipsToMm(left + gutter);
    if (right !== undefined) values['margin_right'] = twipsToMm(right);
  }

  // The text: each paragraph's properties as Word works them out, and who sets what in it.
  const samples: Record<string, Sample[]> = {};
  const add = (key: string, value: Sample['value'] | undefined, weight: number) => {
    // A weight of 0 (a run of spaces) never outweighs another value; a value not set never counts.
    if (value === undefined) return;
    const list = samples[key] ?? [];
    list.push({ value, weight });
    samples[key] = list;
  };
  const font = (props: RunProps, script: 'eastAsia' | 'latin') => {
    const themed = script === 'eastAsia' ? props.eastAsiaTheme : props.latinTheme;
    return (themed !== undefined && Object.hasOwn(theme, themed) ? theme[themed] : undefined) ?? (script === 'eastAsia' ? props.eastAsia : props.latin);
  };
  let titleCandidate: { size: number | undefined; font: string | undefined } | undefined;
  let seenBody = false;
  for (const p of bodyParagraphs(body)) {
    const pPr = child(p, 'w:pPr');
    const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'] ?? styles.defaultParagraph;
    const style = styles.chain(styleId);
    const para = mergePara(styles.defaults.para, style.para, paraProps(pPr));
    const { runs, text } = runsOf(p);
    if (text.trim() === '') continue;
    const own = style.names[style.names.length - 1] ?? '';
    const heading = /^(?:heading|标题)\s*([1-9])$/.exec(own);
    let role: Role;
    let byNumber = false;
    if (own === 'title' || own === '标题') role = 'title';
    else if (heading) role = `h${Number(heading[1])}`;
    else {
      const numbered = NUMBERED.find(([re]) => re.test(text.trim()));
      byNumber = numbered !== undefined;
      role = numbered ? numbered[1] : para.jc === 'center' ? (seenBody || titleCandidate ? 'other' : 'title') : para.jc === 'right' || para.jc === 'end' ? 'other' : 'body';
    }
    const effective = runs.map((r) => ({ props: mergeRun(styles.defaults.run, style.run, runProps(r.rPr)), weight: weightOf(r.text) }));
    if (role === 'title' && own !== 'title' && own !== '标题') {
      // A centred paragraph before the body: the title, if it is set larger than the body (seen below).
      const first = effective[0]?.props;
      titleCandidate = { size: first?.size, font: first ? font(first, 'eastAsia') : undefined };
      continue;
    }
    // A paragraph of another role (a signature, a heading below the third level) is sampled under its role, which nothing reads.
    if (role === 'body') seenBody = true;
    // A heading by its number (一、) may run into its text: its first run is the heading.
    const counted = byNumber ? effective.slice(0, 1) : effective;
    for (const { props, weight } of counted) {
      add(`${role}.eastAsia`, font(props, 'eastAsia'), weight);
      add(`${role}.latin`, font(props, 'latin'), weight);
      add(`${role}.size`, props.size, weight);
      add(`${role}.bold`, props.bold ?? false, weight);
    }
    if (role === 'body' && para.line !== undefined && para.lineRule !== undefined) add('body.line', `${para.lineRule}:${para.line}`, weightOf(text));
  }

  const bodySize = mostUsed<number>(samples['body.size'] ?? []);
  values['body_font'] = mostUsed(samples['body.eastAsia'] ?? []);
  values['latin_font'] = mostUsed(samples['body.latin'] ?? []);
  values['body_size'] = bodySize === undefined ? undefined : bodySize / 2;
  const line = mostUsed<string>(samples['body.line'] ?? []);
  if (line) {
    const [rule, amount] = line.split(':') as [string, string];
    if (rule === 'auto') {
      values['line_rule'] = 'multiple';
      values['line_multiple'] = round(Number(amount) / 240, 2);
    } else {
      values['line_rule'] = rule === 'exact' ? 'exact' : 'at_least';
      values['line_spacing'] = round(Number(amount) / 20, 2);
    }
  }
  const titleSize = mostUsed<number>(samples['title.size'] ?? []);
  const titleFont = mostUsed<string>(samples['title.eastAsia'] ?? []);
  if (titleSize !== undefined || titleFont !== undefined) {
    values['title_size'] = titleSize === undefined ? undefined : titleSize / 2;
    values['title_font'] = titleFont;
  } else if (titleCandidate?.size !== undefined && (bodySize === undefined || titleCandidate.size > bodySize)) {
    values['title_size'] = titleCandidate.size / 2;
    values['title_font'] = titleCandidate.font;
  }
  for (const level of [1, 2, 3] as const) {
    const size = mostUsed<number>(samples[`h${level}.size`] ?? []);
    values[`heading${level}_font`] = mostUsed(samples[`h${level}.eastAsia`] ?? []);
    values[`heading${level}_size`] = size === undefined ? undefined : size / 2;
  }
  if (samples['h3.bold']) values['heading3_bold'] = mostUsed<boolean>(samples['h3.bold']);

  // The page number: in the footers the last section uses, or those before it that it inherits.
  values['page_numbers'] = pageNumbers(pkg, main, rels, sections, styles, on(child(settings, 'w:evenAndOddHeaders')) ?? false);
  return { values };
}

// ---------------------------------------------------------------------------------------------
// Page numbers.

type Place = 'left' | 'center' | 'right' | 'outside' | 'inside';

/** An instruction that is the page number (PAGE), not the number of pages (NUMPAGES) nor a section's. */
const PAGE_FIELD = /(?:^|\s)PAGE(?:\s|\\|$)/;

function pageNumbers(pkg: Package, main: string, rels: Map<string, { type: string; target: string }>, sections: XmlElement[], styles: Styles, evenAndOdd: boolean): Layout['page_numbers'] | undefined {
  const reference = (kind: 'footer' | 'header', type: 'default' | 'even') => {
    for (const section of [...sections].reverse()) {
      const ref = childrenNamed(section, `w:${kind}Reference`).find((r) => (r.attrs['w:type'] ?? 'default') === type);
      if (ref) return rels.get(ref.attrs['r:id'] ?? '')?.target;
    }
    return undefined;
  };
  const placeIn = (type: 'default' | 'even') => {
    for (const kind of ['footer', 'header'] as const) {
      const name = reference(kind, type);
      const part = name && name !== main ? pkg.part(name) : undefined;
      const place = part ? pageNumberPlace(part, styles) : undefined;
      if (place) return place;
    }
    return undefined;
  };
  const odd = placeIn('default');
  const even = evenAndOdd ? placeIn('even') : undefined;
  // A document with sections says where its page numbers go, if only that there are none.
  if (!odd && !even) return sections.length > 0 ? 'none' : undefined;
  if (odd === 'right' && even === 'left') return 'outside';
  const place = odd ?? even!;
  return place === 'inside' ? 'left' : place;
}

/** Where a header or footer part shows the page number, if it does. */
function pageNumberPlace(root: XmlElement, styles: Styles): Place | undefined {
  // Each paragraph with the frame or drawing it stands in: WPS puts page numbers in a text box.
  const walk: { e: XmlElement; at: Place | undefined }[] = [{ e: root, at: undefined }];
  while (walk.length > 0) {
    const { e, at } = walk.pop()!;
    if (e.name === 'w:p' && hasPageField(e)) return paragraphPlace(e, styles, at);
    // A drawing's anchor (wp:anchor) places what is in it by wp:positionH.
    let inner = placeName(child(child(e, 'wp:positionH'), 'wp:align')?.text.trim()) ?? at;
    if (e.name === 'v:shape' || e.name === 'v:rect') inner = placeName(/mso-position-horizontal:\s*([a-z]+)/.exec(e.attrs['style'] ?? '')?.[1]) ?? at;
    for (let i = e.children.length - 1; i >= 0; i--) walk.push({ e: e.children[i]!, at: inner });
  }
  return undefined;
}

const placeName = (v: string | undefined): Place | undefined => (v === 'left' || v === 'center' || v === 'right' || v === 'outside' || v === 'inside' ? v : undefined);

function hasPageField(p: XmlElement): boolean {
  for (const e of descendants(p, (x) => x.name !== 'w:txbxContent')) {
    if (e.name === 'w:fldSimple' && PAGE_FIELD.test(e.attrs['w:instr'] ?? '')) return true;
    if (e.name === 'w:instrText' && PAGE_FIELD.test(e.text)) return true;
  }
  return false;
}

/**
 * Where a paragraph puts its page number: by its frame, the text box it is in (`box`), its
 * alignment, or the tabs before the number (Word's footer has a centre and a right tab).
 */
function paragraphPlace(p: XmlElement, styles: Styles, box: Place | undefined): Place {
  const pPr = child(p, 'w:pPr');
  const frame = placeName(child(pPr, 'w:framePr')?.attrs['w:xAlign']);
  if (frame) return frame;
  if (box) return box;
  const jc = mergePara(styles.defaults.para, styles.chain(child(pPr, 'w:pStyle')?.attrs['w:val'] ?? styles.defaultParagraph).para, paraProps(pPr)).jc;
  if (jc === 'center') return 'center';
  if (jc === 'right' || jc === 'end') return 'right';
  let tabs = 0;
  // Tab characters of the text, not the tab stops its properties define (w:pPr's w:tabs hold w:tab too).
  for (const e of descendants(p, (x) => x.name !== 'w:txbxContent' && x.name !== 'w:pPr')) {
    if ((e.name === 'w:fldSimple' && PAGE_FIELD.test(e.attrs['w:instr'] ?? '')) || (e.name === 'w:instrText' && PAGE_FIELD.test(e.text))) break;
    if (e.name === 'w:tab') tabs++;
  }
  return tabs === 0 ? 'left' : tabs === 1 ? 'center' : 'right';
}

// ---------------------------------------------------------------------------------------------
// Checking what was found against the layout's schema.

/** A font's name: letters, digits, spaces and the marks font names have; nothing that could be markup or code. */
const FONT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _\-.+&()（）·]{0,63}$/u;
const FONT_KEYS = new Set(['body_font', 'latin_font', 'title_font', 'heading1_font', 'heading2_font', 'heading3_font']);

function checked(found: Found): ReferenceLayout {
  const layout: Record<string, unknown> = {};
  const dropped: ReferenceLayout['dropped'] = [];
  const shape = layoutOverridesSchema.shape;
  for (const [key, raw] of Object.entries(found.values)) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const schema = shape[key as keyof typeof shape];
    const ok = schema.safeParse(value).success && (!FONT_KEYS.has(key) || FONT_NAME.test(String(value)));
    if (ok) layout[key] = value;
    else dropped.push({ key, value: String(value) });
  }
  // Headings the document does not show are the body's size, as in GB/T 9704.
  if (layout['body_size'] !== undefined) for (const key of ['heading1_size', 'heading2_size', 'heading3_size']) layout[key] ??= layout['body_size'];
  // Paper and margins are taken together, or not at all, when they leave no room for text.
  const page = ['page_width', 'page_height', 'margin_top', 'margin_bottom', 'margin_left', 'margin_right'] as const;
  if (typeAreaProblem({ ...pick(LAYOUT_DEFAULTS, page), ...(layout as Partial<Layout>) })) {
    for (const key of page) {
      if (key in layout) {
        dropped.push({ key, value: String(layout[key]) });
        delete layout[key];
      }
    }
  }
  // In the order read: paper, margins, body, title, headings, page numbers.
  const ordered = Object.fromEntries(Object.keys(found.values).flatMap((key) => (key in layout ? [[key, layout[key]]] : [])));
  return { layout: ordered as LayoutOverrides, dropped };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
