// bin/load.cjs: the bundles load with the V8 code cache npm run build wrote, and a cache V8 cannot
// use is passed over without changing what the program does; and what else a command loads and
// makes as it starts.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tempDir } from './helpers.js';

/** Preloaded into the program: says, for each script given a cache, whether V8 took it. */
const PROBE = `const vm = require('node:vm');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (options && options.cachedData) process.stderr.write('cache ' + require('node:path').basename(options.filename) + ' ' + (this.cachedDataRejected ? 'rejected' : 'taken') + '\\n');
  }
};
`;

/** Preloaded into the program: names each script compiled from node_modules, which no bundle's cache covers. */
const OUTSIDE = `const Module = require('node:module');
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (/[\\\\/]node_modules[\\\\/]/.test(filename)) process.stderr.write('outside ' + filename + '\\n');
  return compile.call(this, content, filename);
};
`;

function check(root: string) {
  const probe = join(tempDir('probe-'), 'probe.cjs');
  writeFileSync(probe, PROBE);
  const r = spawnSync(process.execPath, ['--require', probe, join(root, 'bin', 'report.js'), 'check', join(EXAMPLES, 'jinping-2025.yaml')], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', REPORT_LANG: 'en' },
  });
  const caches = [...r.stderr.matchAll(/^cache (\S+) (taken|rejected)$/gm)].map((m) => ({ file: m[1]!, taken: m[2] === 'taken' }));
  return { code: r.status, stdout: r.stdout, messages: r.stderr.replace(/^cache .*\n/gm, '').replace(/in [\d.]+ ?s\b/, 'in <t>'), caches };
}

describe('the code cache', () => {
  it('is written for every bundle a build runs, and taken when the program starts', () => {
    const written = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.cjs.cache'));
    expect(written).toContain('cli.cjs.cache');
    const r = check(ROOT);
    expect(r.code).toBe(0);
    expect(r.caches.length).toBeGreaterThanOrEqual(10);
    expect(r.caches.filter((c) => !c.taken)).toEqual([]);
  });

  it('covers every script a build runs: none is compiled from node_modules', () => {
    const probe = join(tempDir('probe-'), 'outside.cjs');
    writeFileSync(probe, OUTSIDE);
    const out = tempDir('outside-out-');
    const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'report.js'), 'build', join(EXAMPLES, '*.yaml'), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', REPORT_LANG: 'en' },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('3 built');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('outside '))).toEqual([]);
  });

  it('that V8 cannot use is passed over, and the program does the same', () => {
    // A copy of the program whose caches are all damaged.
    const copy = tempDir('damaged-cache-');
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    for (const name of ['templates', 'schema', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(copy, name));
    for (const f of readdirSync(join(copy, 'dist')).filter((f) => f.endsWith('.cache'))) writeFileSync(join(copy, 'dist', f), 'not a cache');
    const damaged = check(copy);
    expect(damaged.caches.length).toBeGreaterThanOrEqual(10);
    expect(damaged.caches.filter((c) => c.taken)).toEqual([]);
    const good = check(ROOT);
    expect(damaged.code).toBe(good.code);
    expect(damaged.messages).toBe(good.messages);
  });
});

describe('what a command starts with', () => {
  it('leaves out what a build of the examples on one thread does not use: Node’s worker and process modules', () => {
    const probe = join(tempDir('probe-'), 'modules.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('modules ' + process.moduleLoadList.join(',') + '\\n'));\n");
    const out = tempDir('modules-out-');
    const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'report.js'), 'build', join(EXAMPLES, '*.yaml'), '--out', out, '--jobs', '1'], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', REPORT_LANG: 'en' },
    });
    expect(r.status).toBe(0);
    const modules = (/^modules (.*)$/m.exec(r.stderr)?.[1] ?? '').split(',');
    // Loaded at all: the probe saw the build's modules.
    expect(modules).toContain('NativeModule zlib');
    expect(modules.filter((m) => /^NativeModule (worker_threads|child_process)$/.test(m))).toEqual([]);
  });

  /** The bundles a build of the examples in `formats` loads (its extra arguments after), each with its text. */
  const bundlesLoaded = (formats: string, extra: string[] = []) => {
    const probe = join(tempDir('probe-'), 'loaded.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('loaded ' + Object.keys(require.cache).join('\\t') + '\\n'));\n");
    const out = tempDir('loaded-out-');
    const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'report.js'), 'build', join(EXAMPLES, '*.yaml'), '--out', out, '--jobs', '1', '--format', formats, ...extra], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', REPORT_LANG: 'en' },
    });
    expect(r.status, r.stderr).toBe(0);
    // The three reports in each format (jinping-2025.docx…; the roll-up's files aside).
    expect(readdirSync(out).filter((f) => /^[a-z]+-\d{4}\./.test(f))).toHaveLength(3 * formats.split(',').length);
    const loaded = (/^loaded (.*)$/m.exec(r.stderr)?.[1] ?? '').split('\t').filter((f) => f.startsWith(join(ROOT, 'dist')));
    // Loaded at all: the probe saw the program's bundles.
    expect(loaded.length).toBeGreaterThan(5);
    return loaded.map((f) => readFileSync(f, 'utf8'));
  };
  /** Bundles holding docx's own code (its Packer). */
  const docxCode = (bundles: string[]) => bundles.filter((text) => text.includes('var Packer = class'));
  /**
   * Bundles holding the HTML writer's libraries, by the path rolldown writes above each module's
   * code: node_modules/… here, ../../node_modules/… in a copy of the project that uses this one's
   * packages (Stryker's sandboxes).
   */
  const htmlCode = (bundles: string[]) => bundles.filter((text) => /^\/\/ (?:\.\.\/)*node_modules\/(?:hast-util-to-html|mdast-util-to-hast)\//m.test(text));

  it('loads the docx package only for what dist/prebuilt.json does not hold: not for the examples, for a layout of another page numbering', () => {
    expect(docxCode(bundlesLoaded('docx'))).toEqual([]);
    expect(docxCode(bundlesLoaded('docx', ['--layout', 'page_numbers=center']))).toHaveLength(1);
  });

  it('loads the HTML writer only for HTML', () => {
    expect(htmlCode(bundlesLoaded('docx'))).toEqual([]);
    expect(htmlCode(bundlesLoaded('md'))).toEqual([]);
    expect(htmlCode(bundlesLoaded('html')).length).toBeGreaterThan(0);
  });

  it('makes no Chinese collator for a check or a build of one township (ICU takes some 5 ms to load one), and one for a roll-up of three', () => {
    const probe = join(tempDir('probe-'), 'collator.cjs');
    writeFileSync(
      probe,
      "const C = Intl.Collator; let made = 0; Intl.Collator = function (...a) { made++; return new C(...a); }; process.on('exit', () => process.stderr.write('collators ' + made + '\\n'));\n",
    );
    const made = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'report.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true', REPORT_LANG: 'en' } });
      expect(r.status, r.stderr).toBe(0);
      return Number(/^collators (\d+)$/m.exec(r.stderr)?.[1]);
    };
    expect(made(['check', join(EXAMPLES, 'jinping-2025.yaml')])).toBe(0);
    expect(made(['build', join(EXAMPLES, 'jinping-2025.yaml'), '--out', tempDir('one-out-')])).toBe(0);
    expect(made(['build', join(EXAMPLES, '*.yaml'), '--out', tempDir('three-out-'), '--jobs', '1'])).toBe(1);
  });
});
