// What each example builds into, byte for byte, in every format: the reviewed reference outputs in
// test/golden/. A change to what a township gets shows here as a diff to read; when it is meant,
// \`npm run golden\` writes the new outputs and the diff is committed with the change.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { compile, type LayoutOverrides } from '../src/compile/index.js';
import { compileYaml, example, MINIMAL, ROOT, runCli, standardExample, standardPack, tempDir } from './helpers.js';

const EXAMPLES = ['jinping-2025.yaml', 'zuolan-2024.yaml', 'tongle-2025.yaml'];

// One test per example and format, so that a run stops at the first output that differs and a
// change is tried only against the formats that reach it.
// The examples (in the township's own parts) and the same reports written in the standard fields
// (test/fixtures/standard-model), whose outputs are under golden/standard-model/.
const DIRS = ['', 'standard-model/'] as const;
const PER_FORMAT = DIRS.flatMap((dir) => EXAMPLES.flatMap((name) => (['md', 'html', 'docx'] as const).map((format) => [`${dir}${name}`, format] as const)));

describe('the examples build into their reference outputs', () => {
  it.each(PER_FORMAT)('%s as %s', async (path, format) => {
    const [dir, name] = path.includes('/') ? [path.slice(0, path.lastIndexOf('/') + 1), path.slice(path.lastIndexOf('/') + 1)] : ['', path];
    const read = dir === '' ? example : standardExample;
    const built = await compileYaml(read(name), [format]);
    const stem = `${dir}${name.replace(/\.yaml$/, '')}`;
    if (format === 'docx') await expect(docxText(built.outputs.docx!)).toMatchFileSnapshot(`golden/${stem}.docx.txt`);
    else await expect(built[format]).toMatchFileSnapshot(`golden/${stem}.${format}`);
  });
});

/** The DOCX as the text of its parts, each under its name, in the order of the package, one element to a line so that a change reads as a diff. */
function docxText(docx: Uint8Array): string {
  return Object.entries(unzipSync(docx))
    .map(([part, bytes]) => `==> ${part} <==\n${strFromU8(bytes).replaceAll('><', '>\n<')}\n`)
    .join('');
}

describe('the layout settings and the sealed signature build into their reference outputs', () => {
  const VARIANTS: [string, string, string, LayoutOverrides][] = [
    [
      'tongle-2025.sealed-grid',
      'tongle-2025.yaml',
      'sealed: true\ndoc_number: 同乐府发〔2026〕5号\nrecipient: 中共涪陵区委、涪陵区人民政府\n',
      {
        body_font: '仿宋',
        title_font: '小标宋',
        heading1_font: '方正黑体',
        heading2_font: '楷体',
        heading3_font: '仿宋',
        heading3_bold: true,
        latin_font: 'Arial',
        page_number_font: '宋体',
        line_spacing: 29,
        grid: true,
        page_numbers: 'center',
      },
    ],
    ['zuolan-2024.no-page-numbers', 'zuolan-2024.yaml', '', { page_numbers: 'none' }],
  ];
  const cases = VARIANTS.flatMap(([stem, name, extra, layout]) => (['md', 'html', 'docx'] as const).map((format) => [`${stem} as ${format}`, stem, name, extra, layout, format] as const));
  it.each(cases)('%s', async (_title, stem, name, extra, layout, format) => {
    const c = await compile(name, `${standardExample(name)}${extra}`, standardPack(), { formats: [format], layout });
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (format === 'docx') await expect(docxText(c.outputs.docx!)).toMatchFileSnapshot(`golden/${stem}.docx.txt`);
    else await expect(new TextDecoder().decode(c.outputs[format])).toMatchFileSnapshot(`golden/${stem}.${format}`);
  });
});

describe('HTML output', () => {
  it.each(EXAMPLES)('%s is valid HTML with lang zh-CN, inline CSS and nothing fetched', async (name) => {
    const { html } = await compileYaml(example(name));
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).not.toMatch(/<link|<script|src=|@import|url\(/);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
  });
});

describe('a batch builds into its reference roll-up and reports', () => {
  /** The examples and two townships with problems (an error, a warning) in one data folder. */
  function county(): string {
    const dir = tempDir('golden-');
    mkdirSync(join(dir, 'data'));
    for (const name of EXAMPLES) writeFileSync(join(dir, 'data', name), example(name));
    writeFileSync(join(dir, 'data', 'broken-2025.yaml'), MINIMAL.replace('year: 2025', 'year: 二〇二五'));
    writeFileSync(join(dir, 'data', 'late-2025.yaml'), `${MINIMAL.replace('date: 2026-02-05', 'date: 2026-03-01')}achievements:\n  disputes:\n    total: 12余\n`);
    return dir;
  }
  /** Hashes and times, which change with any template edit or with the machine, masked. */
  const stable = (s: string) =>
    s
      .replace(/[0-9a-f]{64}/g, '<sha256>')
      .replace(/\d+\.\d+s\b/g, '<s>')
      .replace(/"(seconds|elapsed|duration)": [\d.]+/g, '"$1": <s>');

  it.each(['plain', 'json', 'github'])('with --reporter %s', async (reporter) => {
    const dir = county();
    const r = await runCli(['build', 'data', '--out', 'out', '--jobs', '1', '--reporter', reporter], dir);
    expect(r.code).toBe(1);
    await expect(stable(`stdout:\n${r.stdout}\nstderr:\n${r.stderr}`)).toMatchFileSnapshot(`golden/batch.${reporter}.txt`);
    if (reporter !== 'plain') return;
    for (const f of ['summary.md', 'summary.html', 'summary.csv', 'index.html', 'manifest.json']) {
      await expect(stable(readFileSync(join(dir, 'out', f), 'utf8'))).toMatchFileSnapshot(`golden/batch-out/${f}`);
    }
  });
});

