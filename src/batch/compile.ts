/**
 * The one place that knows the order of the stages:
 * load → derive → lint → render → parse & transform → emit.
 * Returns outputs and diagnostics as data. It reads only the files a report
 * names (last year's data, its own section templates) and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { derive } from '../derive/index.js';
import { emitHtml } from '../emit/html.js';
import { emitMarkdown } from '../emit/md.js';
import { applyRuleSettings, lint, type PreviousYear, type RuleSetting } from '../lint/index.js';
import { loadReport, type ReportData } from '../load/index.js';
import type { Locator } from '../load/positions.js';
import { buildTree } from '../markdown/index.js';
import { chineseDate } from '../render/chinese.js';
import { definedOnly, render, type Layout, type Pack } from '../render/index.js';
import type { SectionOverrides } from '../render/pack.js';
import { conventionalPreviousPath } from './previous.js';
import { summarize, type ReportSummary } from './summary.js';
import type { Format } from './task.js';

export type { Format } from './task.js';

export type LayoutOverrides = { [K in keyof Layout]?: Layout[K] | undefined };

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
}

/**
 * Last year's data: the file `previous:` names, or else the one whose file name has the year
 * one less. A `previous:` that cannot be used is reported; a missing conventional file is not.
 * `file` is that file's path whether or not it can be used (a fix to it changes this report).
 */
function loadPrevious(
  file: string,
  path: string,
  data: ReportData,
  locator: Locator,
): { file?: string; previous?: PreviousYear; diagnostics: Diagnostic[] } {
  const stated = data.previous;
  const prev = stated ? resolve(dirname(path), stated) : conventionalPreviousPath(path, data.year);
  if (!prev) return { diagnostics: [] };
  const span = stated ? locator.value(['previous']) : undefined;
  const warn = (reason: string, note: string) => ({
    file: prev,
    diagnostics: [diagnostic(file, { severity: 'warning', ruleId: 'data/previous-year', reason, note, start: span?.start ?? { line: 1, column: 1 }, end: span?.end })],
  });
  const display = relative(dirname(path), prev) || prev;
  let text: string;
  try {
    text = readFileSync(prev, 'utf8');
  } catch (e) {
    if (!stated) return { file: prev, diagnostics: [] };
    const folder = (e as NodeJS.ErrnoException).code === 'EISDIR';
    return warn(
      `\`previous\` is “${stated}”, but ${folder ? 'that is a folder, not a data file' : 'there is no such file'}`,
      'The path is relative to this data file; year-on-year figures are left out until it is found.',
    );
  }
  const loaded = loadReport(display, text);
  if (!loaded.data) {
    return warn(`Last year's file ${display} has ${loaded.diagnostics.length} error(s), so year-on-year figures are left out`, `Run “report check ${display}”.`);
  }
  if (loaded.data.year !== data.year - 1) {
    return warn(`Last year's file ${display} reports on ${loaded.data.year}, not ${data.year - 1}`, 'Name the file for the year before this one in `previous:`.');
  }
  return { file: prev, previous: { file: display, data: loaded.data }, diagnostics: [] };
}

