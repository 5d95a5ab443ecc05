import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conventionalPreviousPath, previousPath } from '../src/compile/previous.js';
import { tempDir } from './helpers.js';

/** A folder holding the named (empty) files and folders (ending in /). */
function folder(...names: string[]): string {
  const dir = tempDir('previous-');
  for (const n of names) {
    if (n.endsWith('/')) mkdirSync(join(dir, n), { recursive: true });
    else writeFileSync(join(dir, n), '');
  }
  return dir;
}

describe('last year’s file by its name', () => {
  it.each<[string, number, string[], string | undefined]>([
    ['jinping-2025.yaml', 2025, ['jinping-2024.yaml'], 'jinping-2024.yaml'],
    ['2025-jinping.yaml', 2025, ['2024-jinping.yaml'], '2024-jinping.yaml'],
    ['jinping2025.yaml', 2025, ['jinping2024.yaml'], 'jinping2024.yaml'],
    ['jinping-2025.yaml', 2025, [], undefined],
    ['jinping-2025.yaml', 2026, ['jinping-2024.yaml'], undefined],
    ['jinping.yaml', 2025, ['jinping-2024.yaml'], undefined],
    ['town-02025.yaml', 2025, ['town-02024.yaml'], undefined],
    ['town-20251.yaml', 2025, ['town-20241.yaml'], undefined],
    ['2019-plan-2025.yaml', 2025, ['2019-plan-2024.yaml', '2018-plan-2025.yaml'], '2019-plan-2024.yaml'],
    ['1999-report.yaml', 1999, ['1998-report.yaml'], '1998-report.yaml'],
    ['2100-report.yaml', 2100, ['2099-report.yaml'], undefined],
  ])('%s (year %i)', (name, year, present, expected) => {
    const dir = folder(...present);
    expect(conventionalPreviousPath(join(dir, name), year)).toBe(expected === undefined ? undefined : join(dir, expected));
  });
});

describe('last year’s file from the data file’s text', () => {
  const dir = folder('town-2024.yaml', 'old/', 'old/town.yaml', 'named with spaces.yaml');
  const path = join(dir, 'town-2025.yaml');

  it.each<[string, string | undefined]>([
    ['year: 2025\n', 'town-2024.yaml'],
    ['year: "2025"\n', 'town-2024.yaml'],
    ["year: '2025'  # 年度\n", 'town-2024.yaml'],
    ['year: 2026\n', undefined],
    ['township: {}\n', undefined],
    ['year: 2025\nprevious: old/town.yaml\n', 'old/town.yaml'],
    ['year: 2025\nprevious: old/town.yaml  # 上一年度\n', 'old/town.yaml'],
    ['year: 2025\nprevious: "old/town.yaml"\n', 'old/town.yaml'],
    ["year: 2025\nprevious: 'named with spaces.yaml'\n", 'named with spaces.yaml'],
    ['year: 2025\nprevious: named with spaces.yaml\n', 'named with spaces.yaml'],
    ['year: 2025\nprevious: old\n', undefined],
    ['year: 2025\nprevious: gone.yaml\n', undefined],
    ['year: 2025\nprevious:  # 上一年度的数据文件\n', 'town-2024.yaml'],
    ['year: 2025\nprevious:\n', 'town-2024.yaml'],
    ['year: 2025\n  previous: old/town.yaml\n', 'town-2024.yaml'],
    ['year: 2025\nprevious:    old/town.yaml   \n', 'old/town.yaml'],
    ['year: 2025\nprevious:\t"old/town.yaml"\n', 'old/town.yaml'],
    // Quoted, the spaces are part of the name, as the YAML reads it: no such file.
    ['year: 2025\nprevious: " old/town.yaml "\n', undefined],
    ['# 上一份报告 year: 2023\nyear:   2025\n', 'town-2024.yaml'],
    ['township:\n  last_year: 2024\nyear: 2025\n', 'town-2024.yaml'],
  ])('%j', (source, expected) => {
    expect(previousPath(path, source, [])).toBe(expected === undefined ? undefined : join(dir, expected));
  });
});
