// Which data files the input arguments of a build name: files, folders and glob patterns.
import { mkdirSync, writeFileSync } from 'node:fs';
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
