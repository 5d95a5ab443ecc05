/**
 * report import: an existing report (Word, WPS, a government website's page, text, Markdown)
 * into a data file that `report check` accepts and `report build` turns back into the same
 * report. The text is read (source.ts), its structure found (structure.ts), its figures marked
 * where they are written (figures.ts), and the file written for a person (write.ts). The file is
 * then compiled as `check` would: a figure a check finds wrong (a part larger than its whole, a
 * rate over 100%, one figure with two values) is kept under the township's own name instead, or
 * left unmarked, so that what the import writes has no error of its own making.
 */
import { compile } from '../compile/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { loadPack, type Pack, STANDARD_PACK } from '../render/index.js';
import { MARK } from '../load/marks.js';
import { type Candidate, type Decision, decide, findFigures, markText } from './figures.js';
import { readSource, type SourceKind } from './source.js';
import { type Draft, readStructure } from './structure.js';
import { writeDataFile, type WriteOptions } from './write.js';

export interface Imported {
  kind: SourceKind;
  /** The data file's text. */
  text: string;
  draft: Draft;
  /** Every figure found, with what it was recorded as. */
  figures: { written: string; context: string; decision: Decision }[];
  /** Diagnostics of the written file as `report check` gives them (warnings; errors only where the import could not avoid them). */
  diagnostics: Diagnostic[];
  /** Paragraphs in the data file. */
  paragraphs: number;
}

/** A paragraph of the draft where figures are marked: the parts on what was done (1) and on the leaders' duties (3). */
interface Place {
  text: string;
  set: (draft: Draft, text: string) => void;
  found: Candidate[];
}

function places(d: Draft): Place[] {
  const out: Place[] = [];
  const add = (text: string, set: Place['set']) => {
    // A paragraph that already holds a bar in brackets is left as written: a mark in it would be ambiguous.
    const found = /[[【][^\]】]*[|｜]/u.test(text) ? [] : findFigures(text);
    out.push({ text, set, found });
  };
  for (const [pi, p] of d.parts.entries()) {
    if (p.part !== 1 && p.part !== 3) continue;
    for (const [bi, text] of p.body.entries()) {
      add(text, (x, v) => {
        x.parts[pi]!.body[bi] = v;
      });
    }
    for (const [si, s] of p.sections.entries()) {
      for (const [bi, text] of s.body.entries()) {
        add(text, (x, v) => {
          x.parts[pi]!.sections[si]!.body[bi] = v;
        });
      }
    }
  }
  return out;
}

/** Rules whose error at a mark means the mark was wrongly chosen, not that the report is wrong. */
const FIGURE_RULES = new Set([
  'figures/part-exceeds-total',
  'figures/breakdown-sum',
  'figures/rate-range',
  'figures/conflicting',
  'figures/stacked-qualifiers',
  'data/invalid-figure',
  'data/unknown-key',
]);

/** Where the data file goes, known once the report is read (it is named after the township and year): its path, the schema's path from it, and the report's. */
export interface Placed {
  out: string;
  schemaRef: string;
  from: string;
}

/**
 * Reads a report file and writes the data file's text. `out` is where it will be written (for
 * messages and the schema's path), or works that out from what the report says.
 */
