// The batch's own decisions, each on both sides: when the manifest on disk is brought up to date
// while a batch writes, how long a build waits for another one, what a check leaves alone, when
// the dashboard follows the roster, and when a build counts as done.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/batch/index.js';
import { writeReport } from '../src/batch/outputs.js';
import { settle } from '../src/batch/settings.js';
import { MINIMAL, tempDir } from './helpers.js';

/** A working folder with `n` townships' data files in data/. */
function county(n: number): string {
  const dir = tempDir('edges-');
  mkdirSync(join(dir, 'data'));
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, 'data', `第${i}乡.yaml`), MINIMAL.replace('测试乡', `第${i}乡`));
  return dir;
}

/** The inputs the manifest on disk records now, or null when there is none. */
function onDisk(dir: string): string[] | null {
  const path = join(dir, 'out', 'manifest.json');
  if (!existsSync(path)) return null;
  return (JSON.parse(readFileSync(path, 'utf8')) as { reports: { input: string }[] }).reports.map((r) => r.input);
}

/** How far the clock the batch reads is ahead of real time (timers keep real time), and how long writing the manifest takes by it. */
const time = vi.hoisted(() => ({ ahead: 0, manifestTakes: 0 }));
vi.mock('../src/batch/manifest.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/batch/manifest.js')>();
  return {
    ...real,
    flushManifest: (...args: Parameters<typeof real.flushManifest>) => {
      time.ahead += time.manifestTakes;
      real.flushManifest(...args);
    },
  };
});

const realNow = Date.now.bind(Date);
const moved = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + time.ahead);
afterAll(() => moved.mockRestore());
beforeEach(() => {
  Object.assign(time, { ahead: 0, manifestTakes: 0 });
});

describe('the manifest while a batch writes', () => {
  /** Builds the folder one report at a time, `took[i]` seconds passing while report i is built; what the manifest on disk held as each report came. */
  async function timed(dir: string, took: number[]) {
    const seen: (string[] | null)[] = [];
    const r = await build({
      inputs: ['data'],
      cwd: dir,
      outDir: 'out',
      formats: ['md'],
      jobs: 1,
      onReport: () => {
        seen.push(onDisk(dir));
        time.ahead += took[seen.length - 1]! * 1000;
      },
    });
    return { r, seen };
  }

  it('is written after a report once five seconds have passed since it last was, and not before', async () => {
    const dir = county(5);
    const { r, seen } = await timed(dir, [6, 1, 6, 0, 0]);
    expect(r.ok).toBe(true);
    expect(seen).toEqual([null, ['data/第1乡.yaml'], ['data/第1乡.yaml'], ['data/第1乡.yaml', 'data/第2乡.yaml', 'data/第3乡.yaml'], ['data/第1乡.yaml', 'data/第2乡.yaml', 'data/第3乡.yaml']]);
    expect(onDisk(dir)).toHaveLength(5);
  });

  it('waits twenty times as long as writing it took, when that is more than five seconds', async () => {
    const dir = county(4);
    time.manifestTakes = 1000;
    const { r, seen } = await timed(dir, [6, 6, 15, 0]);
    expect(r.ok).toBe(true);
    // Written after the first report (1 s to write: the next waits 20 s), not after the second (6 s later), again after the third (21 s later).
    expect(seen.map((s) => s?.length ?? 0)).toEqual([0, 1, 1, 3]);
  });

  it('is never written by a check, however long it takes', async () => {
    const dir = county(3);
    const r = await build({
      inputs: ['data'],
      cwd: dir,
      outDir: 'out',
      formats: [],
      lintOnly: true,
      jobs: 1,
      onReport: () => {
        time.ahead += 60_000;
      },
    });
    expect(r.reports.map((x) => x.status)).toEqual(['checked', 'checked', 'checked']);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('what a check leaves alone', () => {
  it('a temporary file a killed build left in the output folder (the next build removes it)', async () => {
    const dir = county(1);
    mkdirSync(join(dir, 'out'));
    const left = join(dir, 'out', '.第1乡.md.report-tmp');
    writeFileSync(left, 'half');
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: [], lintOnly: true });
    expect(existsSync(left)).toBe(true);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(existsSync(left)).toBe(false);
  });
});

describe('another build writing into the same folder', () => {
  it('is waited for ten minutes, and then named', async () => {
    const dir = county(1);
    mkdirSync(join(dir, 'out'));
    // This test process is alive: its lock is held.
    writeFileSync(join(dir, 'out', '.report.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    let waiting = false;
    let done = false;
    const pending = build({
      inputs: ['data'],
      cwd: dir,
      outDir: 'out',
      formats: ['md'],
      onWaitForLock: () => {
        waiting = true;
      },
    }).finally(() => {
      done = true;
    });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await pause(300);
    expect([waiting, done]).toEqual([true, false]);
    time.ahead += 10 * 60 * 1000 - 2000;
    await pause(500);
    expect(done).toBe(false);
    time.ahead += 2000;
    const r = await pending;
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['output/locked']);
    expect(r.ok).toBe(false);
  });
});

describe('the dashboard and the roster', () => {
  const roster = (dir: string, names: string[]) => writeFileSync(join(dir, 'roster.csv'), `乡镇（街道）\n${names.join('\n')}\n`);

  it('follows a roster that changed when no report did', async () => {
    const dir = county(2);
    roster(dir, ['第1乡', '第2乡']);
    const first = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv' });
    expect(first.reports.map((x) => x.status)).toEqual(['built', 'built']);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).not.toContain('未交乡');
    roster(dir, ['第1乡', '第2乡', '未交乡']);
    const again = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv' });
    expect(again.reports.map((x) => x.status)).toEqual(['unchanged', 'unchanged']);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toContain('未交乡');
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toContain('未交乡');
  });

  it('counts a report not built again as submitted, by the township its manifest entry names', async () => {
    const dir = tempDir('edges-');
    mkdirSync(join(dir, 'data'));
    // Data files not named after their townships: only the report says whose it is.
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL.replace('测试乡', '第1乡'));
    writeFileSync(join(dir, 'data', 'b.yaml'), MINIMAL.replace('测试乡', '第2乡'));
    roster(dir, ['第1乡', '第2乡']);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv' });
    roster(dir, ['第1乡', '第2乡', '未交乡']);
    const again = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv' });
    expect(again.reports.map((x) => x.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.diagnostics.map((d) => [d.ruleId, d.reason])).toEqual([['input/not-submitted', '未交乡 has not submitted']]);
  });

  it('is not written by a check with a roster, nor by a build without the roll-up', async () => {
    const dir = county(1);
    roster(dir, ['第1乡']);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv' });
    const before = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    roster(dir, ['第1乡', '未交乡']);
    const check = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: [], lintOnly: true, roster: 'roster.csv' });
    expect(check.diagnostics.map((d) => d.ruleId)).toContain('input/not-submitted');
    const quiet = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], roster: 'roster.csv', rollup: false });
    expect(quiet.reports.map((x) => x.status)).toEqual(['unchanged']);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toBe(before);
  });
});

