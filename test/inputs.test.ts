// Which data files the input arguments of a build name: files, folders and glob patterns.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, globBase } from '../src/batch/inputs.js';
import { MINIMAL, tempDir } from './helpers.js';

function county(files: string[]): string {
  const dir = tempDir('inputs-');
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), MINIMAL);
  }
  return dir;
}

const found = (args: string[], cwd: string) => {
  const r = findInputs(args, cwd);
  return { inputs: r.inputs.map((i) => [i.display, i.outStem]), diagnostics: r.diagnostics.map((d) => `${d.file}: ${d.ruleId}: ${d.reason}`) };
};

describe('the data files a build takes', () => {
  it('each once, however many arguments name it, in the order first named', () => {
    const dir = county(['data/b.yaml', 'data/a.yaml', 'c.yml']);
    expect(found(['c.yml', 'data', 'data/a.yaml', 'data/*.yaml'], dir)).toEqual({
      inputs: [
        ['c.yml', 'c'],
        ['data/a.yaml', 'a'],
        ['data/b.yaml', 'b'],
      ],
      diagnostics: [],
    });
  });

  it('in a folder, in the order of their names (capitals first), whatever order the disk keeps them in', () => {
    const names = ['k', 'c', 'X', 'a', 'q', 'B', 'z', 'm'];
    const dir = county(names.map((n) => `data/${n}.yaml`));
    expect(found(['data'], dir).inputs.map(([display]) => display)).toEqual([...names].sort().map((n) => `data/${n}.yaml`));
  });

  it('a glob pattern’s files named from the folder it starts at', () => {
    const dir = county(['data/2025/a.yaml', 'data/2025/x/b.yaml', 'data/other.txt']);
    expect(found(['data/**/*.yaml'], dir).inputs).toEqual([
      ['data/2025/a.yaml', '2025/a'],
      ['data/2025/x/b.yaml', '2025/x/b'],
    ]);
  });

  it('none for a pattern that matches nothing, or a folder without data files, each said', () => {
    const dir = county(['data/a.txt']);
    mkdirSync(join(dir, 'empty'));
    expect(found(['data/*.yaml', 'empty', 'data'], dir)).toEqual({
      inputs: [],
      diagnostics: [
        'data/*.yaml: input/not-found: No .yaml data file matches data/*.yaml',
        'empty: input/not-found: The folder empty holds no .yaml data files',
        'data: input/not-found: The folder data holds no .yaml data files',
      ],
    });
  });
});

describe('the folder a glob pattern starts at', () => {
  it('is the part before the first part with a pattern in it, or the working folder', () => {
    expect(globBase('data/2025/*.yaml')).toBe('data/2025');
    expect(globBase('data/**/a.yaml')).toBe('data');
    expect(globBase('*.yaml')).toBe('.');
    expect(globBase('a?.yaml')).toBe('.');
    expect(globBase('/srv/{a,b}/x.yaml')).toBe('/srv');
  });
});

