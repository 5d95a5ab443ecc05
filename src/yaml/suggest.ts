/** Damerau–Levenshtein (optimal string alignment) distance. */
export function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: at i or j of 1, a[i - 2] or b[j - 2] is undefined and never equal to a character
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const s = distance(word.toLowerCase(), c.toLowerCase());
    if (s < bestScore) {
      best = c;
      bestScore = s;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  // Without candidates the score stays Infinity, over any limit.
  return bestScore <= limit ? best : undefined;
}

/** Two-character pieces of a text (the text itself when shorter), for comparing Chinese words. */
function pieces(s: string): Set<string> {
  const chars = [...s];
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: a word of one character is like a label only by being in it, which likeness() tries first.
  if (chars.length < 2) return new Set([s]);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** How alike a word and a label are: above 1 when one holds the other, else the share of two-character pieces they have in common (0–1). */
function likeness(word: string, label: string): number {
  // 化解（调解）成功率 is also 化解成功率.
  const plain = label.replace(/（[^（）]*）|\([^()]*\)/gu, '');
  if (plain !== label) return Math.max(likeness(word, plain), likeness(word, label.replace(/[（）()]/gu, '')));
  if (label.includes(word) || word.includes(label)) return 1 + Math.min(word.length, label.length) / Math.max(word.length, label.length);
  const a = pieces(word);
  const b = pieces(label);
  let common = 0;
  for (const p of a) if (b.has(p)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * The candidate whose Chinese label a word (a key written in Chinese: 化解, 成文日期) is most like,
 * when it is like enough: 化解 → resolved (成功化解).
 */
export function suggestByLabel(word: string, candidates: readonly { key: string; label: string }[]): string | undefined {
  if (word === '') return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const s = likeness(word, c.label);
    if (s > bestScore) {
      best = c.key;
      bestScore = s;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}