/** Compiles the section templates a township supplies itself (`overrides:` in its data file). */
function sectionOverrides(file: string, path: string, wanted: Record<string, string>, pack: Pack, locator: Locator): { overrides: SectionOverrides; diagnostics: Diagnostic[]; files: string[] } {
  const overrides: Record<string, { file: string; render: (context: unknown) => string }> = {};
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const ids = pack.sections.map((s) => s.id);
  for (const [id, templateFile] of Object.entries(wanted)) {
    const span = locator.value(['overrides', id]);
    if (!ids.includes(id)) {
      const keySpan = locator.key(['overrides'], id);
      diagnostics.push(diagnostic(file, { ruleId: 'template/override', reason: `\`overrides.${id}\`: the template pack has no section “${id}”`, note: `Sections: ${ids.join(', ')} (see “report templates”).`, start: keySpan?.start, end: keySpan?.end }));
      continue;
    }
    const abs = resolve(dirname(path), templateFile);
    files.push(abs);
    let source: string;
    try {
      source = readFileSync(abs, 'utf8');
    } catch {
      diagnostics.push(diagnostic(file, { ruleId: 'template/override', reason: `\`overrides.${id}\`: cannot read the template “${templateFile}”`, note: 'The path is relative to this data file.', start: span?.start, end: span?.end }));
      continue;
    }
    const compiled = pack.compileSection(relative(process.cwd(), abs) || abs, source);
    diagnostics.push(...compiled.diagnostics);
    if (compiled.render) overrides[id] = { file: relative(process.cwd(), abs) || abs, render: compiled.render };
  }
  return { overrides, diagnostics, files };
}

/** A section holding nothing but headings and white space says nothing. */
function isEmptySection(markdown: string): boolean {
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

export async function compile(file: string, source: string, pack: Pack, options: CompileOptions): Promise<Compiled> {
  const result: Compiled = { file, data: undefined, dependencies: [], summary: undefined, tree: undefined, outputs: {}, diagnostics: [] };
  const loaded = loadReport(file, source);
  result.diagnostics.push(...loaded.diagnostics);
  if (!loaded.data) return result;

  const derived = derive(file, loaded.data, loaded.locator);
  result.data = derived.data;
  const data = derived.data;
  const found = options.path ? loadPrevious(file, options.path, data, loaded.locator) : { diagnostics: [] };
  const previous = found.previous;
  result.diagnostics.push(...found.diagnostics);
  if (found.file) result.dependencies.push(found.file);
  const own = options.path && data.overrides ? sectionOverrides(file, options.path, data.overrides, pack, loaded.locator) : undefined;
  if (own) {
    result.diagnostics.push(...own.diagnostics);
    result.dependencies.push(...own.files);
  }
  const rendered = render(pack, data, previous?.data ?? null, own?.overrides);
  const linted = lint({
    file,
    data,
    source,
    locator: loaded.locator,
    parts: rendered.sections.filter((s) => s.required).map((s) => ({ part: s.part, title: s.title, empty: isEmptySection(s.markdown) })),
    ...(pack.meta.deadline ? { deadline: pack.meta.deadline } : {}),
    previous,
  });
  result.diagnostics.push(...applyRuleSettings([...derived.diagnostics, ...linted], options.rules), ...rendered.diagnostics);
  if (hasErrors(result.diagnostics)) return result;

  const built = buildTree(
    file,
    rendered.sections.map((s) => s.markdown.trim()).filter((s) => s !== '').join('\n\n'),
    {
      title: rendered.title,
      recipient: data.recipient,
      docNumber: data.doc_number,
      issuer: rendered.government,
      date: chineseDate(data.date),
      sealed: data.sealed,
    },
    { runIn: pack.meta.numbering.run_in, runInSeparator: pack.meta.numbering.run_in_separator },
  );
  result.diagnostics.push(...built.diagnostics);
  result.tree = built.tree;
  result.summary = summarize(data, rendered.title, rendered.government);
  const layout = { ...pack.meta.layout, ...definedOnly(options.layout ?? {}) } as Layout;

  const encoder = new TextEncoder();
  for (const format of options.formats) {
    if (format === 'md') result.outputs.md = encoder.encode(emitMarkdown(built.tree));
    else if (format === 'html') {
      const html = emitHtml(built.tree, layout, file);
      result.diagnostics.push(...html.diagnostics);
      result.outputs.html = encoder.encode(html.html);
    } else if (format === 'docx') {
      const { emitDocx } = await import('../emit/docx/index.js');
      const docx = await emitDocx(built.tree, layout, file);
      result.diagnostics.push(...docx.diagnostics);
      result.outputs.docx = docx.bytes;
    }
  }
  return result;
}
