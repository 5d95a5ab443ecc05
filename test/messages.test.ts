// Every message a clerk can get from a data file, in full: position, severity, rule, reason, what
// to write instead and the related positions, for each rule fixture, a table of bad data, bad
// settings files and bad template packs (test/__snapshots__/messages.test.ts.snap). With them, the figures each case leaves after derivation (rates
// worked out from counts, totals from items). A change of wording or position shows as a diff to
// review; `npm run golden` rewrites the file when the change is meant.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/cli/build-command.js';
import { compile } from '../src/compile/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { setLang } from '../src/i18n/index.js';
import { loadPack } from '../src/render/index.js';
import { MINIMAL, standardPack, tempDir } from './helpers.js';

const DIR = join(import.meta.dirname, 'fixtures', 'rules');

const achievements = (yaml: string) => `${MINIMAL}achievements:\n${yaml}`;

/** Bad (and nearly bad) data, each a whole data file. */
const CASES: [string, string][] = [
  ['a rate written with a unit', achievements('  legal_education:\n    exam_participation_rate: 95件\n')],
  ['a rate written as a bare number', achievements('  legal_education:\n    exam_pass_rate: 95\n')],
  ['a count written as a percentage', achievements('  legal_education:\n    campaigns: 95%\n')],
  ['a rate over 100%', achievements('  legal_education:\n    exam_pass_rate: 120%\n')],
  ['a rate of 100%以上', achievements('  legal_education:\n    exam_pass_rate: 100%以上\n')],
  ['a rate of 100%', achievements('  legal_education:\n    exam_pass_rate: 100%\n')],
  ['a rate of 99%以上', achievements('  legal_education:\n    exam_pass_rate: 99%以上\n')],
  ['a weight of 100%超过', achievements('  leadership:\n    assessment_weight: 100%超过\n')],
  ['more resolved than disputes', achievements('  disputes:\n    total: 200\n    resolved: 212\n')],
  ['as many resolved as disputes', achievements('  disputes:\n    total: 200\n    resolved: 200\n')],
  ['more petitions closed than received', achievements('  disputes:\n    petitions: 30\n    petitions_closed: 31\n')],
  ['more resolved than 200余 disputes', achievements('  disputes:\n    total: 200余\n    resolved: 212\n')],
  ['more resolved than 200以上 disputes', achievements('  disputes:\n    total: 200以上\n    resolved: 212\n')],
  ['more resolved than 200超过 disputes', achievements('  disputes:\n    total: 200超过\n    resolved: 212\n')],
  ['约212 resolved of 200', achievements('  disputes:\n    total: 200\n    resolved: 约212\n')],
  ['近212 resolved of 200', achievements('  disputes:\n    total: 200\n    resolved: 近212\n')],
  ['212以下 resolved of 200', achievements('  disputes:\n    total: 200\n    resolved: 212以下\n')],
  ['212余 resolved of 200', achievements('  disputes:\n    total: 200\n    resolved: 212余\n')],
  ['a rate worked out from the counts', achievements('  disputes:\n    total: 95\n    resolved: 94\n')],
  ['no rate from no disputes', achievements('  disputes:\n    total: 0\n    resolved: 0\n')],
  ['a rate from approximate counts', achievements('  disputes:\n    total: 95余\n    resolved: 94\n')],
  ['a stated rate that agrees', achievements('  disputes:\n    total: 95\n    resolved: 94\n    resolution_rate: 98.9%\n')],
  ['a stated rate 0.5 off', achievements('  disputes:\n    total: 200\n    resolved: 190\n    resolution_rate: 95.5%\n')],
  ['a stated rate 0.4 off', achievements('  disputes:\n    total: 200\n    resolved: 190\n    resolution_rate: 95.4%\n')],
  ['a stated rate below the counts', achievements('  disputes:\n    total: 200\n    resolved: 190\n    resolution_rate: 90%\n')],
  ['an approximate stated rate', achievements('  disputes:\n    total: 200\n    resolved: 190\n    resolution_rate: 90%以上\n')],
  ['licences whose items do not add up', achievements('  enforcement:\n    licences:\n      total: 40\n      items:\n        建房: 30\n        经营: 12\n')],
  ['licences whose items add up', achievements('  enforcement:\n    licences:\n      total: 42\n      items:\n        建房: 30\n        经营: 12\n')],
  ['licences without a total', achievements('  enforcement:\n    licences:\n      items:\n        建房: 30\n        经营: 12\n')],
  ['licences of approximate items without a total', achievements('  enforcement:\n    licences:\n      items:\n        建房: 30余\n        经营: 12\n')],
  ['licences of approximate items with a total', achievements('  enforcement:\n    licences:\n      total: 40\n      items:\n        建房: 30余\n        经营: 12\n')],
  ['licences with an approximate total', achievements('  enforcement:\n    licences:\n      total: 40余\n      items:\n        建房: 30\n        经营: 12\n')],
  ['licences with no items', achievements('  enforcement:\n    licences:\n      total: 40\n      items: {}\n')],
  ['groups whose items do not add up', achievements('  special_groups:\n    managed:\n      total: 50\n      items:\n        社区矫正对象: 12\n        刑满释放人员: 39\n')],
  ['groups without a total', achievements('  special_groups:\n    managed:\n      items:\n        社区矫正对象: 12\n        刑满释放人员: 39\n')],
  ['a figure in a list of areas', achievements('  disputes:\n    total: [1, 2]\n')],
  ['a figure that is not a number', achievements('  disputes:\n    total: 许多\n')],
  ['stacked qualifiers', achievements('  disputes:\n    total: 约200余\n')],
  ['a year written in words', MINIMAL.replace('year: 2025', 'year: 二〇二五')],
  ['a year out of range', MINIMAL.replace('year: 2025', 'year: 1999')],
  ['a date not in the calendar', MINIMAL.replace('date: 2026-02-05', 'date: 2026-02-30')],
  ['a date in another form', MINIMAL.replace('date: 2026-02-05', 'date: 2026/2/5')],
  ['a date in Chinese', MINIMAL.replace('date: 2026-02-05', 'date: 2026年2月5日')],
  ['a kind that is not 乡, 镇 or 街道', MINIMAL.replace('kind: 乡', 'kind: 村')],
  ['an unknown key near a known one', MINIMAL.replace('  county:', '  contry: x\n  county:')],
  ['an unknown key at the top', `${MINIMAL}acheivements: {}\n`],
  ['a typo, a figure in words and a rate of 180% at once', achievements('  disputes:\n    totl: 95\n    resolved: 九十五\n    resolution_rate: 180%\n')],
  ['keys written in Chinese', achievements('  disputes:\n    排查调处: 95\n    化解: 90\n')],
  ['a required field under a Chinese key', MINIMAL.replace('year: 2025', '年度: 2025')],
  ['a Chinese key like no field', `${MINIMAL}备注: 无\n`],
  ['a missing township name', MINIMAL.replace('  name: 测试乡\n', '')],
  ['a duplicate key', `${MINIMAL}year: 2024\n`],
  ['a YAML syntax error', `${MINIMAL}opening: "not closed\n`],
  ['a tab for indentation', MINIMAL.replace('  kind: 乡', '\tkind: 乡')],
  ['a list where a mapping belongs', `${MINIMAL}achievements: [1]\n`],
  ['sealed as text', `${MINIMAL}sealed: 是\n`],
  ['an empty file', ''],
  ['a file that is a list', '- 1\n- 2\n'],
];

