// Finding LibreOffice and converting with it (src/libreoffice.ts), with stand-in programs: what is
// run, what is read back, and that nothing is left behind. The real LibreOffice is driven by
// test/import-libreoffice.test.ts and test/volume-libreoffice.test.ts.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, findLibreOffice } from '../src/libreoffice.js';
import { tempDir } from './helpers.js';

/** A program at `path` that runs `script` (sh). */
function program(path: string, script = 'exit 0'): string {
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
afterEach(() => Object.defineProperty(process, 'platform', platform));

describe('findLibreOffice', () => {
  it('finds soffice on the PATH before libreoffice, in the PATH’s order, and passes over what it may not run', () => {
    const a = tempDir('lo-a-');
    const b = tempDir('lo-b-');
    mkdirSync(join(a, 'soffice'));
    writeFileSync(join(a, 'libreoffice'), 'not executable');
    chmodSync(join(a, 'libreoffice'), 0o644);
    const soffice = program(join(b, 'soffice'));
    // libreoffice beside soffice in the same folder: soffice is taken.
    program(join(b, 'libreoffice'));
    expect(findLibreOffice({ PATH: [a, b].join(':') })).toBe(soffice);
    expect(findLibreOffice({ Path: b })).toBe(soffice);
    const c = tempDir('lo-c-');
    const only = program(join(c, 'libreoffice'));
    expect(findLibreOffice({ PATH: [a, c, b].join(':') })).toBe(join(b, 'soffice'));
    expect(findLibreOffice({ PATH: [a, c].join(':') })).toBe(only);
    expect(findLibreOffice({ PATH: a })).toBeUndefined();
    expect(findLibreOffice({})).toBeUndefined();
  });

  it('on Windows, tries each extension of PATHEXT, then where the installer puts LibreOffice', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const dir = tempDir('lo-win-');
    const cmd = program(join(dir, 'soffice.CMD'));
    expect(findLibreOffice({ PATH: dir, PATHEXT: '.EXE;.CMD' })).toBe(cmd);
    expect(findLibreOffice({ PATH: dir, PATHEXT: '.EXE' })).toBeUndefined();
    // Without PATHEXT: .EXE, .CMD and .BAT.
    expect(findLibreOffice({ PATH: dir })).toBe(cmd);
    const root = tempDir('lo-pf-');
    mkdirSync(join(root, 'LibreOffice', 'program'), { recursive: true });
    const exe = program(join(root, 'LibreOffice', 'program', 'soffice.exe'));
    expect(findLibreOffice({ ProgramFiles: root })).toBe(exe);
    expect(findLibreOffice({ 'ProgramFiles(x86)': root })).toBe(exe);
    expect(findLibreOffice({ ProgramFiles: tempDir('lo-empty-') })).toBeUndefined();
  });
});

describe('convertWithLibreOffice', () => {
  const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('report-office-'));

  it('runs LibreOffice headless with a profile of its own into a folder it reads back, then removes it all', () => {
    const bin = tempDir('lo-bin-');
    const log = join(tempDir('lo-log-'), 'args');
    // Writes its arguments, and the converted file (named as LibreOffice names it, in other case) into --outdir.
    program(join(bin, 'soffice'), `printf '%s\\n' "$@" > '${log}'\nwhile [ "$1" != --outdir ]; do shift; done\n/bin/mkdir -p "$2" && printf converted > "$2/REPORT.PDF"`);
    const source = join(tempDir('lo-src-'), 'report.docx');
    writeFileSync(source, 'docx');
    const before = leftovers();
    const reads: string[] = [];
    const r = convertWithLibreOffice(source, 'pdf', { PATH: bin }, 10_000, (path) => {
      reads.push(path);
      return new Uint8Array(readFileSync(path));
    });
    expect(r).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from('converted')) });
    const args = readFileSync(log, 'utf8').trim().split('\n');
    expect(args[0]).toBe('--headless');
    expect(args[1]).toBe('--norestore');
    expect(args[2]).toMatch(/^-env:UserInstallation=file:\/\/\/.*report-office-[^/]+\/profile$/);
    expect(args.slice(3, 5)).toEqual(['--convert-to', 'pdf']);
    expect(args[5]).toBe('--outdir');
    expect(args[6]).toBe(join(args[2]!.replace(/^-env:UserInstallation=file:\/\//, '').replace(/\/profile$/, ''), 'out'));
    expect(args[7]).toBe(source);
    expect(reads).toEqual([join(args[6]!, 'REPORT.PDF')]);
    expect(leftovers()).toEqual(before);
  });

  it('is missing without LibreOffice, and failed when it writes nothing or another file', () => {
    const source = join(tempDir('lo-src-'), 'report.doc');
    writeFileSync(source, 'doc');
    const read = () => new Uint8Array();
    expect(convertWithLibreOffice(source, 'docx', { PATH: tempDir('lo-none-') }, 10_000, read)).toEqual({ ok: false, why: 'missing' });
    const silent = tempDir('lo-silent-');
    program(join(silent, 'soffice'));
    expect(convertWithLibreOffice(source, 'docx', { PATH: silent }, 10_000, read)).toEqual({ ok: false, why: 'failed' });
    const other = tempDir('lo-other-');
    program(join(other, 'soffice'), 'while [ "$1" != --outdir ]; do shift; done\n/bin/mkdir -p "$2" && printf x > "$2/report.pdf"');
    expect(convertWithLibreOffice(source, 'docx', { PATH: other }, 10_000, read)).toEqual({ ok: false, why: 'failed' });
  });
});