describe('when a build counts as done', () => {
  it('not when it was given nothing to build', async () => {
    const dir = county(0);
    const r = await build({ inputs: [], cwd: dir, outDir: 'out', formats: ['md'] });
    expect([r.reports, r.diagnostics, r.ok]).toEqual([[], [], false]);
  });

  it('not when stopped, even after its last report', async () => {
    const dir = county(2);
    const stop = new AbortController();
    const r = await build({
      inputs: ['data'],
      cwd: dir,
      outDir: 'out',
      formats: ['md'],
      jobs: 1,
      signal: stop.signal,
      onReport: (x) => {
        if (x.input.endsWith('第2乡.yaml')) stop.abort();
      },
    });
    expect(r.reports.map((x) => x.status)).toEqual(['built', 'built']);
    expect([r.interrupted, r.ok]).toEqual([true, false]);
  });
});

describe('the manifest of builds with other inputs into one folder', () => {
  it('keeps the reports of the earlier build whose data files are still there, and drops those whose files are gone', async () => {
    const dir = county(3);
    await build({ inputs: ['data/第1乡.yaml', 'data/第2乡.yaml'], cwd: dir, outDir: 'out', formats: ['md'] });
    rmSync(join(dir, 'data', '第2乡.yaml'));
    const r = await build({ inputs: ['data/第3乡.yaml'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(r.ok).toBe(true);
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml', 'data/第3乡.yaml']);
    const dashboard = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect([dashboard.includes('第1乡'), dashboard.includes('第2乡'), dashboard.includes('第3乡')]).toEqual([true, false, true]);
    // Built again alone, changed: its new entry, not the earlier build's.
    const keyOf = () => (JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { reports: { input: string; key: string }[] }).reports.find((x) => x.input === 'data/第1乡.yaml')!.key;
    const before = keyOf();
    writeFileSync(join(dir, 'data', '第1乡.yaml'), `${MINIMAL.replace('测试乡', '第1乡')}other: 无。\n`);
    await build({ inputs: ['data/第1乡.yaml'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(keyOf()).not.toBe(before);
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml', 'data/第3乡.yaml']);
  });
});

describe('a report whose output would fall outside the output folder', () => {
  it('is failed with the path, and nothing is written', () => {
    const dir = county(1);
    // Two folders up from the output folder: in the working folder.
    const settings = settle({ cwd: dir, outDir: 'deep/out', formats: ['md'] });
    const input = { path: join(dir, 'data', '第1乡.yaml'), display: 'data/第1乡.yaml', outStem: '../../escaped' };
    const settled = writeReport(
      settings,
      { todo: { input }, sourceHash: '', result: { id: 0, diagnostics: [], outputs: { md: new TextEncoder().encode('# x\n') }, summary: undefined, dependencies: [] }, dependencies: [] },
      new Map(),
    );
    expect(settled.result.status).toBe('failed');
    expect(settled.result.diagnostics.map((d) => [d.ruleId, d.reason])).toEqual([['output/write', 'This report would be written to “../../escaped.md”, outside the output folder']]);
    expect([existsSync(join(dir, 'escaped.md')), existsSync(join(dir, 'deep'))]).toEqual([false, false]);
  });
});

describe('a manifest that cannot be used', () => {
  it('(not JSON, of another version, or a report without its fields) is no manifest: every report is built again', async () => {
    const dir = county(2);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    const good = readFileSync(join(dir, 'out', 'manifest.json'), 'utf8');
    const parsed = JSON.parse(good) as { version: number; reports: Record<string, unknown>[] };
    const reports = (change: (r: Record<string, unknown>) => Record<string, unknown>) => JSON.stringify({ ...parsed, reports: parsed.reports.map(change) });
    const summary = (recorded: unknown) => reports((r) => ({ ...r, summary: { ...(r.summary as object), recorded } }));
    for (const bad of [
      '{"version":',
      JSON.stringify({ ...parsed, version: parsed.version + 1 }),
      reports(({ key: _, ...r }) => r),
      reports((r) => ({ ...r, status: 'done' })),
      summary([]),
      summary(null),
      summary('x'),
    ]) {
      writeFileSync(join(dir, 'out', 'manifest.json'), bad);
      const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
      expect(r.reports.map((x) => x.status)).toEqual(['built', 'built']);
      expect(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).toBe(good);
    }
    const again = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(again.reports.map((x) => x.status)).toEqual(['unchanged', 'unchanged']);
  });
});

describe('a roll-up workbook damaged on disk', () => {
  it('is written anew at the next build that changes the roll-up', async () => {
    const dir = county(2);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    const good = readFileSync(join(dir, 'out', 'summary.xlsx'));
    writeFileSync(join(dir, 'out', 'summary.xlsx'), 'PK\u0003\u0004 damaged');
    writeFileSync(join(dir, 'data', '第2乡.yaml'), `${MINIMAL.replace('测试乡', '第2乡')}# 注释\n`);
    const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect([r.ok, r.diagnostics]).toEqual([true, []]);
    expect(readFileSync(join(dir, 'out', 'summary.xlsx')).equals(good)).toBe(true);
  });
});

describe('the manifest of a build in which nothing was built', () => {
  it('is written again when a data file was removed, and the dashboard when it is gone; else left as it was', async () => {
    const dir = county(2);
    await build({ inputs: ['data/第2乡.yaml', 'data/第1乡.yaml'], cwd: dir, outDir: 'out', formats: ['md'] });
    // In the order of the inputs' names, whatever the order of the arguments.
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml', 'data/第2乡.yaml']);
    const manifest = join(dir, 'out', 'manifest.json');
    const written = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, written.replace('"tool"', ' "tool"'));
    const same = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(same.reports.map((x) => x.status)).toEqual(['unchanged', 'unchanged']);
    expect(readFileSync(manifest, 'utf8')).toBe(written.replace('"tool"', ' "tool"'));
    rmSync(join(dir, 'out', 'index.html'));
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(existsSync(join(dir, 'out', 'index.html'))).toBe(true);
    rmSync(join(dir, 'data', '第2乡.yaml'));
    const gone = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(gone.reports.map((x) => x.status)).toEqual(['unchanged']);
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml']);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).not.toContain('第2乡');
  });

  it('is left as it was by a build that compiled nothing (a pack that does not load) and by --check', async () => {
    const dir = county(2);
    await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    rmSync(join(dir, 'data', '第2乡.yaml'));
    // A report with an error, too, which --check fails.
    writeFileSync(join(dir, 'data', '第3乡.yaml'), 'township: [\n');
    const checked = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], check: true });
    expect(checked.reports.map((x) => x.status)).toEqual(['current', 'failed']);
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml', 'data/第2乡.yaml']);
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const broken = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], template: 'pack' });
    expect(broken.ok).toBe(false);
    expect(onDisk(dir)).toEqual(['data/第1乡.yaml', 'data/第2乡.yaml']);
  });

  it('is not written when nothing was given to build, nor when the pack does not load', async () => {
    const dir = county(1);
    await build({ inputs: [], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], template: 'pack' });
    expect(r.ok).toBe(false);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
  });
});
