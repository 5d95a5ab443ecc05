/**
 * Untrusted input: every data file, every path it names, every folder scanned and every value in
 * them is treated as hostile or careless. One test per way in; each checks the message, the exit
 * code, and that nothing outside the output folder changed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxJobs } from '../src/batch/compile.js';
import { isRollupName } from '../src/batch/outputs.js';
import { outputPath, safeName } from '../src/batch/paths.js';
import { csvField } from '../src/batch/rollup.js';
import { decodeText, isInside, MAX_INPUT_BYTES, readBytes, ReadError } from '../src/load/read.js';
import { EXAMPLES, MINIMAL, runCli, tempDir } from './helpers.js';
import { docxXmlParts, docxParagraphs } from './xml.js';

/** A sandbox: the clerk's project folder, and beside it a folder of files that must stay untouched. */
function sandbox(): { root: string; project: string; outside: string } {
  const root = tempDir('untrusted-');
  const project = join(root, 'project');
  const outside = join(root, 'outside');
  mkdirSync(join(project, 'data'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), '机密：不得读取\n');
  writeFileSync(join(outside, 'README'), '不得覆盖\n');
  writeFileSync(join(root, 'README'), '不得覆盖\n');
  return { root, project, outside };
}

/** Every file under `dir` but those in `except`, with a hash of its content: what a build must not change. */
function fingerprint(dir: string, except: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (path === except || path.startsWith(`${except}/`)) continue;
    if (e.isFile()) out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Runs `report` in the project and checks that nothing outside its output folder changed. */
async function confined(box: ReturnType<typeof sandbox>, args: string[]) {
  const out = join(box.project, 'out');
  const before = fingerprint(box.root, out);
  const r = await runCli(args, box.project);
  expect(fingerprint(box.root, out)).toEqual(before);
  return r;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('writes stay inside --out', () => {
  it.each([
    ['..', '_'],
    ['../..', '_'],
    ['../../outside', '_.._outside'],
    ['/etc', '_etc'],
    ['C:\\Windows', 'C__Windows'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['县\u202e名', '县_名'],
    [' . ', '_'],
  ])('a county of %j becomes the folder name %j', async (county, folder) => {
    expect(safeName(county)).toBe(folder);
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL.replace('某某县', JSON.stringify(county)));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md', '--out-pattern', '{county}/{township}.{ext}']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(box.project, 'out', folder, '测试乡.md'), 'utf8')).toContain('测试乡');
  });

  it('every output path of a pattern lies inside the output folder, whatever the values', () => {
    const summary = { year: 2025, county: '../../..', city: '..', province: '/', township: '..\\..', kind: '.', title: '', government: '', figures: {}, recorded: {}, previous: null };
    const rel = outputPath('{province}/{city}/{county}/{township}-{kind}.{ext}', 'a', 'md', summary);
    expect(rel.split('/')).not.toContain('..');
    expect(rel).toBe('_/_/_.._/_-_.md');
    expect(safeName('某某县\u0000\u001b[2J')).toBe('某某县__[2J');
    expect(safeName('lpt1')).toBe('_lpt1');
    expect(safeName('LPT10')).toBe('LPT10');
    expect(safeName('console')).toBe('console');
  });

  it('report init --township "../../x" writes nothing and says to write a name', async () => {
    const box = sandbox();
    const r = await confined(box, ['init', '--township', '../../x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("report: --township “../../x” cannot name a file; write the township's name alone, such as 金坪乡 (--out chooses another file)\n");
    expect(readdirSync(box.project)).toEqual(['data']);
  });

  it('a township name with control characters is shown by their codes, not sent to the terminal', async () => {
    const box = sandbox();
    const r = await confined(box, ['init', '--township', '乡\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“乡⟨U+001B⟩[2J”');
  });

  it.each(['summary.yaml', 'index.yaml', 'Summary.yml'])('a data file named %s does not overwrite the roll-up', async (name) => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(box.project, 'data', name), MINIMAL.replace('测试乡', '冒名乡'));
    const r = await confined(box, ['build', 'data', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`data/${name.replace('.', '\\.')}  error  This report would be written to out/${name.replace(/\.ya?ml$/, '')}\\.(html|md), which is the county roll-up's file  output/collision`),
    );
    // The roll-up is the county's, and lists the township that built.
    expect(readFileSync(join(box.project, 'out', 'summary.md'), 'utf8')).toContain('测试乡');
    expect(readFileSync(join(box.project, 'out', 'index.html'), 'utf8')).toContain('测试乡');
    expect(readdirSync(join(box.project, 'out')).filter((f) => /冒名/.test(readFileSync(join(box.project, 'out', f), 'latin1')))).toEqual([]);
  });

  it('the roll-up names are reserved whatever their case; others are not', () => {
    for (const name of ['summary.md', 'SUMMARY.HTML', 'summary.csv', 'index.html', 'manifest.json', 'manifest.shard-2-of-4.json', '.report.lock']) expect(isRollupName(name)).toBe(true);
    for (const name of ['towns/summary.md', 'summary2.md', 'index.md', 'a.docx']) expect(isRollupName(name)).toBe(false);
  });
});

describe('reads stay inside the data file’s folder, the working folder and the pack', () => {
  it.each([
    ['an absolute path', (box: ReturnType<typeof sandbox>) => join(box.outside, 'secret.md')],
    ['a path through ..', () => '../../outside/secret.md'],
    ['/etc/passwd', () => '/etc/passwd'],
    ['/proc/self/environ', () => '/proc/self/environ'],
  ])('overrides: naming %s is an error, and nothing of the file reaches an output', async (_, target) => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: 无。\noverrides:\n  other: ${JSON.stringify(target(box))}\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/a.yaml:9:10  error  \`overrides.other\` is “${target(box)}”, which is outside the folders a data file may name  data/outside-path`);
    expect(existsSync(join(box.project, 'out', 'a.md'))).toBe(false);
  });

  it('a link beside the data file that leads outside is refused like the path itself', async () => {
    const box = sandbox();
    symlinkSync(join(box.outside, 'secret.md'), join(box.project, 'data', 'mine.md'));
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: 无。\noverrides:\n  other: mine.md\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`overrides.other` is “mine.md”, which is outside the folders a data file may name  data/outside-path');
  });

  it('previous: outside is an error; the report is not built from it', async () => {
    const box = sandbox();
    writeFileSync(join(box.outside, 'last.yaml'), MINIMAL.replace('2025', '2024'));
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}previous: ${join(box.outside, 'last.yaml')}\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/a.yaml:7:11  error  \`previous\` is “${join(box.outside, 'last.yaml')}”, which is outside the folders a data file may name  data/outside-path`);
  });

  it('previous: and overrides: elsewhere in the working folder are read (../2024/ as the README shows)', async () => {
    const box = sandbox();
    mkdirSync(join(box.project, 'data', '2024'));
    mkdirSync(join(box.project, 'data', '2025'));
    mkdirSync(join(box.project, 'sections'));
    writeFileSync(join(box.project, 'sections', 'other.md'), '---\npart: 5\ntitle: 其他\n---\n## 其他需要报告的情况\n\n本乡自己的写法。\n');
    writeFileSync(join(box.project, 'data', '2024', 'a-2024.yaml'), MINIMAL.replace('year: 2025', 'year: 2024').replace('2026-02-05', '2025-02-05'));
    writeFileSync(join(box.project, 'data', '2025', 'a-2025.yaml'), `${MINIMAL}previous: ../2024/a-2024.yaml\noverrides:\n  other: ../../sections/other.md\n`);
    const r = await confined(box, ['build', 'data/2025', '--out', 'out', '--format', 'md']);
    expect(r.stderr).not.toMatch(/outside-path|previous-year/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(box.project, 'out', 'a-2025.md'), 'utf8')).toContain('本乡自己的写法。');
  });

  it('a hidden file in the working folder (.git/config, where CI keeps its token) is never read', async () => {
    const box = sandbox();
    mkdirSync(join(box.project, '.git'));
    writeFileSync(join(box.project, '.git', 'config'), '[http]\n  extraheader = AUTHORIZATION: basic c2VjcmV0\n');
    writeFileSync(join(box.project, '.env'), 'TOKEN=secret\n');
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: 无。\noverrides:\n  opening: ../.git/config\n  other: ../.env\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`overrides.opening` is “../.git/config”, which is outside the folders a data file may name');
    expect(r.stderr).toContain('`overrides.other` is “../.env”, which is outside the folders a data file may name');
  });

  it('a link in a scanned folder that leads out of it brings nothing in', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(box.outside, 's.yaml'), MINIMAL.replace('测试乡', '外来乡'));
    symlinkSync(box.outside, join(box.project, 'data', 'lnk'));
    symlinkSync(join(box.outside, 's.yaml'), join(box.project, 'data', 'one.yaml'));
    for (const input of ['data', 'data/**/*.yaml']) {
      const r = await confined(box, ['check', input]);
      expect(r.stderr).not.toContain('外来乡');
      expect(r.stderr).toMatch(/1 passed|通过 1 份/);
    }
    const r = await confined(box, ['check', 'data']);
    expect(r.stderr).toContain('data/lnk  info  Passed over: a link that leads out of the folder scanned  input/skipped');
  });

  it('a data file named with control characters is shown by their codes and written under a clean name', async () => {
    const box = sandbox();
    const name = 'evil\u001b[2J\u202e-2025.yaml';
    writeFileSync(join(box.project, 'data', name), MINIMAL);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr.includes('\u001b') || r.stderr.includes('\u202e')).toBe(false);
    expect(r.stderr).toContain('evil⟨U+001B⟩[2J⟨U+202E⟩-2025.yaml');
    expect(readdirSync(join(box.project, 'out'))).toContain('evil_[2J_-2025.md');
  });

  it('isInside follows links and does not take a folder whose name starts the same', () => {
    const box = sandbox();
    mkdirSync(join(box.root, 'project2'));
    expect(isInside(join(box.project, 'data', 'x.yaml'), [box.project])).toBe(true);
    expect(isInside(join(box.root, 'project2', 'x.yaml'), [box.project])).toBe(false);
    expect(isInside(join(box.project, '..', 'outside', 'x'), [box.project])).toBe(false);
    symlinkSync(box.outside, join(box.project, 'link'));
    expect(isInside(join(box.project, 'link', 'secret.md'), [box.project])).toBe(false);
    expect(isInside(join(box.project, 'link', 'secret.md'), [box.outside])).toBe(true);
  });
});

