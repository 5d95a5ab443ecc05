/** Where a report's outputs go: the input tree mirrored, or a pattern such as {year}/{county}/{township}.{ext}. */
import { t } from '../i18n/index.js';
import type { ReportSummary } from '../compile/summary.js';

export const DEFAULT_PATTERN = '{dir}/{name}.{ext}';
const TOKENS = ['dir', 'name', 'ext', 'year', 'county', 'city', 'province', 'township', 'kind'] as const;

/** Checks a pattern; returns a message when it is unusable. */
export function checkPattern(pattern: string): string | undefined {
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((t) => !(TOKENS as readonly string[]).includes(t));
  if (unknown.length > 0) return t('pattern.unknown', { placeholders: unknown.map((u) => `{${u}}`).join(', '), known: TOKENS.map((k) => `{${k}}`).join(' ') });
  if (!pattern.includes('{ext}')) return t('pattern.no-ext');
  if (pattern.startsWith('/') || pattern.split('/').includes('..')) return t('pattern.outside');
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
const UNSAFE = /[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A field value made safe as one part of a path: no separators, no characters Windows refuses,
 * no control or direction characters, no leading or trailing dots and spaces (so never `.` or
 * `..`), and no device name such as CON or NUL.
 */
export function safeName(s: string): string {
  const name = s.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') return '_';
  return RESERVED.test(name) ? `_${name}` : name;
}

/** An output's path inside the output folder, from the pattern, the input's stem, the format and the report's identity. */
export function outputPath(pattern: string, outStem: string, ext: string, summary: ReportSummary | undefined): string {
  const slash = outStem.lastIndexOf('/');
  const values: Record<string, string> = {
    // Names of files and folders may hold what a value may: control and direction characters.
    dir: outStem.slice(0, Math.max(slash, 0)).replace(INVISIBLE, '_'),
    name: outStem.slice(slash + 1).replace(INVISIBLE, '_'),
    ext,
    year: summary ? String(summary.year) : '',
    county: summary ? safeName(summary.county) : '',
    city: summary?.city ? safeName(summary.city) : '',
    province: summary?.province ? safeName(summary.province) : '',
    township: summary ? safeName(summary.township) : '',
    kind: summary ? safeName(summary.kind) : '',
  };
  return pattern
    .replace(/\{([a-z]+)\}/g, (_, t: string) => values[t] ?? '')
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}