describe('what the other commands write is the one reviewed', () => {
  /** The path to the schema depends on where the project and the file are. */
  const schemaMasked = (s: string) => s.replace(/^# yaml-language-server: \$schema=.*report\.schema\.json$/m, '# yaml-language-server: $schema=<path>/schema/report.schema.json');

  it('report init', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '--township', '金坪乡', '--kind', '乡', '--county', '城口县', '--year', '2025', '--out', 'new.yaml'], dir, { npm_command: '' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote new.yaml: fill it in, then run “report check new.yaml”\n');
    // Run through npx (npm exec), the next command is named the same way.
    const viaNpx = await runCli(['init', '--township', '金坪乡', '--county', '城口县', '--year', '2025', '--out', 'npx.yaml'], dir, { npm_command: 'exec' });
    expect(viaNpx.stderr).toBe('wrote npx.yaml: fill it in, then run “npx report check npx.yaml”\n');
    await expect(schemaMasked(readFileSync(join(dir, 'new.yaml'), 'utf8'))).toMatchFileSnapshot('golden/init.yaml');
  });

  it('report init with the defaults but the year', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--year', '2025'], dir)).code).toBe(0);
    const [file] = readdirSync(dir);
    await expect(`${file}\n${schemaMasked(readFileSync(join(dir, file!), 'utf8'))}`).toMatchFileSnapshot('golden/init-defaults.yaml');
  });

  it('report templates', async () => {
    const r = await runCli(['templates']);
    expect(r.code).toBe(0);
    await expect(`stdout:\n${r.stdout}\nstderr:\n${r.stderr}`).toMatchFileSnapshot('golden/templates.txt');
  });

  const HELP = [
    ['--help'],
    ['build', '--help'],
    ['check', '--help'],
    ['init', '--help'],
    ['fix', '--help'],
    ['templates', '--help'],
    ['manifest', 'merge', '--help'],
    ['schema', '--help'],
    ['volume', '--help'],
  ];
  // The help in Chinese (the default, also under LANG=C.UTF-8) in golden/help/zh/, and in English (--lang en) in golden/help/.
  it.each(HELP.flatMap((args) => (['zh', 'en'] as const).map((lang) => [lang, args] as const)))('%s: report %j', async (lang, args) => {
    const r = await runCli([...args], ROOT, { REPORT_LANG: '', LANG: 'C.UTF-8', ...(lang === 'en' ? { REPORT_LANG: 'en' } : {}) });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`golden/help/${lang === 'zh' ? 'zh/' : ''}${args.filter((a) => a !== '--help').join('-') || 'report'}.txt`);
  });
});

describe('a command used wrongly, or on a file that is not there, exits non-zero with a message saying what to do', () => {
  it.each([
    [['bogus']],
    [['build', '--bogus']],
    [['build', '--format', 'pdf']],
    [['build', '--format', 'md,pdf']],
    [['build', '--jobs', '0']],
    [['build', '--jobs', 'many']],
    [['build', '--reporter', 'loud']],
    [['build', '--shard', '0/3']],
    [['build', '--shard', '4/3']],
    [['build', '--shard', 'x']],
    [['build', '--out-pattern', '{town}.{ext}']],
    [['build', '--out-pattern', '{township}.docx']],
    [['build', '--out-pattern', '../{township}.{ext}']],
    [['build', '--config', 'no-such.yaml']],
    [['init', '--year', '1999']],
    [['init', '--year', 'next']],
    [['init', '--kind', '村']],
    [['manifest', 'merge']],
    [['manifest', 'merge', 'a.json']],
  ])('report %j', async (args) => {
    const dir = tempDir();
    const r = await runCli(args, dir);
    expect(r.stdout).toBe('');
    expect(`exit ${r.code}\n${r.stderr}`).toMatchSnapshot();
    // The same mistake in Chinese: the same exit code, the message in words a clerk reads.
    const zh = await runCli(args, dir, { REPORT_LANG: 'zh' });
    expect(zh.code).toBe(r.code);
    expect(`exit ${zh.code}\n${zh.stderr}`).toMatchSnapshot();
  });
});
