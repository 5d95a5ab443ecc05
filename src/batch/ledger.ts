/** What a build has settled so far: each report's result, its manifest entry and the output paths it claims. */
import type { ReportResult } from './index.js';
import type { ManifestEntry } from './manifest.js';
import type { Settled } from './plan.js';
import type { BatchSettings } from './settings.js';

/** A build's record of settled reports, in the order they were settled. */
export class Ledger {
  /** In the order settled: the plan's, then compiled reports in input order. */
  readonly reports: ReportResult[] = [];
  /** Manifest entries by input. */
  readonly entries = new Map<string, ManifestEntry>();
  /** Output path (relative to the output folder) → the input that writes it. */
  readonly claimed = new Map<string, string>();
  /** Input → the township it is the report of, where known: who has submitted, for the roster. */
  readonly townships = new Map<string, string>();

  constructor(
    readonly settings: BatchSettings,
    private readonly onReport?: (report: ReportResult) => void,
  ) {}

  /** Records a settled report and tells the caller's reporter. */
  record(settled: Settled): void {
    if (settled.entry) {
      this.entries.set(settled.result.input, settled.entry);
      for (const o of settled.entry.outputs) this.claimed.set(o.path, settled.result.input);
    }
    const township = settled.entry?.summary?.township ?? settled.township;
    if (township) this.townships.set(settled.result.input, township);
    this.reports.push(settled.result);
    this.onReport?.(settled.result);
  }
}
