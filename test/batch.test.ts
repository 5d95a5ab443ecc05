import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../src/batch/index.js';
import { BIN, EXAMPLES, MINIMAL, ROOT, runCli, tempDir } from './helpers.js';

/** A county folder of n synthetic townships (valid, varied figures), plus the examples. */
function county(n: number, withExamples = true): string {
  const dir = tempDir('county-');
  mkdirSync(join(dir, 'data', 'towns'), { recursive: true });
  for (let i = 1; i <= n; i++) {
    writeFileSync(
      join(dir, 'data', 'towns', `town-${String(i).padStart(3, '0')}.yaml`),
      MINIMAL.replace('测试乡', `第${i}乡`) +
        `achievements:\n  disputes:\n    total: ${10 + i}\n    resolved: ${10 + i}\n  legal_education:\n    campaigns: ${i % 3 === 0 ? `${i}余` : i}\n    materials: ${100 * i}\n`,
    );
  }
  if (withExamples) cpSync(EXAMPLES, join(dir, 'data', 'examples'), { recursive: true });
  return dir;
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every output is whole: md ends with the date, html closes, docx unzips with a document. */
function assertComplete(outDir: string): number {
  let n = 0;
  for (const f of files(outDir)) {
    const bytes = readFileSync(join(outDir, f));
    if (/^(summary|index)\./.test(f)) continue;
    if (f.endsWith('.md')) expect(bytes.toString('utf8'), f).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\n$/);
    else if (f.endsWith('.html')) expect(bytes.toString('utf8'), f).toMatch(/<\/html>\n$/);
    else if (f.endsWith('.docx')) expect(unzipSync(new Uint8Array(bytes))['word/document.xml'], f).toBeDefined();
    else continue;
    n++;
  }
  return n;
}

