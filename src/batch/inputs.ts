/**
 * Finds the data files a build names: files as given, folders searched
 * recursively, and glob patterns (data/**\/2025*.yaml).
 */
import { t } from '../i18n/index.js';
import { type Dirent, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { decodeText, readBytes } from '../load/read.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

export interface Input {
  /** Absolute path of the data file. */
  path: string;
  /** Path as shown in messages and the manifest (relative to the working folder, with /). */
  display: string;
  /** Path of the output without extension, relative to the output folder. */
  outStem: string;
}

const DATA_FILE = /\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);
const NOT_DATA = new Set(['report.config.yaml', 'report.config.yml', 'pack.yaml']);
/** Top-level keys of a data file; a YAML file met in a folder with none of them is someone else's. */
const DATA_KEYS = /^(township|year|date|achievements|shortcomings|plans|responsibility)\s*[:：]/im;

const posix = (p: string) => p.split(sep).join('/');

/** The data files that input arguments (files, folders, glob patterns) name, each with its display path and output stem; arguments that match nothing as diagnostics. */
export function findInputs(args: readonly string[], cwd: string): { inputs: Input[]; diagnostics: Diagnostic[] } {
  const inputs: Input[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string, root: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const stem = posix(relative(root, path)).replace(DATA_FILE, '');
    inputs.push({ path, display: posix(relative(cwd, path)) || path, outStem: stem });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      // Links are not followed: a link must not bring files from elsewhere into a build.
      const matches = globSync(arg, { cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] })
        .filter((f) => DATA_FILE.test(f) && !NOT_DATA.has(basename(f)))
        .sort();
      if (matches.length === 0) {
        diagnostics.push(diagnostic(arg, { ruleId: 'input/not-found', reason: t('inputs.no-match', { pattern: arg }) }));
      }
      const root = resolve(cwd, globBase(arg));
      for (const f of matches) add(f, root);
      continue;
    }
    const abs = resolve(cwd, arg);
    if (!existsSync(abs)) {
      diagnostics.push(
        diagnostic(arg, {
          ruleId: 'input/not-found',
          reason: t('inputs.not-found', { path: arg }),
          note: t('inputs.not-found.note'),
        }),
      );
      continue;
    }
    if (statSync(abs).isDirectory()) {
      const skipped: Skipped[] = [];
      const found = walk(abs, skipped, new Set(), realpathSync(abs));
      for (const s of skipped) {
        diagnostics.push(diagnostic(posix(relative(cwd, s.path)) || s.path, { ruleId: 'input/skipped', reason: t('inputs.skipped', { why: s.why }) }));
      }
      if (found.length === 0) {
        diagnostics.push(diagnostic(arg, { ruleId: 'input/not-found', reason: t('inputs.empty-folder', { path: arg }) }));
      }
      for (const f of found) add(f, abs);
    } else {
      add(abs, dirname(abs));
    }
  }
  return { inputs, diagnostics };
}

/** The folder part of a glob before its first pattern character. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

interface Skipped {
  path: string;
  why: string;
}

/**
 * The data files in a folder and the folders in it, in name order. A folder is entered once
 * however many links lead to it, so links in a circle end; a link that leads nowhere, a folder
 * that cannot be read and a YAML file that is not a data file are passed over and named in
 * `skipped`, never an end to the scan.
 */
function walk(dir: string, skipped: Skipped[], entered: Set<string>, root: string): string[] {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    if (entered.has(real)) return [];
    entered.add(real);
    // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator,ArrowFunction,UnaryOperator,ArithmeticOperator: libuv already lists a folder in this order on Linux; on Windows it would not (case is ignored there)
    entries = readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  } catch (e) {
    skipped.push({ path: dir, why: t('inputs.why.folder', { code: (e as NodeJS.ErrnoException).code ?? 'error' }) });
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const { name } = entry;
    const path = join(dir, name);
    // Only a link needs looking at: where it leads, and whether that is still inside the scan (and
    // an entry whose kind the file system did not say, as some network drives do not).
    let st: { isDirectory(): boolean; isFile(): boolean } = entry;
    const link = entry.isSymbolicLink();
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: only a folder entry of unknown kind tells them apart, and local disks always give the kind
    if (link || (!entry.isFile() && !entry.isDirectory())) {
      try {
        st = statSync(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (DATA_FILE.test(name) || code === 'ELOOP') {
          skipped.push({ path, why: code === 'ELOOP' ? t('inputs.why.loop') : code === 'ENOENT' ? t('inputs.why.dangling') : t('inputs.why.unreadable', { code: code ?? 'error' }) });
        }
        continue;
      }
      // A link that leads out of the folder scanned brings nothing in.
      if (link && !isWithin(path, root)) {
        if (DATA_FILE.test(name) || st.isDirectory()) skipped.push({ path, why: t('inputs.why.outside') });
        continue;
      }
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) out.push(...walk(path, skipped, entered, root));
    } else if (DATA_FILE.test(name) && !NOT_DATA.has(name)) {
      const why = st.isFile() ? notData(path) : t('inputs.why.special');
      if (why) skipped.push({ path, why });
      else out.push(path);
    }
  }
  return out;
}

/** True when `path`, links followed, lies in `root` (itself already real). */
function isWithin(path: string, root: string): boolean {
  try {
    const rel = relative(root, realpathSync(path));
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  } catch {
    return false;
  }
}

/**
 * Why a YAML file met in a folder is not a data file (a CI workflow, say), or undefined when it
 * is one. An empty file and one that cannot be read (or is too large) are taken as data files,
 * so that the build says what is wrong with them.
 */
function notData(path: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readBytes(path);
  } catch {
    return undefined;
  }
  // A data file names its township in its first lines: those are decoded first, and the rest
  // of its start only when they do not say (a county's file starts with a long comment, say).
  // Stryker disable next-line ConditionalExpression: without the first look the whole start is decoded, with the same answer, later
  if (DATA_KEYS.test(decodeText(utf8Prefix(bytes, FIRST_LINES_BYTES)).text)) return undefined;
  // Stryker disable next-line MethodExpression: the fields a data file starts with are at its start; the rest is not searched, for speed
  const head = decodeText(bytes).text.slice(0, 65536);
  if (DATA_KEYS.test(head) || !/^[A-Za-z_][\w-]*\s*:/m.test(head)) return undefined;
  return t('inputs.why.not-data');
}

/** How much of a YAML file met in a folder is decoded first to see whether it is a data file. */
const FIRST_LINES_BYTES = 4096;

/**
 * The first `max` bytes, or up to three fewer so as not to cut a UTF-8 character in two: cut
 * inside one, the bytes are not valid UTF-8, and decodeText then counts the Chinese characters and
 * the broken ones to tell UTF-8 from GBK (some 10 ms of scanning a folder of 300 townships). The
 * answer is the same either way.
 */
function utf8Prefix(bytes: Buffer, max: number): Buffer {
  // Stryker disable next-line MethodExpression: decoding all of a file instead gives the same answer, later
  let end = Math.min(bytes.length, max);
  // A continuation byte (10xxxxxx) at the cut belongs to a character begun before it, which has at most three.
  // Stryker disable next-line all: where the cut falls changes the time the first look takes, not what it finds
  for (let back = 0; back < 3 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
  return bytes.subarray(0, end);
}
