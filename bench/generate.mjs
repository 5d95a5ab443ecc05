/**
 * Synthetic townships for the benchmark: the 金坪乡 example (a real report, its own headings and
 * marked figures) under another name, with the sentences of each paragraph in another order, so
 * that no two townships share a paragraph of narrative and every one builds without an error.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BASE = readFileSync(join(ROOT, 'examples', 'jinping-2025.yaml'), 'utf8');

/** A paragraph's sentences turned by `k`; its first sentence (an item's title) stays first. */
function turn(line, k) {
  const [first, ...rest] = line.split(/(?<=。)/);
  if (rest.length < 2) return line;
  const by = k % rest.length;
  return [first, ...rest.slice(by), ...rest.slice(0, by)].join('');
}

export function township(i) {
  const name = `第${i}乡`;
  return BASE.replaceAll('金坪乡', name)
    .replace(/^ {2}county: .*$/m, `  county: 第${Math.floor(i / 30)}县`)
    .replace(/^date: .*$/m, `date: 2026-02-${String(1 + (i % 27)).padStart(2, '0')}`)
    .replace(/^( {6,})([^\s#].*。.*)$/gm, (_, indent, line) => `${indent}${turn(line, i)}`);
}
