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

/** Reads a report file and writes the data file's text. `out` is where it will be written (for messages and the schema's path). */
export async function importReport(file: string, out: string, options: Omit<WriteOptions, 'from'> & { from?: string; pack?: Pack | undefined; env?: NodeJS.ProcessEnv }): Promise<Imported> {
  const source = await readSource(file, options.env);
  const draft = readStructure(source.lines);
  const spots = places(draft);
  const candidates = spots.flatMap((s) => s.found);
  const pack = options.pack ?? loadPack(STANDARD_PACK).pack!;
  const demoted = new Map<number, 'custom' | 'none'>();
  let decisions: Decision[] = [];
  let text = '';
  let diagnostics: Diagnostic[] = [];
  // Each round takes back the marks a check found wrong; a mark is taken back at most twice.
  for (let round = 0; round < 2 * candidates.length + 1; round++) {
    decisions = decide(candidates, demoted);
    const marked = structuredClone(draft);
    let k = 0;
    for (const spot of spots) {
      const own = decisions.slice(k, k + spot.found.length);
      spot.set(marked, markText(spot.text, spot.found, own));
      k += spot.found.length;
    }
    text = writeDataFile(marked, { ...options, from: options.from ?? file });
    const compiled = await compile(out, text, pack, { formats: [] });
    diagnostics = compiled.diagnostics;
    const wrong = marksAt(
      text,
      diagnostics.filter((x) => x.severity === 'error' && FIGURE_RULES.has(x.ruleId)),
    );
    if (wrong.size === 0) break;
    // The k-th mark in the file is the k-th figure that was marked.
    const markedIds = decisions.flatMap((x, i) => (x.kind === 'none' ? [] : [i]));
    for (const m of wrong) {
      const id = markedIds[m];
      if (id === undefined) continue;
      demoted.set(id, decisions[id]!.kind === 'catalogue' ? 'custom' : 'none');
    }
  }
  const paragraphs = draft.opening.length + draft.closing.length + draft.parts.reduce((n, p) => n + p.body.length + p.sections.reduce((m, s) => m + s.body.length, 0), 0);
  const figures = candidates.map((c, i) => ({ written: c.written, context: `${c.before}${c.written}${c.after}`, decision: decisions[i]! }));
  return { kind: source.kind, text, draft, figures, diagnostics, paragraphs };
}

/** Which marks (by their order in the file) the diagnostics point into. */
function marksAt(text: string, diagnostics: readonly Diagnostic[]): Set<number> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  // The marks in the text, not the example in the header's comment.
  const spans = [...text.matchAll(MARK)].filter((m) => !/^\s*#/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index))).map((m) => [m.index, m.index + m[0].length] as const);
  const out = new Set<number>();
  for (const d of diagnostics) {
    const offset = (lineStarts[(d.line ?? 1) - 1] ?? 0) + (d.column ?? 1) - 1;
    const k = spans.findIndex(([a, b]) => a <= offset && offset < b);
    if (k >= 0) out.add(k);
  }
  return out;
}