describe('nothing hangs: pipes, devices, huge files, loops', () => {
  it('a FIFO as a data file is refused without opening it', { timeout: 20000 }, async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    mkfifo(join(box.project, 'fifo.yaml'));
    const r = await confined(box, ['build', 'fifo.yaml', 'data/a.yaml', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fifo.yaml  error  Cannot read the file: that is not an ordinary file (a device, pipe or socket)  input/read');
    expect(existsSync(join(box.project, 'out', 'a.md'))).toBe(true);
  });

  it('a FIFO in a scanned folder is passed over, and named', { timeout: 20000 }, async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    mkfifo(join(box.project, 'data', 'pipe.yaml'));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('data/pipe.yaml  info  Passed over: not an ordinary file (a pipe, device or socket)  input/skipped');
  });

  it.each([
    ['a FIFO', 'last.yaml', (path: string) => mkfifo(path), 'that is not an ordinary file (a device, pipe or socket)'],
    ['a folder', 'last', (path: string) => mkdirSync(path), 'that is a folder, not a file'],
    ['a file over 4 MB', 'big.yaml', (path: string) => writeFileSync(path, `x: "${'一'.repeat(1_500_000)}"\n`), 'the file is larger than 4 MB'],
  ])('previous: naming %s is a warning; the build goes on', { timeout: 20000 }, async (_, name, make, why) => {
    const box = sandbox();
    make(join(box.project, 'data', name));
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}previous: ${name}\n`);
    const r = await confined(box, ['build', 'data/a.yaml', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`data/a.yaml:7:11  warning  \`previous\` is “${name}”, but ${why}  data/previous-year`);
  });

  it('a FIFO and /dev/zero as own section templates are refused', { timeout: 20000 }, async () => {
    const box = sandbox();
    mkfifo(join(box.project, 'data', 'pipe.md'));
    symlinkSync('/dev/zero', join(box.project, 'data', 'zero.md'));
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: 无。\noverrides:\n  other: pipe.md\n  opening: zero.md\n`);
    const r = await confined(box, ['build', 'data/a.yaml', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`overrides.other`: cannot read the template “pipe.md”: that is not an ordinary file (a device, pipe or socket)  template/override');
    // /dev/zero is outside every folder a data file may name, before it is anything else.
    expect(r.stderr).toContain('`overrides.opening` is “zero.md”, which is outside the folders a data file may name  data/outside-path');
  });

  it('a data file over 4 MB is an error, not an allocation; the others are built', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(box.project, 'data', 'big.yaml'), `${MINIMAL}other: "${'长'.repeat(MAX_INPUT_BYTES / 3 + 10)}"\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/big.yaml  error  Cannot read the file: the file is larger than 4 MB  input/read');
    expect(existsSync(join(box.project, 'out', 'a.md'))).toBe(true);
  });

  it('readBytes refuses devices and folders, and reads a file that grows past the limit no further', () => {
    expect(() => readBytes('/dev/zero')).toThrow(new ReadError('special', 'that is not an ordinary file (a device, pipe or socket)'));
    expect(() => readBytes('/dev/null')).toThrow(/not an ordinary file/);
    expect(() => readBytes(tempDir())).toThrow(/a folder/);
    expect(() => readBytes('/no/such/file')).toThrow(/no such file/);
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), 'x'.repeat(1000));
    expect(() => readBytes(join(dir, 'x'), 999)).toThrow(/larger than/);
    expect(readBytes(join(dir, 'x'), 1000)).toHaveLength(1000);
    // /proc/self/mem is a file of size 0 that fails when read: an error, not a crash.
    expect(() => readBytes('/proc/self/mem')).toThrow(new ReadError('unreadable', 'the file cannot be opened (check its permissions)'));
  });

  it('a link loop, a dangling link and a link back up in a scanned folder are named or entered once; the batch goes on', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    symlinkSync('loop.yaml', join(box.project, 'data', 'loop.yaml'));
    symlinkSync('gone.yaml', join(box.project, 'data', 'dangling.yaml'));
    symlinkSync('..', join(box.project, 'data', 'up'));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('data/loop.yaml  info  Passed over: a link that leads round in a circle  input/skipped');
    expect(r.stderr).toContain('data/dangling.yaml  info  Passed over: a link that leads nowhere  input/skipped');
    expect(r.stderr).toContain('1 built, 0 failed');
    // The link to the parent folder leads back into the scan: each folder is entered once.
    expect(readdirSync(join(box.project, 'out')).filter((f) => f.endsWith('.md') && !f.startsWith('summary'))).toEqual(['a.md']);
  });

  it('a township whose own template loops for minutes is stopped at --timeout; the others are built', { timeout: 30000 }, async () => {
    const box = sandbox();
    const items = Array.from({ length: 500 }, (_, i) => `    - heading: 第${i}项\n      text: 内容。\n`).join('');
    writeFileSync(join(box.project, 'data', 'slow.yaml'), `${MINIMAL}plans:\n  items:\n${items}overrides:\n  plans: loop.md\n`);
    writeFileSync(join(box.project, 'data', 'loop.md'), '---\npart: 4\ntitle: 安排\n---\n{{#each plans.items}}{{#each @root.plans.items}}{{#each @root.plans.items}}{{/each}}{{/each}}{{/each}}\n');
    writeFileSync(join(box.project, 'data', 'ok.yaml'), MINIMAL);
    const started = Date.now();
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md', '--timeout', '1', '--jobs', '1']);
    expect(Date.now() - started).toBeLessThan(15000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("data/slow.yaml  error  The township's own section templates ran longer than 1 s, so the report was stopped  input/timeout");
    expect(existsSync(join(box.project, 'out', 'ok.md'))).toBe(true);
    expect(existsSync(join(box.project, 'out', 'slow.md'))).toBe(false);
  });

  it('a long value repeated through aliases is refused before it makes a report of gigabytes', async () => {
    const box = sandbox();
    const items = Array.from({ length: 20 }, (_, i) => `    - heading: 第${i}项\n      text: *long\n`).join('');
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: &long "${'长'.repeat(500_000)}"\nplans:\n  items:\n${items}`);
    const r = await confined(box, ['build', 'data', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/a.yaml:1:1  error  With every alias (*name) written out, the values come to more than 8 million characters  yaml/syntax');
    expect(readdirSync(join(box.project, 'out')).filter((f) => f.startsWith('a.'))).toEqual([]);
  });

  it('a bomb of numbers, an alias inside its own anchor and an alias with no anchor are refused at once', { timeout: 20000 }, async () => {
    const box = sandbox();
    const ones = Array.from({ length: 100_000 }, () => '1').join(',');
    const refs = Array.from({ length: 5000 }, () => '*a').join(',');
    writeFileSync(join(box.project, 'data', 'numbers.yaml'), `${MINIMAL}x:\n  a: &a [${ones}]\n  b: [${refs}]\n`);
    writeFileSync(join(box.project, 'data', 'cycle.yaml'), 'township: &a\n  name: *a\n');
    writeFileSync(join(box.project, 'data', 'unknown.yaml'), `${MINIMAL}other: *nothing\n`);
    const started = Date.now();
    const r = await confined(box, ['check', 'data']);
    expect(Date.now() - started).toBeLessThan(10000);
    expect(r.stderr).toContain('data/numbers.yaml:1:1  error  With every alias (*name) written out, the values come to more than 8 million characters  yaml/syntax');
    expect(r.stderr).toContain('data/cycle.yaml:1:1  error  The alias *a refers to a block that holds it, so it cannot be written out  yaml/syntax');
    expect(r.stderr).toContain('data/unknown.yaml:1:1  error  The alias *nothing has no anchor &nothing before it  yaml/syntax');
    expect(r.stderr).not.toContain('internal/');
  });

  it('an alias bomb is refused with a message; a file that uses one anchor 150 times is read', async () => {
    const box = sandbox();
    const bomb = `${MINIMAL}a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`;
    writeFileSync(join(box.project, 'data', 'bomb.yaml'), bomb);
    const items = Array.from({ length: 150 }, (_, i) => `    第${i}项: *n\n`).join('');
    writeFileSync(
      join(box.project, 'data', 'honest.yaml'),
      `${MINIMAL}achievements:\n  disputes:\n    total: &n 5\n  legal_education:\n    campaigns: *n\n  staff:\n    total: 750\n    items:\n${items}`,
    );
    const r = await confined(box, ['check', 'data']);
    expect(r.stderr).toContain('data/bomb.yaml:1:1  error  With every alias (*name) written out, the values come to more than 8 million characters  yaml/syntax');
    expect(r.stderr).not.toMatch(/honest\.yaml.*(yaml\/syntax|internal)/);
  });
});

describe('text a document cannot hold', () => {
  const NASTY = '甲\u000b乙\u000c丙\u0001丁\u001b[31m戊\ufffe己\uffff庚\u0085辛';

  it('control characters and noncharacters are left out with a warning; every XML part of the DOCX parses', async () => {
    const box = sandbox();
    const source = `${MINIMAL.replace('测试乡', JSON.stringify(`测试${NASTY}乡`))}other: ${JSON.stringify(NASTY)}\nrecipient: ${JSON.stringify(`县人民政府${NASTY}`)}\n`;
    writeFileSync(join(box.project, 'data', 'a.yaml'), source);
    const r = await confined(box, ['build', 'data', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'data/a.yaml:2:9  warning  `township.name` holds characters no document may hold (U+000B, U+000C, U+0001, U+001B, U+FFFE, U+FFFF, U+0085); they were left out  data/control-character',
    );
    const docx = readFileSync(join(box.project, 'out', 'a.docx'));
    const parts = docxXmlParts(docx);
    expect(parts.size).toBeGreaterThan(5);
    expect(docxParagraphs(docx).join('\n')).toContain('甲乙丙丁[31m戊己庚辛');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not reach the page
    expect(readFileSync(join(box.project, 'out', 'a.html'), 'utf8')).not.toMatch(/[\u0001\u000b\u000c\u001b\ufffe\uffff]/);
    expect(readFileSync(join(box.project, 'out', 'a.md'), 'utf8')).toContain('测试甲乙丙丁\\[31m戊己庚辛乡');
  });

  it('half a surrogate pair (written as an escape) is left out too', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: "前\\ud800后\\udc00完"\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'docx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('`other` holds characters no document may hold (U+D800, U+DC00)');
    expect(docxParagraphs(readFileSync(join(box.project, 'out', 'a.docx'))).join('')).toContain('前后完');
  });

  it('a direction override gets a warning naming it', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: "合计\u202e001件"\n`);
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('data/a.yaml:7:8  warning  `other` holds a direction override character (U+202E): the text is shown in another order than it is stored  data/bidi-control');
  });

  it('a 1 MB value is quoted in 80 characters, and a message never shows control characters raw', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL.replace('kind: 乡', `kind: "${'村'.repeat(1_000_000)}\\u001b[2J"`));
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('`township.kind` is'))!;
    expect(line).toContain(`\`township.kind\` is “${'村'.repeat(79)}…”`);
    expect(line.length).toBeLessThan(300);
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('what YAML reads otherwise than a clerk means', () => {
  it.each([
    ['0x1F', '31'],
    ['0o12', '10'],
    ['1e3', '1000'],
    ['.inf', 'no number'],
  ])('a figure written %s is an error naming what YAML made of it', async (written, read) => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}achievements:\n  disputes:\n    total: ${written}\n`);
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/a.yaml:9:12  error  \`achievements.disputes.total\` is written “${written}”, which YAML reads as ${read}  data/invalid-value`);
  });

  it('a full-width colon or space after a key is named, at the character', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL.replace('  kind: 乡', '  kind：乡').replace('year: 2025', 'year:\u30002025'));
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/a.yaml:3:7  error  After `kind` comes a full-width colon “：”  yaml/syntax');
    expect(r.stderr).toContain('data/a.yaml:5:6  error  After `year:` comes a full-width space “　”  yaml/syntax');
    expect(r.stderr).toContain('→ Write the half-width colon and a half-width space: `kind: …` (switch the input method to half-width, 半角, for keys).');
    // Only these two: the errors YAML makes of the same lines are not repeated.
    expect(r.stderr).toContain('2 errors');
  });

  it('a full-width colon inside a value is text, in a block of text too', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}other: 说明：本年度无其他情况。\nopening: >-\n  APP：“渝快办”上线，\n  事项：全部网办。\n`);
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(0);
  });

  it('full-width digits in a figure are read; a count of 3.5 is not', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}achievements:\n  disputes:\n    total: ９５件\n    resolution_rate: ９５．５％\n`);
    writeFileSync(join(box.project, 'data', 'b.yaml'), `${MINIMAL}achievements:\n  disputes:\n    total: 95\n    resolved: 3.5\n`);
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/b.yaml:10:15  error  `achievements.disputes.resolved` counts things, but 3.5 is not a whole number  data/invalid-figure');
    expect(r.stderr).not.toMatch(/a\.yaml:(9|10):/);
    expect(readFileSync(join(box.project, 'out', 'a.md'), 'utf8')).toMatch(/95件[\s\S]*95\.5%/);
  });

  it('a __proto__ key is an unknown field, not silently dropped', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), `${MINIMAL}__proto__:\n  polluted: true\n`);
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/a.yaml:7:1  error  `__proto__` is not a field the data file knows  data/unknown-key');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a YAML file with capitalised keys in a data folder is checked as a data file, not passed over', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL.replace('township:', 'Township:'));
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/a\.yaml:1:1 +error +`Township` is not a field the data file knows\s+data\/unknown-key/);
  });
});

