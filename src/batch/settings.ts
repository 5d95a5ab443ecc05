/** What a batch build makes and where, worked out once from its options and shared by every step. */
import type { FiguresSheet } from './figures-sheet.js';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { LayoutOverrides } from '../compile/index.js';
import type { Format } from '../formats.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { packHash } from '../render/pack-files.js';
import { STANDARD_PACK_DIR, TOOL } from '../version.js';
import { DEFAULT_PATTERN } from './paths.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface BatchSettings {
  cwd: string;
  /** Absolute. */
  outDir: string;
  pattern: string;
  /** Formats to build: none for `check`. */
  formats: readonly Format[];
  packDir: string;
  layout: LayoutOverrides;
  rules: Readonly<Record<string, RuleSetting>> | undefined;
  jobs: number | undefined;
  /** Seconds one report may take to compile; undefined for the default. */
  timeLimit: number | undefined;
  /** Nothing is written: --check compares, `report check` lints. */
  readOnly: boolean;
  check: boolean;
  lintOnly: boolean;
  /** Write the county roll-up beside the manifest. */
  rollup: boolean;
  /** One shard of a build (--shard k/n): its manifest is written even when no input falls to it, for the merge. */
  sharded: boolean;
  /** Hash of everything every report's outputs depend on: the tool, the pack, formats, layout, output paths. */
  buildKey: string;
  /** The county's spreadsheet of figures (--figures), once read. */
  figures?: FiguresSheet | undefined;
  manifestPath: string;
}

/** A path with / between its parts, whatever the platform. */
export const posix = (p: string): string => p.split(sep).join('/');
export const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** manifest.json, or manifest.shard-k-of-n.json for one shard of a build. */
export function manifestName(shard: Shard | undefined): string {
  return shard ? `manifest.shard-${shard.index}-of-${shard.count}.json` : 'manifest.json';
}

/** A build's options resolved against its working folder. */
export function settle(options: {
  cwd: string;
  outDir: string;
  outPattern?: string | undefined;
  formats: readonly Format[];
  template?: string | undefined;
  layout?: LayoutOverrides | undefined;
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  jobs?: number | undefined;
  timeLimit?: number | undefined;
  check?: boolean | undefined;
  lintOnly?: boolean | undefined;
  shard?: Shard | undefined;
  rollup?: boolean | undefined;
}): BatchSettings {
  const outDir = resolve(options.cwd, options.outDir);
  const pattern = options.outPattern ?? DEFAULT_PATTERN;
  const packDir = options.template ? resolve(options.cwd, options.template) : STANDARD_PACK_DIR;
  const formats = options.lintOnly ? [] : [...new Set(options.formats)];
  const layout = options.layout ?? {};
  // A check writes nothing and keeps no manifest, so it needs no key (hashing the pack's files took a tenth of a check's time).
  const buildKey = options.lintOnly ? '' : sha256(JSON.stringify([TOOL, existsSync(join(packDir, 'pack.yaml')) ? packHash(packDir) : '', formats, layout, pattern]));
  return {
    cwd: options.cwd,
    outDir,
    pattern,
    formats,
    packDir,
    layout,
    rules: options.rules,
    jobs: options.jobs,
    timeLimit: options.timeLimit,
    readOnly: Boolean(options.check || options.lintOnly),
    check: Boolean(options.check),
    lintOnly: Boolean(options.lintOnly),
    rollup: options.rollup ?? !options.shard,
    sharded: Boolean(options.shard),
    buildKey,
    manifestPath: join(outDir, manifestName(options.shard)),
  };
}

/** An output path (relative to the output folder) as messages show it: relative to the working folder. */
export function shown(settings: BatchSettings, rel: string): string {
  return posix(relative(settings.cwd, join(settings.outDir, rel)));
}
