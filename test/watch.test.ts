import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { buildDependencies, inputRoots, type WatchScope, watchAndRebuild, watchedApart, watchIgnores } from '../src/cli/watch.js';
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

describe('what a watch passes over, and the dependencies it watches apart', () => {
  const scope = (outputsIgnored: boolean): WatchScope => ({
    watched: new Set(['/w/data', '/w/pack', '/w/data/2025', '/w/data/.hidden/2025', '/w/last/a-2024.yaml', '/w/county/数字.xlsx']),
    outDir: '/w/out',
    outputsIgnored,
  });
  const file = { isFile: () => true };
  const folder = { isFile: () => false };

  it.each([
    ['a watched folder', '/w/data', folder, false],
    ['a file watched apart', '/w/last/a-2024.yaml', file, false],
    ['a file watched apart, of any kind', '/w/county/数字.xlsx', file, false],
    ['an editor’s copy of a template', '/w/pack/sections/10-a.md.bak', file, true],
    ['a data file in a folder with a dot in its name', '/w/data/第1.0版/a.yml', file, false],
    ['a data file in a folder named as an input inside a hidden one', '/w/data/.hidden/2025/a.yaml', file, false],
    ['a data file', '/w/data/a.yaml', file, false],
    ['a file of another kind', '/w/data/notes.txt', file, true],
    ['a path not yet known to be a file', '/w/data/notes.txt', undefined, false],
    ['a folder', '/w/data/old', folder, false],
    ['a section template', '/w/pack/sections/10-a.md', file, false],
    ['a partial', '/w/pack/partials/x.hbs', file, false],
    ['a template in node_modules', '/w/pack/node_modules/x/a.md', file, true],
    ['a data file in a hidden folder', '/w/data/.backup/a.yaml', file, true],
    ['a data file in Git’s folder', '/w/data/.git/a.yaml', file, true],
    ['a hidden folder itself', '/w/data/.backup', folder, false],
    ['a data file in a skipped folder of the nearest watched folder', '/w/data/2025/node_modules/a.yaml', file, true],
    ['an output', '/w/out/a.md', file, true],
    ['the output folder', '/w/out', folder, true],
    ['something outside them all', '/elsewhere/a.yaml', file, false],
  ])('%s: %s', (_, path, stats, ignored) => {
    expect(watchIgnores(scope(true), path, stats)).toBe(ignored);
  });

  it('watches the outputs when they are written among the inputs (--out .)', () => {
    expect(watchIgnores(scope(false), '/w/out/a.md', file)).toBe(false);
    expect(watchIgnores(scope(false), '/w/out/a.docx', file)).toBe(true);
  });

  it.each([
    ['a file no watched folder sees', '/w/own/section.md', true],
    ['a file a watched folder sees', '/w/data/own.md', false],
    ['one a watched folder passes over (another kind)', '/w/data/notes.txt', true],
    ['one in a skipped folder of a watched one', '/w/pack/node_modules/x.md', true],
    ['one already watched apart', '/w/last/a-2024.yaml', false],
    ['a watched folder', '/w/pack', false],
    ['one in the output folder', '/w/out/x.md', false],
  ])('a dependency watched apart or not: %s', (_, path, apart) => {
    expect(watchedApart(scope(true), path)).toBe(apart);
  });

  it('a dependency in an output folder among the inputs is seen by their folder', () => {
    expect(watchedApart({ ...scope(false), watched: new Set(['/w']) }, '/w/out/x.md')).toBe(false);
    expect(watchedApart(scope(false), '/w/out/x.md')).toBe(true);
  });
});

