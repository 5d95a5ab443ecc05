// The package a county office installs without internet: `npm pack` makes one file with the
// program, its templates and every library it needs (README: 安装到其他电脑).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('the package', () => {
  it('holds the built program, the templates, the schema and every library it runs on', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000, maxBuffer: 256 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string }[]; bundled: string[] }[];
    const files = new Set(pack!.files.map((f) => f.path));
    for (const f of [
      'bin/report.js',
      // bin/report.js is CommonJS by it: without it, the package's type would make it an ES module.
      'bin/package.json',
      'bin/load.cjs',
      'dist/cli.cjs',
      'dist/worker.cjs',
      'dist/prebuilt.json',
      'templates/standard/pack.yaml',
      'schema/report.schema.json',
      'README.md',
      'README.en.md',
    ]) {
      expect(files.has(f), f).toBe(true);
    }
    const dependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies);
    for (const d of dependencies) expect(pack!.bundled, d).toContain(d);
    // Nothing of the tests or the sources' tooling.
    expect([...files].filter((f) => /^(test|src|\.ci|bench)\//.test(f))).toEqual([]);
  });

  it('says, in the user’s language, to install when the built program is missing', () => {
    const copy = tempDir('no-dist-');
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const run = (lang: string) => spawnSync(process.execPath, [join(copy, 'bin', 'report.js'), '--version'], { encoding: 'utf8', env: { ...process.env, REPORT_LANG: lang } });
    const zh = run('zh');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('report：缺少编译好的程序（dist/）。请先在 township-report 文件夹中运行“npm install”（或“npm run build”）。\n');
    const en = run('en');
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('report: the compiled program is missing (dist/). Run “npm install” (or “npm run build”) in the township-report folder first.\n');
  });
});