export async function importReport(
  file: string,
  out: string | ((draft: Draft) => Placed),
  options: Omit<WriteOptions, 'from'> & { from?: string; pack?: Pack | undefined; env?: NodeJS.ProcessEnv },
): Promise<Imported & { out: string }> {
  const source = await readSource(file, options.env);
  const draft = readStructure(source.lines);
  const placed = typeof out === 'string' ? { out, schemaRef: options.schemaRef, from: options.from ?? file } : out(draft);
  const spots = places(draft);
  const candidates = spots.flatMap((s) => s.found);
  const pack = options.pack ?? loadPack(STANDARD_PACK).pack!;
  const demoted = new Map<number, 'custom' | 'none'>();
  // How often each catalogue field was given to a figure a check found wrong; after twice, to none.
  const wrongFields = new Map<string, number>();
  const barred = new Set<string>();
  let decisions: Decision[] = [];
  let text = '';
  let diagnostics: Diagnostic[] = [];
  // Each round takes back the marks a check found wrong; a mark is taken back at most twice, so the
  // last round, one with nothing to take back, comes by round 2n.
  // Stryker disable next-line EqualityOperator,UpdateOperator: a bound never reached: one round more, or none, changes nothing
  for (let round = 0; round < 2 * candidates.length + 1; round++) {
    decisions = decide(candidates, demoted, barred);
    const marked = structuredClone(draft);
    let k = 0;
    for (const spot of spots) {
      const own = decisions.slice(k, k + spot.found.length);
      spot.set(marked, markText(spot.text, spot.found, own));
      k += spot.found.length;
    }
    text = writeDataFile(marked, { ...options, schemaRef: placed.schemaRef, from: placed.from });
    const compiled = await compile(placed.out, text, pack, { formats: [] });
    diagnostics = compiled.diagnostics;
    // The marks this round wrote, in the order of the file; the report's own text may hold others.
    const markedIds = decisions.flatMap((x, i) => (x.kind === 'none' ? [] : [i]));
    const ours = markedIds.map((i) => ({ written: candidates[i]!.written, name: (decisions[i] as { name: string }).name }));
    const wrong = marksAt(
      text,
      // Each of these rules is an error here (an import takes no settings); a warning, such as a rate that differs from its counts, leaves the mark as it is.
      diagnostics.filter((x) => FIGURE_RULES.has(x.ruleId)),
      ours,
    );
    if (wrong.size === 0) break;
    for (const m of wrong) {
      const id = markedIds[m]!;
      const d = decisions[id]!;
      demoted.set(id, d.kind === 'catalogue' ? 'custom' : 'none');
      if (d.kind === 'catalogue') {
        const times = (wrongFields.get(d.name) ?? 0) + 1;
        wrongFields.set(d.name, times);
        if (times >= 2) barred.add(d.name);
      }
    }
  }
  const paragraphs = draft.opening.length + draft.closing.length + draft.parts.reduce((n, p) => n + p.body.length + p.sections.reduce((m, s) => m + s.body.length, 0), 0);
  const figures = candidates.map((c, i) => ({ written: c.written, context: `${c.before}${c.written}${c.after}`, decision: decisions[i]! }));
  return { kind: source.kind, text, draft, figures, diagnostics, paragraphs, out: placed.out };
}

/**
 * Which of the import's own marks (by their order in `ours`) the diagnostics point into. The marks
 * in the file are matched to `ours` in order; one that is not the next of ours is the report's own
 * text (a paragraph that held [1|x] already), and an error there is not taken back from a figure.
 */
export function marksAt(text: string, diagnostics: readonly Diagnostic[], ours: readonly { written: string; name: string }[]): Set<number> {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // The marks in the text, not the example in the header's comment.
  const spans: [from: number, to: number, mine: number][] = [];
  let line = 0;
  let next = 0;
  for (const m of text.matchAll(MARK)) {
    // Stryker disable next-line EqualityOperator: past the last line start the comparison with undefined is false either way
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= m.index) line++;
    if (/^\s*#/.test(text.slice(lineStarts[line], lineStarts[line]! + 200))) continue;
    const own = ours[next];
    // A name in a paragraph YAML writes in double quotes (one with a character a block cannot hold) may show escaped.
    const mine = own && m[1] === own.written && (m[2] === own.name || m[2]!.includes('\\')) ? next++ : -1;
    spans.push([m.index, m.index + m[0].length, mine]);
  }
  const out = new Set<number>();
  for (const d of diagnostics) {
    const offset = (lineStarts[(d.line ?? 1) - 1] ?? 0) + (d.column ?? 1) - 1;
    // The last span starting at or before the place.
    let lo = 0;
    let hi = spans.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const span = spans[k];
    if (span && offset < span[1] && span[2] >= 0) out.add(span[2]);
  }
  return out;
}