describe('the rebuild loop', () => {
  /** A result without a manifest: a rebuild that adds no file to watch. */
  const result = { reports: [], diagnostics: [], ok: true, interrupted: false, manifest: undefined };

  /** Watches dir/data and dir/pack with a stand-in rebuild; resolves once the watcher is ready. */
  async function loop(dir: string, rebuild: () => Promise<typeof result>, inputs = ['data'], { packDir = 'pack', outDir = join(dir, 'out') } = {}) {
    const lines: string[] = [];
    const stop = new AbortController();
    const done = watchAndRebuild({ inputs, cwd: dir, packDir, outDir, first: result, rebuild, signal: stop.signal, log: (l) => lines.push(l) });
    const until = async (cond: () => boolean, what: string) => {
      const start = Date.now();
      while (!cond()) {
        if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${what}: ${lines.join('\n')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Stopped after the test whatever happens in it, the wait for the watching line included.
    stopWatching = async () => {
      stop.abort();
      await done;
    };
    await until(() => lines.some((l) => l.startsWith('watching ')), 'the watching line');
    return { lines, until };
  }

  function folders(): string {
    const dir = tempDir('watch-loop-');
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 1\n');
    writeFileSync(join(dir, 'data', 'old.txt'), '旧\n');
    mkdirSync(join(dir, 'data', 'gone.md'));
    return dir;
  }

  it('builds a change made during a rebuild right after it, never at the same time', async () => {
    const dir = folders();
    let running = 0;
    let most = 0;
    let release: (() => void) | undefined;
    let calls = 0;
    const w = await loop(dir, async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      if (calls === 1) await new Promise<void>((r) => (release = r));
      running--;
      return result;
    });
    expect(w.lines).toEqual(['watching data, pack for changes (Ctrl-C to stop)']);
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 2\n');
    await w.until(() => release !== undefined, 'the first rebuild');
    writeFileSync(join(dir, 'pack', 'b.md'), '## 二\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(1);
    release!();
    await w.until(() => calls === 2, 'the second rebuild');
    await new Promise((r) => setTimeout(r, 300));
    expect([calls, most]).toEqual([2, 1]);
    expect(w.lines.slice(1)).toEqual(['change in data/a.yaml: rebuilding', 'change in pack/b.md: rebuilding']);
  });

  it('builds nothing more once stopped during a rebuild, though a change came while it ran', async () => {
    const dir = folders();
    let calls = 0;
    let release: (() => void) | undefined;
    const stop = new AbortController();
    const lines: string[] = [];
    const done = watchAndRebuild({
      inputs: ['data'],
      cwd: dir,
      packDir: 'pack',
      outDir: join(dir, 'out'),
      first: result,
      rebuild: async () => {
        calls++;
        await new Promise<void>((r) => (release = r));
        return result;
      },
      signal: stop.signal,
      log: (l) => lines.push(l),
    });
    const wait = async (cond: () => boolean) => {
      for (let i = 0; i < 750 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await wait(() => lines.length > 0);
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 2\n');
    await wait(() => release !== undefined);
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 3\n');
    await new Promise((r) => setTimeout(r, 400));
    stop.abort();
    release!();
    await done;
    expect([calls, lines.slice(1)]).toEqual([1, ['change in data/a.yaml: rebuilding']]);
  });

  it('says what went wrong with a rebuild and still builds the next change', async () => {
    const dir = folders();
    let calls = 0;
    const w = await loop(dir, async () => {
      calls++;
      if (calls === 1) throw new Error('磁盘已满');
      return result;
    });
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 2\n');
    await w.until(() => w.lines.length === 3, 'the failed rebuild');
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 3\n');
    await w.until(() => calls === 2, 'the next rebuild');
    expect(w.lines.slice(1)).toEqual(['change in data/a.yaml: rebuilding', 'report: unexpected failure: 磁盘已满', 'change in data/a.yaml: rebuilding']);
  });

  it('passes over a new folder and a file that is neither data nor a template', async () => {
    const dir = folders();
    let calls = 0;
    const w = await loop(dir, async () => {
      calls++;
      return result;
    });
    mkdirSync(join(dir, 'data', 'new'));
    // A folder whose name ends as a data file's does.
    mkdirSync(join(dir, 'data', 'old.yaml'));
    writeFileSync(join(dir, 'data', 'notes.txt'), '备忘\n');
    rmSync(join(dir, 'data', 'old.txt'));
    rmSync(join(dir, 'data', 'gone.md'), { recursive: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toBe(0);
    // A data file in the new folder is seen.
    writeFileSync(join(dir, 'data', 'new', 'b.yml'), 'b: 1\n');
    await w.until(() => calls === 1, 'a rebuild');
    expect(w.lines.slice(1)).toEqual(['change in data/new/b.yml: rebuilding']);
  });

  it('sees edits to the data when the outputs are written among it, the pack being elsewhere (--out .)', async () => {
    const dir = folders();
    let calls = 0;
    const w = await loop(
      dir,
      async () => {
        calls++;
        return result;
      },
      ['data'],
      { packDir: tempDir('watch-pack-'), outDir: dir },
    );
    writeFileSync(join(dir, 'data', 'a.yaml'), 'a: 2\n');
    await w.until(() => calls === 1, 'a rebuild');
    expect(w.lines.slice(1)).toEqual(['change in data/a.yaml: rebuilding']);
  });

  it('names the working folder "." and a folder outside it by its whole path', async () => {
    const dir = folders();
    const away = tempDir('watch-away-');
    const w = await loop(dir, async () => result, ['.', away]);
    expect(w.lines).toEqual([`watching ., ${away}, pack for changes (Ctrl-C to stop)`]);
  });

  it('says nothing and watches nothing once stopped before it was ready', async () => {
    const dir = folders();
    const stop = new AbortController();
    stop.abort();
    const lines: string[] = [];
    await watchAndRebuild({ inputs: ['data'], cwd: dir, packDir: 'pack', outDir: join(dir, 'out'), first: result, rebuild: async () => result, signal: stop.signal, log: (l) => lines.push(l) });
    expect(lines).toEqual([]);
  });
});
