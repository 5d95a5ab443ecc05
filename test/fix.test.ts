// `report fix`: the safe corrections of the writing checks made in the data file itself, every
// other character kept; and the writing checks reporting every offender in a field.
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyFixes } from '../src/cli/fix-command.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { compileYaml, MINIMAL, runCli, tempDir } from './helpers.js';

/** A disk that refuses to write any file named locked.yaml (as a share the clerk may only read would). */
vi.mock('../src/batch/write.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/batch/write.js')>();
  return {
    ...real,
    writeAtomic: (path: string, bytes: Uint8Array | string) => {
      if (path.endsWith('locked.yaml')) throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' });
      real.writeAtomic(path, bytes);
    },
  };
});

const SOURCE = `# 注释保留
${MINIMAL}parts:
  - heading: 压实责任,强根基   # 行尾注释也保留
    body: |-
      机构改革后执法经费,设备等保障力度不够;村干部(含网格员)能力不足。
      1、健全机制：建立台账。
      全年排查[95件|disputes.total]，化解率100%。
      二〇二五年，全乡２０２５年度、2025 年共召开会议，2025年度完成。
`;

describe('the writing checks', () => {
  it('report every half-width mark and every “1、” in a field, each at its own place', async () => {
    const c = await compileYaml(SOURCE);
    const at = (rule: string) => c.diagnostics.filter((d) => d.ruleId === rule).map((d) => `${d.line}:${d.column}`);
    expect(at('writing/half-width-punctuation')).toEqual(['9:18', '11:16', '11:26', '11:30', '11:35']);
    expect(at('writing/numbering-style')).toEqual(['12:7']);
    expect(at('writing/year-style')).toEqual(['14:7', '14:15', '14:22']);
  });
});

