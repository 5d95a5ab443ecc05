import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { loadPack, STANDARD_PACK } from '../src/render/index.js';
import { compileYaml, MINIMAL, runCli, tempDir } from './helpers.js';

function packWith(section: string, body: string) {
  const dir = tempDir('pack-');
  cpSync(STANDARD_PACK, dir, { recursive: true });
  writeFileSync(join(dir, 'sections', section), body);
  return dir;
}

describe('template packs', () => {
  it('report a Handlebars syntax error with the template file and line', () => {
    const dir = packWith('45-extra.md', '---\npart: 5\n---\n## 附加\n\n{{#if other}}\n文字\n{{/each}}\n');
    const { pack, diagnostics } = loadPack(dir);
    expect(pack).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'template/syntax', line: 6 });
    expect(diagnostics[0]?.reason).toContain('{{#if}} is closed by {{/each}}; close it with {{/if}}');
    expect(diagnostics[0]?.file).toMatch(/sections\/45-extra\.md$/);
  });

  it('report a wrong pack.yaml setting at its line and column, with the setting meant', () => {
    const dir = packWith('45-extra.md', '## 附加\n');
    const source = readFileSync(join(dir, 'pack.yaml'), 'utf8');
    writeFileSync(join(dir, 'pack.yaml'), source.replace('deadline: "03-01"', 'deadline: "3月1日"').replace('numbering:', 'numbring:'));
    const { pack, diagnostics } = loadPack(dir);
    expect(pack).toBeUndefined();
    const lines = source.split('\n');
    const at = (key: string) => lines.findIndex((l) => l.startsWith(key)) + 1;
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['template/pack', at('deadline:'), 11],
      ['template/pack', at('numbering:'), 1],
    ]);
    expect(diagnostics[0]?.reason).toContain('`deadline` is “3月1日”: expected MM-DD');
    expect(diagnostics[1]?.note).toBe('Did you mean `numbering`?');
  });

  it('report pack.yaml that is not valid YAML at its line', () => {
    const dir = packWith('45-extra.md', '## 附加\n');
    writeFileSync(join(dir, 'pack.yaml'), 'name: x\ntitle: a: b\n');
    const { diagnostics } = loadPack(dir);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'template/pack', line: 2 });
    expect(diagnostics[0]?.reason).toMatch(/^The file is not valid YAML/);
  });

  it('report a wrong front matter key or value at its line, with the key meant', () => {
    const dir = packWith('45-extra.md', '---\npart: 5\nrequird: true\ntitle: [附加\n---\n## 附加\n');
    const syntax = loadPack(dir).diagnostics;
    expect(syntax.map((d) => [d.ruleId, d.line])).toEqual([['template/front-matter', 4]]);
    expect(syntax[0]?.file).toMatch(/sections\/45-extra\.md$/);
    writeFileSync(join(dir, 'sections', '45-extra.md'), '---\npart: 5\nrequird: true\ntitle: 附加\n---\n## 附加\n');
    const unknown = loadPack(dir).diagnostics;
    expect(unknown.map((d) => [d.ruleId, d.line, d.column])).toEqual([['template/front-matter', 3, 1]]);
    expect(unknown[0]?.note).toBe('Did you mean `required`?');
    writeFileSync(join(dir, 'sections', '45-extra.md'), '---\npart: 十\n---\n## 附加\n');
    const value = loadPack(dir).diagnostics;
    expect(value.map((d) => [d.ruleId, d.line, d.column])).toEqual([['template/front-matter', 2, 7]]);
    expect(value[0]?.reason).toContain('`part` is “十”');
  });

  it('report a misspelt field in strict mode with the template file and line', async () => {
    const dir = packWith('45-extra.md', '---\npart: 5\n---\n## 附加\n\n第一行\n{{township.nmae}}\n');
    const { pack } = loadPack(dir);
    expect(pack).toBeDefined();
    const r = await compileYaml(MINIMAL, ['md'], pack!);
    const d = r.diagnostics.find((x) => x.ruleId === 'template/runtime');
    expect(d?.file).toMatch(/sections\/45-extra\.md$/);
    expect(d?.line).toBe(7);
    expect(d?.reason).toContain('“nmae” is not defined');
    expect(r.outputs.md).toBeUndefined();
  });

  it('report a figure printed without a guard instead of writing “共件”', async () => {
    const dir = packWith('45-extra.md', '---\npart: 5\n---\n## 附加\n\n共{{fig achievements.disputes.total "件"}}\n');
    const { pack } = loadPack(dir);
    const r = await compileYaml(`${MINIMAL}achievements:\n  disputes:\n    screenings: 2\n`, ['md'], pack!);
    expect(r.diagnostics.map((d) => d.reason).join('\n')).toMatch(/empty figure; wrap the sentence in \{\{#if/);
    expect(r.outputs.md).toBeUndefined();
  });

  it('use the template pack named by --template, and the CLI names a pack that is missing', async () => {
    const dir = packWith('50-other.md', '---\npart: 5\n---\n## 自定义部分\n\n本乡自定义内容。\n');
    const work = tempDir();
    writeFileSync(join(work, 't.yaml'), MINIMAL);
    const r = await runCli(['build', 't.yaml', '--template', dir, '--out', 'o', '--format', 'md'], work);
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'o', 't.md'), 'utf8')).toContain('## 一、自定义部分');
    const missing = await runCli(['build', 't.yaml', '--template', 'nowhere', '--out', 'o2'], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No pack\.yaml in the template folder nowhere/);
  });

  it('renders raw HTML in a template as literal text with a warning', async () => {
    const dir = packWith('45-extra.md', '---\npart: 5\n---\n## 附加\n\n文字<br>更多\n');
    const { pack } = loadPack(dir);
    const r = await compileYaml(MINIMAL, ['md', 'html'], pack!);
    expect(r.diagnostics.some((d) => d.ruleId === 'markdown/raw-html' && d.severity === 'warning')).toBe(true);
    expect(r.html).toContain('文字&#x3C;br>更多');
  });

  it('join line breaks between Chinese characters without a space', async () => {
    const dir = packWith('45-extra.md', '---\npart: 5\n---\n## 附加\n\n第一行文字\n第二行文字 and\nEnglish words\n');
    const { pack } = loadPack(dir);
    const r = await compileYaml(MINIMAL, ['md'], pack!);
    expect(r.md).toContain('第一行文字第二行文字 and English words');
  });
});

