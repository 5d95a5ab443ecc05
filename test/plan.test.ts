// What an incremental build rebuilds, case by case: everything a report depends on is compared.
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, runCli, tempDir } from './helpers.js';

/** Two townships, one with last year's file beside it. */
function county(): string {
  const dir = tempDir('plan-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'a-2025.yaml'), `${MINIMAL}achievements:\n  disputes:\n    total: 12\n`);
  writeFileSync(join(dir, 'data', 'a-2024.yaml'), `${MINIMAL.replace('year: 2025', 'year: 2024').replace('date: 2026-02-05', 'date: 2025-02-05')}achievements:\n  disputes:\n    total: 10\n`);
  writeFileSync(join(dir, 'data', 'b-2025.yaml'), MINIMAL.replace('测试乡', '乙乡'));
  return dir;
}
const build = async (dir: string, ...extra: string[]) => (await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--jobs', '1', ...extra], dir)).stderr;
// Reports are printed as they settle (unchanged ones first), so compared in file order.
const lines = (log: string) =>
  log
    .split('\n')
    .filter((l) => /^(built|unchanged|failed) /.test(l))
    .sort((a, b) => a.replace(/^\S+ /, '').localeCompare(b.replace(/^\S+ /, '')));

describe('an incremental build', () => {
  it('rebuilds nothing when nothing changed', async () => {
    const dir = county();
    await build(dir);
    expect(lines(await build(dir))).toEqual(['unchanged data/a-2024.yaml', 'unchanged data/a-2025.yaml', 'unchanged data/b-2025.yaml']);
  });

  it('rebuilds a report whose output was changed by hand, or removed', async () => {
    const dir = county();
    await build(dir);
    appendFileSync(join(dir, 'out', 'b-2025.md'), '多出的一行\n');
    expect(lines(await build(dir))).toEqual(['unchanged data/a-2024.yaml', 'unchanged data/a-2025.yaml', 'built data/b-2025.yaml -> out/b-2025.md']);
    rmSync(join(dir, 'out', 'a-2024.md'));
    expect(lines(await build(dir))).toEqual(['built data/a-2024.yaml -> out/a-2024.md', 'unchanged data/a-2025.yaml', 'unchanged data/b-2025.yaml']);
  });

  it('rebuilds an output changed by hand whatever its time: another size even when older than the manifest, the same size when as old as it', async () => {
    const dir = county();
    await build(dir);
    // The manifest and an output written in the same tick of the clock: both given one time.
    const tick = Math.ceil(Date.now() / 1000) + 5;
    utimesSync(join(dir, 'out', 'manifest.json'), tick, tick);
    // Copied back from an older copy, say: another size, a time long before the build.
    const b = join(dir, 'out', 'b-2025.md');
    writeFileSync(b, `${readFileSync(b, 'utf8')}多出的一行\n`);
    utimesSync(b, new Date(2000, 0, 1), new Date(2000, 0, 1));
    // Changed in that tick: the same size, so only its content tells.
    const a = join(dir, 'out', 'a-2025.md');
    const text = readFileSync(a, 'utf8');
    writeFileSync(a, text.replace('测试乡', '测验乡'));
    expect(statSync(a).size).toBe(Buffer.byteLength(text));
    utimesSync(a, tick, tick);
    expect(lines(await build(dir))).toEqual(['unchanged data/a-2024.yaml', 'built data/a-2025.yaml -> out/a-2025.md', 'built data/b-2025.yaml -> out/b-2025.md']);
  });

  it('rebuilds this year’s report when last year’s file changes or goes, and no other', async () => {
    const dir = county();
    await build(dir);
    writeFileSync(join(dir, 'data', 'a-2024.yaml'), `${MINIMAL.replace('year: 2025', 'year: 2024').replace('date: 2026-02-05', 'date: 2025-02-05')}achievements:\n  disputes:\n    total: 11\n`);
    expect(lines(await build(dir))).toEqual(['built data/a-2024.yaml -> out/a-2024.md', 'built data/a-2025.yaml -> out/a-2025.md', 'unchanged data/b-2025.yaml']);
    rmSync(join(dir, 'data', 'a-2024.yaml'));
    expect(lines(await build(dir))).toEqual(['built data/a-2025.yaml -> out/a-2025.md', 'unchanged data/b-2025.yaml']);
  });

  it('tries again a report that failed, even when its file did not change', async () => {
    const dir = county();
    writeFileSync(join(dir, 'data', 'b-2025.yaml'), MINIMAL.replace('year: 2025', 'year: 二〇二五'));
    await build(dir);
    const again = await build(dir);
    expect(lines(again)).toEqual(['unchanged data/a-2024.yaml', 'unchanged data/a-2025.yaml', 'failed data/b-2025.yaml']);
  });

  it('rebuilds everything when the formats or the layout change, and again when they change back', async () => {
    const dir = county();
    await build(dir);
    const built = (log: string) => lines(log).filter((l) => l.startsWith('built')).length;
    expect(built(await build(dir, '-l', 'grid=true'))).toBe(3);
    expect(lines(await build(dir, '-l', 'grid=true')).filter((l) => l.startsWith('unchanged'))).toHaveLength(3);
    expect(built(await build(dir))).toBe(3);
    expect(built(await build(dir, '--format', 'md,html'))).toBe(3);
    expect(built(await build(dir, '--format', 'md,html'))).toBe(0);
  });
});
