// @ts-nocheck
import { dirname, relative, resolve } from 'node:path';
import { writeRollup } from '../batch/index.js';
import { mergeManifests, readManifest, serializeManifest, type Manifest } from '../batch/manifest.js';
import { writeAtomic } from '../batch/write.js';
import { TOOL } from '../version.js';
import { EXIT, type Io } from './index.js';

/** `report manifest merge`: merges shard manifests and writes the roll-up beside the result; gives the exit code. */
export async function runMerge(files: string[], opts: { out?: string }, io: Io): Promise<number> {
  const manifests: Manifest[] = [];
  for (const f of files) {
    const m = readManifest(resolve(io.cwd, f));
    if (!m) {
      io.err(`${f}  error  Not a manifest this version of township-report can read  input/read`);
      return EXIT.failed;
    }
    manifests.push(m);
  }
  const out = resolve(io.cwd, opts.out ?? 'out/manifest.json');
  const entries = mergeManifests(manifests);
  writeAtomic(out, serializeManifest(TOOL, entries));
  writeRollup(dirname(out), entries);
  io.err(`merged ${files.length} manifests (${entries.length} reports) into ${relative(io.cwd, out)}; roll-up written beside it`);
  return EXIT.ok;
}
