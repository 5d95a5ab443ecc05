// npm run mutate [-- PART…]: mutation testing of src/ one part at a time (README, Development).
//
// A first run of all of src/ takes many hours, and Stryker keeps its results only when a run ends.
// So src/ is cut into parts: each folder, and a large folder into several (cli-1, cli-2…: its files
// in order, about PART_LINES lines each), each tested in a run of its own that ends within an hour
// or two. A part's results are kept as soon as it is done, compressed, in
// reports/incremental/<part>.json.gz (committed, so a fresh clone reuses them: a later run tests
// again only what changed). Every run starts from all the results kept, whichever part they were
// kept under, so a file that moves to another part keeps its results. When every part has
// results they are merged into reports/mutation/stryker-incremental.json, and one Stryker run over
// all of src/ reuses them all, prints the score table for the whole, per folder and file, and
// writes the HTML report; its results are kept as reports/incremental/all.json.gz, which
// supersedes the parts' until a part is tested again.
//
//   npm run mutate               the parts not yet tested, then the whole table
//   npm run mutate -- cli emit   the parts of these folders (or name parts: cli-2), then the whole table
//   npm run mutate -- --list     the parts, their files and whether results are kept
//   npm run mutate -- --table    the score per folder, as a Markdown table: of the last run over all of src/, else of the parts kept
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import config from './stryker.config.mjs';

const KEPT = 'reports/incremental';
/** The name the results of a run over all of src/ are kept under. */
const WHOLE = 'all';
const WORK = 'reports/mutation';
/** About how many lines of source a part holds: a folder larger than this is cut into parts. */
const PART_LINES = 700;

const excluded = config.mutate.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
/** The .ts files under a folder of src/, in order, with their line counts; those left out of mutation runs are not counted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => `${dir}/${f}`.replaceAll('\\', '/'))
    .filter((f) => f.endsWith('.ts') && !excluded.includes(f))
    .sort()
    .map((f) => ({ file: f, lines: readFileSync(f, 'utf8').split('\n').length }));
}

/** The parts: name → files. The files directly in src/ are one more part, named src. */
function makeParts() {
  const parts = new Map();
  const folders = readdirSync('src', { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const folder of folders) {
    const files = filesUnder(`src/${folder}`);
    const total = files.reduce((n, f) => n + f.lines, 0);
    const count = Math.max(1, Math.round(total / PART_LINES));
    if (count === 1) {
      parts.set(
        folder,
        files.map((f) => f.file),
      );
      continue;
    }
    // Cut where the running count of lines passes each share.
    let done = 0;
    let k = 1;
    for (const f of files) {
      const name = `${folder}-${k}`;
      parts.set(name, [...(parts.get(name) ?? []), f.file]);
      done += f.lines;
      if (k < count && done >= (total * k) / count) k++;
    }
  }
  const top = readdirSync('src')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/${f}`)
    .filter((f) => !excluded.includes(f))
    .sort();
  if (top.length > 0) parts.set('src', top);
  return parts;
}

const parts = makeParts();
const folderOf = (part) => part.replace(/-\d+$/, '');
const args = process.argv.slice(2);
const keptFile = (name) => `${KEPT}/${name}.json.gz`;
const keptNames = () =>
  existsSync(KEPT)
    ? readdirSync(KEPT)
        .filter((f) => f.endsWith('.json.gz'))
        .map((f) => f.slice(0, -'.json.gz'.length))
    : [];

/**
 * Every kept result, merged into one incremental report. Test ids are numbers each run gives, so
 * tests are matched by file and name. A file kept under two parts (it moved) takes the newer.
 */
function mergeKept() {
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
  const kept = keptNames()
    .map((n) => ({ n, part: JSON.parse(gunzipSync(readFileSync(keptFile(n))).toString('utf8')) }))
    // Oldest first, so that the newest result of a file is the one left.
    .sort((a, b) => (a.part.kept ?? 0) - (b.part.kept ?? 0));
  for (const { part } of kept) {
    const remap = new Map();
    for (const [file, tf] of Object.entries(part.testFiles ?? {})) {
      merged.testFiles[file] ??= { source: '', tests: [] };
      for (const t of tf.tests) remap.set(t.id, idOf(file, t.name));
      merged.testFiles[file].source = tf.source ?? merged.testFiles[file].source;
      for (const t of tf.tests) {
        const known = merged.testFiles[file].tests.find((x) => x.id === remap.get(t.id));
        Object.assign(known, { ...t, id: known.id });
      }
    }
    const map = (list) => list?.map((id) => remap.get(id) ?? id);
    for (const [file, f] of Object.entries(part.files)) {
      merged.files[file] = { ...f, mutants: f.mutants.map((m) => ({ ...m, coveredBy: map(m.coveredBy), killedBy: map(m.killedBy) })) };
    }
    for (const key of ['schemaVersion', 'thresholds', 'projectRoot', 'config', 'framework']) merged[key] ??= part[key];
  }
  return merged;
}

/**
 * The files a kept run tested: those it was asked to (`asked`; a file with no mutant Stryker can
 * switch on has no entry in its results), or, kept before runs noted them, its folder's.
 */
const testedBy = (n, part) => part.asked ?? (existsSync(`src/${n}`) ? filesUnder(`src/${n}`).map((f) => f.file) : Object.keys(part.files));
/** Every file some kept run tested: a part has results when each of its files has. */
const tested = () => new Set(keptNames().flatMap((n) => testedBy(n, JSON.parse(gunzipSync(readFileSync(keptFile(n))).toString('utf8')))));
const untestedParts = () => {
  const have = tested();
  return [...parts.keys()].filter((name) => parts.get(name).some((f) => !have.has(f)));
};

/**
 * The score table per folder, in Markdown: what README quotes. From the last run over all of src/
 * (its JSON report) when there is one, else from the results each part kept, said as such.
 */
if (args.includes('--table')) {
  const whole = existsSync(config.jsonReporter.fileName);
  const report = whole ? JSON.parse(readFileSync(config.jsonReporter.fileName, 'utf8')) : mergeKept();
  const kept = keptNames().includes(WHOLE) ? `the last run over all of src/ (${keptFile(WHOLE)})${keptNames().length > 1 ? ' and the parts tested since' : ''}` : `each part's own run: no run over all of src/ yet`;
  console.log(whole ? `From the run over all of src/ (${config.jsonReporter.fileName}).\n` : `From the results kept (${KEPT}/): ${kept}.\n`);
  const rows = new Map();
  const add = (key, status) => {
    const row = rows.get(key) ?? { killed: 0, survived: 0, noCoverage: 0 };
    // Stryker's score: killed and timed out count as detected; survived and not covered as not; the rest (ignored, not type-checking) not at all.
    if (status === 'Killed' || status === 'Timeout') row.killed++;
    else if (status === 'Survived') row.survived++;
    else if (status === 'NoCoverage') row.noCoverage++;
    rows.set(key, row);
  };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = file.replace(/^src\/([^/]+)\/.*$/, 'src/$1/').replace(/^src\/[^/]+\.ts$/, 'src/*.ts');
    for (const m of mutants) {
      add(folder, m.status);
      add('all of src/', m.status);
    }
  }
  const score = (r) => ((100 * r.killed) / (r.killed + r.survived + r.noCoverage)).toFixed(1);
  const keys = [...rows.keys()].filter((k) => k !== 'all of src/').sort();
  console.log('| folder | score | killed | survived | not covered |\n|---|---:|---:|---:|---:|');
  for (const k of [...keys, 'all of src/']) {
    const r = rows.get(k);
    const name = k === 'all of src/' ? '**all of src/**' : `\`${k}\``;
    console.log(`| ${name} | ${score(r)}% | ${r.killed} | ${r.survived} | ${r.noCoverage} |`);
  }
  process.exit(0);
}

