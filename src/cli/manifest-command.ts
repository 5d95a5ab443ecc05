import { dirname, relative, resolve } from 'node:path';
import { t } from '../i18n/index.js';
import { diagnostic } from '../diagnostics/index.js';
import { formatDiagnostic } from './reporters.js';
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
      io.err(formatDiagnostic(diagnostic(f, { ruleId: 'input/read', reason: t('merge.not-a-manifest') })));
      return EXIT.failed;
    }
    manifests.push(m);
  }
  const out = resolve(io.cwd, opts.out ?? 'out/manifest.json');
  const entries = mergeManifests(manifests);
  writeAtomic(out, serializeManifest(TOOL, entries));
  await writeRollup(dirname(out), entries, { cwd: io.cwd });
  io.err(t('merge.done', { files: files.length, reports: entries.length, out: relative(io.cwd, out) }));
  return EXIT.ok;
}
