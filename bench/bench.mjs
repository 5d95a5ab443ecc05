#!/usr/bin/env node
/**
 * npm run bench [-- --count 300,1000] [--runs 3] [--jobs N] [--memory 10000] [--baseline DIR]
 *
 * Without --jobs, the program decides how many threads to use, as it does for its users.
 *
 * Generates synthetic townships (bench/generate.mjs) and measures, with the real command line:
 *
 * - DOCX only and md + html + docx, for each count: reports per second, wall time and peak
 *   memory (the whole process, worker threads included), medians of several runs; and a
 *   no-change rebuild;
 * - the peer, docxtemplater, writing the same text into a template made from our own DOCX
 *   (bench/peer.mjs, bench/docxtemplater.mjs), in the same runs, and the ratio;
 * - one township cold (process start to files written), ours and the peer's, and a `check` of
 *   one file;
 * - peak memory of one build of --memory townships (0 leaves it out).
 *
 * The programs' runs take turns, so that a machine whose speed drifts treats them alike.
 * --baseline DIR measures another built checkout of township-report (a `git worktree` of an
 * earlier commit, after `npm run build` there) in the same turns.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { township } from './generate.mjs';
import { writeData, writeTemplate } from './peer.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'report.js');
const RSS = join(ROOT, 'bench', 'rss.mjs');
const PEER = join(ROOT, 'bench', 'docxtemplater.mjs');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const counts = opt('count', '300,1000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const jobs = opt('jobs', undefined);
const jobsArgs = jobs ? ['--jobs', jobs] : [];
const memoryCount = Number(opt('memory', '10000'));
const baseline = opt('baseline', undefined);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `count` townships in folders of 100 under dir/data; returns the data files, in order. */
function generate(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, 'data', `county-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, `town-${String(i).padStart(5, '0')}.yaml`);
    writeFileSync(file, township(i));
    files.push(file);
  }
  return files;
}

/**
 * Runs a Node program; returns wall seconds and the process's peak RSS in MB. With `rss: false`
 * the program runs as its users start it, without the preload that records its memory: a cold
 * start must not be charged for it. The preload is an ES module: it added some 12 ms to our start
 * (Node's loader of ES modules, which bin/report.js, CommonJS, never loads otherwise) and some
 * 6 ms to docxtemplater's.
 */
function measure(cwd, script, scriptArgs, { rss = true } = {}) {
  const rssFile = join(cwd, `.rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(rss ? ['--import', RSS] : []), script, ...scriptArgs], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...(rss ? { BENCH_RSS_FILE: rssFile } : {}) },
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${script} ${scriptArgs.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  if (!rss) return { seconds };
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile);
  return { seconds, rssMb };
}

/**
 * Removes a run's output folder and lets the disk settle before the next run is timed: the files
 * removed (and those the last run wrote) are flushed first, so that writing them back does not land
 * in the next run's time, whichever program it is.
 */
function clearOutput(path) {
  rmSync(path, { recursive: true, force: true });
  if (process.platform !== 'win32') spawnSync('sync');
}

/** The programs measured, each a way to build a folder of townships into `out`. */
const ours = (bin, name) => [
  { name: `${name} docx`, kind: 'docx', run: (dir, out) => measure(dir, bin, ['build', 'data', '--out', out, '--format', 'docx', ...jobsArgs, '--reporter', 'plain']) },
  { name: `${name} md+html+docx`, kind: 'all', run: (dir, out) => measure(dir, bin, ['build', 'data', '--out', out, '--format', 'md,html,docx', ...jobsArgs, '--reporter', 'plain']) },
];
const programs = [
  ...ours(BIN, 'report'),
  { name: 'docxtemplater docx', kind: 'peer', run: (dir, out) => measure(dir, PEER, [join(dir, 'peer', 'template.docx'), join(dir, 'peer', 'data'), out]) },
  ...(baseline ? ours(join(resolve(baseline), 'bin', 'report.js'), 'baseline') : []),
];

