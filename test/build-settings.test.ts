// What `report build` reads before it builds: the settings file, the reference document it names,
// the page the layout leaves, another build in the same folder.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, runCli, tempDir } from './helpers.js';

function folder(): string {
  const dir = tempDir('settings-');
  writeFileSync(join(dir, 'a.yaml'), MINIMAL);
  return dir;
}

describe('report build stops before building, with exit 2', () => {
  it('when the margins leave too narrow or too low a page, saying which and by how much', async () => {
    const dir = folder();
    const wide = await runCli(['build', 'a.yaml', '--out', 'out', '--layout', 'margin_left=100', '--layout', 'margin_right=95'], dir);
    expect(wide.code).toBe(2);
    expect(wide.stderr.split('\n')[0]).toBe('report: the margins are too wide: paper 210 mm wide, left and right margins 100 mm and 95 mm leave a type area less than 20 mm wide');
    const high = await runCli(['build', 'a.yaml', '--out', 'out', '--layout', 'margin_top=150', '--layout', 'margin_bottom=140', '--lang', 'zh'], dir);
    expect(high.code).toBe(2);
    expect(high.stderr.split('\n')[0]).toBe('report：页边距太大：纸高 297 mm，上下页边距 150 mm 和 140 mm，版心高不足 20 mm');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('when the settings file cannot be read', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'report.config.yaml'));
    const r = await runCli(['build', 'a.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report\.config\.yaml +error +Cannot read settings: .+config\/invalid/);
  });

  it('when the reference document the settings file names is not there, named from the working folder', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'county'));
    writeFileSync(join(dir, 'county', 'settings.yaml'), 'layout:\n  reference_doc: 模板.docx\n');
    const r = await runCli(['build', 'a.yaml', '--out', 'out', '--config', 'county/settings.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^county\/模板\.docx +error +.*config\/reference-doc/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('another build writing into the same folder', () => {
  it('is waited for, with a line saying so, and the build goes on when it is done', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    const lock = join(dir, 'out', '.report.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname() }));
    const done = setTimeout(() => rmSync(lock), 500);
    const r = await runCli(['build', 'a.yaml', '--out', 'out', '--format', 'md'], dir);
    clearTimeout(done);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`report: another build (process ${process.pid}) is writing into out; waiting for it to finish…`);
    expect(existsSync(join(dir, 'out', 'a.md'))).toBe(true);
  });
});
