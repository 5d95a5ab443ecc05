/**
 * Builds that crash, and builds that run at once: what is on disk afterwards is what a clean
 * build writes, byte for byte. These run the built program in child processes (a kill -9 has to
 * kill a process).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, MINIMAL, runCli, tempDir } from './helpers.js';

/** A county of n townships; `edition` changes every one of them. */
function county(dir: string, n: number, edition: string): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  for (let i = 1; i <= n; i++) {
    writeFileSync(
      join(dir, 'data', `town-${String(i).padStart(3, '0')}.yaml`),
      `${MINIMAL.replace('测试乡', `第${i}乡`)}achievements:\n  disputes:\n    total: ${10 + i}\n    resolved: ${10 + i}\nother: ${edition}\n`,
    );
  }
}

/** Every file under dir (relative path → bytes), but the lock, which a killed build may leave. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

function expectSameTree(actual: string, expected: string): void {
  const a = tree(actual);
  const b = tree(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...b.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
  expect(differ).toEqual([]);
}

/** Starts `report build`; resolves with its exit code and stderr. `onLine` sees stderr as it comes. */
function start(dir: string, args: string[], onLine?: (text: string, kill: () => void) => void) {
  const child = spawn(process.execPath, [BIN, 'build', ...args], { cwd: dir, env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onLine?.(stderr, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

const FORMATS = ['--format', 'md,docx', '--jobs', '2'];

describe('a build killed midway', () => {
  it('an output written just before the crash, its manifest entry not yet, is not kept as “unchanged”', async () => {
    const dir = tempDir('crash-');
    county(dir, 3, '甲版。');
    expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir)).code).toBe(0);
    const manifestBefore = readFileSync(join(dir, 'out', 'manifest.json'));
    const writtenBefore = statSync(join(dir, 'out', 'manifest.json'));
    county(dir, 3, '乙版。');
    expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir)).code).toBe(0);
    // The crash: outputs of 乙版 on disk, the manifest still of 甲版. Then the edit is undone.
    writeFileSync(join(dir, 'out', 'manifest.json'), manifestBefore);
    utimesSync(join(dir, 'out', 'manifest.json'), writtenBefore.atime, writtenBefore.mtime);
    county(dir, 3, '甲版。');
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.stderr).toContain('3 built, 0 failed, 0 unchanged');
    expect(readFileSync(join(dir, 'out', 'town-001.md'), 'utf8')).toContain('甲版。');
  });

  it('an output changed on disk after the build (same size, newer) is rebuilt; untouched ones are not', async () => {
    const dir = tempDir('edited-');
    county(dir, 2, '甲版。');
    expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir)).code).toBe(0);
    const file = join(dir, 'out', 'town-001.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('甲版。', '乙版。'));
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.stderr).toContain('1 built, 0 failed, 1 unchanged');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('kill -9 at a random point of a 150-township batch, the data reverted: the rebuild is byte-identical to a clean build', { timeout: 180000 }, async () => {
    const ref = tempDir('clean-');
    county(ref, 150, '甲版。');
    expect((await start(ref, ['data', '--out', 'out', ...FORMATS])).code).toBe(0);

    const dir = tempDir('killed-');
    county(dir, 150, '甲版。');
    expect((await start(dir, ['data', '--out', 'out', ...FORMATS])).code).toBe(0);
    county(dir, 150, '乙版。');
    const after = 1 + Math.floor(Math.random() * 140);
    const killed = await start(dir, ['data', '--out', 'out', ...FORMATS], (text, kill) => {
      if ((text.match(/^built /gm) ?? []).length >= after) kill();
    });
    expect(killed.signal, `killed after ${after} reports`).toBe('SIGKILL');
    // The lock of the killed build is left behind; the next build takes it over.
    expect(existsSync(join(dir, 'out', '.report.lock'))).toBe(true);

    county(dir, 150, '甲版。');
    const again = await start(dir, ['data', '--out', 'out', ...FORMATS]);
    expect(again.code, again.stderr.slice(-500)).toBe(0);
    expectSameTree(join(dir, 'out'), join(ref, 'out'));
  });
});

describe('two builds into one output folder', () => {
  it('run at once, the second waits for the first: correct outputs, a full manifest, no temporary files', { timeout: 120000 }, async () => {
    const ref = tempDir('clean-');
    county(ref, 60, '甲版。');
    expect((await start(ref, ['data', '--out', 'out', ...FORMATS])).code).toBe(0);

    const dir = tempDir('twice-');
    county(dir, 60, '甲版。');
    const [a, b] = await Promise.all([start(dir, ['data', '--out', 'out', ...FORMATS]), start(dir, ['data', '--out', 'out', ...FORMATS, '--force'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // One of them found the folder taken and said so.
    expect(`${a.stderr}${b.stderr}`).toMatch(/report: another build \(process \d+\) is writing into out; waiting for it to finish…/);
    expectSameTree(join(dir, 'out'), join(ref, 'out'));
  });

  it('a lock held by a running build and not released in time stops the second with a clear message', async () => {
    const dir = tempDir('locked-');
    county(dir, 1, '甲版。');
    mkdirSync(join(dir, 'out'));
    // This test process is alive: its lock is held.
    writeFileSync(join(dir, 'out', '.report.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const { build } = await import('../src/batch/index.js');
    const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], lockWaitMs: 300 });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.file}: ${d.ruleId}: ${d.reason}`)).toEqual([
      `out/.report.lock: output/locked: Another build (process ${process.pid} on ${hostname()}) is writing into this output folder`,
    ]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['.report.lock']);
  });

  it('an empty lock, as a power cut while writing it leaves, is taken over once it is a few seconds old', async () => {
    const dir = tempDir('empty-lock-');
    county(dir, 1, '甲版。');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', '.report.lock'), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'out', '.report.lock'), old, old);
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', '.report.lock'))).toBe(false);
  });

  it('a lock left by a build that no longer runs is taken over at once', async () => {
    const dir = tempDir('stale-');
    county(dir, 1, '甲版。');
    mkdirSync(join(dir, 'out'));
    // A process id that no process has: the largest Linux allows, plus one.
    writeFileSync(join(dir, 'out', '.report.lock'), JSON.stringify({ pid: 4194305, host: hostname() }));
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('waiting');
    expect(existsSync(join(dir, 'out', '.report.lock'))).toBe(false);
    cpSync(join(dir, 'out'), join(dir, 'copy'), { recursive: true });
    expect(readdirSync(join(dir, 'copy')).sort()).toEqual(['index.html', 'manifest.json', 'summary.csv', 'summary.html', 'summary.md', 'summary.xlsx', 'town-001.md']);
  });
});