describe('batch builds', () => {
  it('build every other township when one file is malformed, naming the bad one with line and column', async () => {
    const dir = county(6);
    writeFileSync(join(dir, 'data', 'towns', 'town-003.yaml'), MINIMAL.replace('year: 2025', 'year: [2025'));
    const r = await runCli(['build', 'data', '--out', 'out', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/towns\/town-003\.yaml:\d+:\d+ +error +The file is not valid YAML/);
    expect(r.stderr).toMatch(/^failed data\/towns\/town-003\.yaml$/m);
    expect(r.stderr).toMatch(/8 built, 1 failed/);
    const out = files(join(dir, 'out'));
    expect(out).toContain('towns/town-006.docx');
    expect(out).toContain('examples/tongle-2025.md');
    expect(out.filter((f) => f.startsWith('towns/town-003'))).toEqual([]);
  });

  it('mirror the input tree, or follow --out-pattern', async () => {
    const dir = county(2);
    const r = await runCli(['build', 'data', '--out', 'out', '--out-pattern', '{year}/{county}/{township}.{ext}', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(files(join(dir, 'out')).filter((f) => f.endsWith('.md') && !f.startsWith('summary'))).toEqual([
      '2024/城口县/左岚乡.md',
      '2025/城口县/金坪乡.md',
      '2025/某某县/第1乡.md',
      '2025/某某县/第2乡.md',
      '2025/涪陵区/同乐镇.md',
    ]);
  });

  it('refuse a pattern that would write two townships to one file, the first in file order keeping it', async () => {
    const dir = county(2, false);
    const r = await runCli(['build', 'data', '--out', 'out', '--out-pattern', '{county}.{ext}', '--format', 'md', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/town-002\.yaml +error +This report would be written to out\/某某县\.md, which data\/towns\/town-001\.yaml already writes +output\/collision/);
    expect(readFileSync(join(dir, 'out', '某某县.md'), 'utf8')).toContain('第1乡');
  });

  it('take glob patterns', async () => {
    const dir = county(5, false);
    const r = await runCli(['build', 'data/**/town-00[12].yaml', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(files(join(dir, 'out')).filter((f) => f.startsWith('towns/'))).toEqual(['towns/town-001.md', 'towns/town-002.md']);
  });

  it('pass over other YAML in a data folder, such as a CI workflow', async () => {
    const dir = county(1, false);
    writeFileSync(join(dir, 'data', 'workflow.yml'), 'name: build\non: [push]\njobs: {}\n');
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    // Passed over, and said so on one line: the clerk knows it was not forgotten.
    expect(r.stderr).toContain('data/workflow.yml  info  Passed over: it has none of the fields a data file starts with (township, year, date…)  input/skipped');
    expect(existsSync(join(dir, 'out', 'workflow.md'))).toBe(false);
  });
});

describe('incremental builds', () => {
  it('rebuild when a pack that the template pack extends changes', async () => {
    const dir = county(2, false);
    const base = join(dir, 'base');
    cpSync(join(ROOT, 'templates', 'standard'), base, { recursive: true });
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'pack.yaml'), 'name: mine\nextends: ../base\n');
    const build = () => runCli(['build', 'data', '--out', 'out', '--format', 'md', '-t', 'mine'], dir);
    expect((await build()).stderr).toMatch(/2 built, 0 failed, 0 unchanged/);
    expect((await build()).stderr).toMatch(/0 built, 0 failed, 2 unchanged/);
    const section = join(base, 'sections', readdirSync(join(base, 'sections')).sort()[0]!);
    writeFileSync(section, `${readFileSync(section, 'utf8')}\n基础模板新增的一段。\n`);
    expect((await build()).stderr).toMatch(/2 built, 0 failed, 0 unchanged/);
    expect(readFileSync(join(dir, 'out', 'towns', 'town-001.md'), 'utf8')).toContain('基础模板新增的一段。');
  });

  it('rebuild only what changed: data, templates, or everything with --force', async () => {
    const dir = county(4, false);
    const build = (...extra: string[]) => runCli(['build', 'data', '--out', 'out', '--format', 'md,html', ...extra], dir);
    expect((await build()).stderr).toMatch(/4 built, 0 failed, 0 unchanged/);
    const manifestTime = statSync(join(dir, 'out', 'manifest.json')).mtimeMs;
    expect((await build()).stderr).toMatch(/0 built, 0 failed, 4 unchanged/);
    // Nothing changed, nothing written: not even the manifest.
    expect(statSync(join(dir, 'out', 'manifest.json')).mtimeMs).toBe(manifestTime);
    writeFileSync(join(dir, 'data', 'towns', 'town-002.yaml'), readFileSync(join(dir, 'data', 'towns', 'town-002.yaml'), 'utf8').replace('total: 12', 'total: 13'));
    const edited = await build();
    expect(edited.stderr).toMatch(/^built data\/towns\/town-002\.yaml/m);
    expect(edited.stderr).toMatch(/1 built, 0 failed, 3 unchanged/);
    expect(readFileSync(join(dir, 'out', 'towns', 'town-002.md'), 'utf8')).toContain('矛盾纠纷13件');
    // An output deleted by hand is written again.
    rmSync(join(dir, 'out', 'towns', 'town-004.html'));
    expect((await build()).stderr).toMatch(/1 built, 0 failed, 3 unchanged/);
    expect((await build('--force')).stderr).toMatch(/4 built, 0 failed, 0 unchanged/);
    // A copy of the same pack builds the same reports; an edited one rebuilds them.
    const pack = join(dir, 'pack');
    cpSync(join(import.meta.dirname, '..', 'templates', 'standard'), pack, { recursive: true });
    expect((await build('--template', 'pack')).stderr).toMatch(/0 built, 0 failed, 4 unchanged/);
    writeFileSync(join(pack, 'sections', '50-other.md'), `${readFileSync(join(pack, 'sections', '50-other.md'), 'utf8')}\n`);
    expect((await build('--template', 'pack')).stderr).toMatch(/4 built/);
  });

  it('take a number in a file name for a year only when it is the report’s year', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'), { recursive: true });
    // Serial numbers that look like years: neither is the other's last year.
    for (const n of ['02024', '02025']) writeFileSync(join(dir, 'data', `town-${n}.yaml`), MINIMAL);
    const build = () => runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    const first = await build();
    expect(first.stderr).toMatch(/2 built, 0 failed, 0 unchanged, 0 errors/);
    expect(first.stderr).not.toContain('data/previous-year');
    expect((await build()).stderr).toMatch(/0 built, 0 failed, 2 unchanged/);
  });

  it('rebuild a file whose `previous:` is empty (as report init writes it) or names a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data', 'old'), { recursive: true });
    writeFileSync(join(dir, 'data', 'a.yaml'), `${MINIMAL}previous:  # 上一年度的数据文件\n`);
    writeFileSync(join(dir, 'data', 'b.yaml'), `${MINIMAL}previous: old\n`);
    const build = (...args: string[]) => runCli(['build', 'data', '--out', 'out', ...args], dir);
    const first = await build('--format', 'md');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/data\/b\.yaml:7:11 +warning +`previous` is “old”, but that is a folder, not a file +data\/previous-year/);
    expect((await build('--format', 'md')).stderr).toMatch(/0 built, 0 failed, 2 unchanged/);
    const other = await build('--format', 'html');
    expect(other.code).toBe(0);
    expect(other.stderr).toMatch(/2 built, 0 failed, 0 unchanged/);
  });

  it('record each report in manifest.json with its input, status and output hashes', async () => {
    const dir = county(2, false);
    await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir);
    const m = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(m.version).toBe(3);
    expect(m.reports.map((r: { input: string }) => r.input)).toEqual(['data/towns/town-001.yaml', 'data/towns/town-002.yaml']);
    const out = m.reports[0].outputs[0];
    expect(out.path).toBe('towns/town-001.md');
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    expect(out.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, 'out', out.path)))
        .digest('hex'),
    );
  });
});