/** The peer's template and data, made from our own DOCX of the same townships (not timed). */
function preparePeer(dir, files) {
  const built = join(dir, 'peer', 'ours');
  measure(dir, BIN, ['build', 'data', '--out', built, '--format', 'docx']);
  const reports = files.map((f) => {
    const rel = f.slice(join(dir, 'data').length + 1).replace(/\.yaml$/, '');
    return { name: rel.replace(/\//g, '-'), docx: join(built, `${rel}.docx`) };
  });
  const tags = writeTemplate(reports[0].docx, join(dir, 'peer', 'template.docx'));
  writeData(reports, tags, join(dir, 'peer', 'data'));
  rmSync(built, { recursive: true, force: true });
}

console.log(`township-report benchmark: ${runs} runs each, ${jobs ? `--jobs ${jobs}` : 'threads as the program decides'}, node ${process.version}, ${availableParallelism()} cores\n`);
const rows = [];
const work = mkdtempSync(join(tmpdir(), 'bench-'));
let oneDir;
for (const count of counts) {
  const dir = join(work, String(count));
  const files = generate(dir, count);
  preparePeer(dir, files);
  const times = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    programs.forEach((p, k) => {
      clearOutput(join(dir, `out-${k}`));
      times[k].push(p.run(dir, `out-${k}`));
    });
  }
  // Nothing changed since the last run: only our program keeps track of what it built.
  const noChange = programs.map((p, k) => (p.kind === 'all' ? median([0, 1, 2].map(() => p.run(dir, `out-${k}`).seconds)) : undefined));
  programs.forEach((p, k) => {
    const wall = median(times[k].map((t) => t.seconds));
    const row = { program: p.name, kind: p.kind, count, wall, perSecond: count / wall, rss: median(times[k].map((t) => t.rssMb)), noChange: noChange[k], runs: times[k] };
    rows.push(row);
    console.log(
      `${p.name}, ${count} townships: ${row.perSecond.toFixed(0)} reports/s, wall ${wall.toFixed(2)} s, peak RSS ${row.rss.toFixed(0)} MB (runs: ${row.runs.map((t) => t.seconds.toFixed(2)).join(', ')} s)${row.noChange ? `; no-change rebuild ${row.noChange.toFixed(2)} s` : ''}`,
    );
  });
  oneDir ??= { dir, file: files[0], peerData: join(dir, 'peer', 'data') };
}

// One township, cold: a fresh process and a fresh output folder.
const one = oneDir;
const onePeer = join(one.dir, 'peer', 'one');
mkdirSync(onePeer, { recursive: true });
const firstJson = readdirSync(one.peerData).sort()[0];
writeFileSync(join(onePeer, firstJson), readFileSync(join(one.peerData, firstJson)));
// Started as users start them: no preload (see measure).
const bare = { rss: false };
const cold = [
  { name: 'report build, md+html+docx', run: () => measure(one.dir, BIN, ['build', one.file, '--out', 'out-one'], bare) },
  { name: 'report build, docx', run: () => measure(one.dir, BIN, ['build', one.file, '--out', 'out-one', '--format', 'docx'], bare) },
  { name: 'docxtemplater, docx', run: () => measure(one.dir, PEER, [join(one.dir, 'peer', 'template.docx'), onePeer, 'out-one'], bare) },
  { name: 'report check', run: () => measure(one.dir, BIN, ['check', one.file], bare) },
  ...(baseline ? [{ name: 'baseline build, md+html+docx', run: () => measure(one.dir, join(resolve(baseline), 'bin', 'report.js'), ['build', one.file, '--out', 'out-one'], bare) }] : []),
  ...(baseline ? [{ name: 'baseline check', run: () => measure(one.dir, join(resolve(baseline), 'bin', 'report.js'), ['check', one.file], bare) }] : []),
];
const coldTimes = cold.map(() => []);
for (let i = 0; i < Math.max(runs, 7); i++) {
  cold.forEach((c, k) => {
    clearOutput(join(one.dir, 'out-one'));
    coldTimes[k].push(c.run().seconds);
  });
}
console.log('');
for (const [k, c] of cold.entries()) console.log(`one township cold, ${c.name}: ${median(coldTimes[k]).toFixed(3)} s (runs: ${coldTimes[k].map((s) => s.toFixed(2)).join(', ')})`);

// Memory of a county-size batch and more.
let memory;
if (memoryCount > 0) {
  const dir = join(work, String(memoryCount));
  generate(dir, memoryCount);
  memory = programs[1].run(dir, 'out');
  console.log(
    `\n${memoryCount} townships, md+html+docx: peak RSS ${memory.rssMb.toFixed(0)} MB, wall ${memory.seconds.toFixed(1)} s (${(memoryCount / memory.seconds).toFixed(0)} reports/s), one run`,
  );
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| program | townships | reports/s | wall (s) | peak RSS (MB) | no-change rebuild (s) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.program} | ${r.count} | ${r.perSecond.toFixed(0)} | ${r.wall.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.noChange ? r.noChange.toFixed(2) : ''} |`);
console.log('');
for (const count of counts) {
  const of = (kind) => rows.find((r) => r.count === count && r.kind === kind);
  console.log(`${count} townships, DOCX only: report ${(of('docx').perSecond / of('peer').perSecond).toFixed(2)}× docxtemplater's throughput`);
}
const coldOf = (name) => median(coldTimes[cold.findIndex((c) => c.name === name)]);
console.log(
  `one township cold: report (md+html+docx) ${(coldOf('report build, md+html+docx') / coldOf('docxtemplater, docx')).toFixed(2)}×, report (docx) ${(coldOf('report build, docx') / coldOf('docxtemplater, docx')).toFixed(2)}× docxtemplater's time`,
);
rmSync(work, { recursive: true, force: true });
