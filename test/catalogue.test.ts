// Every rule of the catalogue (src/rules/catalogue.ts), each made to fire by a real use of the
// program: a data file, a settings file, a template pack or the state of an output folder, run
// through the command line (or the function it calls) once in English and once in Chinese. The
// message each language gives is kept in test/__snapshots__/catalogue.test.ts.snap, so that a
// change of wording shows as a diff to review; a rule added to the catalogue without a scenario
// here fails the first test.
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/batch/index.js';
import { workerPool } from '../src/batch/pool.js';
import type { Task } from '../src/batch/task.js';
import { readConfig, referenceDocLayout } from '../src/cli/build-command.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { lang, setLang, type Lang } from '../src/i18n/index.js';
import { MAX_INPUT_BYTES } from '../src/load/read.js';
import { STANDARD_PACK } from '../src/render/index.js';
import { RULES, type RuleId } from '../src/rules/catalogue.js';
import { MINIMAL, runCli, tempDir } from './helpers.js';

/** A scenario: sets up its files in an empty folder, runs the program there, gives every diagnostic it reported. */
type Scenario = (dir: string) => Promise<Diagnostic[]>;

/** Writes files (path relative to `dir` → content), making their folders. */
function files(dir: string, list: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(list)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Runs `report` in `dir` in the language of the test, with the JSON reporter; every diagnostic of the batch and its reports. */
async function report(dir: string, args: string[]): Promise<Diagnostic[]> {
  const r = await runCli([...args, '--reporter', 'json'], dir, { REPORT_LANG: lang() });
  if (!r.stdout.trim()) throw new Error(`report ${args.join(' ')} printed no result (exit ${r.code}):\n${r.stderr}`);
  const result = JSON.parse(r.stdout) as BuildResult;
  return [...result.diagnostics, ...result.reports.flatMap((x) => x.diagnostics)];
}

/** The township's data file is `data/测试乡.yaml`. */
const DATA = 'data/测试乡.yaml';

/** A township's data file (and any files beside it), built to Markdown. */
const dataFile =
  (source: string | Uint8Array, more: Record<string, string | Uint8Array> = {}, ...flags: string[]): Scenario =>
  (dir) => {
    files(dir, { [DATA]: source, ...more });
    return report(dir, ['build', DATA, '--out', 'out', '--format', 'md', ...flags]);
  };

const withAchievements = (yaml: string) => `${MINIMAL}achievements:\n${yaml}`;

/** A data file whose `overrides:` gives the section `id` a template of the township's own, `data/own.md`. */
const ownTemplate = (id: string, template: string, format = 'md'): Scenario => dataFile(`${MINIMAL}overrides:\n  ${id}: own.md\n`, { 'data/own.md': template }, '--format', format);

/** GBK bytes of MINIMAL, as Notepad on a Chinese Windows saves it with “ANSI”. */
function gbk(text: string): Uint8Array {
  const codes: Record<string, number[]> = { 测: [0xb2, 0xe2], 试: [0xca, 0xd4], 乡: [0xcf, 0xe7], 某: [0xc4, 0xb3], 县: [0xcf, 0xd8] };
  return new Uint8Array(
    [...text].flatMap((c) => {
      if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
      const code = codes[c];
      if (!code) throw new Error(`no GBK code for ${c} here`);
      return code;
    }),
  );
}

/** A worker thread that loads (says it is ready) and then, for each task, `then`: a stand-in for dist/worker.cjs. */
function worker(dir: string, then: string): string {
  const path = join(dir, 'worker.mjs');
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready', diagnostics: [] });\nparentPort.on('message', (task) => { ${then} });\n`);
  return path;
}

/** Runs tasks on the compile pool (this thread and one worker thread); `stop` closes it, as Ctrl-C does, once they are handed out. */
async function pool(dir: string, script: string, stop: boolean): Promise<Diagnostic[]> {
  const compilers = workerPool({ packDir: STANDARD_PACK, cwd: dir, formats: ['md'], layout: {}, lang: lang() }, 2, script);
  expect(await compilers.init()).toEqual([]);
  // The worker takes tasks once it has started: wait, so that it is given some.
  await compilers.workersReady();
  const tasks: Task[] = ['甲乡', '乙乡', '丙乡'].map((name, id) => ({ id, display: `data/${name}.yaml`, path: join(dir, 'data', `${name}.yaml`), source: MINIMAL.replace('测试乡', name) }));
  try {
    const running = tasks.map((t) => compilers.run(t));
    if (stop) await compilers.close();
    return (await Promise.all(running)).flatMap((r) => r.diagnostics);
  } finally {
    await compilers.close();
  }
}

const SCENARIOS: Record<RuleId, Scenario> = {
  // The data file.
  'yaml/syntax': dataFile(`${MINIMAL}opening: "本乡全年工作\n`),
  'yaml/duplicate-key': dataFile(`${MINIMAL}year: 2024\n`),
  'data/unknown-key': dataFile(MINIMAL.replace('  county:', '  contry: 某某县\n  county:')),
  'data/missing-field': dataFile(MINIMAL.replace('  county: 某某县\n', '')),
  'data/wrong-type': dataFile(MINIMAL.replace('year: 2025', 'year: 二〇二五')),
  'data/invalid-value': dataFile(MINIMAL.replace('kind: 乡', 'kind: 村')),
  'data/previous-year': dataFile(`${MINIMAL}previous: ../2024/测试乡.yaml\n`),
  'data/control-character': dataFile(`${MINIMAL}other: "本乡全年\\a无其他情况。"\n`),
  'data/bidi-control': dataFile(`${MINIMAL}other: "本乡全年\u202e无其他情况。"\n`),
  'data/outside-path': dataFile(`${MINIMAL}previous: ../../etc/测试乡-2024.yaml\n`),
  'data/invalid-figure': dataFile(withAchievements('  disputes:\n    total: 许多\n')),
  'figures/stacked-qualifiers': dataFile(withAchievements('  legal_education:\n    materials: 约2000余份\n')),
  'figures/rate-range': dataFile(withAchievements('  disputes:\n    total: 95\n    resolution_rate: 100%以上\n')),
  'figures/part-exceeds-total': dataFile(withAchievements('  disputes:\n    total: 200\n    resolved: 212\n')),
  'figures/breakdown-sum': dataFile(withAchievements('  special_groups:\n    managed:\n      total: 51\n      items:\n        精神病患者: 17\n        刑满释放人员: 13\n')),
  'figures/rate-contradicts-counts': dataFile(withAchievements('  disputes:\n    total: 10\n    resolved: 9\n    resolution_rate: 100%\n')),
  'figures/year-on-year': dataFile(`${MINIMAL}previous: 测试乡-2024.yaml\nachievements:\n  disputes:\n    total: 300\n`, {
    'data/测试乡-2024.yaml': `${MINIMAL.replace('year: 2025', 'year: 2024').replace('date: 2026-02-05', 'date: 2025-02-05')}achievements:\n  disputes:\n    total: 60\n`,
  }),
  'regulation/missing-part': dataFile(
    withAchievements('  disputes:\n    total: 10\nshortcomings:\n  - problem: 宣传不够\nplans:\n  items:\n    - heading: 加强执法\n      text: 加强执法人员培训。\n'),
  ),
  'figures/conflicting': dataFile(`${MINIMAL}parts:\n  - body: |-\n      排查调处矛盾纠纷[95件|disputes.total]。\n      全年排查调处[96件|排查调处矛盾纠纷]。\n`),
  'regulation/missing-date': dataFile(MINIMAL.replace('date: 2026-02-05\n', '')),
  'regulation/date-before-year-end': dataFile(MINIMAL.replace('date: 2026-02-05', 'date: 2025-06-30')),
  'regulation/late-date': dataFile(MINIMAL.replace('date: 2026-02-05', 'date: 2026-03-15')),
  'writing/half-width-punctuation': dataFile(withAchievements('  leadership:\n    text: 召开会议三次,研究部署工作。\n')),
  'writing/numbering-style': dataFile(withAchievements('  leadership:\n    text: 1、健全机制。2、落实责任。\n')),
  'writing/year-style': dataFile(`${MINIMAL}parts:\n  - body: 二〇二五年，我乡召开会议三次。\n`),
  'writing/mixed-enumeration': dataFile(withAchievements('  leadership:\n    text: 一是健全机制。二是落实责任。最后，首先要加强考核。\n')),
  'writing/numbered-heading': dataFile(withAchievements('  leadership:\n    heading: （一）强化组织领导\n')),

  // Templates: a pack of the county's own, and a township's own section templates.
  'template/pack': (dir) => {
    files(dir, { [DATA]: MINIMAL, 'mine/pack.yaml': 'name: mine\n', 'mine/sections/10-a.md': '## 甲\n\n正文。\n' });
    return report(dir, ['build', DATA, '--out', 'out', '--format', 'md', '--template', 'mine']);
  },
  'template/front-matter': ownTemplate('other', '---\npart: 十\n---\n## 其他\n\n本乡无其他情况。\n'),
  'template/syntax': ownTemplate('other', '## 其他\n\n{{#if other}}\n{{other}}\n{{/each}}\n'),
  'template/runtime': ownTemplate('other', '## 其他\n\n{{township.nmae}}无其他情况。\n'),
  'template/override': dataFile(`${MINIMAL}overrides:\n  qita: own.md\n`, { 'data/own.md': '## 其他\n' }),
  'markdown/raw-html': ownTemplate('other', '## 其他\n\n本乡<br>无其他情况。\n'),
  'markdown/unknown-node': ownTemplate('other', '## 其他\n\n本乡无其他情况[^1]。\n\n[^1]: 据年终统计。\n', 'docx'),

  // Inputs.
  'input/not-found': (dir) => {
    files(dir, { [DATA]: MINIMAL });
    return report(dir, ['build', 'data/测试镇.yaml', '--out', 'out', '--format', 'md']);
  },
  'input/read': dataFile(`${MINIMAL}other: "${'长'.repeat(MAX_INPUT_BYTES / 3 + 10)}"\n`),
  'input/encoding': dataFile(gbk(MINIMAL)),
  'input/roster': dataFile(MINIMAL, { 'roster.csv': '名称有误,电话\n测试乡,1\n' }, '--roster', 'roster.csv'),
  'input/not-submitted': dataFile(MINIMAL, { 'roster.csv': '乡镇（街道）,联系人\n测试乡,甲\n远山乡,乙\n' }, '--roster', 'roster.csv'),
  'input/figures': dataFile(MINIMAL, { 'county.csv': 'township,disputes\n测试乡,很多\n' }, '--figures', 'county.csv'),
  'figures/spreadsheet-differs': dataFile(withAchievements('  disputes:\n    total: 95\n'), { 'county.csv': 'township,disputes\n测试乡,96\n' }, '--figures', 'county.csv'),
  'input/skipped': (dir) => {
    files(dir, { [DATA]: MINIMAL, 'data/ci.yaml': 'name: 生成报告\non: push\njobs: {}\n' });
    return report(dir, ['build', 'data', '--out', 'out', '--format', 'md']);
  },
  'input/timeout': (() => {
    const items = Array.from({ length: 300 }, (_, i) => `    - heading: 第${i + 1}项\n      text: 内容。\n`).join('');
    const loop = '---\npart: 4\ntitle: 工作安排\n---\n{{#each plans.items}}{{#each @root.plans.items}}{{#each @root.plans.items}}{{/each}}{{/each}}{{/each}}\n';
    return dataFile(`${MINIMAL}plans:\n  items:\n${items}overrides:\n  plans: own.md\n`, { 'data/own.md': loop }, '--timeout', '0.05');
  })(),

  // The settings file.
  'config/invalid': async (dir) => {
    files(dir, { 'report.config.yaml': 'inptus: [data]\nout: reports\n' });
    return readConfig(join(dir, 'report.config.yaml'), { out: () => {}, err: () => {}, isTTY: false, env: {}, cwd: dir }).diagnostics;
  },

  'config/reference-doc': async (dir) => {
    files(dir, { '县样式.docx': '这不是 Word 文档' });
    return referenceDocLayout(join(dir, '县样式.docx'), '县样式.docx').diagnostics;
  },

  // The output folder.
  'output/write': (dir) => {
    // A file where the county's folder must go.
    files(dir, { [DATA]: MINIMAL, 'out/某某县': '' });
    return report(dir, ['build', DATA, '--out', 'out', '--format', 'md', '--out-pattern', '{county}/{township}.{ext}']);
  },
  'output/collision': (dir) => {
    files(dir, { [DATA]: MINIMAL, 'data/测试镇.yaml': MINIMAL.replace('name: 测试乡', 'name: 测试镇').replace('kind: 乡', 'kind: 镇') });
    return report(dir, ['build', 'data', '--out', 'out', '--format', 'md', '--jobs', '1', '--out-pattern', '{year}/{county}.{ext}']);
  },
  'output/locked': async (dir) => {
    files(dir, { [DATA]: MINIMAL, 'out/.report.lock': JSON.stringify({ pid: 4242, host: 'county-server', started: '2026-02-05T09:00:00.000Z' }) });
    // A build on another machine writing into a shared folder; the wait is cut short.
    const r = await build({ inputs: [DATA], cwd: dir, outDir: 'out', formats: ['md'], jobs: 1, lockWaitMs: 0 });
    return r.diagnostics;
  },
  'output/missing': async (dir) => {
    await dataFile(MINIMAL)(dir);
    rmSync(join(dir, 'out', '测试乡.md'));
    return report(dir, ['build', DATA, '--out', 'out', '--format', 'md', '--check']);
  },
  'output/stale': async (dir) => {
    await dataFile(MINIMAL)(dir);
    writeFileSync(join(dir, 'out', '测试乡.md'), '# 手工改过的报告\n');
    return report(dir, ['build', DATA, '--out', 'out', '--format', 'md', '--check']);
  },

  // The program itself: a worker thread that dies, and a build stopped with reports still queued.
  'internal/crash': (dir) => pool(dir, worker(dir, 'process.exit(3);'), false),
  // Ctrl-C after the first of three townships: the other two are counted as not built.
  'internal/interrupted': async (dir) => {
    files(dir, Object.fromEntries(['甲', '乙', '丙'].map((name) => [`data/${name}.yaml`, MINIMAL.replace('测试乡', `${name}乡`)])));
    const stop = new AbortController();
    const r = await build({ inputs: ['data'], cwd: dir, outDir: 'out', formats: ['md'], jobs: 1, signal: stop.signal, onReport: () => stop.abort() });
    expect(r.interrupted).toBe(true);
    return r.diagnostics;
  },
};

/** The text with the scenario's folder (and the system's temporary folder) masked, so the snapshot does not change from run to run. */
function masked(text: string, dir: string): string {
  const replace = (s: string, paths: string[], by: string) => paths.reduce((out, path) => out.split(path).join(by), s);
  return replace(replace(text, [realpathSync(dir), dir], '<dir>'), [realpathSync(tmpdir()), tmpdir()], '<tmp>');
}

/** Runs the scenario in `language`, in a folder of its own; every diagnostic, and the first of the rule, its text masked. */
async function run(id: RuleId, language: Lang) {
  const dir = tempDir('catalogue-');
  setLang(language);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = await SCENARIOS[id](dir);
  } finally {
    setLang('en');
  }
  const found = diagnostics.find((d) => d.ruleId === id);
  expect(found, `${language}: no ${id} among ${JSON.stringify(diagnostics.map((d) => `${d.ruleId}: ${d.reason}`))}`).toBeDefined();
  const text = `${masked(found!.reason, dir)}${found!.note ? `\n→ ${masked(found!.note, dir)}` : ''}`;
  // The folder holds a 4 MB data file for input/read: not left behind.
  rmSync(dir, { recursive: true, force: true });
  return { diagnostics, text, ruleId: found!.ruleId };
}

