/**
 * The one place that knows the order of the stages:
 * load → derive → lint → render → parse & transform → emit.
 * Returns outputs and diagnostics as data. It reads only the files a report
 * names (last year's data, its own section templates) and writes nothing.
 */
import { t } from '../i18n/index.js';
import type { Root } from 'mdast';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { derive } from '../derive/index.js';
import { emitMarkdown } from '../emit/md.js';
import { lint } from '../lint/index.js';
import { applyRuleSettings, type RuleSetting } from '../rules/catalogue.js';
import { loadReport, type ReportData } from '../load/index.js';
import { markedLocator, type Recorded } from '../load/marks.js';
import { type FiguresSheet, rowFor } from '../batch/figures-sheet.js';
import { buildTree } from '../markdown/index.js';
import { chineseDate } from '../render/chinese.js';
import { definedOnly, render, type Layout, type Pack } from '../render/index.js';
import type { Format } from '../formats.js';
import { sectionOverrides } from './overrides.js';
import { loadPrevious } from './last-year.js';
import { summarize, type ReportSummary } from './summary.js';
import { ENCODING_NAMES, type Encoding } from '../load/read.js';
import { dirname } from 'node:path';
import { isScalar } from 'yaml';
import { withoutForbidden } from '../load/values.js';
import { DEFAULT_TIME_LIMIT_S, TimeLimitExceeded, withinTimeLimit } from './time-limit.js';

export type { Format } from '../formats.js';

export type { LayoutOverrides } from '../render/layout.js';
import type { LayoutOverrides } from '../render/layout.js';

export interface CompileOptions {
  formats: readonly Format[];
  /** Layout settings that override the pack's for this run. */
  layout?: LayoutOverrides | undefined;
  /** Rule severities from report.config.yaml (off, warn, error). */
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /**
   * The data file's path on disk. With it, last year's file is found for year-on-year
   * figures, and the township's own section templates (`overrides:`) are read.
   */
  path?: string | undefined;
  /**
   * Folders besides the data file's own that the files it names may lie in (the working folder,
   * the template pack). A data file is untrusted: it names nothing outside them.
   */
  roots?: readonly string[] | undefined;
  /** The encoding the data file was read in, when not UTF-8: the report gets a warning. */
  encoding?: Encoding | undefined;
  /** Seconds the township's own section templates may run before the report is stopped (default 30). */
  timeLimit?: number | undefined;
  /** The county's spreadsheet of figures (--figures): the row that is this report's wins over its data file. */
  figures?: FiguresSheet | undefined;
}

