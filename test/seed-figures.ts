// The figures each seed report states (../shared/eval/figures/*.tsv: label, then the figure as the
// report writes it), which the example rewritten from that seed must show wherever it is built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const EVAL = join(ROOT, '..', 'shared', 'eval', 'figures');
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
