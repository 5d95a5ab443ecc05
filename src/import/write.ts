/**
 * The data file an import writes, for a person to read and finish: the township's text as it
 * was, one field per line in the order of the report, paragraphs as block text (|-), and a
 * Chinese comment wherever the import made a choice the clerk should check (the part a heading
 * was taken for, where the 成文日期 came from, a county it could not find).
 */
import { Document, isMap, isScalar, isSeq, type Node, Scalar, type YAMLMap } from 'yaml';
import { t } from '../i18n/index.js';
import { defaultGovernment } from '../render/index.js';
import type { Draft, DraftPart } from './structure.js';

export const PART_NAMES = ['part.1', 'part.1', 'part.2', 'part.3', 'part.4', 'part.5'] as const;

export interface WriteOptions {
  /** The file imported, as the header comment names it. */
  from: string;
  /** The path of the JSON Schema from the data file, for editors. */
  schemaRef: string;
  /** The township and county when the report does not name them (the command line's --township, --county). */
  township?: string | undefined;
  county?: string | undefined;
}

/** The title the compiler prints for a government and year. */
const titleOf = (government: string, year: number) => `${government}${year}年法治政府建设年度报告`;

/** The default title and government the compiler would print, which the file then need not repeat. */
function defaults(name: string, kind: string, year: number) {
  const government = defaultGovernment(name, kind);
  return { government, title: titleOf(government, year) };
}

/** The data file's text for a draft whose paragraphs already carry their marks. */
export function writeDataFile(d: Draft, opts: WriteOptions): string {
  const name = d.township?.name ?? opts.township ?? t('import.placeholder.township');
  const kind = d.township?.kind ?? (/街道$/u.test(name) ? '街道' : /镇$/u.test(name) ? '镇' : '乡');
  const year = d.year?.value ?? new Date().getFullYear() - 1;
  const std = defaults(name, kind, year);
  const county = d.county?.name ?? opts.county ?? t('import.placeholder.county');

  const township: Record<string, unknown> = { name, kind };
  if (d.government && d.government !== std.government) township.government = d.government;
  township.county = county;
  if (d.city) township.city = d.city;
  if (d.province) township.province = d.province;

  const data: Record<string, unknown> = { township, year };
  if (d.date) data.date = d.date.iso;
  // Nor the title the compiler makes from the report's own government.
  if (d.title && d.title !== std.title && !(d.government && d.title === titleOf(d.government, year))) data.title = d.title;
  if (d.docNumber) data.doc_number = d.docNumber;
  if (d.recipient) data.recipient = d.recipient;
  if (d.opening.length > 0) data.opening = d.opening.join('\n');
  // No part at all (the only numbered line too long for a heading): no `parts:`, which takes one or more.
  if (d.parts.length > 0) data.parts = d.parts.map(partData);
  if (d.closing.length > 0) data.closing = d.closing.join('\n');

  const doc = new Document(data);
  blocks(doc.contents as Node);
  doc.commentBefore = [` yaml-language-server: $schema=${opts.schemaRef}`, ` ${t('import.header', { from: opts.from })}`, ` ${t('import.header.check')}`].join('\n');

  // What the import decided, where the clerk sees it.
  if (!d.township) note(doc, ['township', 'name'], t(opts.township ? 'import.note.township-given' : 'import.note.township'));
  if (!d.county) note(doc, ['township', 'county'], t(opts.county ? 'import.note.county-given' : 'import.note.county'));
  else if (d.county.from === 'page') note(doc, ['township', 'county'], t('import.note.county-page', { county: d.county.name }));
  if (!d.year) note(doc, ['year'], t('import.note.year'));
  else if (d.year.from !== 'title') note(doc, ['year'], t(d.year.from === 'opening' ? 'import.note.year-opening' : 'import.note.year-date'));
  if (d.date && d.date.from === 'page') note(doc, ['date'], t('import.note.date-page'));
  if (!d.date) note(doc, ['year'], t('import.note.date'));
  d.parts.forEach((p, i) => {
    const id = PART_NAMES[p.part]!;
    note(doc, ['parts', i, 'part'], p.heading ? t('import.note.part', { heading: p.heading, name: t(id) }) : t('import.note.part-untitled', { name: t(id) }), 'after');
  });
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}

function partData(p: DraftPart): Record<string, unknown> {
  const out: Record<string, unknown> = { part: p.part };
  if (p.heading) out.heading = p.heading;
  if (p.body.length > 0) out.body = p.body.join('\n');
  if (p.sections.length > 0) {
    out.sections = p.sections.map((s) => {
      const section: Record<string, unknown> = { heading: s.heading };
      if (s.runIn) section.run_in = true;
      section.body = s.body.join('\n');
      return section;
    });
  }
  return out;
}

const BLOCK_KEYS = new Set(['body', 'opening', 'closing']);

/** Paragraph fields as block text (|-), the way a clerk reads and edits them. */
function blocks(node: Node | null): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && BLOCK_KEYS.has(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value === 'string') {
        pair.value.type = Scalar.BLOCK_LITERAL;
      } else blocks(pair.value as Node);
    }
  } else if (isSeq(node)) for (const item of node.items) blocks(item as Node);
}

/** A comment on the line above the field at `path`, or after its value on the same line. */
function note(doc: Document, path: (string | number)[], text: string, where: 'above' | 'after' = 'above'): void {
  const parent = doc.getIn(path.slice(0, -1), true) as YAMLMap | undefined;
  const key = path[path.length - 1];
  if (!isMap(parent)) return;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  if (where === 'after' && isScalar(pair.value)) {
    pair.value.comment = ` ${text}`;
    return;
  }
  pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n ${text}` : ` ${text}`;
}
