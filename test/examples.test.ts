import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import { compileYaml, example, htmlText } from './helpers.js';
import { figureForm, SEED_FIGURES } from './seed-figures.js';

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
