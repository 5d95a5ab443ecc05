// How often a build opens each data file: each open is a trip to the disk, and on a network drive
// (where a county's folder may well lie) a slow one.
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../src/batch/index.js';
import { MINIMAL, tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: fs, openSync: vi.fn(fs.openSync) };
});
const open = vi.mocked(openSync);

/** Opens of each data file under dir/data during `run`, by file name. */
async function opensDuring(dir: string, run: () => Promise<unknown>): Promise<Record<string, number>> {
  open.mockClear();
  await run();
  const counts: Record<string, number> = {};
  const data = join(dir, 'data');
  for (const [path] of open.mock.calls) {
    const p = String(path);
    if (!p.startsWith(data) || !p.endsWith('.yaml')) continue;
    const name = p.slice(data.length + 1);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe('the data files a build reads', () => {
  it('are opened twice in a first build (the folder scan looks at the start, the compile reads the file), and again when nothing changed (the scan, and the plan to compare)', async () => {
    const dir = tempDir('reads-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(dir, 'data', 'b.yaml'), MINIMAL.replace('测试乡', '乙乡'));
    const run = () => build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], jobs: 1, rollup: false });
    expect(await opensDuring(dir, run)).toEqual({ 'a.yaml': 2, 'b.yaml': 2 });
    const again = await opensDuring(dir, async () => expect((await run()).reports.map((r) => r.status)).toEqual(['unchanged', 'unchanged']));
    expect(again).toEqual({ 'a.yaml': 2, 'b.yaml': 2 });
    // Changed: the plan reads it to see so, and the compile once more.
    writeFileSync(join(dir, 'data', 'b.yaml'), MINIMAL.replace('测试乡', '丙乡'));
    expect(await opensDuring(dir, run)).toEqual({ 'a.yaml': 2, 'b.yaml': 3 });
  });
});
