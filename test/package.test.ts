// The package a county office installs without internet: `npm pack` makes one file with the
// program, its templates and every library it needs (README: 安装到其他电脑).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the package', () => {
  it('holds the built program, the templates, the schema and every library it runs on', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000, maxBuffer: 256 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string }[]; bundled: string[] }[];
    const files = new Set(pack!.files.map((f) => f.path));
    for (const f of [
      'bin/report.js',
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
});
