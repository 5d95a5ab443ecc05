/**
 * GB/T 9704-2012 7.3.5: where the 署名 and 成文日期 sit, in characters from
 * the right edge of the type area. 3号 type is one character per em; digits
 * and Latin letters are half a character.
 */
// @ts-nocheck

export function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

export interface SignatureLayout {
  /** Right indent of the issuer line, in characters. */
  issuerRight: number;
  /** Right indent of the date line, in characters. */
  dateRight: number;
}

/** Where the issuer and date stand at the end of the report, in characters from the right margin (GB/T 9704 7.3.5). */
export function signatureLayout(issuer: string, date: string, sealed: boolean): SignatureLayout {
  const iw = charWidth(issuer);
  const dw = charWidth(date);
  if (sealed) {
    // 7.3.5.1: the date sits 4 characters from the right; the issuer is centred above it.
    const dateRight = 4;
    const issuerRight = Math.max(0, dateRight + (dw - iw) / 2);
    return { issuerRight, dateRight };
  }
  // 7.3.5.2: issuer 2 characters from the right, the date's first character 2 to the right
  // of the issuer's; a date longer than the issuer keeps 2 characters and moves the issuer left.
  if (dw <= iw) return { issuerRight: 2, dateRight: iw - dw };
  return { issuerRight: 4 + dw - iw, dateRight: 2 };
}
