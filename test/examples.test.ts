import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileYaml, example, EXAMPLES, htmlText, runCli, tempDir } from './helpers.js';
import { figureForm, recordedCount, SEED_FIGURES } from './seed-figures.js';

describe.each(Object.keys(SEED_FIGURES))('example %s', (name) => {
  it('compiles without errors, warning only that the seed report leaves out Part 3 (第一责任人)', async () => {
    const r = await compileYaml(example(name), ['md', 'html'], undefined, `examples/${name}`);
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['regulation/missing-part', 'warning']]);
    expect(r.diagnostics[0]?.reason).toMatch(/^Part 3（党政主要负责人履行推进法治建设第一责任人职责情况） is missing/);
  });

  it('states every figure of the seed report in Markdown and HTML', async () => {
    const r = await compileYaml(example(name));
    const text = htmlText(r.html);
    for (const figure of SEED_FIGURES[name] ?? []) {
      expect(figureForm(r.md.replace(/\*\*|\\/g, '')), `md lacks ${figure}`).toContain(figure);
      expect(figureForm(text), `html lacks ${figure}`).toContain(figure);
    }
  });

  it('never prints a missing value or an empty figure', async () => {
    const r = await compileYaml(example(name));
    for (const out of [r.md, htmlText(r.html)]) {
      expect(out).not.toMatch(/undefined|NaN|null|\{\{|\[object/);
      expect(out).not.toMatch(/[共计达][件次人名份场项个条]/);
      expect(out).not.toMatch(/[\p{Script=Han}] [\p{Script=Han}]/u);
    }
  });

  it('writes Markdown that parses and stringifies back to the same bytes', async () => {
    const r = await compileYaml(example(name));
    const again = String(
      await remark()
        .use((await import('remark-gfm')).default)
        .use((await import('remark-cjk-friendly')).default)
        .use({ settings: { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true } })
        .process(r.md),
    );
    expect(again).toBe(r.md);
  });
});

describe('the roll-up of the examples', () => {
  it('records in summary.csv at least 70% of each seed report’s figures, each under its own column', async () => {
    const dir = tempDir('rollup-');
    const r = await runCli(['build', EXAMPLES, '--out', join(dir, 'out'), '--format', 'md'], dir);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...rows] = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = head!.split(',');
    // Columns are unique, and a township's own figures have columns of their own.
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).toContain('反诈宣传视频（条）');
    for (const name of Object.keys(SEED_FIGURES)) {
      const row = rows.map((line) => line.split(',')).find((cells) => cells[3]?.endsWith(name));
      expect(row, name).toBeDefined();
      const recorded = recordedCount(row!.slice(4), SEED_FIGURES[name]!);
      expect(recorded / SEED_FIGURES[name]!.length, `${name}: ${recorded}/${SEED_FIGURES[name]!.length}`).toBeGreaterThanOrEqual(0.7);
    }
  });
});