describe('report fix', () => {
  it('corrects the file in place and changes nothing else, and has nothing left to do after', async () => {
    const dir = tempDir('fix-');
    writeFileSync(join(dir, 'a.yaml'), SOURCE);
    const r = await runCli(['fix', 'a.yaml', '--lang', 'zh'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('已改正 a.yaml：9 处');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(
      SOURCE.replace('压实责任,强根基', '压实责任，强根基')
        .replace('执法经费,设备等保障力度不够;村干部(含网格员)能力', '执法经费，设备等保障力度不够；村干部（含网格员）能力')
        .replace('1、健全机制', '1.健全机制')
        .replace('二〇二五年，全乡２０２５年度、2025 年', '2025年，全乡2025年度、2025年'),
    );
    const again = await runCli(['fix', 'a.yaml'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr.trim()).toBe('a.yaml: nothing to correct');
    const check = await runCli(['check', 'a.yaml'], dir);
    expect(check.stderr).not.toMatch(/writing\//);
  });

  it('keeps a byte-order mark, and leaves a GBK file alone with a message', async () => {
    const dir = tempDir('fix-');
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFF${SOURCE}`);
    expect((await runCli(['fix', 'bom.yaml'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'bom.yaml'), 'utf8').startsWith('\uFEFF# 注释保留')).toBe(true);
    // 乡 and 县 in GBK: not valid UTF-8.
    const gbk = Buffer.concat([Buffer.from('township:\n  name: '), Buffer.from([0xcf, 0xe7]), Buffer.from('\n  kind: '), Buffer.from([0xcf, 0xe7]), Buffer.from('\n')]);
    writeFileSync(join(dir, 'gbk.yaml'), gbk);
    const r = await runCli(['fix', 'gbk.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gbk.yaml is not UTF-8 and was left as it is');
    expect(readFileSync(join(dir, 'gbk.yaml')).equals(gbk)).toBe(true);
  });

  it('names a file that is not there', async () => {
    const r = await runCli(['fix', 'none.yaml'], tempDir('fix-'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/none\.yaml.*input\/not-found/);
  });
});

describe('corrections applied to a text', () => {
  const fix = (offset: number, length: number, text: string): Diagnostic => ({
    file: 'a.yaml',
    severity: 'warning',
    ruleId: 'writing/half-width-punctuation',
    reason: '',
    fix: { offset, length, text },
  });

  it('each at its place, the last first, and those that overlap one after them or fall outside the text left', () => {
    expect(applyFixes('甲,乙,丙', [fix(1, 1, '，'), fix(3, 1, '，')])).toEqual({ text: '甲，乙，丙', count: 2 });
    expect(applyFixes('甲,乙,丙', [fix(1, 3, 'X'), fix(3, 1, '，')])).toEqual({ text: '甲,乙，丙', count: 1 });
    expect(applyFixes('甲,乙', [fix(2, 1, 'Y'), fix(1, 1, '，')])).toEqual({ text: '甲，Y', count: 2 });
    expect(applyFixes('甲,乙', [fix(-1, 1, 'X'), fix(2, 2, 'X'), fix(3, 0, '。')])).toEqual({ text: '甲,乙。', count: 1 });
    const { fix: _, ...without } = fix(1, 1, '，');
    expect(applyFixes('甲,乙', [without])).toEqual({ text: '甲,乙', count: 0 });
    expect(applyFixes('甲,乙', [fix(2, 2, 'X')])).toEqual({ text: '甲,乙', count: 0 });
    expect(applyFixes('甲,乙', [fix(0, 1, '丙')])).toEqual({ text: '丙,乙', count: 1 });
  });
});

describe('report fix, where it cannot', () => {
  const source = `${MINIMAL}opening: 召开会议三次,研究部署。\n`;

  it('names a file too large to read and one it may not write, leaves both as they are, and corrects the others', async () => {
    const dir = tempDir('fix-');
    mkdirSync(join(dir, 'data'));
    for (const name of ['a.yaml', 'big.yaml', 'locked.yaml']) writeFileSync(join(dir, 'data', name), source);
    truncateSync(join(dir, 'data', 'big.yaml'), 5 * 1024 * 1024);
    const r = await runCli(['fix', 'data'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'Corrected data/a.yaml: 1 changes',
      'Cannot read data/big.yaml: the file is larger than 4 MB',
      'Cannot write data/locked.yaml, left as it was: the disk is read-only',
    ]);
    // Each alone fails the command.
    expect((await runCli(['fix', 'data/big.yaml'], dir)).code).toBe(1);
    expect((await runCli(['fix', 'data/locked.yaml'], dir)).code).toBe(1);
    expect(readFileSync(join(dir, 'data', 'a.yaml'), 'utf8')).toContain('三次，研究');
    expect(readFileSync(join(dir, 'data', 'locked.yaml'), 'utf8')).toBe(source);
    expect(statSync(join(dir, 'data', 'big.yaml')).size).toBe(5 * 1024 * 1024);
  });

  it('corrects nothing with a settings file it cannot read, or a pack it cannot load', async () => {
    const dir = tempDir('fix-');
    writeFileSync(join(dir, 'a.yaml'), source);
    writeFileSync(join(dir, 'report.config.yaml'), 'rules: [\n');
    const usage = await runCli(['fix', 'a.yaml'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^report\.config\.yaml:\d+:\d+ +error /);
    writeFileSync(join(dir, 'report.config.yaml'), '');
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const failed = await runCli(['fix', 'a.yaml', '--template', 'pack'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^pack\/pack\.yaml:\d+:\d+ +error /);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(source);
  });
});

describe('report fix, where a careless fix would change what the clerk meant', () => {
  const run = async (source: string, config?: string) => {
    const dir = tempDir('fix-');
    writeFileSync(join(dir, 'a.yaml'), source);
    if (config) writeFileSync(join(dir, 'report.config.yaml'), config);
    const r = await runCli(['fix', 'a.yaml'], dir);
    return { r, after: readFileSync(join(dir, 'a.yaml'), 'utf8'), dir };
  };

  it('changes the item number, never a list of numbers (1、15日, 2023、2024年), and twice is once', async () => {
    const source = `${MINIMAL}opening: |-\n  每月1、15日开展集中接访，第11、12条规定，2023、2024年。\n  1、加强组织领导：全年召开会议。\n`;
    const once = await run(source);
    expect(once.after).toBe(source.replace('1、加强', '1.加强'));
    const twice = await runCli(['fix', 'a.yaml'], once.dir);
    expect(twice.stderr.trim()).toBe('a.yaml: nothing to correct');
  });

  it('corrects a half-width mark beside a marked figure, and leaves the mark as it is', async () => {
    const source = `${MINIMAL}opening: 全年排查[95件|disputes.total],化解率100%;召开会议,【3次｜会议次数】。\n`;
    const { after } = await run(source);
    expect(after).toBe(`${MINIMAL}opening: 全年排查[95件|disputes.total]，化解率100%；召开会议，【3次｜会议次数】。\n`);
  });

  it('leaves the comment after a block’s | alone, and corrects the text', async () => {
    const source = `${MINIMAL}opening: |- # 说明,注意\n  说明,注意。\n`;
    const { after } = await run(source);
    expect(after).toBe(`${MINIMAL}opening: |- # 说明,注意\n  说明，注意。\n`);
  });

  it('leaves a file with a byte that is not UTF-8, which writing back would lose', async () => {
    const dir = tempDir('fix-');
    const bytes = Buffer.concat([Buffer.from(`${MINIMAL}opening: 中文,内容。备注`), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('结束\n')]);
    writeFileSync(join(dir, 'a.yaml'), bytes);
    const r = await runCli(['fix', 'a.yaml'], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'a.yaml')).equals(bytes)).toBe(true);
  });

  it('applies no rule the settings file turns off', async () => {
    const source = `${MINIMAL}opening: 召开会议三次,研究部署。\n`;
    const { r, after } = await run(source, 'rules:\n  writing/half-width-punctuation: off\n');
    expect(r.stderr.trim()).toBe('a.yaml: nothing to correct');
    expect(after).toBe(source);
  });

  it('succeeds over a folder whose scan only notes what it passed over (a link out of the folder)', async () => {
    const dir = tempDir('fix-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL);
    const outside = tempDir('fix-outside-');
    writeFileSync(join(outside, 'b.yaml'), MINIMAL);
    symlinkSync(join(outside, 'b.yaml'), join(dir, 'data', 'b.yaml'));
    const r = await runCli(['fix', 'data'], dir);
    expect(r.stderr).toMatch(/^data\/b\.yaml +info +.*input\/skipped$/m);
    expect(r.stderr).toContain('data/a.yaml: nothing to correct');
    expect(r.code).toBe(0);
  });

  it('corrects the file a link points to and keeps its permissions', async () => {
    const dir = tempDir('fix-');
    const source = `${MINIMAL}opening: 召开会议三次,研究部署。\n`;
    writeFileSync(join(dir, 'real.yaml'), source);
    chmodSync(join(dir, 'real.yaml'), 0o640);
    symlinkSync('real.yaml', join(dir, 'a.yaml'));
    expect((await runCli(['fix', 'a.yaml'], dir)).code).toBe(0);
    expect(lstatSync(join(dir, 'a.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toContain('召开会议三次，研究部署。');
    expect(statSync(join(dir, 'real.yaml')).mode & 0o777).toBe(0o640);
  });
});
