/**
 * Diagnostics are data: every problem a user can fix is a message with a
 * file, a 1-based position, a severity, a permanent rule id and a reason.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  ruleId: string;
  reason: string;
  /** What to do about it. */
  note?: string;
  /** Further places involved (e.g. the total a breakdown contradicts). */
  related?: { file: string; line?: number; column?: number; message: string }[];
}

export interface DiagnosticInit {
  severity?: Severity;
  ruleId: string;
  reason: string;
  note?: string | undefined;
  start?: Position | undefined;
  end?: Position | undefined;
  related?: Diagnostic['related'];
}

export function diagnostic(file: string, init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    file,
    severity: init.severity ?? 'error',
    ruleId: init.ruleId,
    reason: init.reason,
  };
  if (init.start) {
    d.line = init.start.line;
    d.column = init.start.column;
  }
  if (init.end) {
    d.endLine = init.end.line;
    d.endColumn = init.end.column;
  }
  if (init.note) d.note = init.note;
  if (init.related && init.related.length > 0) d.related = init.related;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Quote a value the way messages show it: strings in 「」, the rest as JSON. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? json.slice(0, 57) + '…' : json;
  } catch {
    return String(value);
  }
}

/** The catalogue of rule ids, one line of documentation each. */
export const RULES: Record<string, string> = {
  'yaml/syntax': 'The data file is not well-formed YAML.',
  'yaml/duplicate-key': 'A key appears twice in the same mapping; the second would silently replace the first.',
  'data/unknown-key': 'A key the data file format does not define (often a typo).',
  'data/missing-field': 'A required field is absent.',
  'data/wrong-type': 'A field holds a value of the wrong kind (e.g. text where a number is expected).',
  'data/invalid-value': 'A field holds a value outside what it allows (e.g. an impossible date).',
  'data/invalid-figure': 'A figure is not a number, an approximate number (200余, 约300) or a bound (95%以上).',
  'figures/rate-range': 'A rate is above 100% or below 0%.',
  'figures/part-exceeds-total': 'A part (e.g. resolved disputes) is larger than its whole.',
  'figures/breakdown-sum': 'The items of a breakdown do not add up to the stated total.',
  'figures/rate-contradicts-counts': 'A stated rate differs from the rate its counts give.',
  'template/syntax': 'A template file has a Handlebars syntax error.',
  'template/runtime': 'A template failed while rendering (e.g. it names a field that does not exist).',
  'template/front-matter': 'A template file has malformed front matter.',
  'template/pack': 'A template pack is missing or its pack.yaml is malformed.',
  'markdown/raw-html': 'A template contains raw HTML, which is written out as literal text.',
  'markdown/unknown-node': 'The output format has no handler for a Markdown construct; it is written as plain text.',
  'input/not-found': 'An input file or folder does not exist.',
  'input/read': 'An input file could not be read.',
  'config/invalid': 'report.config.yaml is malformed or names an unknown setting.',
  'output/write': 'An output file could not be written.',
  'output/collision': 'Two reports would be written to the same file (see --out-pattern).',
  'output/missing': '--check: an output the data builds is not on disk.',
  'output/stale': '--check: an output on disk differs from what the data builds.',
  'internal/crash': 'The compiler failed on a report (a defect; the other reports are still built).',
  'internal/interrupted': 'The build was interrupted before the report was compiled.',
};
