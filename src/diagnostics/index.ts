/**
 * Diagnostics are data: every problem a user can fix is a message with a
 * file, a 1-based position, a severity, a permanent rule id and a reason.
 */
import { RULES, type RuleId } from '../rules/catalogue.js';
import { t, type MessageId } from '../i18n/index.js';

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
  /** A safe correction `report fix` makes: `length` characters of the file's text at `offset` become `text`. */
  fix?: { offset: number; length: number; text: string };
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
    file: printable(file),
    severity: init.severity ?? RULES[init.ruleId].severity,
    ruleId: init.ruleId,
    reason: shorten(printable(init.reason), MAX_REASON),
  };
  if (init.start) {
    d.line = init.start.line;
    d.column = init.start.column;
  }
  if (init.end) {
    d.endLine = init.end.line;
    d.endColumn = init.end.column;
  }
  if (init.note) d.note = shorten(printable(init.note), MAX_REASON);
  if (init.related && init.related.length > 0) d.related = init.related.map((r) => ({ ...r, file: printable(r.file), message: shorten(printable(r.message), MAX_REASON) }));
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

/** The longest value a message quotes, in characters. */
export const MAX_QUOTED = 80;
/** The longest reason or note a message gives (a backstop: values in it are quoted shorter). */
const MAX_REASON = 400;

/** Text cut to at most `max` characters (never inside a character), with … where it was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters made visible
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Text safe to print on a terminal: control characters (an escape sequence could recolour or
 * clear the screen), direction overrides and broken characters shown by their code, as ⟨U+001B⟩.
 */
export function printable(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Quote a value the way messages show it: strings in “”, the rest as JSON, cut at 80 characters. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `“${shorten(value, MAX_QUOTED)}”`;
  if (value === undefined) return 'nothing';
  try {
    return shorten(JSON.stringify(value), MAX_QUOTED);
  } catch {
    return String(value);
  }
}

/**
 * What went wrong when a file could not be read or written, as a clerk can act on it: the common
 * system errors in the language of the run, with the file they concern; the system's own words otherwise.
 */
export function systemError(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const message = String(err?.message ?? e).split('\n')[0] ?? '';
  const known = err?.code ? SYSTEM_ERRORS[err.code] : undefined;
  if (!known) return message;
  const text = t(known);
  return err?.path ? `${text}（${err.path}）` : text;
}

/** A Markdown node as a message names it: 表格, 脚注; its own name when it has no other. */
export function nodeName(type: string): string {
  const id = `node.${type}` as MessageId;
  return NODE_NAMES.has(type) ? t(id) : type;
}

const NODE_NAMES = new Set(['footnoteReference', 'footnoteDefinition', 'table', 'image', 'imageReference', 'code', 'inlineCode', 'delete', 'link', 'linkReference', 'thematicBreak', 'html', 'math']);

const SYSTEM_ERRORS: Record<string, MessageId> = {
  EEXIST: 'io.EEXIST',
  EACCES: 'io.EACCES',
  EPERM: 'io.EACCES',
  ENOSPC: 'io.ENOSPC',
  EDQUOT: 'io.ENOSPC',
  EROFS: 'io.EROFS',
  ENOTDIR: 'io.ENOTDIR',
  EISDIR: 'io.EISDIR',
  ENOENT: 'io.ENOENT',
  ENAMETOOLONG: 'io.ENAMETOOLONG',
  EMFILE: 'io.EMFILE',
  ENFILE: 'io.EMFILE',
  EBUSY: 'io.EBUSY',
};
