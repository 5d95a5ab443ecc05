/**
 * What the DOCX handlers share while they walk one report's tree, and the
 * warning for a node that no handler knows.
 */
import { t } from '../../i18n/index.js';
import type { Nodes } from 'mdast';
import { diagnostic, nodeName, type Diagnostic } from '../../diagnostics/index.js';
import type { Layout } from '../../render/pack.js';

export interface State {
  layout: Layout;
  file: string;
  diagnostics: Diagnostic[];
  /** Lists the walk is inside: 1 in a top-level list. */
  listDepth: number;
  /** Block quotes the walk is inside. */
  quoteDepth: number;
  /** Levels the headings are moved down by: 0 in a report, 1 in a volume, where the report's title is heading 1. */
  headingOffset: number;
}

/** How the runs of a phrasing node look, passed down to its children. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Heading level whose font a run-in heading takes. */
  runInLevel?: number;
}

/** A layout, the data file's name and how far headings move down → a fresh state for walking that report's tree. */
export function createState(layout: Layout, file: string, headingOffset = 0): State {
  return { layout, file, diagnostics: [], listDepth: 0, quoteDepth: 0, headingOffset };
}

/** A node no handler knows and the state → nothing; records a markdown/unknown-node warning. */
export function warnUnknown(node: Nodes, state: State): void {
  state.diagnostics.push(
    diagnostic(state.file, {
      severity: 'warning',
      ruleId: 'markdown/unknown-node',
      reason: t('emit.unknown-node', { format: 'DOCX', node: nodeName(node.type) }),
    }),
  );
}
