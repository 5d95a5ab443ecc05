import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, runCli, tempDir } from './helpers.js';

describe('report templates', () => {
  it('lines up the sections in Chinese, two columns to a Chinese character', async () => {
    const dir = tempDir('templates-');
    const r = await runCli(['templates', '--lang', 'zh'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const row = (id: string) => lines.find((l) => l.startsWith(`  ${id} `))!.replace(/ \S*templates\/standard\/sections\/.*/, ' …');
    expect([row('opening'), row('parts'), row('achievements'), row('other')]).toEqual([
      '  opening          开头           …',
      '  parts            各部分         …',
      '  achievements     第1部分  必需  …',
      '  other            第5部分        …',
    ]);
  });

  it('names each data file whose township writes sections of its own, and skips those it cannot read', async () => {
    const dir = tempDir('templates-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), `${MINIMAL}overrides:\n  responsibility: 第一责任人.md\n  other: 其他.md\n`);
    writeFileSync(join(dir, 'data', 'b.yaml'), MINIMAL);
    writeFileSync(join(dir, 'data', 'c.yaml'), `${MINIMAL}overrides: {}\n`);
    // Larger than any data file may be: not read.
    writeFileSync(join(dir, 'data', 'd.yaml'), `${MINIMAL}overrides:\n  other: 大.md\n`);
    truncateSync(join(dir, 'data', 'd.yaml'), 5 * 1024 * 1024);
    const r = await runCli(['templates', 'data'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('data/'))).toEqual(['data/a.yaml overrides: responsibility → 第一责任人.md, other → 其他.md']);
  });

  it('stops at a pack it cannot load, with the pack’s problem', async () => {
    const dir = tempDir('templates-');
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const r = await runCli(['templates', '--template', 'pack'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pack\/pack\.yaml:\d+:\d+ +error /);
  });
});
