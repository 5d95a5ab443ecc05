/**
 * Smaller heaps for large batches. A batch allocates each report's trees and strings and keeps
 * almost nothing of them, yet by default V8 lets a heap grow to several times what is live before
 * collecting. Growing by half of what is live (--heap-growing-percent=50) buys, measured with
 * `npm run bench` against the same build without it: peak RSS at 10,000 townships 277 MB
 * instead of 423 MB (−35%), and at 1,000 townships 200 MB instead of 293 MB, for no measurable
 * cost in speed at 1,000 townships and 7–13% at 10,000 (README: Performance).
 *
 * V8 flags are process-wide, so this applies to the worker threads too. A value given on node's
 * command line wins (NODE_OPTIONS cannot carry this flag).
 */
// @ts-nocheck

import { setFlagsFromString } from 'node:v8';

/** Sets the heap growth factor for this process and its workers, unless node's command line set one. */
// Stryker disable all: the heap's growth changes memory use only (measured by npm run bench), never what is built
export function limitHeapGrowth(): void {
  if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=50');
}
// Stryker restore all