/** A section holding nothing but headings and white space says nothing. */
function isEmptySection(markdown: string): boolean {
  // Stryker disable next-line Regex: a pack's headings start their line, and .* runs to the line's end anyway
  return markdown.replace(/^#{1,6} .*$/gm, '').trim() === '';
}

export interface Compiled {
  file: string;
  data: ReportData | undefined;
  /** Files besides the data file that the outputs depend on (last year's data, own section templates). */
  dependencies: string[];
  /** Identity and key figures, for manifests and roll-ups; set when the report compiled. */
  summary: ReportSummary | undefined;
  tree: Root | undefined;
  outputs: Partial<Record<Format, Uint8Array>>;
  diagnostics: Diagnostic[];
}

/** Compiles one data file's text with a loaded pack: its outputs, summary and diagnostics, as data. */
export async function compile(file: string, source: string, pack: Pack, options: CompileOptions): Promise<Compiled> {
  const result: Compiled = { file, data: undefined, dependencies: [], summary: undefined, tree: undefined, outputs: {}, diagnostics: [] };
  const limit = options.timeLimit ?? DEFAULT_TIME_LIMIT_S;
  let tree: Root | undefined;
  try {
    tree = prepare(file, source, pack, options, result);
  } catch (e) {
    if (!(e instanceof TimeLimitExceeded)) throw e;
    result.diagnostics.push(
      diagnostic(file, {
        ruleId: 'input/timeout',
        reason: t('compile.timeout', { seconds: limit }),
        note: t('compile.timeout.note'),
      }),
    );
    return { ...result, tree: undefined, summary: undefined };
  }
  if (!tree) return result;
  const layout = { ...pack.meta.layout, ...definedOnly(options.layout ?? {}) } as Layout;

  const encoder = new TextEncoder();
  for (const format of options.formats) {
    if (format === 'md') result.outputs.md = encoder.encode(emitMarkdown(tree));
    else if (format === 'html') {
      // Loaded when asked for, as the DOCX writer is: a DOCX-only build needs neither mdast-util-to-hast nor hast-util-to-html.
      const { emitHtml } = await import('../emit/html.js');
      const html = emitHtml(tree, layout, file);
      result.diagnostics.push(...html.diagnostics);
      result.outputs.html = encoder.encode(html.html);
    } else {
      format satisfies 'docx';
      const { emitDocx } = await import('../emit/docx/index.js');
      const docx = await emitDocx(tree, layout, file);
      result.diagnostics.push(...docx.diagnostics);
      result.outputs.docx = docx.bytes;
    }
  }
  return result;
}

/** The stages before the outputs (load, derive, last year, own sections, render, lint, Markdown tree), into `result`; the tree when there are no errors. */
function prepare(file: string, source: string, pack: Pack, options: CompileOptions, result: Compiled): Root | undefined {
  const sheet = options.figures;
  const loaded = loadReport(
    file,
    source,
    sheet
      ? (data) => {
          const row = rowFor(sheet, file, data.township.name, data.year);
          return row ? new Map(row.overrides.map((o) => [o.key, o])) : undefined;
        }
      : undefined,
  );
  if (options.encoding && options.encoding !== 'utf-8') {
    result.diagnostics.push(
      diagnostic(file, {
        ruleId: 'input/encoding',
        reason: t('compile.encoding', { encoding: ENCODING_NAMES[options.encoding] }),
        note: t('compile.encoding.note'),
        start: { line: 1, column: 1 },
      }),
    );
  }
  result.diagnostics.push(...loaded.diagnostics);
  // Checks of a figure marked in a paragraph point at the mark.
  const locator = markedLocator(loaded.locator, loaded.recorded ?? []);
  if (!loaded.data) {
    // No report, but the figures written right are still checked: one run names every problem.
    if (loaded.partial) {
      const derived = derive(file, loaded.partial, locator);
      const linted = lint({ file, data: derived.data, source, locator, ...(pack.meta.deadline ? { deadline: pack.meta.deadline } : {}) });
      // A date taken out for an error is not a date still to be filled in.
      const written = loaded.locator.node(['date']);
      const dateFailed = isScalar(written) ? written.value !== null : written !== undefined;
      const rest = dateFailed ? linted.filter((d) => d.ruleId !== 'regulation/missing-date') : linted;
      result.diagnostics.push(...applyRuleSettings([...derived.diagnostics, ...rest], options.rules));
    }
    return undefined;
  }

  const derived = derive(file, loaded.data, locator);
  result.data = derived.data;
  const data = derived.data;
  // Stryker disable next-line ArrayDeclaration: with no roots given (or no path, when nothing is read) a root added by a mutant is a folder that is not there
  const roots = options.path ? [dirname(options.path), ...(options.roots ?? [])] : [];
  const found = options.path ? loadPrevious(file, options.path, data, loaded.locator, roots) : { diagnostics: [] };
  const previous = found.previous;
  result.diagnostics.push(...found.diagnostics);
  if (found.file) result.dependencies.push(found.file);
  const own = options.path && data.overrides ? sectionOverrides(file, options.path, data.overrides, pack, loaded.locator, [...roots, ...pack.meta.chain]) : undefined;
  if (own) {
    result.diagnostics.push(...own.diagnostics);
    result.dependencies.push(...own.files);
  }
  // A report in the township's own parts prints them; the figures marked in them are for the
  // checks and the roll-up, not for the standard sections' sentences.
  const shown = data.parts ? { ...data, achievements: null, responsibility: null } : withoutRecorded(data, loaded.recorded ?? []);
  // The township's own templates are the one part of a report whose work is not bounded by the
  // size of its data file (a loop in a loop over a list): they run under the time limit. Watching
  // every report would cost a thread started and stopped per report.
  // Stryker disable next-line EqualityOperator: an empty set of overrides under the limit renders the same, only a watchdog thread later
  const rendered =
    own && Object.keys(own.overrides).length > 0
      ? withinTimeLimit(options.timeLimit ?? DEFAULT_TIME_LIMIT_S, () => render(pack, shown, previous?.data ?? null, own.overrides))
      : render(pack, shown, previous?.data ?? null, own?.overrides);
  const linted = lint({
    file,
    data,
    source,
    locator,
    parts: rendered.sections
      .filter((s) => s.required)
      .map((s) => ({ id: s.id, part: s.part, title: s.title, empty: data.parts ? !data.parts.some((p) => p.part === s.part && hasText(p)) : isEmptySection(s.markdown) })),
    ...(pack.meta.deadline ? { deadline: pack.meta.deadline } : {}),
    previous,
  });
  result.diagnostics.push(...applyRuleSettings([...derived.diagnostics, ...linted], options.rules), ...rendered.diagnostics);
  // A pack made before `parts:` (or without its section) would leave the township's whole text out.
  if (data.parts?.some(hasText) && !rendered.sections.some((s) => s.id === 'parts' && !isEmptySection(s.markdown))) {
    result.diagnostics.push(diagnostic(file, { ruleId: 'template/pack', reason: t('pack.no-parts'), note: t('pack.no-parts.note'), start: loaded.locator.key([], 'parts')?.start }));
  }
  if (hasErrors(result.diagnostics)) return undefined;

  // Stryker disable next-line MethodExpression: the blank lines a section starts or ends with only add to those between blocks
  const markdown = rendered.sections.map((s) => s.markdown.trim()).join('\n\n');
  const built = buildTree(
    file,
    withoutForbidden(markdown),
    {
      title: rendered.title,
      recipient: data.recipient,
      docNumber: data.doc_number,
      issuer: rendered.government,
      date: data.date === null ? t('compile.blank-date') : chineseDate(data.date),
      sealed: data.sealed,
    },
    { runIn: pack.meta.numbering.run_in, runInSeparator: pack.meta.numbering.run_in_separator },
  );
  result.diagnostics.push(...built.diagnostics);
  result.tree = built.tree;
  result.summary = summarize(data, rendered.title, rendered.government, previous?.data ?? null);
  return built.tree;
}

/** A part of the township's own with something to print: a body or a section with one. */
function hasText(p: { body: string | null; sections: { body: string | null; sections: { body: string | null }[] | null }[] | null }): boolean {
  const some = (t: string | null) => (t ?? '').trim() !== '';
  return some(p.body) || (p.sections ?? []).some((s) => some(s.body) || (s.sections ?? []).some((x) => some(x.body)));
}

/**
 * The data the standard sections print from: a figure marked in the text is printed where it is
 * written, and one under `figures:` is not printed at all, so neither is in a standard sentence too.
 */
function withoutRecorded(data: ReportData, recorded: readonly Recorded[]): ReportData {
  // Stryker disable next-line ConditionalExpression: a shortcut; the copy with nothing taken out is equal
  if (recorded.length === 0) return data;
  const out = structuredClone(data);
  for (const r of recorded) {
    if (!r.path) continue;
    let cur = out as unknown as Record<string, unknown> | null;
    for (const k of r.path.slice(0, -1)) cur = (cur?.[String(k)] as Record<string, unknown> | null) ?? null;
    if (cur) cur[String(r.path[r.path.length - 1])] = null;
  }
  return out;
}
