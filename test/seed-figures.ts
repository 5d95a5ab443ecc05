// The figures each seed report states (../shared/eval/figures/*.tsv: label, then the figure as the
// report writes it), which the example rewritten from that seed must show wherever it is built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inShared } from './helpers.js';

const EVAL = inShared('eval', 'figures');
const SEEDS: Record<string, string> = {
  'jinping-2025.yaml': '000_jinping_2025.tsv',
  'zuolan-2024.yaml': '002_zuolan_2024.tsv',
  'tongle-2025.yaml': '003_tongle_2025.tsv',
};

/** A figure as figures.py compares it: no spaces, （ as (, no thousands commas. */
export const figureForm = (text: string): string => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/,/g, '');

/** Each example's seed figures, in the compared form. */
export const SEED_FIGURES: Record<string, string[]> = Object.fromEntries(
  Object.entries(SEEDS).map(([example, tsv]) => [
    example,
    readFileSync(join(EVAL, tsv), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => figureForm(line.split('\t')[1] ?? '')),
  ]),
);

/**
 * How many of a seed's figures a township's row of summary.csv records: a seed figure is recorded
 * when a cell holds its number (6000+ → 6000, 0.7万余元 → 7000), and each cell stands for one seed
 * figure at most (a 3 recorded once does not count for every 3次).
 */
export function recordedCount(cells: readonly string[], figures: readonly string[]): number {
  const numbers = cells.filter((c) => /^\d/.test(c));
  return figures.filter((f) => {
    const m = /(\d+(?:\.\d+)?)(万)?/.exec(f);
    const at = m ? numbers.indexOf(String(Number(m[1]) * (m[2] ? 10000 : 1))) : -1;
    if (at >= 0) numbers.splice(at, 1);
    return at >= 0;
  }).length;
}

/** The seed reports (../shared/seeds) by the example rewritten from each. */
export const SEED_FILES: Record<string, string> = {
  'jinping-2025.yaml': '000_c54b09d099a81d8b.txt',
  'zuolan-2024.yaml': '002_fb4fb1fb4ee4856e.txt',
  'tongle-2025.yaml': '003_14fc8f7e2f144526.txt',
};
export const SEEDS_DIR = inShared('seeds');
