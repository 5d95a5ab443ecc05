import { mkdirSync, openSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/batch/index.js';
import { manifestPieces, serializeManifest, type ManifestEntry } from '../src/batch/manifest.js';
import { removeStaleTemporaries, writeAtomic, writePiecesAtomic } from '../src/batch/write.js';
import { MINIMAL, tempDir } from './helpers.js';

// The file system as it is, with writeFileSync, openSync and renameSync wrapped so that a test can make
// one call fail or look at the disk while it runs. Tests run as root, for whom a read-only
// folder is no obstacle, so failures are injected here instead.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: fs, writeFileSync: vi.fn(fs.writeFileSync), openSync: vi.fn(fs.openSync), renameSync: vi.fn(fs.renameSync) };
});

const actual = await vi.importActual<typeof import('node:fs')>('node:fs');
const write = vi.mocked(writeFileSync);
const rename = vi.mocked(renameSync);
const open = vi.mocked(openSync);

afterEach(() => {
  write.mockClear();
  rename.mockClear();
});

const OLD = '旧的报告\n'.repeat(1000);
const NEW = '新的报告\n'.repeat(2000);

/** A folder holding one output with the old text. */
function existing(): { dir: string; target: string } {
  const dir = tempDir('write-');
  const target = join(dir, 'report.md');
  actual.writeFileSync(target, OLD);
  return { dir, target };
}

const fail = (code: string) => Object.assign(new Error(`${code}: injected failure`), { code });

