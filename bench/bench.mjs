#!/usr/bin/env node
/**
 * npm run bench [-- --count 1000[,10000]] [--runs 3] [--jobs N] [--pandoc-sample 40] [--baseline DIR]
 *
 * Generates synthetic townships, builds md+html+docx with the real CLI, and
 * prints reports per second, wall time and peak memory (medians of several
 * runs), a no-change rebuild, one township built cold, and pandoc's
 * throughput on the same Markdown (md→docx and md→html, two at a time).
 *
 * --baseline DIR measures another built checkout of township-report (e.g. a
 * `git worktree` of an earlier commit, after `npm run build` there) in the
 * same invocation, its runs interleaved with these, so that a change is
 * compared under the same machine conditions.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { township } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'report.js');
const RSS = join(ROOT, 'bench', 'rss.mjs');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const counts = opt('count', '1000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const jobs = opt('jobs', String(availableParallelism()));
const pandocSample = Number(opt('pandoc-sample', '40'));
const baseline = opt('baseline', undefined);
const BASELINE_BIN = baseline ? join(resolve(baseline), 'bin', 'report.js') : undefined;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function generate(count) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${count}-`));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, 'data', `county-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `town-${String(i).padStart(5, '0')}.yaml`), township(i));
  }
  return dir;
}

/** Runs the CLI; returns wall seconds and the process's peak RSS in MB. */
function measure(cwd, cliArgs, bin = BIN) {
  const rssFile = join(cwd, `.rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS, bin, ...cliArgs], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`report ${cliArgs.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile);
  return { seconds, rssMb };
}

function havePandoc() {
  return spawnSync('pandoc', ['--version']).status === 0;
}

/** pandoc on the same Markdown: md→docx and md→html per report, two conversions at a time. */
async function pandocThroughput(mdFiles, outDir) {
  const queue = mdFiles.flatMap((f) => [
    ['-f', 'markdown', '-t', 'docx', '-o', join(outDir, `${f.name}.docx`), f.path],
    ['-f', 'markdown', '-t', 'html', '-s', '--metadata', 'title=report', '-o', join(outDir, `${f.name}.html`), f.path],
  ]);
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      await new Promise((res, rej) => spawn('pandoc', job, { stdio: 'ignore' }).on('exit', (c) => (c === 0 ? res() : rej(new Error(`pandoc exited ${c}`)))));
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return mdFiles.length / seconds;
}

/** The programs measured: this checkout, and the baseline's if given, run by run in turn. */
const programs = [{ name: 'this checkout', bin: BIN, out: 'out' }, ...(BASELINE_BIN ? [{ name: `baseline ${baseline}`, bin: BASELINE_BIN, out: 'out-baseline' }] : [])];
const rows = [];
console.log(`township-report benchmark: ${runs} runs each, --jobs ${jobs}, node ${process.version}, ${availableParallelism()} cores\n`);
for (const count of counts) {
  const dir = generate(count);
  const cold = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    programs.forEach((p, k) => {
      rmSync(join(dir, p.out), { recursive: true, force: true });
      cold[k].push(measure(dir, ['build', 'data', '--out', p.out, '--format', 'md,html,docx', '--jobs', jobs, '--reporter', 'plain'], p.bin));
    });
  }
  const noChange = programs.map(() => []);
  for (let i = 0; i < runs; i++) programs.forEach((p, k) => void noChange[k].push(measure(dir, ['build', 'data', '--out', p.out, '--format', 'md,html,docx', '--jobs', jobs], p.bin).seconds));
  programs.forEach((p, k) => {
    const wall = median(cold[k].map((c) => c.seconds));
    const rss = median(cold[k].map((c) => c.rssMb));
    rows.push({ program: p.name, count, wall, perSecond: count / wall, rss, noChange: median(noChange[k]), dir });
    const who = programs.length > 1 ? `${p.name}: ` : '';
    console.log(
      `${who}${count} townships: ${(count / wall).toFixed(0)} reports/s, wall ${wall.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB (runs: ${cold[k].map((c) => c.seconds.toFixed(2)).join(', ')} s); no-change rebuild ${median(noChange[k]).toFixed(2)} s`,
    );
  });
}

// One township, cold: a fresh process and a fresh output folder.
const one = rows[0];
const oneFile = join(one.dir, 'data', 'county-000', 'town-00000.yaml');
const single = programs.map(() => []);
for (let i = 0; i < Math.max(runs, 5); i++) {
  programs.forEach((p, k) => {
    rmSync(join(one.dir, 'out-one'), { recursive: true, force: true });
    single[k].push(measure(one.dir, ['build', oneFile, '--out', 'out-one'], p.bin).seconds);
  });
}
programs.forEach((p, k) => {
  const who = programs.length > 1 ? `${p.name}: ` : '';
  console.log(`${who}one township cold (md+html+docx): ${median(single[k]).toFixed(2)} s (runs: ${single[k].map((s) => s.toFixed(2)).join(', ')})`);
});

let ratio;
if (havePandoc()) {
  const mdDir = join(one.dir, 'out', 'county-000');
  const mdFiles = readdirSync(mdDir)
    .filter((f) => f.endsWith('.md'))
    .slice(0, pandocSample)
    .map((f) => ({ name: f.replace(/\.md$/, ''), path: join(mdDir, f) }));
  const pandocOut = join(one.dir, 'pandoc');
  mkdirSync(pandocOut, { recursive: true });
  const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const pandocRates = [];
  for (let i = 0; i < runs; i++) pandocRates.push(await pandocThroughput(mdFiles, pandocOut));
  const pandocRate = median(pandocRates);
  ratio = one.perSecond / pandocRate;
  console.log(`${version}, same Markdown (${mdFiles.length} reports, md→docx + md→html, 2 at a time): ${pandocRate.toFixed(1)} reports/s`);
  console.log(`township-report vs pandoc: ${ratio.toFixed(1)}× (township-report also parses YAML and renders the templates)`);
} else {
  console.log('pandoc not installed (apt-get install pandoc): comparison skipped');
}

const withProgram = programs.length > 1;
console.log(`\n|${withProgram ? ' program |' : ''} townships | reports/s | wall (s) | peak RSS (MB) | no-change rebuild (s) |`);
console.log(`|${withProgram ? '---|' : ''}---:|---:|---:|---:|---:|`);
for (const r of rows) console.log(`|${withProgram ? ` ${r.program} |` : ''} ${r.count} | ${r.perSecond.toFixed(0)} | ${r.wall.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.noChange.toFixed(2)} |`);
for (const dir of new Set(rows.map((r) => r.dir))) rmSync(dir, { recursive: true, force: true });
