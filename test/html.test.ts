import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileYaml, example, exampleParts, ROOT } from './helpers.js';
import { launchChromium, type Browser } from './browser.js';

const EXAMPLES = ['jinping-2025.yaml', 'zuolan-2024.yaml', 'tongle-2025.yaml'];
const browser = await launchChromium();

describe.skipIf(!browser.available)('HTML rendered in headless Chromium', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await browser.launch();
  });
  afterAll(async () => {
    await b?.close();
  });

  it.each(EXAMPLES)('%s shows its title and parts like an official document', async (name) => {
    const { html } = await compileYaml(example(name));
    const page = await b.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(html);
    const title = await page.title();
    expect(title).toMatch(/年法治政府建设.*报告$/);
    const px = (s: string) => Number.parseFloat(s);
    const h1 = page.locator('h1.title');
    expect(await h1.isVisible()).toBe(true);
    expect(await h1.evaluate((e) => getComputedStyle(e).textAlign)).toBe('center');
    // The title: 2号 (22pt) in the title font (GB/T 9704 7.3.2).
    expect(px(await h1.evaluate((e) => getComputedStyle(e).fontSize))).toBeCloseTo((22 * 96) / 72, 2);
    expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/^"?方正小标宋简体"?,/);
    const parts = await page.locator('h2').allInnerTexts();
    expect(parts).toEqual(exampleParts(name));
    for (const h of await page.locator('h2').all()) expect(await h.isVisible()).toBe(true);
    // Body paragraphs: 16pt (3号), two-character first-line indent.
    const p = page.locator('article p:not([class])').first();
    expect(px(await p.evaluate((e) => getComputedStyle(e).fontSize))).toBeCloseTo((16 * 96) / 72, 2);
    expect(px(await p.evaluate((e) => getComputedStyle(e).textIndent))).toBeCloseTo((2 * 16 * 96) / 72, 1);
    // The page is A4 wide.
    const width = await page.locator('article').evaluate((e) => e.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(Math.round((210 / 25.4) * 96));
    const dir = join(ROOT, 'test', '.artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name.replace('.yaml', '.png')), await page.screenshot({ fullPage: true }));
    await page.close();
  });
});