describe('encodings Chinese Windows tools save', () => {
  const gbk = (text: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));

  it('decodes UTF-8 with and without BOM, UTF-16 with BOM, and GBK', () => {
    const text = 'township:\n  name: 金坪乡\n';
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeText(gbk(text))).toEqual({ text, encoding: 'gb18030' });
    // A character outside GBK, which GB18030 encodes in four bytes.
    expect(decodeText(gbk('𠀀乡'))).toEqual({ text: '𠀀乡', encoding: 'gb18030' });
  });

  it.each([
    ['GBK', (s: string) => gbk(s), 'GBK (GB18030)'],
    ['UTF-16', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), 'UTF-16'],
  ])('a data file saved in %s builds, with a warning suggesting UTF-8', async (_, encode, name) => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), encode(`${MINIMAL.replace('测试乡', '金坪乡')}other: 无。\n`));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`data/a.yaml:1:1  warning  The file is saved in ${name}, not UTF-8; it was read as ${name}  input/encoding`);
    expect(readFileSync(join(box.project, 'out', 'a.md'), 'utf8')).toContain('金坪乡人民政府');
  });

  it('a UTF-8 file with one stray byte stays UTF-8', () => {
    const text = `${MINIMAL}other: 金坪乡全年无其他情况。\n`;
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0x23, 0x20, 0xa0, 0x0a])]);
    const read = decodeText(bytes);
    expect(read.encoding).toBe('utf-8');
    expect(read.text).toContain('金坪乡全年无其他情况。');
  });

  it('a GBK data file with a mistake gives a message in readable Chinese', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), gbk(MINIMAL.replace('kind: 乡', 'kind: 村')));
    const r = await confined(box, ['check', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`township.kind` is “村”');
  });

  it('a GBK settings file gives the font its name', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(box.project, 'report.config.yaml'), gbk('layout:\n  body_font: 楷体\n'));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(box.project, 'out', 'a.html'), 'utf8')).toContain('font-family: "Times New Roman", "楷体"');
  });
});

