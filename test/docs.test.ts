import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleId } from '../src/rules/catalogue.js';
import { rulesMarkdown, tableCell } from '../src/rules/docs.js';
import { ROOT, runCli, tempDir } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

describe('documentation', () => {
  // The Chinese README for the clerks, the English one beside it.
  const readmes = ['README.md', 'README.en.md'].map((name) => [name, readFileSync(join(ROOT, name), 'utf8')] as const);

  it('docs/rules.md (Chinese) and docs/en/rules.md are generated from the rule catalogue and are current (npm run docs rewrites them)', async () => {
    await expect(rulesMarkdown('zh')).toMatchFileSnapshot(join(ROOT, 'docs', 'rules.md'));
    await expect(rulesMarkdown('en')).toMatchFileSnapshot(join(ROOT, 'docs', 'en', 'rules.md'));
    const zh = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    const en = readFileSync(join(ROOT, 'docs', 'en', 'rules.md'), 'utf8');
    const severity = { error: '错误', warning: '警告', info: '提示' } as const;
    for (const id of Object.keys(RULES) as RuleId[]) {
      expect(en, id).toContain(`| \`${id}\` | ${RULES[id].severity} |`);
      expect(zh, id).toContain(`| \`${id}\` | ${severity[RULES[id].severity]} |`);
    }
  });

  it('a table with an example column has an example for every rule in it', () => {
    const markdown = rulesMarkdown('en');
    const tables = markdown.split('\n## ').filter((t) => /^\| rule \| severity \| settable \| what it finds \| .+ \|$/m.test(t));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const rows = table.split('\n').filter((l) => l.startsWith('| `'));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row).not.toMatch(/\|\s*\|$/);
    }
  });

  it('puts text into a table cell whole', () => {
    expect(tableCell('a | b\nc')).toBe('a \\| b c');
    expect(tableCell('无')).toBe('无');
  });

  it('every rule id in the code is in the catalogue, and every catalogue entry is used', () => {
    const code = sources(join(ROOT, 'src')).filter((s) => !s.includes('export const RULES = {'));
    const used = new Set<string>();
    for (const src of code) for (const m of src.matchAll(/'((?:yaml|data|figures|regulation|writing|template|markdown|input|config|output|internal)\/[a-z-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(30);
    for (const id of used) expect(Object.keys(RULES), id).toContain(id);
    for (const id of Object.keys(RULES)) expect([...used], `${id} is never reported`).toContain(id);
  });

  it.each(readmes)('%s shows what report check really prints for its example file', async (name, readme) => {
    const zh = name === 'README.md';
    const at = readme.indexOf(zh ? '### 检查' : '### Checks');
    const [, input] = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))!;
    const shown = /```\n((?:失败|failed) town\.yaml\n[\s\S]*?)```/.exec(readme.slice(at))![1]!;
    const dir = tempDir('readme-');
    writeFileSync(join(dir, 'town.yaml'), input!);
    const r = await runCli(['check', 'town.yaml', '--lang', zh ? 'zh' : 'en'], dir);
    expect(r.code).toBe(1);
    const time = zh ? /用时 [\d.]+ 秒/g : /in [\d.]+s/g;
    expect(r.stderr.trim().replace(time, '')).toBe(shown.trim().replace(time, ''));
  });

  it.each(readmes)('%s shows every command and every build option, and the two commands that set up and test', async (_name, readme) => {
    expect(readme).toContain('npm install && npx report build');
    expect(readme).toContain('npm test');
    const help = (await runCli(['--help'])).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.sort()).toEqual(['build', 'check', 'fix', 'import', 'init', 'manifest', 'preview', 'schema', 'templates', 'volume']);
    for (const c of commands) expect(readme, c).toContain(`report ${c}`);
    const build = (await runCli(['build', '--help'])).stdout;
    for (const opt of build.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)) if (opt[1] !== '--help') expect(readme, opt[1]).toContain(opt[1]);
  });
});
