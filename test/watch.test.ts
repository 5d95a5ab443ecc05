import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { buildDependencies, inputRoots } from '../src/cli/watch.js';
import { BIN, ROOT, STANDARD_MODEL, tempDir } from './helpers.js';

/**
 * A county folder: three townships in data/, last year's file for one of them outside data/
 * (in archive/, named by its previous:), and a copy of the standard template pack in pack/.
 */
function county(): string {
  const dir = tempDir('watch-');
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'archive'));
  const jinping = readFileSync(join(STANDARD_MODEL, 'jinping-2025.yaml'), 'utf8');
  writeFileSync(join(dir, 'data', 'jinping-2025.yaml'), `${jinping}previous: ../archive/jinping-2024.yaml\n`);
  writeFileSync(join(dir, 'archive', 'jinping-2024.yaml'), jinping.replace('year: 2025', 'year: 2024').replace('date: 2026-02-24', 'date: 2025-02-20').replace('total: 63', 'total: 50'));
  cpSync(join(STANDARD_MODEL, 'tongle-2025.yaml'), join(dir, 'data', 'tongle-2025.yaml'));
  cpSync(join(STANDARD_MODEL, 'zuolan-2024.yaml'), join(dir, 'data', 'zuolan-2024.yaml'));
  cpSync(join(ROOT, 'templates', 'standard'), join(dir, 'pack'), { recursive: true });
  return dir;
}

/** The summary line that ends each build. */
const SUMMARY = /^\d+ built, \d+ failed, \d+ unchanged, .* in \d+\.\d+s$/m;
const summaries = (log: string) => log.match(new RegExp(SUMMARY.source, 'gm')) ?? [];

let stopWatching: (() => Promise<void>) | undefined;

afterEach(async () => {
  const stop = stopWatching;
  stopWatching = undefined;
  await stop?.();
});

/**
 * Runs `report build … --watch` in dir, in this process (as bin/report.js runs main()), and
 * resolves once the first build is done and the watcher is ready. Ctrl-C is the SIGINT event, which
 * the command listens for; a test in a child process checks the real signal.
 */