const HAN = /\p{Script=Han}/u;

/**
 * Chinese that an English message cites on purpose without quoting it: the terms of the documents
 * and writing conventions its rule is about (成文日期, 一是/二是), which have no English name a clerk
 * would know, and figures as the data file writes them. Nothing else in an English message may be
 * Chinese.
 */
const CITED: Partial<Record<RuleId, string[]>> = {
  'data/invalid-figure': ['200余', '约300', '1000余份', '95%以上'],
  'figures/stacked-qualifiers': ['约', '余', '200余', '约200', '约300', '1000余份', '95%以上'],
  'figures/rate-range': ['100%以上'],
  'figures/year-on-year': ['300件', '60件'],
  'regulation/missing-part': ['（党政主要负责人履行推进法治建设第一责任人职责情况）', '第一责任人'],
  'figures/conflicting': ['96件', '95件'],
  'regulation/missing-date': ['成文日期'],
  'regulation/date-before-year-end': ['成文日期'],
  'regulation/late-date': ['成文日期', '3月1日'],
  'writing/numbering-style': ['一是……二是……'],
  'writing/year-style': ['年', '二〇二五年', '2025年'],
  'writing/mixed-enumeration': ['一是/二是', '首先', '一是……二是……三是……', '首先……其次……最后……'],
  'input/encoding': ['另存为', '编码'],
  'input/roster': ['乡镇（街道）', '类别', '县（区）', '联系人', '电话'],
  'input/not-submitted': ['远山乡', '乙'],
  'input/figures': ['约', '（约数）'],
  'figures/spreadsheet-differs': ['96件', '95件'],
};