/** Bad settings files (report.config.yaml). */
const SETTINGS: [string, string][] = [
  ['an unknown setting near a known one', 'inptus: [data]\n'],
  ['an unknown setting far from any', 'colour: red\n'],
  ['a setting of the wrong type', 'jobs: many\n'],
  ['jobs below one', 'jobs: 0\n'],
  ['an unknown format', 'formats: [pdf]\n'],
  ['an unknown reporter', 'reporter: loud\n'],
  ['a rule whose severity is fixed', 'rules:\n  data/wrong-type: off\n'],
  ['a warning whose severity is fixed', 'rules:\n  markdown/raw-html: off\n'],
  ['an unknown rule near a known one', 'rules:\n  writing/numbering-styl: off\n'],
  ['an unknown rule far from any', 'rules:\n  zzz/qqq: off\n'],
  ['a severity that is not one', 'rules:\n  writing/numbering-style: loud\n'],
  ['an unknown layout key', 'layout:\n  body_fnt: 仿宋\n'],
  ['a layout value of the wrong kind', 'layout:\n  grid: 是\n  line_spacing: 大\n  page_numbers: top\n'],
  ['a list for settings', '- inputs\n'],
  ['a syntax error', 'inputs: [data\n'],
  ['a duplicate setting', 'out: a\nout: b\n'],
  ['an empty file', ''],
];

