/**
 * Data values are text, never markup. Every value a template prints goes
 * through markdownEscape: ASCII punctuation is backslash-escaped (CommonMark
 * allows that for every ASCII punctuation character) so that `*`, `#`, `<`,
 * `[`, `{{` and the like parse back as the literal characters.
 */
const ASCII_PUNCT = /[!-/:-@[-`{-~]/g;

/** Put at the end of a heading by {{runin}}: the heading is run in with the paragraph after it (（一）标题。正文……). */
export const RUN_IN_MARK = '\uE001';

/** A data value escaped so that Markdown prints it as typed. */
export function markdownEscape(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(ASCII_PUNCT, '\\$&');
}

/** Escapes multi-paragraph text: paragraphs are split on blank lines and kept apart. */
export function markdownParagraphs(value: string): string[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => markdownEscape(joinLines(p)))
    .filter((p) => p !== '');
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

/** Joins the lines of one paragraph: no space between Chinese characters. */
export function joinLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .reduce((acc, line) => {
      if (acc === '') return line;
      if (line === '') return acc;
      const a = acc[acc.length - 1] ?? '';
      const b = line[0] ?? '';
      return CJK.test(a) || CJK.test(b) ? acc + line : `${acc} ${line}`;
    }, '')
    .replace(CJK_SPACE, '$1');
}

/** Spaces between Chinese characters (as YAML's folded “>” blocks leave them). */
const CJK_SPACE = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]) +(?=([\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]))/gu;

/** True for a Chinese character or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