/** An English message without what it quotes (“…”, "…", `…`, 《…》), its file paths and the Chinese it cites: what remains must be English. */
function ownWords(id: RuleId, text: string): string {
  const cited = [...(CITED[id] ?? [])].sort((a, b) => b.length - a.length);
  return cited
    .reduce((out, term) => out.split(term).join(''), text)
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`|《[^》]*》/g, '')
    .replace(/\S*\/\S*/g, '')
    .replace(/\S+\.(ya?ml|md|html|docx|csv|json)\b/g, '');
}

describe('the rule catalogue', () => {
  it('has a scenario for every rule, and none for a rule it does not have', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(Object.keys(RULES) as RuleId[])('%s: a real scenario reports it, in English and in Chinese', async (id) => {
    const en = await run(id, 'en');
    const zh = await run(id, 'zh');
    expect(en.text).toMatchSnapshot('en');
    expect(zh.text).toMatchSnapshot('zh');
    expect(HAN.test(zh.text), zh.text).toBe(true);
    expect(ownWords(id, en.text), en.text).not.toMatch(HAN);
    for (const term of CITED[id] ?? []) expect(en.text, 'a term CITED that the message no longer cites').toContain(term);
    // Machine formats do not change with the language: the rule, and every rule the scenario reports
    // (how often: a worker that fails is given as many of the tasks as it takes before the main thread does the rest).
    expect(zh.ruleId).toBe(en.ruleId);
    const rules = (r: { diagnostics: Diagnostic[] }) => [...new Set(r.diagnostics.map((d) => d.ruleId))].sort();
    expect(rules(zh)).toEqual(rules(en));
  });
});