if (args.includes('--list')) {
  const have = tested();
  for (const [name, files] of parts) console.log(`${name}${files.every((f) => have.has(f)) ? '' : ' (not yet tested)'}\n  ${files.join('\n  ')}`);
  process.exit(0);
}
const asked = args.flatMap((a) => (parts.has(a) ? [a] : [...parts.keys()].filter((p) => folderOf(p) === a)));
const unknown = args.filter((a) => !parts.has(a) && ![...parts.keys()].some((p) => folderOf(p) === a));
if (unknown.length > 0) {
  console.error(`not a part of src/: ${unknown.join(', ')} (the parts: ${[...parts.keys()].join(', ')})`);
  process.exit(2);
}

const stryker = (...a) => {
  const r = spawnSync('npx', ['stryker', 'run', ...a], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/**
 * Keeps the results of a run that has ended well, of the files it was asked to test, under `name`.
 * It notes when, so that the newest result of a file wins a merge; the others' results came in
 * from the files that keep them.
 */
function keep(name, result, asked) {
  result.kept = Date.now();
  result.asked = asked;
  result.files = Object.fromEntries(Object.entries(result.files).filter(([file]) => asked.includes(file)));
  writeFileSync(`${keptFile(name)}.tmp`, gzipSync(JSON.stringify(result), { level: 9 }));
  renameSync(`${keptFile(name)}.tmp`, keptFile(name));
}

/** Removes each kept file whose every result a newer kept file holds (a folder kept whole before it was cut into parts). */
function removeSuperseded() {
  const kept = keptNames().map((n) => {
    const part = JSON.parse(gunzipSync(readFileSync(keptFile(n))).toString('utf8'));
    return { n, at: part.kept ?? 0, files: testedBy(n, part) };
  });
  for (const k of kept) {
    if (k.files.every((f) => kept.some((o) => o !== k && o.at > k.at && o.files.includes(f)))) rmSync(keptFile(k.n));
  }
}

mkdirSync(KEPT, { recursive: true });
mkdirSync(WORK, { recursive: true });
// Without parts named: those not yet tested; the run over all of src/ below tests again whatever changed since.
for (const name of asked.length > 0 ? asked : untestedParts()) {
  console.log(`\n== ${name} (${parts.get(name).length} files) ==`);
  const work = `${WORK}/${name}.json`;
  // Stryker reads and writes plain JSON; it reuses the results of this part's files from whatever part kept them.
  writeFileSync(work, JSON.stringify(mergeKept()));
  stryker('--mutate', [...parts.get(name), ...excluded.map((g) => `!${g}`)].join(','), '--incrementalFile', work, '--reporters', 'clear-text,progress');
  keep(name, JSON.parse(readFileSync(work, 'utf8')), parts.get(name));
  removeSuperseded();
}

const missing = untestedParts();
if (missing.length > 0) {
  console.log(`\nNot yet tested: ${missing.join(', ')}. Run npm run mutate -- ${missing.join(' ')}`);
  process.exit(0);
}
writeFileSync(config.incrementalFile, JSON.stringify(mergeKept()));
console.log(`\n== all of src/ (the results of every part reused where nothing changed) ==`);
stryker();
// Kept as one more result (all), newer than every part's, which it supersedes: a later run starts
// from it and tests again only what changed after it.
keep(WHOLE, JSON.parse(readFileSync(config.incrementalFile, 'utf8')), [...parts.values()].flat());
removeSuperseded();
