/**
 * The county's roster: the townships expected to report this year, kept by the county office as
 * a spreadsheet (CSV or Excel) with a header row — 乡镇（街道）, and optionally 类别, 县（区）,
 * 联系人, 电话. A build or check of the county names every township on it that has not
 * submitted, and the dashboard lists them with whom to call.
 */
import { extname } from 'node:path';
import { diagnostic, quote, systemError, type Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { readBytes } from '../load/read.js';
import { readTable } from './spreadsheet.js';

export interface RosterEntry {
  name: string;
  kind: string | null;
  county: string | null;
  contact: string | null;
  phone: string | null;
  /** Its row in the roster file (1 is the header). */
  line: number;
}

export interface Roster {
  /** The roster file as messages name it. */
  file: string;
  entries: RosterEntry[];
}

/** Header words, as a county office writes them, for each column the roster reads. */
const COLUMNS: Record<keyof Omit<RosterEntry, 'line'>, RegExp> = {
  name: /^(乡镇（街道）|乡镇\(街道\)|乡镇街道|乡镇|街道|单位|名称|乡镇名称|township|name)$/iu,
  kind: /^(类别|类型|kind)$/iu,
  county: /^(县（区）|县\(区\)|县区|县|区|所属县（区）|county)$/iu,
  contact: /^(联系人|contact)$/iu,
  phone: /^(电话|联系电话|手机|phone)$/iu,
};

/** A roster is small: a county has at most a few hundred townships. */
const MAX_ROSTER_BYTES = 4 * 1024 * 1024;

/** Reads a roster (.csv in UTF-8 or GBK, or .xlsx): its entries, or what is wrong with it. */
export async function readRoster(path: string, display: string): Promise<{ roster?: Roster; diagnostics: Diagnostic[] }> {
  const problem = (reason: string, note: string, line?: number): { diagnostics: Diagnostic[] } => ({
    diagnostics: [diagnostic(display, { ruleId: 'input/roster', reason, note, ...(line ? { start: { line, column: 1 } } : {}) })],
  });
  let rows: string[][];
  try {
    const table = await readTable(readBytes(path, MAX_ROSTER_BYTES), extname(path), display);
    rows = table.rows.map((r) => Array.from(r, (c) => String(c ?? '')));
  } catch (e) {
    return problem(t('roster.unreadable', { why: systemError(e) }), t('roster.note'));
  }
  const header = (rows[0] ?? []).map((h) => h.replace(/\s+/g, ''));
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, re]) => [key, header.findIndex((h) => re.test(h))])) as Record<keyof typeof COLUMNS, number>;
  if (at.name < 0) return problem(t('roster.no-name', { header: quote(header.join('，')) }), t('roster.note'), 1);
  const cell = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() || null : null);
  const entries: RosterEntry[] = [];
  rows.slice(1).forEach((row, i) => {
    const name = cell(row, at.name);
    if (name) entries.push({ name, kind: cell(row, at.kind), county: cell(row, at.county), contact: cell(row, at.contact), phone: cell(row, at.phone), line: i + 2 });
  });
  return { roster: { file: display, entries }, diagnostics: [] };
}

/**
 * The townships of the roster that have not submitted: none of the reports is theirs, by the
 * township its data file names or, for a file that could not be read that far, by its file name.
 */
export function notSubmitted(roster: Roster, reports: Iterable<{ input: string; township: string | undefined }>): RosterEntry[] {
  const names = new Set<string>();
  const inputs: string[] = [];
  for (const r of reports) {
    if (r.township) names.add(r.township);
    inputs.push(r.input);
  }
  return roster.entries.filter((e) => !names.has(e.name) && !inputs.some((i) => i.includes(e.name)));
}

/** A warning for each township on the roster that has not submitted, at its row. */
export function notSubmittedDiagnostics(roster: Roster, missing: readonly RosterEntry[]): Diagnostic[] {
  return missing.map((e) =>
    diagnostic(roster.file, {
      ruleId: 'input/not-submitted',
      reason: t('roster.missing', { name: e.name }),
      note: e.contact || e.phone ? t('roster.missing.contact', { contact: [e.contact, e.phone].filter(Boolean).join(' ') }) : t('roster.missing.note'),
      start: { line: e.line, column: 1 },
    }),
  );
}