/** Bad pack.yaml files of a template pack. */
const PACKS: [string, string][] = [
  ['an unknown key near a known one', 'name: mine\nextends: standard\nnumbring: {}\n'],
  ['no title anywhere', 'name: mine\n'],
  ['a pack that extends itself', 'name: mine\nextends: .\n'],
  ['a pack.yaml that is not YAML', 'name: [mine\n'],
  ['a layout value of the wrong kind', 'name: mine\nextends: standard\nlayout:\n  line_spacing: 大\n'],
];

function show(d: Diagnostic): string {
  const at = d.line === undefined ? '' : `:${d.line}:${d.column}${d.endLine === undefined ? '' : `-${d.endLine}:${d.endColumn}`}`;
  const lines = [`${d.file}${at} ${d.severity} ${d.ruleId}`, `  ${d.reason}`];
  if (d.note) lines.push(`  → ${d.note}`);
  for (const r of d.related ?? []) lines.push(`  ↳ ${r.file}${r.line === undefined ? '' : `:${r.line}:${r.column}`} ${r.message}`);
  return lines.join('\n');
}

/** Its messages and derived figures; `quiet` leaves out the parts of Art. 25 the case does not write. */
async function describeCase(file: string, source: string, path?: string, quiet = false): Promise<string> {
  const c = await compile(file, source, standardPack(), { formats: [], ...(path ? { path } : {}) });
  const diagnostics = quiet ? c.diagnostics.filter((d) => d.ruleId !== 'regulation/missing-part') : c.diagnostics;
  const figures = c.data?.achievements ? `\nfigures: ${JSON.stringify(c.data.achievements, (_k, v) => (v === null ? undefined : v))}` : '';
  return `${diagnostics.map(show).join('\n') || '(no messages)'}${figures}`;
}

/** The same messages in Chinese, the language clerks read them in (the second snapshot of each case). */
async function inChinese(run: () => string | Promise<string>): Promise<string> {
  setLang('zh');
  try {
    return await run();
  } finally {
    setLang('en');
  }
}

// One test per case, so that a run stops at the first case that differs, and a change is tried
// only against the cases that reach it.
describe('the messages are the ones reviewed', () => {
  const fixtures = readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  it.each(fixtures)('rule fixture %s', async (f) => {
    expect(await describeCase(`fixtures/${f}`, readFileSync(join(DIR, f), 'utf8'), join(DIR, f))).toMatchSnapshot();
    expect(await inChinese(() => describeCase(`fixtures/${f}`, readFileSync(join(DIR, f), 'utf8'), join(DIR, f)))).toMatchSnapshot();
  });

  it.each(CASES)('data: %s', async (_name, source) => {
    expect(await describeCase('town.yaml', source, undefined, true)).toMatchSnapshot();
    expect(await inChinese(() => describeCase('town.yaml', source, undefined, true))).toMatchSnapshot();
  });

  it.each(SETTINGS)('settings file: %s', async (_name, source) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.config.yaml'), source);
    const read = () =>
      readConfig(join(dir, 'report.config.yaml'), { out: () => {}, err: () => {}, isTTY: false, env: {}, cwd: dir })
        .diagnostics.map(show)
        .join('\n') || '(no messages)';
    expect(read()).toMatchSnapshot();
    expect(await inChinese(read)).toMatchSnapshot();
  });

  it.each(PACKS)('template pack: %s', async (_name, source) => {
    const pack = join(tempDir(), 'mine');
    mkdirSync(join(pack, 'sections'), { recursive: true });
    writeFileSync(join(pack, 'pack.yaml'), source);
    writeFileSync(join(pack, 'sections', '10-a.md'), '## 甲\n\n正文。\n');
    const read = () => loadPack(pack, dirname(pack)).diagnostics.map(show).join('\n') || '(no messages)';
    expect(read()).toMatchSnapshot();
    expect(await inChinese(read)).toMatchSnapshot();
  });
});
