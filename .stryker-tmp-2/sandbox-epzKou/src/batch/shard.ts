/** Sharded builds: a stable split of the inputs by path, for parallel CI jobs. */
// @ts-nocheck

import { createHash } from 'node:crypto';
import type { Input } from './inputs.js';
import type { Shard } from './settings.js';

/** The shard (1-based) an input belongs to: a hash of its path, so adding a file moves no other. */
export function shardOf(input: string, count: number): number {
  const h = createHash('sha256').update(input).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** The inputs of one shard; all of them without a shard. */
export function inShard(inputs: readonly Input[], shard: Shard | undefined): Input[] {
  return shard ? inputs.filter((i) => shardOf(i.display, shard.count) === shard.index) : [...inputs];
}
