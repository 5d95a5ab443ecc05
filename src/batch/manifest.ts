/**
 * manifest.json: every report of a build with its input, status, outputs
 * and their hashes, and the key figures the roll-up needs. It is what makes
 * rebuilds incremental and shards mergeable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { RecordedFigure, ReportSummary } from '../compile/summary.js';
import { FORMATS, type Format } from '../formats.js';
import { TOOL } from '../version.js';
import type { Ledger } from './ledger.js';
import { posix, type BatchSettings } from './settings.js';
import { writePiecesAtomic } from './write.js';

export const MANIFEST_VERSION = 3;

export interface ManifestOutput {
  format: Format;
  /** Relative to the output folder, with /. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface ManifestEntry {
  input: string;
  /** Hash of everything that decides this report's outputs. */
  key: string;
  status: 'built' | 'failed';
  /** Other files the outputs depend on (last year's data, own section templates), relative to the working folder. */
  dependencies: string[];
  outputs: ManifestOutput[];
  summary: ReportSummary | null;
  errors: number;
  warnings: number;
  /** The first problems of the report (errors first), for the county's dashboard. */
  problems: Problem[];
}

/** A diagnostic as the dashboard lists it. */
export interface Problem {
  severity: 'error' | 'warning';
  ruleId: string;
  line?: number;
  column?: number;
  reason: string;
}

/** How many problems of a report the manifest keeps: the dashboard shows the first, and says how many more. */
export const MAX_PROBLEMS = 10;

export interface Manifest {
  version: number;
  tool: string;
  reports: ManifestEntry[];
}

const figure = z.object({ value: z.number(), exact: z.boolean(), text: z.string() });
const manifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  tool: z.string(),
  reports: z.array(
    z.object({
      input: z.string(),
      key: z.string(),
      status: z.enum(['built', 'failed']),
      dependencies: z.array(z.string()),
      outputs: z.array(z.object({ format: z.enum(FORMATS), path: z.string(), sha256: z.string(), bytes: z.number() })),
      summary: z
        .object({
          township: z.string(),
          kind: z.string(),
          county: z.string(),
          city: z.string().nullable(),
          province: z.string().nullable(),
          government: z.string(),
          year: z.number(),
          title: z.string(),
          figures: z.record(z.string(), figure),
          // Read on every build, a check per figure would cost more than the rest of a no-change
          // build; the roll-up reads each figure defensively instead.
          recorded: z.custom<Record<string, RecordedFigure>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
          previous: z.record(z.string(), figure).nullable(),
        })
        .nullable(),
      errors: z.number(),
      warnings: z.number(),
      problems: z.custom<Problem[]>((v) => Array.isArray(v)),
    }),
  ),
});

/** Reads a manifest; an absent, unreadable or older one is no manifest (everything rebuilds). */
export function readManifest(path: string): Manifest | undefined {
  // A manifest that is not there is read as one that cannot be read: none.
  try {
    // A manifest of another shape gives no data.
    return manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))).data as Manifest | undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's text: its entries sorted by input. */
export function serializeManifest(tool: string, entries: Iterable<ManifestEntry>): string {
  return [...manifestPieces(tool, entries)].join('');
}

/**
 * The manifest's text in pieces, one report at a time: the same text as JSON.stringify of the whole
 * with an indent of 2, without building it whole (at 10,000 townships it is some 60 MB).
 */
export function* manifestPieces(tool: string, entries: Iterable<ManifestEntry>): Generator<string> {
  const reports = [...entries].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  const head = JSON.stringify({ version: MANIFEST_VERSION, tool, reports: [] } satisfies Manifest, null, 2);
  if (reports.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, -'[]\n}'.length)}[\n`;
  for (let i = 0; i < reports.length; i++) {
    // JSON.stringify escapes every \n inside a string, so each \n it writes starts a line, indented two
    // levels further here. (Not /^/m: that also matches after U+2028 and U+2029, which JSON leaves as they are.)
    yield `    ${JSON.stringify(reports[i], null, 2).replace(/\n/g, '\n    ')}${i < reports.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

/** Merges shard manifests: one entry per input, later files winning. */
export function mergeManifests(manifests: readonly Manifest[]): ManifestEntry[] {
  const byInput = new Map<string, ManifestEntry>();
  for (const m of manifests) for (const r of m.reports) byInput.set(r.input, r);
  return [...byInput.values()];
}

/** The manifest of the last build into this output folder, if it can be read. */
export function readPreviousManifest(settings: BatchSettings): Manifest | undefined {
  return readManifest(settings.manifestPath);
}

export interface ManifestStep {
  /** The manifest, relative to the working folder; undefined when none was written or found current. */
  path: string | undefined;
  /** Entries written; undefined when the manifest on disk was left as it was. */
  written: ManifestEntry[] | undefined;
}

/** The manifest as it stands mid-build: the entries settled so far, and the last build's for the rest. */
export function flushManifest(settings: BatchSettings, ledger: Ledger, previous: Manifest | undefined): void {
  const entries = new Map((previous?.reports ?? []).map((r) => [r.input, r]));
  for (const [input, entry] of ledger.entries) entries.set(input, entry);
  try {
    writePiecesAtomic(settings.manifestPath, manifestPieces(TOOL, entries.values()));
  } catch {
    /* the manifest written at the end says the same; a full disk is reported there */
  }
}

/**
 * The manifest step: the ledger's entries, with those of an earlier build whose data file still
 * exists but is not part of this one, written unless nothing changed (or nothing may be written).
 */
export function finishManifest(settings: BatchSettings, ledger: Ledger, previous: Manifest | undefined, packOk: boolean): ManifestStep {
  const path = posix(relative(settings.cwd, settings.manifestPath));
  const stillThere = (input: string) => existsSync(resolve(settings.cwd, input));
  // Nothing built and nothing gone: the manifest and roll-up on disk are already right.
  const nothingChanged =
    previous !== undefined && ledger.reports.every((r) => r.status === 'unchanged') && previous.reports.every((r) => stillThere(r.input)) && existsSync(join(settings.outDir, 'index.html'));
  if (nothingChanged) return { path, written: undefined };
  if (settings.readOnly || !packOk || (ledger.entries.size === 0 && !previous && !settings.sharded)) return { path: undefined, written: undefined };
  const entries = new Map(ledger.entries);
  for (const r of previous?.reports ?? []) if (!entries.has(r.input) && stillThere(r.input)) entries.set(r.input, r);
  writePiecesAtomic(settings.manifestPath, manifestPieces(TOOL, entries.values()));
  return { path, written: [...entries.values()] };
}