describe('report.config.yaml', () => {
  it('names inputs, output folder and formats', async () => {
    const work = tempDir();
    mkdirSync(join(work, 'data'));
    writeFileSync(join(work, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(work, 'report.config.yaml'), 'inputs: [data]\nout: reports\nformats: [html]\n');
    const r = await runCli(['build'], work);
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'reports', 'a.html'), 'utf8')).toContain('测试乡人民政府');
  });
  it('takes inputs, out and template relative to its own folder, and options relative to the working folder', async () => {
    const dir = tempDir();
    const sub = join(dir, 'sub');
    mkdirSync(join(sub, 'data'), { recursive: true });
    mkdirSync(join(sub, 'pack', 'sections'), { recursive: true });
    writeFileSync(join(sub, 'data', 'a.yaml'), MINIMAL);
    writeFileSync(join(sub, 'pack', 'pack.yaml'), 'name: sub\nextends: standard\ntitle: "{{township.government}}子目录模板的标题"\n');
    writeFileSync(join(sub, 'report.config.yaml'), 'inputs: [data]\nout: reports\ntemplate: pack\nformats: [md]\n');
    // Run from the folder above, in process, as the command line would.
    const build = async (...extra: string[]) => {
      const err: string[] = [];
      const code = await main(['build', '--config', 'sub/report.config.yaml', ...extra], {
        out: () => {},
        err: (s) => err.push(s),
        isTTY: false,
        env: { CI: 'true', NO_COLOR: '1', REPORT_LANG: 'en' },
        cwd: dir,
      });
      return { code, err: err.join('\n') };
    };
    const r = await build();
    expect(r.err).toMatch(/^built sub\/data\/a\.yaml -> sub\/reports\/a\.md$/m);
    expect(r.code).toBe(0);
    expect(readFileSync(join(sub, 'reports', 'a.md'), 'utf8')).toMatch(/^# 测试乡人民政府子目录模板的标题\n/);
    expect(readdirSync(dir).sort()).toEqual(['sub']);
    // An option on the command line is relative to the working folder.
    expect((await build('--out', 'here')).code).toBe(0);
    expect(readFileSync(join(dir, 'here', 'a.md'), 'utf8')).toMatch(/^# 测试乡人民政府子目录模板的标题\n/);
  });

  it('rejects an unknown setting with exit 2', async () => {
    const work = tempDir();
    writeFileSync(join(work, 'report.config.yaml'), 'inptus: [data]\n');
    const r = await runCli(['build'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report\.config\.yaml:1:1 +error +`inptus` is not a setting +config\/invalid\n  → Did you mean `inputs`\?/);
  });
});

describe('report build with no arguments', () => {
  it('builds the bundled examples into out/ as md, html and docx', async () => {
    const work = tempDir();
    const r = await runCli(['build'], work);
    expect(r.code).toBe(0);
    for (const name of ['jinping-2025', 'zuolan-2024', 'tongle-2025']) {
      expect(readFileSync(join(work, 'out', `${name}.md`), 'utf8')).toMatch(/^# .*年法治政府建设/);
      expect(readFileSync(join(work, 'out', `${name}.html`), 'utf8')).toMatch(/^<!DOCTYPE html>/);
      expect(
        readFileSync(join(work, 'out', `${name}.docx`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    }
    expect(r.stderr).toMatch(/3 built, 0 failed/);
    // The examples' CI workflow is not one of them: a first build names nothing it passed over.
    expect(r.stderr).not.toContain('input/skipped');
  });
  it('prints help describing every option', async () => {
    const r = await runCli(['build', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--format', '--out', '--template', '--reporter', '--config']) expect(r.stdout).toContain(opt);
  });
});

describe('output piped into a command that stops reading', () => {
  it('ends quietly, without a stack trace', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync('sh', ['-c', `node ${JSON.stringify(join(import.meta.dirname, '..', 'bin', 'report.js'))} schema | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });
});
