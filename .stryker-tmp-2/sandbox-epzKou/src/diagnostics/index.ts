/**
 * Diagnostics are data: every problem a user can fix is a message with a
 * file, a 1-based position, a severity, a permanent rule id and a reason.
 */
// @ts-nocheck

import { RULES, type RuleId } from '../rules/catalogue.js';

export type { RuleId } from '../rules/catalogue.js';

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
  ruleId: RuleId;
  reason: string;
  /** What to do about it. */
  note?: string;
  /** Further places involved (e.g. the total a breakdown contradicts). */
  related?: { file: string; line?: number; column?: number; message: string }[];
}

export interface DiagnosticInit {
  /** Default: the rule's (src/rules/catalogue.ts). */
  severity?: Severity;
  ruleId: RuleId;
  reason: string;
  note?: string | undefined;
  start?: Position | undefined;
  end?: Position | undefined;
  related?: Diagnostic['related'];
}

/** A diagnostic for `file`; its severity is its rule's default unless given. */
export function diagnostic(file: string, init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    file,
    severity: init.severity ?? RULES[init.ruleId].severity,
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

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then line and column. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  // Stryker disable next-line EqualityOperator: the files differ here, so < and <= agree
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Quote a value the way messages show it: strings in “”, the rest as JSON, cut at 60 characters. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 57)}…` : json;
  } catch {
    return String(value);
  }
}
