/**
 * Checks of a data file's values that the schema cannot make, done on the parsed document before
 * it: text a document may not hold, numbers YAML reads in ways a clerk does not mean, and keys
 * that only an attack writes. Values are cleaned in place, so what follows sees only what the
 * diagnostics describe.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Locator, OddNumber, Path } from '../yaml/index.js';
import { t } from '../i18n/index.js';
import { fieldName, keyName } from './labels.js';

/**
 * Characters no XML document (so no DOCX) may hold, and those no text should: C0 controls other
 * than tab and line breaks, DEL and the C1 controls, noncharacters, and halves of surrogate pairs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
/**
 * Every character FORBIDDEN can find, each surrogate whether paired or not: a text with none of
 * them holds nothing forbidden, and this one class is quicker to look for than FORBIDDEN's
 * alternatives with their lookarounds (most texts are clean).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
/** Characters that change the direction text is shown in, so that it reads otherwise than it is stored. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

/** U+000B, as messages name a character. */
export const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The same text without the characters no document may hold. */
export function withoutForbidden(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, '') : text;
}

/** Checks (and cleans, in place) every key and value of a parsed data file, and reports the numbers written otherwise than in decimal digits. */
export function checkValues(file: string, raw: unknown, locator: Locator, oddNumbers: readonly OddNumber[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of oddNumbers) {
    const span = locator.value(n.path);
    out.push(
      diagnostic(file, {
        ruleId: 'data/invalid-value',
        reason: t('data.not-decimal', { field: fieldName(n.path), source: n.source, read: Number.isFinite(n.value) ? n.value : t('data.not-decimal.none') }),
        note: t('data.not-decimal.note'),
        start: span?.start,
        end: span?.end,
      }),
    );
  }
  // Aliases make the same object appear at several places; each is checked once.
  const seen = new Set<object>();
  const visit = (value: unknown, path: Path): unknown => {
    if (typeof value === 'string') return checkText(value, path, false);
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return value;
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i], [...path, i]);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key === '__proto__') {
          const span = locator.key(path, key);
          out.push(
            diagnostic(file, {
              ruleId: 'data/unknown-key',
              reason: t('data.unknown-key', { field: keyName(path, key) }),
              note: t('data.remove-key'),
              start: span?.start,
              end: span?.end,
            }),
          );
          delete record[key];
          continue;
        }
        const clean = checkText(key, path, true, key);
        const child = visit(record[key], [...path, key]);
        if (clean !== key) {
          delete record[key];
          record[clean] = child;
        } else record[key] = child;
      }
    }
    return value;
  };
  const checkText = (text: string, path: Path, isKey: boolean, key?: string): string => {
    // Looked up only for a value that has a problem: most have none.
    const spanOf = () => (isKey && key !== undefined ? locator.key(path, key) : locator.value(path));
    const field = () => (isKey && key !== undefined ? keyName(path, key) : fieldName(path));
    const bad = SUSPECT.test(text) ? text.match(FORBIDDEN) : null;
    if (bad) {
      const names = [...new Set(bad.map((c) => codePoint(c)))];
      out.push(
        diagnostic(file, {
          ruleId: 'data/control-character',
          reason: t(isKey ? 'data.control.key' : bad.length === 1 ? 'data.control.one' : 'data.control', { field: field(), codes: names.join(', ') }),
          note: t('data.control.note'),
          start: spanOf()?.start,
          end: spanOf()?.end,
        }),
      );
      text = text.replace(FORBIDDEN, '');
    }
    const bidi = BIDI.exec(text);
    if (bidi) {
      out.push(
        diagnostic(file, {
          ruleId: 'data/bidi-control',
          reason: t('data.bidi', { field: field(), code: codePoint(bidi[0]) }),
          note: t('data.bidi.note'),
          start: spanOf()?.start,
          end: spanOf()?.end,
        }),
      );
    }
    return text;
  };
  visit(raw, []);
  return out;
}