describe('report build --check', () => {
  it('passes on fresh output and fails, naming the file, after a data edit', async () => {
    const dir = county(3, false);
    expect((await runCli(['build', 'data', '--out', 'out'], dir)).code).toBe(0);
    const ok = await runCli(['build', 'data', '--out', 'out', '--check'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/3 current, 0 stale/);
    writeFileSync(join(dir, 'data', 'towns', 'town-001.yaml'), readFileSync(join(dir, 'data', 'towns', 'town-001.yaml'), 'utf8').replace('total: 11', 'total: 12'));
    rmSync(join(dir, 'out', 'towns', 'town-003.html'));
    const before = files(join(dir, 'out')).map((f) => [f, statSync(join(dir, 'out', f)).mtimeMs]);
    const bad = await runCli(['build', 'data', '--out', 'out', '--check'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/out\/towns\/town-001\.md +error +out\/towns\/town-001\.md differs from what data\/towns\/town-001\.yaml builds +output\/stale/);
    expect(bad.stderr).toMatch(/out\/towns\/town-003\.html +error +out\/towns\/town-003\.html is missing +output\/missing/);
    expect(bad.stderr).toMatch(/1 current, 2 stale/);
    // --check writes nothing.
    expect(files(join(dir, 'out')).map((f) => [f, statSync(join(dir, 'out', f)).mtimeMs])).toEqual(before);
  });
});

describe('shards', () => {
  it('partition the inputs with no overlap and no gap, stably', () => {
    const inputs = Array.from({ length: 200 }, (_, i) => `data/town-${i}.yaml`);
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, k) => inputs.filter((f) => shardOf(f, n) === k + 1));
      expect(shards.flat().sort()).toEqual([...inputs].sort());
      expect(new Set(shards.flat()).size).toBe(inputs.length);
      if (n > 1) for (const s of shards) expect(s.length).toBeGreaterThan(200 / n / 2);
    }
    // Adding a file moves no other.
    expect(inputs.map((f) => shardOf(f, 4))).toEqual([...inputs, 'data/new.yaml'].slice(0, 200).map((f) => shardOf(f, 4)));
  });

  it('build their shares separately and merge into one manifest and roll-up', async () => {
    const dir = county(9, false);
    const shardRuns = [];
    for (const k of [1, 2, 3]) shardRuns.push(await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--shard', `${k}/3`], dir));
    for (const r of shardRuns) expect(r.code).toBe(0);
    const built = shardRuns.flatMap((r) => [...r.stderr.matchAll(/^built (\S+)/gm)].map((m) => m[1]));
    expect(built.sort()).toEqual(Array.from({ length: 9 }, (_, i) => `data/towns/town-00${i + 1}.yaml`));
    expect(existsSync(join(dir, 'out', 'summary.md'))).toBe(false);
    const merged = await runCli(['manifest', 'merge', 'out/manifest.shard-1-of-3.json', 'out/manifest.shard-2-of-3.json', 'out/manifest.shard-3-of-3.json', '--out', 'out/manifest.json'], dir);
    expect(merged.code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(m.reports).toHaveLength(9);
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toContain('| 合计 | 9个 |');
  });

  it('merge by default into out/manifest.json, and not with a file that is no manifest', async () => {
    const dir = county(2, false);
    for (const k of [1, 2]) expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--shard', `${k}/2`], dir)).code).toBe(0);
    const merged = await runCli(['manifest', 'merge', 'out/manifest.shard-1-of-2.json', 'out/manifest.shard-2-of-2.json'], dir);
    expect([merged.code, merged.stderr.split(' ').slice(0, 4).join(' ')]).toEqual([0, 'merged 2 manifests (2']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).reports).toHaveLength(2);
    writeFileSync(join(dir, 'bad.json'), '{}');
    const bad = await runCli(['manifest', 'merge', 'out/manifest.shard-1-of-2.json', 'bad.json', '--out', 'other/manifest.json'], dir);
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'bad.json  error  Not a manifest this version of township-report can read  input/read']);
    expect(existsSync(join(dir, 'other'))).toBe(false);
  });

  it('succeed, and write a manifest to merge, when a shard is given no township', async () => {
    const dir = county(2, false);
    const n = 8;
    const inputs = ['data/towns/town-001.yaml', 'data/towns/town-002.yaml'];
    const empty = Array.from({ length: n }, (_, k) => k + 1).find((k) => inputs.every((f) => shardOf(f, n) !== k))!;
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--shard', `${empty}/${n}`], dir);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', `manifest.shard-${empty}-of-${n}.json`), 'utf8'));
    expect(manifest.reports).toEqual([]);
    const shards = Array.from({ length: n }, (_, k) => k + 1);
    for (const k of shards) if (k !== empty) expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--shard', `${k}/${n}`], dir)).code).toBe(0);
    const merged = await runCli(['manifest', 'merge', ...shards.map((k) => `out/manifest.shard-${k}-of-${n}.json`), '--out', 'out/manifest.json'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).reports).toHaveLength(2);
  });

  it('reject a malformed --shard with exit 2', async () => {
    const r = await runCli(['build', '--shard', '4/3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected k\/n/);
    for (const bad of ['0/3', '13/12', '1/0', 'a/3', '1/3/4', '1-3', '']) expect((await runCli(['build', '--shard', bad])).code, bad).toBe(2);
  });

  it('take shards numbered with two digits', async () => {
    const dir = county(2, false);
    const r = await runCli(['build', 'data', '--out', 'out', '--format', 'md', '--shard', ' 12/12 '], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'manifest.shard-12-of-12.json'))).toBe(true);
  });
});

