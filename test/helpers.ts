import { spawnSync } from 'node:child_process';
import { lang, setLang } from '../src/i18n/index.js';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/index.js';
import { compile, type Compiled, type Format } from '../src/compile/index.js';
import { loadPack, STANDARD_PACK, type Pack } from '../src/render/index.js';
import { parse as parseYaml } from 'yaml';
import { chineseNumeral } from '../src/render/chinese.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXAMPLES = join(ROOT, 'examples');
/** The examples as they were written before `parts:`, in the standard fields (achievements…other): such files still build. */
export const STANDARD_MODEL = join(ROOT, 'test', 'fixtures', 'standard-model');
export const BIN = join(ROOT, 'bin', 'report.js');
/**
 * The seeds, their figures and the fidelity tools: ../shared beside the project, or the folder
 * REPORT_TEST_SHARED names (Stryker runs the tests in a copy of the project, with no ../shared beside it).
 */
export const SHARED = process.env.REPORT_TEST_SHARED ?? join(ROOT, '..', 'shared');

/** A path in SHARED; throws, saying where the folder is looked for, when it is not there. */
export function inShared(...parts: string[]): string {
  if (!existsSync(SHARED)) {
    throw new Error(
      `The seeds are not at ${SHARED}: these tests compare the examples with the real reports they come from. Put the shared folder (seeds/, eval/, tools/) beside the project as ../shared, or name it in REPORT_TEST_SHARED.`,
    );
  }
  return join(SHARED, ...parts);
}

let standard: Pack | undefined;
export function standardPack(): Pack {
  if (!standard) {
    const loaded = loadPack(STANDARD_PACK);
    if (!loaded.pack) throw new Error(JSON.stringify(loaded.diagnostics));
    standard = loaded.pack;
  }
  return standard;
}

export interface Built extends Compiled {
  md: string;
  html: string;
}

export async function compileYaml(source: string, formats: Format[] = ['md', 'html'], pack: Pack = standardPack(), file = 'test.yaml'): Promise<Built> {
  const c = await compile(file, source, pack, { formats });
  const dec = new TextDecoder();
  return { ...c, md: c.outputs.md ? dec.decode(c.outputs.md) : '', html: c.outputs.html ? dec.decode(c.outputs.html) : '' };
}

export function example(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

export function tempDir(prefix = 'report-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the built program (bin/report.js) in a child process: for what only a process shows (its time zone, signals, the bin wrapper). */
export function runBin(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en', ...env } });
  // main() turns an exception (say, in a reporter) into exit code 1, the code of a data error, so a
  // test expecting 1 would pass; no test expects a crash.
  if (r.stderr.includes('report: unexpected failure')) throw new Error(`report ${args.join(' ')} crashed:\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the command line in this process, on the sources, as bin/report.js does: so a test sees
 * (and a mutation run can change) src/cli and src/batch. Reports compiled by worker threads run
 * the built dist/worker.cjs.
 */
export async function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  // main() sets the language of the process; the tests that follow keep theirs.
  const before = lang();
  const code = await main(args, {
    out: (s) => stdout.push(`${s}\n`),
    err: (s) => stderr.push(`${s}\n`),
    errRaw: (s) => stderr.push(s),
    isTTY: false,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en', ...env },
    cwd,
  }).finally(() => setLang(before));
  const r = { code, stdout: stdout.join(''), stderr: stderr.join('') };
  if (r.stderr.includes('report: unexpected failure')) throw new Error(`report ${args.join(' ')} crashed:\n${r.stderr}`);
  return r;
}

/** Minimal valid data file, for tests that vary one thing. */
export const MINIMAL = `township:
  name: 测试乡
  kind: 乡
  county: 某某县
year: 2025
date: 2026-02-05
`;

/** Text content of HTML with tags removed and entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|amp);/gi, (_, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ({ lt: '<', gt: '>', quot: '"', amp: '&' } as Record<string, string>)[e.toLowerCase()] ?? '';
    });
}

/** The headings of an example's parts as its report numbers them: 一、压实责任强根基，构建法治建设闭环体系 … */
export function exampleParts(name: string): string[] {
  const data = parseYaml(example(name)) as { parts: { heading?: string }[] };
  return data.parts.map((p, i) => `${chineseNumeral(i + 1)}、${p.heading ?? ''}`);
}

/** A data file written in the standard fields (test/fixtures/standard-model). */
export function standardExample(name: string): string {
  return readFileSync(join(STANDARD_MODEL, name), 'utf8');
}