describe('the county roll-up and the machine', () => {
  it.each([
    ['=HYPERLINK("http://x","点击")', `"'=HYPERLINK(""http://x"",""点击"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['金坪乡', '金坪乡'],
    ['a,b', '"a,b"'],
  ])('a CSV cell %j is written %j, so Excel and WPS show it as text', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('a township named like a formula is text in summary.csv', async () => {
    const box = sandbox();
    writeFileSync(join(box.project, 'data', 'a.yaml'), MINIMAL.replace('测试乡', '"=1+1"'));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md']);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(box.project, 'out', 'summary.csv'), 'utf8');
    expect(csv).toContain(",'=1+1,");
    expect(csv).not.toMatch(/,=1\+1,/);
  });

  it('--jobs is capped at the cores (and free memory), and a build asked for 1000 still builds', async () => {
    expect(maxJobs()).toBeLessThanOrEqual(availableParallelism());
    expect(maxJobs()).toBeGreaterThanOrEqual(1);
    const box = sandbox();
    for (let i = 0; i < 4; i++) writeFileSync(join(box.project, 'data', `t${i}.yaml`), MINIMAL.replace('测试乡', `第${i}乡`));
    const r = await confined(box, ['build', 'data', '--out', 'out', '--format', 'md', '--jobs', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 built');
  });

  it('examples still build with every check on (no false alarm from the new checks)', async () => {
    const r = await runCli(['check', EXAMPLES], tempDir());
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/control-character|bidi-control|outside-path|input\/encoding/);
    // Only the CI workflow beside them is passed over.
    expect(r.stderr.match(/input\/skipped/g)).toHaveLength(1);
    expect(r.stderr).toContain('examples/ci/github-actions.yml  info  Passed over');
    expect(statSync(EXAMPLES).isDirectory()).toBe(true);
  });
});

describe('reading a file: each case at its edge', () => {
  const problem = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof ReadError ? e.problem : `not a ReadError: ${String(e)}`;
    }
    return 'read';
  };

  it('a path through a file, a link loop and a missing file are missing; a name too long is unreadable', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    symlinkSync('loop', join(dir, 'loop'));
    expect(problem(() => readBytes(join(dir, 'file', 'inside.yaml')))).toBe('missing');
    expect(problem(() => readBytes(join(dir, 'loop')))).toBe('missing');
    expect(problem(() => readBytes(join(dir, 'absent.yaml')))).toBe('missing');
    expect(problem(() => readBytes(join(dir, 'x'.repeat(300))))).toBe('unreadable');
    expect(problem(() => readBytes(dir))).toBe('folder');
    expect(problem(() => readBytes('/dev/null'))).toBe('special');
  });

  it('the limit is the largest size read, whether the size is known before reading or only after', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), 'abcdefghij');
    expect(problem(() => readBytes(join(dir, 'x'), 9))).toBe('too-large');
    expect(readBytes(join(dir, 'x'), 10).toString()).toBe('abcdefghij');
    expect(readBytes(join(dir, 'x'), 11).toString()).toBe('abcdefghij');
    expect(readBytes(join(dir, 'x')).toString()).toBe('abcdefghij');
    // A file whose size is given as 0 (the kernel's own files): read by growing the buffer.
    const status = readFileSync('/proc/self/status', 'utf8');
    expect(statSync('/proc/self/status').size).toBe(0);
    const read = readBytes('/proc/self/status').toString();
    expect(read.slice(0, 5)).toBe(status.slice(0, 5));
    expect(read.length).toBeGreaterThan(500);
    expect(problem(() => readBytes('/proc/self/status', 100))).toBe('too-large');
    expect(problem(() => readBytes('/proc/self/status', 1))).toBe('too-large');
  });

  it('a ReadError says what the problem is, and the limit in megabytes', () => {
    expect(() => readBytes(tempDir())).toThrow(new ReadError('folder', 'that is a folder, not a file'));
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), Buffer.alloc(3 * 1024 * 1024 + 1, 0x61));
    expect(() => readBytes(join(dir, 'x'), 3 * 1024 * 1024)).toThrow(new ReadError('too-large', 'the file is larger than 3 MB'));
    expect(readBytes(join(dir, 'x'))).toHaveLength(3 * 1024 * 1024 + 1);
    expect(MAX_INPUT_BYTES).toBe(4 * 1024 * 1024);
  });

  it('byte-order marks count only whole', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    // Two bytes of a UTF-16 mark each, only one of them, or a UTF-8 mark cut short: no mark.
    const gb = (b: Uint8Array) => ({ text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' });
    expect(decodeText(bytes(0xff, 0x41))).toEqual(gb(bytes(0xff, 0x41)));
    expect(decodeText(bytes(0x41, 0xfe))).toEqual(gb(bytes(0x41, 0xfe)));
    expect(decodeText(bytes(0xfe, 0x41)).encoding).toBe('gb18030');
    expect(decodeText(bytes(0x41, 0xff)).encoding).toBe('gb18030');
    expect(decodeText(bytes(0xef, 0xbb, 0x41)).encoding).toBe('gb18030');
    expect(decodeText(bytes(0xef, 0x41, 0xbf)).encoding).toBe('gb18030');
    // Text without a mark keeps its first bytes.
    expect(decodeText(Buffer.from('abc'))).toEqual({ text: 'abc', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('café'))).toEqual({ text: 'café', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFFabc'))).toEqual({ text: 'abc', encoding: 'utf-8' });
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0x00))).toEqual({ text: 'A', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x41))).toEqual({ text: 'A', encoding: 'utf-16be' });
  });

  it('invalid UTF-8 stays UTF-8 only while Chinese characters outnumber the broken bytes', () => {
    // Two Chinese characters, one stray byte: UTF-8 with one replacement character.
    const two = Buffer.concat([Buffer.from('乡镇'), Buffer.from([0xa0])]);
    expect(decodeText(two)).toEqual({ text: '乡镇\uFFFD', encoding: 'utf-8' });
    // One of each: not more, so read as GBK.
    const one = Buffer.concat([Buffer.from('乡'), Buffer.from([0xa0])]);
    expect(decodeText(one)).toEqual({ text: new TextDecoder('gb18030').decode(one), encoding: 'gb18030' });
  });

  it('isInside takes the allowed folder itself, and nothing hidden inside it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    expect(isInside(dir, [dir])).toBe(true);
    expect(isInside(join(dir, 'data'), [dir])).toBe(true);
    expect(isInside(join(dir, 'data', 'a.yaml'), [join(dir, 'data')])).toBe(true);
    expect(isInside(dir, [join(dir, 'data')])).toBe(false);
    expect(isInside(join(dir, '.git', 'config'), [dir])).toBe(false);
    expect(isInside(join(dir, 'data', '.env'), [dir])).toBe(false);
    expect(isInside(join(dir, '..data', 'a.yaml'), [dir])).toBe(false);
    expect(isInside(join(dir, 'a.yaml'), [join(dir, 'data'), dir])).toBe(true);
    expect(isInside(join(dir, 'a.yaml'), [])).toBe(false);
  });
});
