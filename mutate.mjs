// npm run mutate [-- FOLDER…]: mutation testing of src/ one folder at a time (README, Development).
//
// A first run of all of src/ takes hours, and Stryker keeps its results only when a run ends. Run
// folder by folder, each folder's results are kept as soon as it is done, compressed, in
// reports/incremental/<folder>.json.gz (committed, so a fresh clone reuses them: a later run of a
// folder tests again only what changed). The folders' results are then
// merged into reports/mutation/stryker-incremental.json, and one Stryker run over all of src/ reuses them
// all and prints the score table for the whole, per folder and file, and writes the HTML report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import config from './stryker.config.mjs';

const KEPT = 'reports/incremental';
const WORK = 'reports/mutation';
const folders = readdirSync('src', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const files = readdirSync('src').filter((f) => f.endsWith('.ts'));
// Each folder is a part; the files directly in src/ are one more, named src.
const names = [...folders, ...(files.length > 0 ? ['src'] : [])];
const globsOf = (name) => (name === 'src' ? files.map((f) => `src/${f}`) : [`src/${name}/**/*.ts`]);
const asked = process.argv.slice(2);
const unknown = asked.filter((f) => !names.includes(f));
if (unknown.length > 0) {
  console.error(`not a part of src/: ${unknown.join(', ')} (the parts: ${names.join(', ')})`);
  process.exit(2);
}

const stryker = (...args) => {
  const r = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const excluded = config.mutate.filter((g) => g.startsWith('!'));
const keptFile = (name) => `${KEPT}/${name}.json.gz`;
const workFile = (name) => `${WORK}/${name}.json`;
const keptJson = (name) => gunzipSync(readFileSync(keptFile(name)));

mkdirSync(KEPT, { recursive: true });
mkdirSync(WORK, { recursive: true });
for (const name of asked.length > 0 ? asked : names) {
  console.log(`\n== ${name} ==`);
  // Stryker reads and writes plain JSON; the kept copy is replaced only when the run has ended well.
  if (existsSync(keptFile(name))) writeFileSync(workFile(name), keptJson(name));
  stryker('--mutate', [...globsOf(name), ...excluded].join(','), '--incrementalFile', workFile(name), '--reporters', 'clear-text,progress');
  writeFileSync(`${keptFile(name)}.tmp`, gzipSync(readFileSync(workFile(name)), { level: 9 }));
  renameSync(`${keptFile(name)}.tmp`, keptFile(name));
}

// Merge: test ids are numbers given by each run, so tests are matched by file and name.
const merged = { files: {}, testFiles: {} };
const ids = new Map();
const idOf = (file, name) => {
  const key = `${file}\0${name}`;
  if (!ids.has(key)) {
    ids.set(key, String(ids.size));
    merged.testFiles[file] ??= { source: '', tests: [] };
    merged.testFiles[file].tests.push({ id: ids.get(key), name });
  }
  return ids.get(key);
};
const missing = names.filter((name) => !existsSync(keptFile(name)));
if (missing.length > 0) {
  console.log(`\nNot yet tested: ${missing.join(', ')}. Run npm run mutate -- ${missing.join(' ')}`);
  process.exit(0);
}
for (const name of names) {
  const part = JSON.parse(keptJson(name).toString('utf8'));
  const remap = new Map();
  for (const [file, tf] of Object.entries(part.testFiles ?? {})) {
    for (const t of tf.tests) remap.set(t.id, idOf(file, t.name));
    merged.testFiles[file].source = tf.source ?? merged.testFiles[file].source;
    for (const t of tf.tests) {
      const kept = merged.testFiles[file].tests.find((x) => x.id === remap.get(t.id));
      Object.assign(kept, { ...t, id: kept.id });
    }
  }
  const map = (list) => list?.map((id) => remap.get(id) ?? id);
  for (const [file, f] of Object.entries(part.files)) {
    merged.files[file] = { ...f, mutants: f.mutants.map((m) => ({ ...m, coveredBy: map(m.coveredBy), killedBy: map(m.killedBy) })) };
  }
  for (const key of ['schemaVersion', 'thresholds', 'projectRoot', 'config', 'framework']) merged[key] ??= part[key];
}
writeFileSync(config.incrementalFile, JSON.stringify(merged));
console.log(`\n== all of src/ (results of ${Object.keys(merged.files).length} files reused where nothing changed) ==`);
stryker();
