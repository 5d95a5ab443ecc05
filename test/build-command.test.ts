/**
 * What report build hands the batch (src/batch build, replaced here by a stand-in that records its
 * options): the settings file's paths taken from the settings file's folder, flags over settings,
 * the reporter the terminal gets, and Ctrl-C and SIGTERM heard while the build runs and no longer after.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BuildOptions, BuildResult } from '../src/batch/index.js';
import { main } from '../src/cli/index.js';
import { lang, setLang } from '../src/i18n/index.js';
import { runCli, tempDir } from './helpers.js';

const calls: BuildOptions[] = [];
let during: ((options: BuildOptions) => Promise<void>) | undefined;

vi.mock('../src/batch/index.js', () => ({
  build: async (options: BuildOptions): Promise<BuildResult> => {
    calls.push(options);
    options.onStart?.({ total: 1, toBuild: 1 });
    await during?.(options);
    return { reports: [], diagnostics: [], ok: true, interrupted: Boolean(options.signal?.aborted), manifest: undefined };
  },
}));

afterEach(() => {
  calls.length = 0;
  during = undefined;
});

/** A county folder with its settings file in county/, naming every path relative to it. */
function county(): string {
  const dir = tempDir('build-command-');
  mkdirSync(join(dir, 'county'));
  writeFileSync(
    join(dir, 'county', 'settings.yaml'),
    'inputs: [data, /abs/data]\nout: 成果\nformats: [md]\ntemplate: pack\njobs: 3\ntimeout: 20\nroster: 名单.csv\nfigures: 数字.xlsx\nreporter: json\n',
  );
  return dir;
}

const picked = (o: BuildOptions) => ({ inputs: o.inputs, outDir: o.outDir, formats: o.formats, template: o.template, jobs: o.jobs, timeLimit: o.timeLimit, roster: o.roster, figures: o.figures });

describe('report build hands the batch', () => {
  it('the settings file’s paths from its own folder (absolute ones as written)', async () => {
    const dir = county();
    const r = await runCli(['build', '--config', 'county/settings.yaml'], dir);
    expect(r.code).toBe(0);
    expect(calls.map(picked)).toEqual([
      { inputs: ['county/data', '/abs/data'], outDir: 'county/成果', formats: ['md'], template: 'county/pack', jobs: 3, timeLimit: 20, roster: 'county/名单.csv', figures: 'county/数字.xlsx' },
    ]);
  });

  it('the flags over the settings file', async () => {
    const dir = county();
    const args = ['build', 'a.yaml', '--config', 'county/settings.yaml', '--out', 'o', '-f', 'html', '--template', 't', '--jobs', '1', '--timeout', '5', '--roster', 'r.csv', '--figures', 'f.csv'];
    expect((await runCli(args, dir)).code).toBe(0);
    expect(calls.map(picked)).toEqual([{ inputs: ['a.yaml'], outDir: 'o', formats: ['html'], template: 't', jobs: 1, timeLimit: 5, roster: 'r.csv', figures: 'f.csv' }]);
  });

  it('the settings file’s own folder as “.” when it is the working folder', async () => {
    const dir = tempDir('build-command-');
    writeFileSync(join(dir, 'report.config.yaml'), 'out: .\ninputs: [.]\n');
    expect((await runCli(['build'], dir)).code).toBe(0);
    expect(calls.map((o) => [o.inputs, o.outDir])).toEqual([[['.'], '.']]);
  });
});

/** report build with the terminal a clerk has (isTTY) and this environment only. */
async function onTerminal(env: Record<string, string>) {
  const dir = tempDir('build-command-');
  const err: string[] = [];
  const before = lang();
  const code = await main(['build', 'a.yaml'], { out: () => {}, err: (s) => err.push(`${s}\n`), errRaw: (s) => err.push(s), isTTY: true, env: { REPORT_LANG: 'en', ...env }, cwd: dir }).finally(() =>
    setLang(before),
  );
  return { code, stderr: err.join('') };
}

describe('on a terminal', () => {
  const bar = `[${'░'.repeat(30)}] 1/1`;

  it('draws the progress bar in colour from the start', async () => {
    for (const env of [{}, { CI: 'false' }]) {
      const r = await onTerminal(env);
      expect(r.stderr.startsWith('\r\x1b[2K\x1b[2m[\x1b[22m\x1b[2m░')).toBe(true);
    }
  });

  it('draws it without colour under NO_COLOR', async () => {
    const r = await onTerminal({ NO_COLOR: '1' });
    expect(r.stderr.startsWith(`\r\x1b[2K${bar.replace('1/1', '0/1')}`)).toBe(true);
    // Only the escape that clears the line, which the bar needs to be redrawn.
    expect(r.stderr.replaceAll('\x1b[2K', '')).not.toContain('\x1b');
  });

  it('writes plain lines in CI (CI=true or CI=1), as to a file', async () => {
    for (const env of [{ CI: 'true' }, { CI: '1' }]) {
      const r = await onTerminal(env);
      expect(r.stderr).not.toContain('\x1b');
      expect(r.stderr).toMatch(/^0 built, 0 failed, 0 unchanged, 0 errors, 0 warnings in [\d.]+s\n$/);
    }
  });
});

describe('a signal while the build runs', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops it (exit 130), and the build no longer listens once it is over', async (signal) => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    during = async (options) => {
      expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before.map((n) => n + 1));
      process.emit(signal, signal);
      expect(options.signal?.aborted).toBe(true);
    };
    const r = await runCli(['build', 'a.yaml'], tempDir('build-command-'));
    expect(r.code).toBe(130);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('both are let go after a build that ends well', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    expect((await runCli(['build', 'a.yaml'], tempDir('build-command-'))).code).toBe(0);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});
