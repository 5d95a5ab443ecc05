import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../src/load/json-schema.js';
import { BIN, EXAMPLES, MINIMAL, ROOT, runCli, STANDARD_MODEL, tempDir } from './helpers.js';

describe('report init', () => {
  it('writes a commented data file with every field that checks and builds as it is', async () => {
    const dir = tempDir();
    const r = await runCli(['init', '--township', '金坪乡', '--kind', '乡', '--county', '城口县', '--year', '2025'], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, '金坪乡-2025.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/report\.schema\.json\n/);
    expect(text).toContain('  name: 金坪乡  # 乡镇（街道）名称，如 金坪乡');
    expect(text).toContain('    group_meetings:  # 法治政府建设领导小组专题会议（次）');
    // Every field of the schema appears, each with a Chinese comment.
    for (const field of [
      'recipient',
      'doc_number',
      'opening',
      'achievements',
      'legal_education',
      'exam_pass_rate',
      'shortcomings',
      'causes',
      'responsibility',
      'party_secretary',
      'plans',
      'other',
      'previous',
      'overrides',
    ]) {
      expect(text, field).toMatch(new RegExp(`^\\s*#?\\s*-?\\s*${field}:.*#\\s*\\S`, 'm'));
    }
    const check = await runCli(['check', '金坪乡-2025.yaml'], dir);
    expect(check.code).toBe(0);
    const build = await runCli(['build', '金坪乡-2025.yaml', '--out', 'out'], dir);
    expect(build.code).toBe(0);
    expect(readFileSync(join(dir, 'out', '金坪乡-2025.md'), 'utf8')).toMatch(/^# 金坪乡人民政府2025年法治政府建设年度报告/);
  });

  it('never overwrites a file without --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), 'my work');
    const r = await runCli(['init', '--out', 'mine.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mine\.yaml already exists; choose another --out, or add --force/);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('my work');
    expect((await runCli(['init', '--out', 'mine.yaml', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('township:');
  });

  it('without options, writes last year’s file of a township of the kind given, named after both', async () => {
    const last = new Date().getFullYear() - 1;
    for (const kind of ['乡', '镇', '街道']) {
      const dir = tempDir();
      const r = await runCli(['init', '--kind', kind], dir);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(join(dir, `某某${kind}-${last}.yaml`), 'utf8');
      expect(text).toContain(`year: ${last}`);
      expect(text).toContain(`kind: ${kind}`);
    }
  });

  it('refuses a kind that is not 乡, 镇 or 街道', async () => {
    const r = await runCli(['init', '--kind', '村', '--out', join(tempDir(), 'x.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--kind must be one of 乡、镇、街道/);
  });
});

describe('report schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(reportJsonSchema());

  it('matches the committed schema/report.schema.json', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
    expect(JSON.parse(r.stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('gives every field a Chinese title and description, for hover and completion in an editor', () => {
    const fields: [string, Record<string, unknown>][] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        for (const n of node) walk(n, path);
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        if (key === 'properties') {
          for (const [name, field] of Object.entries(value as Record<string, Record<string, unknown>>)) {
            fields.push([`${path}.${name}`, field]);
            walk(field, `${path}.${name}`);
          }
        } else walk(value, path);
      }
    };
    walk(reportJsonSchema(), '');
    expect(fields.length).toBeGreaterThan(100);
    const han = /\p{Script=Han}/u;
    const latinWords = /[A-Za-z]{3,}\s+[A-Za-z]{3,}/;
    const bad = fields.filter(
      ([, f]) => !(typeof f['title'] === 'string' && han.test(f['title']) && typeof f['description'] === 'string' && han.test(f['description']) && !latinWords.test(f['description'])),
    );
    expect(bad.map(([path]) => path)).toEqual([]);
    const disputes = fields.find(([path]) => path === '.achievements.disputes.resolved');
    expect(disputes?.[1]['title']).toBe('成功化解');
  });

  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')))('accepts examples/%s, which references it', (name) => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/report.schema.json');
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a wrong type', MINIMAL.replace('year: 2025', 'year: 二〇二五')],
    ['an unknown key', MINIMAL.replace('  county:', '  contry: x\n  county:')],
    ['a missing identity field', MINIMAL.replace('  county: 某某县\n', '')],
    ['a kind outside 乡/镇/街道', MINIMAL.replace('kind: 乡', 'kind: 村')],
    ['a figure that is no number', `${MINIMAL}achievements:\n  disputes:\n    total: 很多\n`],
  ])('rejects %s', (_name, yaml) => {
    expect(validate(parse(yaml))).toBe(false);
  });

  it('has Chinese descriptions', () => {
    const s = JSON.stringify(reportJsonSchema());
    expect(s).toContain('"description":"乡镇（街道）名称，如 金坪乡"');
    expect(s).toContain('"description":"三、党政主要负责人履行推进法治建设第一责任人职责情况"');
  });
});

describe('year on year', () => {
  function twoYears() {
    const dir = tempDir();
    const now = readFileSync(join(STANDARD_MODEL, 'tongle-2025.yaml'), 'utf8');
    writeFileSync(join(dir, 'tongle-2025.yaml'), now);
    writeFileSync(
      join(dir, 'tongle-2024.yaml'),
      now
        .replace('year: 2025', 'year: 2024')
        .replace('date: 2026-01-26', 'date: 2025-01-20')
        .replace('    total: 95', '    total: 80')
        .replace('    inspections: 422', '    inspections: 400')
        .replace('    campaigns: 18', '    campaigns: 20'),
    );
    return dir;
  }

  it('finds last year’s file by its name and states the changes where they read naturally', async () => {
    const dir = twoYears();
    const r = await runCli(['build', 'tongle-2025.yaml', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'out', 'tongle-2025.md'), 'utf8');
    expect(md).toContain('排查调处矛盾纠纷95件，同比增长18.8%，化解率100%');
    expect(md).toContain('开展行政执法检查422次，较上年增加22次');
    expect(md).toContain('开展法治宣传活动18场，较上年减少2场');
  });

  it('says nothing of last year when there is no file for it', async () => {
    const dir = tempDir();
    cpSync(join(STANDARD_MODEL, 'tongle-2025.yaml'), join(dir, 'tongle-2025.yaml'));
    await runCli(['build', 'tongle-2025.yaml', '--out', 'out', '--format', 'md'], dir);
    const md = readFileSync(join(dir, 'out', 'tongle-2025.md'), 'utf8');
    expect(md).not.toMatch(/同比|较上年/);
  });

  it('rebuilds this year’s report when last year’s file changes', async () => {
    const dir = twoYears();
    await runCli(['build', 'tongle-2025.yaml', '--out', 'out', '--format', 'md'], dir);
    expect((await runCli(['build', 'tongle-2025.yaml', '--out', 'out', '--format', 'md'], dir)).stderr).toMatch(/1 unchanged/);
    writeFileSync(join(dir, 'tongle-2024.yaml'), readFileSync(join(dir, 'tongle-2024.yaml'), 'utf8').replace('    total: 80', '    total: 90'));
    const r = await runCli(['build', 'tongle-2025.yaml', '--out', 'out', '--format', 'md'], dir);
    expect(r.stderr).toMatch(/1 built/);
    expect(readFileSync(join(dir, 'out', 'tongle-2025.md'), 'utf8')).toContain('95件，同比增长5.6%');
  });
});

describe('template customisation', () => {
  it('a township overrides one section and only that section changes', async () => {
    const dir = tempDir();
    const source = readFileSync(join(STANDARD_MODEL, 'zuolan-2024.yaml'), 'utf8');
    writeFileSync(join(dir, 'zuolan-2024.yaml'), source);
    await runCli(['build', 'zuolan-2024.yaml', '--out', 'before', '--format', 'md'], dir);
    writeFileSync(join(dir, '第一责任人.md'), '## 党政主要负责人履行第一责任人职责情况\n\n{{township.name}}党委书记{{paras responsibility.party_secretary.text}}\n');
    writeFileSync(join(dir, 'zuolan-2024.yaml'), `${source}overrides:\n  responsibility: 第一责任人.md\n`);
    const r = await runCli(['build', 'zuolan-2024.yaml', '--out', 'after', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    const before = readFileSync(join(dir, 'before', 'zuolan-2024.md'), 'utf8').split('\n');
    const after = readFileSync(join(dir, 'after', 'zuolan-2024.md'), 'utf8').split('\n');
    const changed = after.filter((l) => !before.includes(l));
    const duties = before.find((l) => l.startsWith('乡党委书记认真履行'));
    expect(changed).toEqual(['## 三、党政主要负责人履行第一责任人职责情况', `左岚乡党委书记${duties}`]);
    expect(before.filter((l) => !after.includes(l))).toEqual(['## 三、党政主要负责人履行推进法治建设第一责任人职责情况', '### （一）党委书记履行第一责任人职责情况', duties]);
  });

  it('names an override of a section the pack does not have, with its line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), `${MINIMAL}overrides:\n  responsibilty: x.md\n`);
    const r = await runCli(['check', 'a.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /a\.yaml:8:3 +error +`overrides\.responsibilty`: the template pack has no section “responsibilty”  template\/override\n  → Sections: opening, parts, achievements, shortcomings, responsibility, plans, other/,
    );
  });

  it('a custom pack extends the standard one, replacing and adding sections', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pack', 'sections'), { recursive: true });
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: 某某县\nextends: standard\ntitle: "{{township.government}}关于{{year}}年度法治政府建设工作的报告"\nlayout:\n  body_font: 仿宋\n');
    writeFileSync(join(dir, 'pack', 'sections', '55-county.md'), '---\npart: 5\n---\n## 县里要求报告的事项\n\n按县里要求报告。\n');
    writeFileSync(join(dir, 'a.yaml'), `${MINIMAL}other: 无。\n`);
    const r = await runCli(['build', 'a.yaml', '--template', 'pack', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'out', 'a.md'), 'utf8');
    expect(md).toMatch(/^# 测试乡人民政府关于2025年度法治政府建设工作的报告/);
    expect(md).toContain('## 一、其他需要报告的情况');
    expect(md).toContain('## 二、县里要求报告的事项');
    const t = await runCli(['templates', '--template', 'pack'], dir);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/pack 某某县: .*templates\/standard ← .*pack/);
    expect(t.stdout).toMatch(/county +part 5 .*55-county\.md/);
    expect(t.stdout).toMatch(/responsibility +part 3 +required +.*templates\/standard\/sections\/30-responsibility\.md/);
  });
});

describe('report build --watch', () => {
  it('rebuilds a township shortly after its data file changes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), `${MINIMAL}other: 第一版。\n`);
    const child = spawn(process.execPath, [BIN, 'build', 'data', '--out', 'out', '--format', 'md', '--watch'], { cwd: dir, env: { ...process.env, CI: 'true', REPORT_LANG: 'en' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const until = async (cond: () => boolean, ms = 20_000) => {
      const start = Date.now();
      while (!cond()) {
        if (Date.now() - start > ms) throw new Error(`timed out; stderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => err.includes('watching'));
      expect(readFileSync(join(dir, 'out', 'a.md'), 'utf8')).toContain('第一版。');
      const changed = Date.now();
      writeFileSync(join(dir, 'data', 'a.yaml'), `${MINIMAL}other: 第二版。\n`);
      await until(() => existsSync(join(dir, 'out', 'a.md')) && readFileSync(join(dir, 'out', 'a.md'), 'utf8').includes('第二版。'));
      const seconds = (Date.now() - changed) / 1000;
      expect(seconds).toBeLessThan(10);
      expect(err).toMatch(/change in data\/a\.yaml: rebuilding/);
      // A broken edit prints its diagnostics and keeps watching.
      writeFileSync(join(dir, 'data', 'a.yaml'), MINIMAL.replace('kind: 乡', 'kind: 村'));
      await until(() => /data\/a\.yaml:3:9 +error/.test(err));
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
    }
  });
});

describe('last year’s file that cannot be used', () => {
  it.each([
    ['names no file', 'previous: 去年.yaml\n', 'no-file', /t-2025\.yaml:7:11 +warning +`previous` is “去年\.yaml”, but there is no such file +data\/previous-year/],
    ['has errors', 'previous: last.yaml\n', 'broken', /t-2025\.yaml:7:11 +warning +Last year's file last\.yaml has 1 error\(s\), so year-on-year figures are left out +data\/previous-year/],
    ['reports on another year', 'previous: last.yaml\n', 'wrong-year', /t-2025\.yaml:7:11 +warning +Last year's file last\.yaml reports on 2023, not 2024 +data\/previous-year/],
  ])('is reported when it %s, and the report is still built', async (_name, field, kind, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 't-2025.yaml'), MINIMAL + field);
    if (kind === 'broken') writeFileSync(join(dir, 'last.yaml'), MINIMAL.replace('year: 2025', 'year: x'));
    if (kind === 'wrong-year') writeFileSync(join(dir, 'last.yaml'), MINIMAL.replace('year: 2025', 'year: 2023').replace('2026-02-05', '2024-02-05'));
    const r = await runCli(['build', 't-2025.yaml', '--out', 'out', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'out', 't-2025.md'), 'utf8')).not.toMatch(/同比|较上年/);
  });
});
