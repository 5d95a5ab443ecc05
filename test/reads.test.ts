// How often a build opens each data file: a county's folder is read over a network drive as often
// as not, and each open costs there.
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
  for (const [path] of open.mock.calls) {
    const p = String(path);
    if (p.startsWith(join(dir, 'data')) && p.endsWith('.yaml')) counts[p.slice(join(dir, 'data').length + 1)] = (counts[p.slice(join(dir, 'data').length + 1)] ?? 0) + 1;
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