describe('county roll-up', () => {
  it('totals equal the sum of the townships’ figures, approximate when any part is', async () => {
    const dir = county(6, false);
    expect((await runCli(['build', 'data', '--out', 'out', '--format', 'md'], dir)).code).toBe(0);
    const md = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    // disputes 11..16 → 81 exact; campaigns 1,2,3余,4,5,6余 → 21余; materials 100..600 → 2100.
    const total = md.split('\n').find((l) => l.startsWith('| 合计'))!;
    const cells = total.split('|').map((c) => c.trim());
    expect(cells.slice(1, 7)).toEqual(['合计', '6个', '81件', '81件', '21余场', '2100份']);
    const csv = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFyear,county,township,input,disputes,')).toBe(true);
    const totalRow = csv
      .split('\r\n')
      .find((l) => l.includes(',合计,'))!
      .split(',');
    expect(totalRow.slice(4, 10)).toEqual(['81', '', '81', '', '21', 'approx']);
    const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    for (let i = 1; i <= 6; i++) expect(index).toContain(`href="towns/town-00${i}.md"`);
  });
});

describe('reporters', () => {
  it('json writes one well-formed document on stdout', async () => {
    const dir = county(2, false);
    writeFileSync(join(dir, 'data', 'towns', 'town-002.yaml'), MINIMAL.replace('kind: 乡', 'kind: 村'));
    const r = await runCli(['build', 'data', '--out', 'out', '--reporter', 'json'], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.summary).toMatchObject({ built: 1, failed: 1, errors: 1 });
    const failed = doc.reports.find((x: { status: string }) => x.status === 'failed');
    expect(failed.diagnostics[0]).toMatchObject({ file: 'data/towns/town-002.yaml', line: 3, column: 9, severity: 'error', ruleId: 'data/invalid-value' });
  });

  it('github writes ::error annotations and the plain lines', async () => {
    const dir = county(1, false);
    writeFileSync(join(dir, 'data', 'towns', 'town-001.yaml'), MINIMAL.replace('kind: 乡', 'kind: 村'));
    const r = await runCli(['build', 'data', '--out', 'out', '--reporter', 'github'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=data\/towns\/town-001\.yaml,line=3,col=9,endLine=3,title=data\/invalid-value::`township\.kind` is “村”/);
    expect(r.stderr).toMatch(/^failed data\/towns\/town-001\.yaml$/m);
  });

  it('write no control characters when there is no terminal', async () => {
    const dir = county(3, false);
    const r = await runCli(['build', 'data', '--out', 'out'], dir, { CI: '' });
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test looks for
    expect(r.stderr + r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('built '))).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/^3 built, 0 failed, 0 unchanged, 0 errors, \d+ warnings in [\d.]+s$/);
  });
});

