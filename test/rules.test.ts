import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { RULES, SETTABLE_RULES, type RuleId } from '../src/rules/catalogue.js';
import { runCli, standardPack, tempDir } from './helpers.js';
import { writeFileSync } from 'node:fs';

const DIR = join(import.meta.dirname, 'fixtures', 'rules');
const fixtures = readdirSync(DIR).filter((f) => /\.(fail|pass)\.yaml$/.test(f));

async function diagnosticsOf(file: string) {
  const path = join(DIR, file);
  const r = await compile(`fixtures/${file}`, readFileSync(path, 'utf8'), standardPack(), { formats: [], path });
  return r.diagnostics;
}

describe('lint rules', () => {
  it('each rule has a failing and a passing fixture', () => {
    for (const rule of [...SETTABLE_RULES, 'figures/stacked-qualifiers']) {
      const stem = rule.replace('/', '--');
      expect(fixtures, rule).toContain(`${stem}.fail.yaml`);
      expect(fixtures, rule).toContain(`${stem}.pass.yaml`);
    }
  });

  it.each(fixtures.filter((f) => f.endsWith('.fail.yaml')))('%s is flagged at the expected position', async (file) => {
    const [, rule, line, column] = /^# expect (\S+) at (\d+):(\d+)/.exec(readFileSync(join(DIR, file), 'utf8')) ?? [];
    const found = (await diagnosticsOf(file)).filter((d) => d.ruleId === rule);
    expect(found.map((d) => `${d.line}:${d.column}`)).toContain(`${line}:${column}`);
    expect(found[0]?.severity).toBe(RULES[rule as RuleId].severity);
  });

  it.each(fixtures.filter((f) => f.endsWith('.pass.yaml')))('%s is not flagged', async (file) => {
    const [, rule] = /^# expect no (\S+)/.exec(readFileSync(join(DIR, file), 'utf8')) ?? [];
    expect(rule).toBeDefined();
    expect((await diagnosticsOf(file)).filter((d) => d.ruleId === rule)).toEqual([]);
  });

  it('flags 调解成功率达100%以上 (seed 003) as a rate over 100%', async () => {
    const d = (await diagnosticsOf('figures--rate-range.fail.yaml')).find((x) => x.ruleId === 'figures/rate-range');
    expect(d?.reason).toContain('100%以上, but a rate cannot exceed 100%');
  });

  it('names the missing 第一责任人 part with its rule id', async () => {
    const d = (await diagnosticsOf('regulation--missing-part.fail.yaml')).filter((x) => x.ruleId === 'regulation/missing-part');
    expect(d.map((x) => x.reason)).toEqual(['Part 三（党政主要负责人履行推进法治建设第一责任人职责情况） is missing: Art. 25 of 《法治政府建设与责任落实督察工作规定》 requires it']);
  });

  it('takes severities from report.config.yaml: off, warn, error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(DIR, 'writing--numbering-style.fail.yaml')));
    const warn = runCli(['check', 'a.yaml'], dir);
    expect(warn.code).toBe(0);
    expect(warn.stderr).toMatch(/a\.yaml:10:11 +warning +.*writing\/numbering-style/);
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  writing/numbering-style: error\n  regulation/missing-part: off\n');
    const error = runCli(['check', 'a.yaml'], dir);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/a\.yaml:10:11 +error +.*writing\/numbering-style/);
    expect(error.stderr).not.toContain('regulation/missing-part');
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  writing/numbering-style: off\n  writing/no-such-rule: warn\n');
    const bad = runCli(['check', 'a.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/report\.config\.yaml:3:3 +error +`rules\.writing\/no-such-rule` is not a rule whose severity can be set +config\/invalid/);
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  figures/stacked-qualifiers: warn\n');
    const fixed = runCli(['check', 'a.yaml'], dir);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toMatch(/report\.config\.yaml:2:3 +error +`rules\.figures\/stacked-qualifiers` is not a rule whose severity can be set/);
    expect(fixed.stderr).toContain('figures/stacked-qualifiers is always an error; remove this line');
  });

  it('report check writes nothing and says what it checked', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(DIR, 'regulation--missing-part.pass.yaml')));
    const r = runCli(['check', 'a.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^checked a\.yaml$/m);
    expect(r.stderr).toMatch(/1 checked, 0 with errors/);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
