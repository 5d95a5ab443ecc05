// What each example builds into, byte for byte, in every format: the reviewed reference outputs in
// test/golden/. A change to what a township gets shows here as a diff to read; when it is meant,
// \`npm run golden\` writes the new outputs and the diff is committed with the change.
import { strFromU8, unzipSync } from 'fflate';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { compileYaml, example } from './helpers.js';

const EXAMPLES = ['jinping-2025.yaml', 'zuolan-2024.yaml', 'tongle-2025.yaml'];

describe('the examples build into their reference outputs', () => {
  it.each(EXAMPLES)('%s', async (name) => {
    const built = await compileYaml(example(name), ['md', 'html', 'docx']);
    const stem = name.replace(/\.yaml$/, '');
    await expect(built.md).toMatchFileSnapshot(`golden/${stem}.md`);
    await expect(built.html).toMatchFileSnapshot(`golden/${stem}.html`);
    // The DOCX as the text of its parts, each under its name, in the order of the package, one
    // element to a line so that a change reads as a diff.
    const parts = unzipSync(built.outputs.docx!);
    const text = Object.entries(parts)
      .map(([part, bytes]) => `==> ${part} <==\n${strFromU8(bytes).replaceAll('><', '>\n<')}\n`)
      .join('');
    await expect(text).toMatchFileSnapshot(`golden/${stem}.docx.txt`);
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
