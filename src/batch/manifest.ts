/**
 * manifest.json: every report of a build with its input, status, outputs
 * and their hashes, and the key figures the roll-up needs. It is what makes
 * rebuilds incremental and shards mergeable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ReportSummary } from './summary.js';
import type { Format } from './task.js';

export const MANIFEST_VERSION = 1;

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
}

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
      outputs: z.array(z.object({ format: z.enum(['md', 'html', 'docx']), path: z.string(), sha256: z.string(), bytes: z.number() })),
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
        })
        .nullable(),
      errors: z.number(),
      warnings: z.number(),
    }),
  ),
});

/** Reads a manifest; an absent, unreadable or older one is no manifest (everything rebuilds). */
export function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? (parsed.data as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

export function serializeManifest(tool: string, entries: Iterable<ManifestEntry>): string {
  const reports = [...entries].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return JSON.stringify({ version: MANIFEST_VERSION, tool, reports } satisfies Manifest, null, 2) + '\n';
}

/** Merges shard manifests: one entry per input, later files winning. */
export function mergeManifests(manifests: readonly Manifest[]): ManifestEntry[] {
  const byInput = new Map<string, ManifestEntry>();
  for (const m of manifests) for (const r of m.reports) byInput.set(r.input, r);
  return [...byInput.values()];
}