async function watching(dir: string, args: string[]) {
  let err = '';
  let exitCode: number | undefined;
  const done = main(['build', ...args, '--out', 'data/out', '--format', 'md', '--reporter', 'plain', '--watch'], {
    out: () => {},
    err: (s) => {
      err += `${s}\n`;
    },
    isTTY: false,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en' },
    cwd: dir,
  }).then((code) => {
    exitCode = code;
    return code;
  });
  stopWatching = async () => {
    process.emit('SIGINT');
    expect(await done).toBe(0);
  };
  const until = async (cond: () => boolean, what: string, ms = 15_000) => {
    const start = Date.now();
    while (!cond()) {
      if (exitCode !== undefined) throw new Error(`report exited (${exitCode}) while waiting for ${what}; stderr:\n${err}`);
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; stderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await until(() => /^watching .* for changes \(Ctrl-C to stop\)$/m.test(err), 'the watching line', 30_000);
  expect(summaries(err)).toHaveLength(1);
  return {
    /** Makes a change and resolves with what the rebuild it causes prints, once it is done and quiet again. */
    async rebuildAfter(change: () => void): Promise<string> {
      const from = err.length;
      change();
      await until(() => SUMMARY.test(err.slice(from)), 'a rebuild');
      // Long enough for a second rebuild to start, were the edit or the outputs to cause one.
      await new Promise((r) => setTimeout(r, 500));
      return err.slice(from);
    },
  };
}

const rebuilds = (log: string) => log.match(/^change in .*: rebuilding$/gm) ?? [];

describe('report build --watch', () => {
  it('rebuilds only the township whose data file changed, once, and not again for its own outputs', async () => {
    const dir = county();
    const w = await watching(dir, ['data', '--template', 'pack']);
    const file = join(dir, 'data', 'tongle-2025.yaml');
    const log = await w.rebuildAfter(() => writeFileSync(file, `${readFileSync(file, 'utf8')}other: 第二版。\n`));
    expect(rebuilds(log)).toEqual(['change in data/tongle-2025.yaml: rebuilding']);
    expect(log).toMatch(/^built data\/tongle-2025\.yaml -> data\/out\/tongle-2025\.md$/m);
    expect(log).toMatch(/^unchanged data\/jinping-2025\.yaml$/m);
    expect(log).toMatch(/^unchanged data\/zuolan-2024\.yaml$/m);
    expect(summaries(log)).toEqual([expect.stringMatching(/^1 built, 0 failed, 2 unchanged,/)]);
    expect(readFileSync(join(dir, 'data', 'out', 'tongle-2025.md'), 'utf8')).toContain('第二版。');
  });

  it('rebuilds every township once when a section of the template pack changes', async () => {
    const dir = county();
    const w = await watching(dir, ['data', '--template', 'pack']);
    const section = join(dir, 'pack', 'sections', '40-plans.md');
    const log = await w.rebuildAfter(() => writeFileSync(section, readFileSync(section, 'utf8').replace('年工作安排', '年工作安排（修订）')));
    expect(rebuilds(log)).toEqual(['change in pack/sections/40-plans.md: rebuilding']);
    for (const t of ['jinping-2025', 'tongle-2025', 'zuolan-2024']) {
      expect(log).toMatch(new RegExp(`^built data/${t}\\.yaml -> data/out/${t}\\.md$`, 'm'));
      expect(readFileSync(join(dir, 'data', 'out', `${t}.md`), 'utf8')).toContain('年工作安排（修订）');
    }
    expect(summaries(log)).toEqual([expect.stringMatching(/^3 built, 0 failed, 0 unchanged,/)]);
  });

  it('rebuilds the township whose last year’s file, outside the watched folders, changed', async () => {
    const dir = county();
    const w = await watching(dir, ['data', '--template', 'pack']);
    expect(readFileSync(join(dir, 'data', 'out', 'jinping-2025.md'), 'utf8')).toContain('同比增长26%');
    const last = join(dir, 'archive', 'jinping-2024.yaml');
    const log = await w.rebuildAfter(() => writeFileSync(last, readFileSync(last, 'utf8').replace('total: 50', 'total: 60')));
    expect(rebuilds(log)).toEqual(['change in archive/jinping-2024.yaml: rebuilding']);
    expect(log).toMatch(/^built data\/jinping-2025\.yaml -> data\/out\/jinping-2025\.md$/m);
    expect(log).toMatch(/^unchanged data\/tongle-2025\.yaml$/m);
    expect(log).toMatch(/^unchanged data\/zuolan-2024\.yaml$/m);
    expect(summaries(log)).toEqual([expect.stringMatching(/^1 built, 0 failed, 2 unchanged,/)]);
    expect(readFileSync(join(dir, 'data', 'out', 'jinping-2025.md'), 'utf8')).toContain('同比增长5%');
  });

  it('watches a file the reports came to depend on after it started', async () => {
    const dir = county();
    const w = await watching(dir, ['data', '--template', 'pack']);
    const own = join(dir, 'archive', 'tongle-other.md');
    writeFileSync(own, '## 其他需要报告的情况\n\n第一版。\n');
    const file = join(dir, 'data', 'tongle-2025.yaml');
    await w.rebuildAfter(() => writeFileSync(file, `${readFileSync(file, 'utf8')}other: 无。\noverrides:\n  other: ../archive/tongle-other.md\n`));
    expect(readFileSync(join(dir, 'data', 'out', 'tongle-2025.md'), 'utf8')).toContain('第一版。');
    const log = await w.rebuildAfter(() => writeFileSync(own, '## 其他需要报告的情况\n\n第二版。\n'));
    expect(rebuilds(log)).toEqual(['change in archive/tongle-other.md: rebuilding']);
    expect(summaries(log)).toEqual([expect.stringMatching(/^1 built, 0 failed, 2 unchanged,/)]);
    expect(readFileSync(join(dir, 'data', 'out', 'tongle-2025.md'), 'utf8')).toContain('第二版。');
  });

  it('names the files of a change to three at once, and of one to more the first three and how many more', async () => {
    const dir = county();
    const w = await watching(dir, ['data', '--template', 'pack']);
    const three = await w.rebuildAfter(() => {
      for (const t of ['jinping-2025', 'tongle-2025', 'zuolan-2024']) writeFileSync(join(dir, 'data', `${t}.yaml`), `${readFileSync(join(dir, 'data', `${t}.yaml`), 'utf8')}# 一改\n`);
    });
    expect(rebuilds(three)).toEqual([expect.stringMatching(/^change in data\/[\w-]+\.yaml, data\/[\w-]+\.yaml, data\/[\w-]+\.yaml: rebuilding$/)]);
    const log = await w.rebuildAfter(() => {
      for (const t of ['jinping-2025', 'tongle-2025', 'zuolan-2024']) writeFileSync(join(dir, 'data', `${t}.yaml`), `${readFileSync(join(dir, 'data', `${t}.yaml`), 'utf8')}# 改\n`);
      for (const s of ['10-achievements.md', '40-plans.md']) writeFileSync(join(dir, 'pack', 'sections', s), `${readFileSync(join(dir, 'pack', 'sections', s), 'utf8')}\n`);
    });
    expect(rebuilds(log)).toEqual([expect.stringMatching(/^change in [^,]+, [^,]+, [^,]+ and 2 more: rebuilding$/)]);
  });

  it('watches the folder a glob pattern starts from', async () => {
    const dir = county();
    const w = await watching(dir, ['data/**/*-2025.yaml']);
    const file = join(dir, 'data', 'jinping-2025.yaml');
    const log = await w.rebuildAfter(() => writeFileSync(file, `${readFileSync(file, 'utf8')}other: 第二版。\n`));
    expect(rebuilds(log)).toEqual(['change in data/jinping-2025.yaml: rebuilding']);
    expect(log).toMatch(/^built data\/jinping-2025\.yaml -> data\/out\/jinping-2025\.md$/m);
    expect(log).toMatch(/^unchanged data\/tongle-2025\.yaml$/m);
    expect(log).not.toMatch(/zuolan/);
    expect(summaries(log)).toEqual([expect.stringMatching(/^1 built, 0 failed, 1 unchanged,/)]);
  });

  it('stops at Ctrl-C with exit code 0', async () => {
    const dir = county();
    const c = spawn(process.execPath, [BIN, 'build', 'data', '--out', 'data/out', '--format', 'md', '--reporter', 'plain', '--watch'], {
      cwd: dir,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en' },
    });
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
    const start = Date.now();
    while (!/^watching .* for changes/m.test(err) && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 25));
    c.kill('SIGINT');
    const late = setTimeout(() => c.kill('SIGKILL'), 5_000);
    expect(await exited).toBe(0);
    clearTimeout(late);
    expect(summaries(err)).toHaveLength(1);
  });
});

describe('what a watch watches', () => {
  it('the folders and files the inputs name, a glob pattern by the folder it starts from, each once', () => {
    expect(inputRoots(['data', 'data/', 'more/**/*.yaml', 'a.yaml', '*.yaml'], '/c')).toEqual(['/c/data', '/c/more', '/c/a.yaml', '/c']);
  });

  it('the files this build’s reports depend on, from its manifest; none without one', async () => {
    const dir = county();
    const { build } = await import('../src/batch/index.js');
    const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'] });
    expect(buildDependencies(r, dir)).toEqual([join(dir, 'archive', 'jinping-2024.yaml')]);
    // Only this build's reports count, not those an earlier build left in the manifest.
    expect(buildDependencies({ ...r, reports: r.reports.filter((x) => !x.input.includes('jinping')) }, dir)).toEqual([]);
    expect(buildDependencies({ ...r, manifest: undefined }, dir)).toEqual([]);
    expect(buildDependencies({ ...r, manifest: 'out/none.json' }, dir)).toEqual([]);
  });
});