describe('interrupted builds', () => {
  let stderr = '';
  async function interrupt(signal: NodeJS.Signals, dir: string, jobs = '2'): Promise<number | null> {
    const child = spawn(process.execPath, [BIN, 'build', 'data', '--out', 'out', '--jobs', jobs, '--reporter', 'plain'], { cwd: dir, env: { ...process.env, CI: 'true', REPORT_LANG: 'en' } });
    let seen = 0;
    stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        seen += (d.toString().match(/^built /gm) ?? []).length;
        if (seen >= 5) resolve();
      });
      child.on('exit', () => resolve());
    });
    child.kill(signal);
    return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s midway leaves every output complete or absent, and no temporary files', async (signal) => {
    const dir = county(120, false);
    const code = await interrupt(signal, dir);
    expect(code).toBe(130);
    const out = files(join(dir, 'out'));
    expect(out.filter((f) => f.includes('report-tmp'))).toEqual([]);
    const complete = assertComplete(join(dir, 'out'));
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(360);
    // The townships not built are counted, at the first of them.
    const left = /^(data\/towns\/town-\d+\.yaml)\s+error\s+The build was interrupted: (\d+) reports from this one on were not built\s+internal\/interrupted$/m.exec(stderr);
    expect(left, stderr).not.toBeNull();
    const built = (stderr.match(/^built /gm) ?? []).length;
    expect(built + Number(left![2])).toBe(120);
    // The next build finishes the job and rebuilds nothing it has.
    const again = await runCli(['build', 'data', '--out', 'out', '--jobs', '2'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/[1-9]\d* unchanged/);
    expect(assertComplete(join(dir, 'out'))).toBe(360);
  });

  // One report at a time, every step of a compile can finish without waiting for anything: the
  // build must still give the event loop a turn between reports, or the signal is heard at the end.
  it.each(['SIGINT', 'SIGTERM'] as const)('%s midway with --jobs 1 stops the build too', async (signal) => {
    const dir = county(120, false);
    const code = await interrupt(signal, dir, '1');
    expect(code).toBe(130);
    const complete = assertComplete(join(dir, 'out'));
    expect(complete).toBeLessThan(360);
    expect(files(join(dir, 'out')).filter((f) => f.includes('report-tmp') || f === '.report.lock')).toEqual([]);
  });

  it('SIGKILL midway leaves outputs complete or absent; the next build clears stray temporaries', async () => {
    const dir = county(120, false);
    await interrupt('SIGKILL', dir);
    assertComplete(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'towns', '.town-001.md.99999.0.report-tmp'), 'half');
    expect((await runCli(['build', 'data', '--out', 'out'], dir)).code).toBe(0);
    expect(files(join(dir, 'out')).filter((f) => f.includes('report-tmp'))).toEqual([]);
  });
});
