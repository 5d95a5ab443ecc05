import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { diagnostic } from '../src/diagnostics/index.js';
import { applyRuleSettings, RULES, SETTABLE_RULES, type RuleId } from '../src/rules/catalogue.js';
import { MINIMAL, runCli, standardPack, tempDir } from './helpers.js';
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
    expect(d.map((x) => x.reason)).toEqual(['Part 3（党政主要负责人履行推进法治建设第一责任人职责情况） is missing: Art. 25 of 《法治政府建设与责任落实督察工作规定》 requires it']);
  });

  it('takes severities from report.config.yaml: off, warn, error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(DIR, 'writing--numbering-style.fail.yaml')));
    const warn = await runCli(['check', 'a.yaml'], dir);
    expect(warn.code).toBe(0);
    expect(warn.stderr).toMatch(/a\.yaml:10:11 +warning +.*writing\/numbering-style/);
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  writing/numbering-style: error\n  regulation/missing-part: off\n');
    const error = await runCli(['check', 'a.yaml'], dir);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/a\.yaml:10:11 +error +.*writing\/numbering-style/);
    expect(error.stderr).not.toContain('regulation/missing-part');
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  writing/numbering-style: off\n  writing/no-such-rule: warn\n');
    const bad = await runCli(['check', 'a.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/report\.config\.yaml:3:3 +error +`rules\.writing\/no-such-rule` is not a rule whose severity can be set +config\/invalid/);
    writeFileSync(join(dir, 'report.config.yaml'), 'rules:\n  figures/stacked-qualifiers: warn\n');
    const fixed = await runCli(['check', 'a.yaml'], dir);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toMatch(/report\.config\.yaml:2:3 +error +`rules\.figures\/stacked-qualifiers` is not a rule whose severity can be set/);
    expect(fixed.stderr).toContain('figures/stacked-qualifiers is always an error; remove this line');
  });

  it('report check writes nothing and says what it checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(join(DIR, 'regulation--missing-part.pass.yaml')));
    const r = await runCli(['check', 'a.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^checked a\.yaml$/m);
    expect(r.stderr).toMatch(/1 passed, 0 with errors/);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

/** A data file: MINIMAL with its date (and year) replaced and `more` appended. */
const data = (more: string, date = '2026-02-05', year = 2025) => `${MINIMAL.replace('date: 2026-02-05', `date: ${date}`).replace('year: 2025', `year: ${year}`)}${more}`;
const disputes = (fields: string) => data(`achievements:\n  disputes:\n${fields.replace(/^/gm, '    ')}\n`);
const managed = (total: string | null, items: string) =>
  data(`achievements:\n  special_groups:\n    managed:\n${total === null ? '' : `      total: ${total}\n`}      items:\n${items.replace(/^/gm, '        ')}\n`);

/** Each rule with a threshold, just inside and just outside it. */
const THRESHOLDS: [RuleId, string, boolean, string][] = [
  ['figures/rate-range', 'a rate of 100%', false, disputes('resolution_rate: 100%')],
  ['figures/rate-range', 'a rate of 100.1%', true, disputes('resolution_rate: 100.1%')],
  ['figures/rate-range', 'a rate of 100%以上', true, disputes('resolution_rate: 100%以上')],
  ['figures/rate-range', 'a rate of 超过100%', true, disputes('resolution_rate: 超过100%')],
  ['figures/rate-range', 'a rate of 99.9%以上', false, disputes('resolution_rate: 99.9%以上')],
  ['figures/rate-range', 'a rate of 100%以下', false, disputes('resolution_rate: 100%以下')],
  ['figures/rate-range', 'a rate of 不低于100%', false, disputes('resolution_rate: 不低于100%')],
  ['figures/rate-range', 'an exam pass rate of 100.5%', true, data('achievements:\n  legal_education:\n    exam_pass_rate: 100.5%\n')],
  ['figures/part-exceeds-total', '200 resolved of 200', false, disputes('total: 200\nresolved: 200')],
  ['figures/part-exceeds-total', '201 resolved of 200', true, disputes('total: 200\nresolved: 201')],
  ['figures/part-exceeds-total', '11 petitions closed of 10', true, disputes('petitions: 10\npetitions_closed: 11')],
  ['figures/part-exceeds-total', '10 petitions closed of 10', false, disputes('petitions: 10\npetitions_closed: 10')],
  ['figures/part-exceeds-total', '210余 resolved of 200', true, disputes('total: 200\nresolved: 210余')],
  ['figures/part-exceeds-total', '约210 resolved of 200', false, disputes('total: 200\nresolved: 约210')],
  ['figures/part-exceeds-total', '近210 resolved of 200', false, disputes('total: 200\nresolved: 近210')],
  ['figures/part-exceeds-total', '210以下 resolved of 200', false, disputes('total: 200\nresolved: 210以下')],
  ['figures/part-exceeds-total', '212 resolved of 超过200', false, disputes('total: 超过200\nresolved: 212')],
  ['figures/part-exceeds-total', '212 resolved of 200以上', false, disputes('total: 200以上\nresolved: 212')],
  ['figures/part-exceeds-total', '212 resolved of 200余', false, disputes('total: 200余\nresolved: 212')],
  ['figures/part-exceeds-total', '212 resolved of 200以下', true, disputes('total: 200以下\nresolved: 212')],
  ['figures/part-exceeds-total', '212 resolved of 不低于200', false, disputes('total: 不低于200\nresolved: 212')],
  ['figures/part-exceeds-total', '250 resolved of 200余', false, disputes('total: 200余\nresolved: 250')],
  ['figures/part-exceeds-total', '250 resolved of 200以上', false, disputes('total: 200以上\nresolved: 250')],
  ['figures/breakdown-sum', 'a total of 30 for 17 + 13', false, managed('30', '甲: 17\n乙: 13')],
  ['figures/breakdown-sum', 'a total of 31 for 17 + 13', true, managed('31', '甲: 17\n乙: 13')],
  ['figures/breakdown-sum', 'a total of 29 for 17 + 13', true, managed('29', '甲: 17\n乙: 13')],
  ['figures/breakdown-sum', 'a total of 0.3 for 0.1 + 0.2', false, managed('0.3', '甲: 0.1\n乙: 0.2')],
  ['figures/breakdown-sum', 'a total of 31 for 17余 + 13', false, managed('31', '甲: 17余\n乙: 13')],
  ['figures/breakdown-sum', 'a total of 31余 for 17 + 13', false, managed('31余', '甲: 17\n乙: 13')],
  ['figures/breakdown-sum', 'no total', false, managed(null, '甲: 17\n乙: 13')],
  ['figures/rate-contradicts-counts', '90% for 9 of 10', false, disputes('total: 10\nresolved: 9\nresolution_rate: 90%')],
  ['figures/rate-contradicts-counts', '90.4% for 9 of 10', false, disputes('total: 10\nresolved: 9\nresolution_rate: 90.4%')],
  ['figures/rate-contradicts-counts', '90.5% for 9 of 10', true, disputes('total: 10\nresolved: 9\nresolution_rate: 90.5%')],
  ['figures/rate-contradicts-counts', '89.6% for 9 of 10', false, disputes('total: 10\nresolved: 9\nresolution_rate: 89.6%')],
  ['figures/rate-contradicts-counts', '89.5% for 9 of 10', true, disputes('total: 10\nresolved: 9\nresolution_rate: 89.5%')],
  ['figures/rate-contradicts-counts', '80%以上 for 9 of 10', false, disputes('total: 10\nresolved: 9\nresolution_rate: 80%以上')],
  ['figures/rate-contradicts-counts', '80% for 9余 of 10', false, disputes('total: 10\nresolved: 9余\nresolution_rate: 80%')],
  ['regulation/date-before-year-end', 'a 2025 report dated 2025-12-30', true, data('', '2025-12-30')],
  ['regulation/date-before-year-end', 'a 2025 report dated 2025-12-31', false, data('', '2025-12-31')],
  ['regulation/date-before-year-end', 'a 2025 report dated 2026-01-01', false, data('', '2026-01-01')],
  ['regulation/late-date', 'a 2025 report dated 2026-02-28, the day before the deadline', false, data('', '2026-02-28')],
  ['regulation/late-date', 'a 2025 report dated 2026-03-01, the deadline itself', true, data('', '2026-03-01')],
  ['regulation/late-date', 'a 2025 report dated 2026-03-02', true, data('', '2026-03-02')],
  ['regulation/late-date', 'a 2023 report dated 2024-02-29, the day before the deadline in a leap year', false, data('', '2024-02-29', 2023)],
  ['regulation/late-date', 'a 2023 report dated 2024-03-01', true, data('', '2024-03-01', 2023)],
];

describe('rules with a threshold, tried on both sides of it', () => {
  it.each(THRESHOLDS)('%s: %s → flagged %s', async (rule, _label, expected, yaml) => {
    const r = await compile('test.yaml', yaml, standardPack(), { formats: [] });
    const found = r.diagnostics.filter((d) => d.ruleId === rule);
    expect(found.length > 0, found.map((d) => d.reason).join('\n')).toBe(expected);
    if (expected) expect(found[0]?.severity).toBe(RULES[rule].severity);
  });

  /** Whether this year's figure, against last year's, is flagged as unusual. */
  async function yearOnYear(then: number, now: number) {
    const dir = tempDir();
    writeFileSync(join(dir, 'last.yaml'), data(`achievements:\n  enforcement:\n    inspections: ${then}\n`, '2025-02-05', 2024));
    const path = join(dir, 'this.yaml');
    const source = data(`previous: last.yaml\nachievements:\n  enforcement:\n    inspections: ${now}\n`);
    writeFileSync(path, source);
    const r = await compile('this.yaml', source, standardPack(), { formats: [], path });
    expect(r.diagnostics.filter((d) => d.ruleId === 'data/previous-year')).toEqual([]);
    return r.diagnostics.filter((d) => d.ruleId === 'figures/year-on-year');
  }

  it.each([
    // Rises: three times or more.
    [400, 1200, true],
    [400, 1199, false],
    // Falls: a third or less.
    [400, 100, true],
    [300, 100, true],
    [400, 133, true],
    [400, 134, false],
    // Small figures: a change of fewer than 10 is never flagged.
    [4, 14, true],
    [4, 13, false],
    [14, 4, true],
    [13, 4, false],
    // Nothing last year: no ratio to speak of.
    [0, 50, false],
  ])('figures/year-on-year: last year %i, this year %i: flagged %s', async (then, now, expected) => {
    const found = await yearOnYear(then, now);
    expect(found.length > 0, found.map((d) => d.reason).join('\n')).toBe(expected);
    if (expected) {
      expect(found[0]?.severity).toBe('warning');
      expect(found[0]?.line).toBe(10);
    }
  });

  it('figures/year-on-year says how many times more, or less, a figure is', async () => {
    expect((await yearOnYear(400, 1200))[0]?.reason).toBe("`achievements.enforcement.inspections` is 1200次, 3 times last year's 400次 (last.yaml)");
    expect((await yearOnYear(400, 100))[0]?.reason).toBe("`achievements.enforcement.inspections` is 100次, 4 times less than last year's 400次 (last.yaml)");
  });
});

describe('rule settings', () => {
  const d = (ruleId: RuleId) => diagnostic('a.yaml', { ruleId, reason: ruleId });
  const list = [d('writing/numbering-style'), d('regulation/missing-part'), d('data/wrong-type'), d('regulation/late-date')];

  it('drop a rule set off, make a rule a warning or an error, and leave the others', () => {
    const out = applyRuleSettings(list, { 'writing/numbering-style': 'off', 'regulation/missing-part': 'error', 'regulation/late-date': 'warn' });
    expect(out.map((x) => `${x.ruleId} ${x.severity}`)).toEqual(['regulation/missing-part error', 'data/wrong-type error', 'regulation/late-date warning']);
    expect(applyRuleSettings(list, { 'data/wrong-type': 'warn' } as never).map((x) => x.severity)).toEqual(list.map((x) => x.severity));
  });

  it('turn an error into a warning', () => {
    const error = { ...d('regulation/missing-part'), severity: 'error' as const };
    expect(applyRuleSettings([error], { 'regulation/missing-part': 'warn' })[0]?.severity).toBe('warning');
    expect(applyRuleSettings([error], { 'regulation/missing-part': 'error' })[0]?.severity).toBe('error');
  });

  it('change nothing without settings', () => {
    expect(applyRuleSettings(list, undefined)).toBe(list);
    expect(applyRuleSettings(list, {})).toEqual(list);
  });
});
