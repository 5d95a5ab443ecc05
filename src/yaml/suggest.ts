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