describe('writeAtomic', () => {
  it('writes a temporary file beside the output and renames it over the output', () => {
    const { dir, target } = existing();
    let seenWhileWriting: string | undefined;
    write.mockImplementationOnce((path, data, options) => {
      actual.writeFileSync(path, data, options);
      // A reader opening the output while the new text is written sees the old text whole.
      seenWhileWriting = actual.readFileSync(target, 'utf8');
    });
    writeAtomic(target, NEW);
    expect(seenWhileWriting).toBe(OLD);
    expect(write).toHaveBeenCalledTimes(1);
    const tmp = String(write.mock.calls[0]![0]);
    expect(tmp).not.toBe(target);
    expect(dirname(tmp)).toBe(dir);
    expect(basename(tmp)).toMatch(/^\.report\.md\..*\.report-tmp$/);
    expect(rename.mock.calls).toEqual([[tmp, target]]);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('leaves the old output whole and no temporary file when the write fails midway', () => {
    const { dir, target } = existing();
    write.mockImplementationOnce((path, data) => {
      // Half the bytes reach the disk, then it is full.
      actual.writeFileSync(path, String(data).slice(0, String(data).length / 2));
      throw fail('ENOSPC');
    });
    expect(() => writeAtomic(target, NEW)).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('leaves the old output whole and no temporary file when the rename fails', () => {
    const { dir, target } = existing();
    rename.mockImplementationOnce(() => {
      throw fail('EXDEV');
    });
    expect(() => writeAtomic(target, NEW)).toThrow(/EXDEV/);
    expect(write).toHaveBeenCalledTimes(1);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('leaves no file at all when writing a new output fails', () => {
    const dir = tempDir('write-');
    const target = join(dir, 'sub', 'report.md');
    write.mockImplementationOnce((path, data) => {
      actual.writeFileSync(path, String(data).slice(0, 10));
      throw fail('EIO');
    });
    expect(() => writeAtomic(target, NEW)).toThrow(/EIO/);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });
});

describe('a build whose output cannot be written', () => {
  it('fails that report with output/write and keeps its old outputs whole', async () => {
    const dir = tempDir('write-build-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL);
    const run = () => build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md', 'html'], jobs: 1, rollup: false });
    expect((await run()).ok).toBe(true);
    const before = readFileSync(join(dir, 'out', 'a.html'), 'utf8');

    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL.replace('测试乡', '新名乡'));
    write.mockClear();
    write.mockImplementation((path, data, options) => {
      if (String(path).includes('a.html')) throw fail('ENOSPC');
      actual.writeFileSync(path, data, options);
    });
    try {
      const r = await run();
      expect(r.ok).toBe(false);
      expect(r.reports.map((x) => x.status)).toEqual(['failed']);
      expect(r.reports[0]!.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.reason}`)).toEqual(['output/write: Could not write this report: the disk is full']);
    } finally {
      write.mockReset();
      write.mockImplementation(actual.writeFileSync);
    }
    expect(readFileSync(join(dir, 'out', 'a.html'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.report-tmp'))).toEqual([]);
  });

  it('a full disk leaves no township half-written: all of its formats are old, or all are new', async () => {
    const dir = tempDir('write-build-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL);
    const run = () => build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md', 'html', 'docx'], jobs: 1, rollup: false });
    expect((await run()).ok).toBe(true);
    const old = ['a.md', 'a.html', 'a.docx'].map((f) => readFileSync(join(dir, 'out', f)));

    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL.replace('测试乡', '新名乡'));
    // The disk fills up on the township's last format, after the others were written.
    write.mockImplementation((path, data, options) => {
      if (String(path).includes('a.docx.')) throw fail('ENOSPC');
      actual.writeFileSync(path, data, options);
    });
    try {
      const r = await run();
      expect(r.reports.map((x) => x.status)).toEqual(['failed']);
    } finally {
      write.mockReset();
      write.mockImplementation(actual.writeFileSync);
    }
    expect(['a.md', 'a.html', 'a.docx'].map((f) => readFileSync(join(dir, 'out', f)))).toEqual(old);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.report-tmp'))).toEqual([]);
    // With room again, the next build writes the new township whole.
    const again = await run();
    expect(again.reports.map((x) => x.status)).toEqual(['built']);
    expect(readFileSync(join(dir, 'out', 'a.md'), 'utf8')).toContain('新名乡');
  });

  it('a manifest that cannot be written is reported, not a crash; the next build rebuilds only what it must', async () => {
    const dir = tempDir('write-build-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(dir, 'data', 'b.yaml'), MINIMAL.replace('测试乡', '乙乡'));
    const run = () => build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], jobs: 1 });
    write.mockImplementation((path, data, options) => {
      if (/summary|index\.html/.test(String(path))) throw fail('ENOSPC');
      actual.writeFileSync(path, data, options);
    });
    // The manifest is written in pieces to a file opened first.
    open.mockImplementation((path, flags, mode) => {
      if (/manifest\.json/.test(String(path))) throw fail('ENOSPC');
      return actual.openSync(path, flags, mode);
    });
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run();
    } finally {
      write.mockReset();
      write.mockImplementation(actual.writeFileSync);
      open.mockReset();
      open.mockImplementation(actual.openSync);
    }
    expect(r.ok).toBe(false);
    expect(r.reports.map((x) => x.status)).toEqual(['built', 'built']);
    expect(r.diagnostics.map((d) => `${d.file}: ${d.ruleId}: ${d.reason}`)).toEqual(['out/manifest.json: output/write: Could not write the manifest and roll-up: the disk is full']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.md', 'b.md']);
    const again = await run();
    expect(again.ok).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.md', 'b.md', 'index.html', 'manifest.json', 'summary.csv', 'summary.html', 'summary.md', 'summary.xlsx']);
  });
});

describe('writePiecesAtomic', () => {
  const pieces = function* (): Generator<string> {
    for (let i = 0; i < 20000; i++) yield `第${i}行，新的报告\n`;
  };
  const whole = [...pieces()].join('');

  it('writes the pieces, in order, over the old output, through a temporary file', () => {
    const { dir, target } = existing();
    writePiecesAtomic(target, pieces());
    expect(readFileSync(target, 'utf8')).toBe(whole);
    // More than one write: the text is never held whole.
    expect(write.mock.calls.length).toBeGreaterThan(1);
    expect(rename).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('writes about 64 KB at a time: whenever the pieces not yet written reach 65,536 characters, and the rest at the end', () => {
    const { target } = existing();
    const piece = 'x'.repeat(4096);
    writePiecesAtomic(
      target,
      Array.from({ length: 40 }, () => piece),
    );
    // 16 pieces make 65,536 exactly: written then, not with the 17th.
    expect(write.mock.calls.map((c) => String(c[1]).length)).toEqual([65536, 65536, 32768]);
    expect(readFileSync(target, 'utf8')).toBe(piece.repeat(40));
  });

  it('leaves the old output whole and no temporary file when a write fails midway', () => {
    const { dir, target } = existing();
    let writes = 0;
    write.mockImplementation((path, data, options) => {
      if (++writes === 2) throw fail('ENOSPC');
      actual.writeFileSync(path, data, options);
    });
    try {
      expect(() => writePiecesAtomic(target, pieces())).toThrow(/ENOSPC/);
    } finally {
      write.mockReset();
      write.mockImplementation(actual.writeFileSync);
    }
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('leaves the old output whole when the rename fails', () => {
    const { dir, target } = existing();
    rename.mockImplementationOnce(() => {
      throw fail('EACCES');
    });
    expect(() => writePiecesAtomic(target, pieces())).toThrow(/EACCES/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });
});

describe('the manifest written in pieces', () => {
  const entry = (input: string, more: Partial<ManifestEntry> = {}): ManifestEntry =>
    ({ input, key: 'k', status: 'built', dependencies: [], outputs: { md: { path: `${input}.md`, sha256: 'x' } }, errors: 0, warnings: 1, ...more }) as unknown as ManifestEntry;
  it.each([
    ['no report', []],
    ['one report', [entry('a.yaml')]],
    ['reports out of order, with nested and odd text', [entry('c.yaml', { problems: [{ line: 1, text: '引号"与\\反斜杠\n' }] } as never), entry('a.yaml'), entry('b.yaml')]],
    // JSON leaves U+2028 and U+2029 unescaped: they are no line breaks of the manifest.
    ['line and paragraph separators in a value', [entry('甲\u2028乡.yaml', { problems: [{ line: 1, text: '前\u2029后' }] } as never), entry('b.yaml')]],
  ])('is the same text as the whole serialized at once: %s', (_, entries) => {
    const sorted = [...entries].sort((a, b) => (a.input < b.input ? -1 : 1));
    const expected = `${JSON.stringify({ version: 3, tool: 'report 1', reports: sorted }, null, 2)}\n`;
    expect([...manifestPieces('report 1', entries)].join('')).toBe(expected);
    expect(serializeManifest('report 1', entries)).toBe(expected);
  });
});

describe('removeStaleTemporaries', () => {
  it('removes the hidden temporary files a killed build left, in the folder and in folders within it, and counts them', () => {
    const dir = tempDir('stale-');
    const tmp = (sub: string, name: string) => {
      mkdirSync(join(dir, sub), { recursive: true });
      actual.writeFileSync(join(dir, sub, name), 'half');
    };
    tmp('', '.a.md.1.0.report-tmp');
    tmp('towns', '.b.docx.2.7.report-tmp');
    tmp('towns/2025', '.c.html.3.1.report-tmp');
    // A hidden folder that is not Git's is looked into.
    tmp('.cache', '.d.md.4.0.report-tmp');
    // Not temporaries of a build: not hidden, or hidden without the ending.
    tmp('', 'notes.report-tmp');
    tmp('', '.keep');
    // Git's folders and installed packages are never touched.
    tmp('.git', '.e.md.5.0.report-tmp');
    tmp('.github', '.f.md.6.0.report-tmp');
    tmp('node_modules/x', '.g.md.7.0.report-tmp');
    expect(removeStaleTemporaries(dir)).toBe(4);
    const left = (actual.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('report-tmp') || f.endsWith('.keep')).sort();
    expect(left).toEqual(['.git/.e.md.5.0.report-tmp', '.github/.f.md.6.0.report-tmp', '.keep', 'node_modules/x/.g.md.7.0.report-tmp', 'notes.report-tmp']);
    expect(removeStaleTemporaries(dir)).toBe(0);
  });

  it('looks eight folders deep and no deeper', () => {
    const dir = tempDir('stale-');
    const deep = (levels: number) => join(dir, ...Array.from({ length: levels }, (_, i) => `l${i + 1}`));
    mkdirSync(deep(9), { recursive: true });
    actual.writeFileSync(join(deep(8), '.eight.md.1.0.report-tmp'), 'half');
    actual.writeFileSync(join(deep(9), '.nine.md.1.0.report-tmp'), 'half');
    expect(removeStaleTemporaries(dir)).toBe(1);
    expect(actual.readdirSync(deep(8))).toEqual(['l9']);
    expect(actual.readdirSync(deep(9))).toEqual(['.nine.md.1.0.report-tmp']);
  });

  it('follows no link: what lies outside the folder is never touched', () => {
    const dir = tempDir('stale-');
    const outside = tempDir('stale-outside-');
    actual.writeFileSync(join(outside, '.theirs.md.1.0.report-tmp'), 'not ours');
    symlinkSync(outside, join(dir, 'linked'));
    expect(removeStaleTemporaries(dir)).toBe(0);
    expect(actual.readdirSync(outside)).toEqual(['.theirs.md.1.0.report-tmp']);
  });

  it('finds nothing in a folder that is not there', () => {
    expect(removeStaleTemporaries(join(tempDir('stale-'), 'none'))).toBe(0);
  });
});
