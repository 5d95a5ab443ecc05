/**
 * The one place that knows the order of the stages:
 * load → derive → render → parse & transform → emit.
 * Returns outputs and diagnostics as data; writes nothing.
 */
import type { Root } from 'mdast';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { derive } from '../derive/index.js';
import { emitHtml } from '../emit/html.js';
import { emitMarkdown } from '../emit/md.js';
import { loadReport, type ReportData } from '../load/index.js';
import { buildTree } from '../markdown/index.js';
import { chineseDate } from '../render/chinese.js';
import { definedOnly, render, type Layout, type Pack } from '../render/index.js';
import { summarize, type ReportSummary } from './summary.js';

import type { Format } from './task.js';

export type { Format } from './task.js';

export type LayoutOverrides = { [K in keyof Layout]?: Layout[K] | undefined };

export interface CompileOptions {
  formats: readonly Format[];
  /** Layout settings that override the pack's for this run. */
  layout?: LayoutOverrides | undefined;
}

export interface Compiled {
  file: string;
  data: ReportData | undefined;
  /** Identity and key figures, for manifests and roll-ups; set when the report compiled. */
  summary: ReportSummary | undefined;
  tree: Root | undefined;
  outputs: Partial<Record<Format, Uint8Array>>;
  diagnostics: Diagnostic[];
}

export async function compile(file: string, source: string, pack: Pack, options: CompileOptions): Promise<Compiled> {
  const result: Compiled = { file, data: undefined, summary: undefined, tree: undefined, outputs: {}, diagnostics: [] };
  const loaded = loadReport(file, source);
  result.diagnostics.push(...loaded.diagnostics);
  if (!loaded.data) return result;

  const derived = derive(file, loaded.data, loaded.locator);
  result.diagnostics.push(...derived.diagnostics);
  result.data = derived.data;
  if (hasErrors(result.diagnostics)) return result;

  const rendered = render(pack, derived.data);
  result.diagnostics.push(...rendered.diagnostics);
  if (hasErrors(rendered.diagnostics)) return result;

  const data = derived.data;
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
