import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_DEFAULTS } from '../src/lint/index.js';
import { ROOT, runCli } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

describe('documentation', () => {
  const rules = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('docs/rules.md documents every rule id the code can report, with its default severity', () => {
    const ids = new Set<string>();
    for (const src of sources(join(ROOT, 'src'))) {
      for (const m of src.matchAll(/(?:ruleId|rule): '([a-z]+\/[a-z-]+)'/g)) ids.add(m[1]!);
      for (const m of src.matchAll(/'((?:data|figures)\/[a-z-]+)'/g)) ids.add(m[1]!);
    }
    for (const id of Object.keys(LINT_DEFAULTS)) ids.add(id);
    expect(ids.size).toBeGreaterThan(30);
    for (const id of ids) expect(rules, id).toContain(`\`${id}\``);
    for (const [id, severity] of Object.entries(LINT_DEFAULTS)) {
      expect(rules, id).toMatch(new RegExp(`\\| \`${id.replace('/', '\\/')}\` \\| ${severity} \\|`));
    }
  });

  it('the README shows every command and every build option', () => {
    const help = runCli(['--help']).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.sort()).toEqual(['build', 'check', 'init', 'manifest', 'schema', 'templates']);
    for (const c of commands) expect(readme, c).toContain(`report ${c}`);
    const build = runCli(['build', '--help']).stdout;
    for (const opt of build.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)) if (opt[1] !== '--help') expect(readme, opt[1]).toContain(opt[1]);
  });
});