describe('a folder scanned for data files', () => {
  /** A county folder with everything a scan meets: folders it skips, files that are no data, links of every kind, a pipe. */
  function scanned() {
    const dir = county([
      'data/a.yaml',
      'data/b.YML',
      'data/sub/c.yaml',
      'data/node_modules/x.yaml',
      'data/.git/x.yaml',
      'data/out/x.yaml',
      'data/dist/x.yaml',
      'data/.hidden/x.yaml',
      'data/out2/d.yaml',
      'data/sub.d/e.yaml',
      'elsewhere/f.yaml',
    ]);
    const data = join(dir, 'data');
    writeFileSync(join(data, 'report.config.yaml'), 'rules: {}\n');
    writeFileSync(join(data, 'report.config.yml'), 'rules: {}\n');
    writeFileSync(join(data, 'pack.yaml'), 'name: x\n');
    writeFileSync(join(data, 'notes.txt'), 'year: 2025\n');
    writeFileSync(join(data, 'data.yaml.bak'), MINIMAL);
    // A CI workflow: YAML, but no data file.
    writeFileSync(join(data, 'ci.yaml'), 'on : push\njobs :\n  build : {}\n');
    // Data files, however they start: a comment and a key with a space before its colon, an empty file, plain text.
    writeFileSync(join(data, 'g.yaml'), '# 某乡\nyear : 2025\nother：x\n');
    writeFileSync(join(data, 'h.yaml'), '');
    writeFileSync(join(data, 'i.yaml'), '这是一份报告，见 note: 附件\n');
    // township: not at the start of a line is no field of a data file.
    writeFileSync(join(data, 'j.yaml'), 'title: 某乡 township: 1\n');
    // Past the first lines decoded (4 KB): the rest of the start decides, either way.
    const longComment = `# ${'某县司法局说明。'.repeat(300)}\n`;
    writeFileSync(join(data, 'k.yaml'), `${longComment}township:\n  name: 某乡\n`);
    writeFileSync(join(data, 'ci-long.yaml'), `${longComment}on: push\n`);
    symlinkSync('loop.yaml', join(data, 'loop.yaml'));
    symlinkSync('loop2', join(data, 'loop2'));
    symlinkSync('gone.yaml', join(data, 'dangling.yaml'));
    symlinkSync('a.yaml/inside', join(data, 'not-a-folder.yaml'));
    symlinkSync('gone', join(data, 'dangling-folder'));
    symlinkSync('..', join(data, 'up'));
    symlinkSync('sub', join(data, 'sub-link'));
    symlinkSync('a.yaml', join(data, 'a-link.yaml'));
    symlinkSync('../elsewhere', join(data, 'outside'));
    symlinkSync('../elsewhere/f.yaml', join(data, 'outside.yaml'));
    symlinkSync('../elsewhere/f.yaml', join(data, 'outside-notes'));
    execFileSync('mkfifo', [join(data, 'pipe.yaml')]);
    return dir;
  }

  it('takes the data files of the folder and the folders in it, each folder once (sub-link leads to sub), links to files within it followed', () => {
    const { inputs } = found(['data'], scanned());
    expect(inputs).toEqual([
      ['data/a-link.yaml', 'a-link'],
      ['data/a.yaml', 'a'],
      ['data/b.YML', 'b'],
      ['data/g.yaml', 'g'],
      ['data/h.yaml', 'h'],
      ['data/i.yaml', 'i'],
      ['data/k.yaml', 'k'],
      ['data/out2/d.yaml', 'out2/d'],
      ['data/sub/c.yaml', 'sub/c'],
      ['data/sub.d/e.yaml', 'sub.d/e'],
    ]);
  });

  it('names what it passes over and why: links in a circle, to nothing or out of the folder, a pipe, YAML that is no data file', () => {
    const { diagnostics } = found(['data'], scanned());
    expect(diagnostics).toEqual([
      'data/ci-long.yaml: input/skipped: Passed over: it has none of the fields a data file starts with (township, year, date…)',
      'data/ci.yaml: input/skipped: Passed over: it has none of the fields a data file starts with (township, year, date…)',
      'data/dangling.yaml: input/skipped: Passed over: a link that leads nowhere',
      'data/j.yaml: input/skipped: Passed over: it has none of the fields a data file starts with (township, year, date…)',
      'data/loop.yaml: input/skipped: Passed over: a link that leads round in a circle',
      'data/loop2: input/skipped: Passed over: a link that leads round in a circle',
      'data/not-a-folder.yaml: input/skipped: Passed over: it cannot be read (ENOTDIR)',
      'data/outside: input/skipped: Passed over: a link that leads out of the folder scanned',
      'data/outside.yaml: input/skipped: Passed over: a link that leads out of the folder scanned',
      'data/pipe.yaml: input/skipped: Passed over: not an ordinary file (a pipe, device or socket)',
      'data/up: input/skipped: Passed over: a link that leads out of the folder scanned',
    ]);
  });

  it('through a glob pattern, takes no settings file, pack or file in node_modules or .git, and takes no link', () => {
    const { inputs } = found(['data/**/*.y*ml'], scanned());
    expect(inputs.map(([display]) => display)).toEqual([
      'data/a.yaml',
      'data/ci-long.yaml',
      'data/ci.yaml',
      'data/dist/x.yaml',
      'data/g.yaml',
      'data/h.yaml',
      'data/i.yaml',
      'data/j.yaml',
      'data/k.yaml',
      'data/out/x.yaml',
      'data/out2/d.yaml',
      'data/sub.d/e.yaml',
      'data/sub/c.yaml',
    ]);
  });
});
