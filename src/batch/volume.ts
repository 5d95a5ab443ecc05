/**
 * A county's volume (汇编): every township's report compiled as `report build` compiles it, those
 * without errors put in the roll-up's order (newest year, county, township), and laid out as one
 * DOCX with a cover and the contents (src/emit/docx/volume.ts). A township whose data file has
 * errors is left out and its diagnostics are given; the others still go in. Nothing is written here.
 */
import { compile, type LayoutOverrides } from '../compile/index.js';
import type { ReportSummary } from '../compile/summary.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { readText } from '../load/read.js';
import { definedOnly, loadPack, type Layout } from '../render/index.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { STANDARD_PACK_DIR } from '../version.js';
import { findInputs } from './inputs.js';
import { rollupOrder } from './rollup.js';
import { resolve } from 'node:path';
import type { Root } from 'mdast';

export interface VolumeOptions {
  inputs: readonly string[];
  cwd: string;
  template?: string | undefined;
  layout?: LayoutOverrides | undefined;
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Seconds one report may take to compile (default 30). */
  timeLimit?: number | undefined;
  /** The cover's title; by default made from the townships' counties and years. */
  title?: string | undefined;
  /** What to lay out: the DOCX, and the DOCX for LibreOffice to convert to PDF. */
  wanted: { docx: boolean; pdf: boolean };
  /** Told of the problems not tied to one township as they are found (a broken template pack, inputs that match nothing), and of the layout's warnings. */
  onProblems?: (diagnostics: readonly Diagnostic[]) => void;
  /** Told of each township as it is compiled, in input order. */
  onReport?: (entry: VolumeEntry) => void;
  /** Told once the reports are compiled, before the pages are laid out (the slow part): how many, of which years (oldest first). */
  onLayout?: (info: { count: number; years: number[] }) => void;
}

export interface VolumeEntry {
  /** The data file, as messages name it. */
  input: string;
  /** Whether its report is in the volume: false when its data file has errors. */
  included: boolean;
  diagnostics: Diagnostic[];
}

export interface Volume {
  /** The DOCX, with the contents as a TOC field, when it was wanted. */
  docx: Uint8Array | undefined;
  /** The same volume for LibreOffice to convert to PDF, when that was wanted: the contents' page numbers are left to it. */
  forPdf: Uint8Array | undefined;
  /** The years of the reports in it, oldest first. */
  years: number[];
}

export interface VolumeBuild {
  entries: VolumeEntry[];
  /** Problems not tied to one township's compile (inputs that match nothing, a broken template pack, the layout's warnings). */
  diagnostics: Diagnostic[];
  /** The volume, unless no report could go in. */
  volume: Volume | undefined;
}

/** The words of the volume's own pages: they are the document's, in Chinese whatever the language of the run. */
const CONTENTS_HEADING = '目　录';

/** The cover's title of reports with these summaries: 城口县2025年度乡镇（街道）法治政府建设年度报告汇编. */
export function coverTitle(summaries: readonly Pick<ReportSummary, 'county' | 'year'>[]): string {
  const counties = [...new Set(summaries.map((s) => s.county))];
  const years = [...new Set(summaries.map((s) => s.year))].sort((a, b) => a - b);
  return `${counties.join('、')}${years.join('、')}年度乡镇（街道）法治政府建设年度报告汇编`;
}

/** Compiles every data file the options name and lays out those without errors as one volume. */
export async function buildVolume(options: VolumeOptions): Promise<VolumeBuild> {
  const packDir = options.template ? resolve(options.cwd, options.template) : STANDARD_PACK_DIR;
  const loaded = loadPack(packDir, options.cwd);
  options.onProblems?.(loaded.diagnostics);
  // A pack is loaded only when it has no problem at all.
  if (!loaded.pack) return { entries: [], diagnostics: loaded.diagnostics, volume: undefined };
  const pack = loaded.pack;
  const found = findInputs(options.inputs, options.cwd);
  options.onProblems?.(found.diagnostics);
  const entries: VolumeEntry[] = [];
  const reports: { tree: Root; summary: ReportSummary; input: string }[] = [];
  for (const input of found.inputs) {
    const entry: VolumeEntry = { input: input.display, included: false, diagnostics: [] };
    let read: ReturnType<typeof readText> | undefined;
    try {
      read = readText(input.path);
    } catch (e) {
      entry.diagnostics = [diagnostic(input.display, { ruleId: 'input/read', reason: t('read.cannot', { why: (e as Error).message }) })];
    }
    if (read) {
      try {
        const c = await compile(input.display, read.text, pack, {
          formats: [],
          layout: options.layout,
          rules: options.rules,
          path: input.path,
          roots: [options.cwd],
          encoding: read.encoding,
          timeLimit: options.timeLimit,
        });
        entry.diagnostics = c.diagnostics;
        if (c.tree && c.summary && !hasErrors(c.diagnostics)) {
          entry.included = true;
          reports.push({ tree: c.tree, summary: c.summary, input: input.display });
        }
      } catch (e) {
        // As a batch build says it: one township's crash is not the others'.
        entry.diagnostics = [diagnostic(input.display, { ruleId: 'internal/crash', reason: t('batch.crash', { message: (e as Error).message }), note: t('batch.crash.note') })];
      }
    }
    entries.push(entry);
    options.onReport?.(entry);
  }
  if (reports.length === 0) return { entries, diagnostics: [...loaded.diagnostics, ...found.diagnostics], volume: undefined };

  reports.sort(rollupOrder);
  const layout = { ...pack.meta.layout, ...definedOnly(options.layout ?? {}) } as Layout;
  const title = options.title ?? coverTitle(reports.map((r) => r.summary));
  const creator = [...new Set(reports.map((r) => r.summary.county))].join('、');
  const { emitVolume } = await import('../emit/docx/volume.js');
  const emit = (contentsField: boolean) =>
    emitVolume(
      reports.map((r) => ({ tree: r.tree, file: r.input })),
      { title, layout, creator, contentsField, contentsHeading: CONTENTS_HEADING },
    );
  const years = [...new Set(reports.map((r) => r.summary.year))].sort((a, b) => a - b);
  options.onLayout?.({ count: reports.length, years });
  const docx = options.wanted.docx ? await emit(true) : undefined;
  const forPdf = options.wanted.pdf ? await emit(false) : undefined;
  // The layout's warnings (a node DOCX cannot show), each naming its township's file.
  const laidOut = (docx ?? forPdf)?.diagnostics ?? [];
  options.onProblems?.(laidOut);
  return {
    entries,
    diagnostics: [...loaded.diagnostics, ...found.diagnostics, ...laidOut],
    volume: {
      docx: docx?.bytes,
      forPdf: forPdf?.bytes,
      years,
    },
  };
}
