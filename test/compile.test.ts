// compile() itself (src/compile/index.ts): what it does between the stages — the checks of data
// that did not load, the encoding warning, the pack that prints no parts, what counts as a part
// with text, last year's figures under the township's own templates, the files a report depends on.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile } from '../src/compile/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { loadPack, type Pack, STANDARD_PACK } from '../src/render/index.js';
import { MINIMAL, standardPack, tempDir } from './helpers.js';

const rules = (ds: readonly Diagnostic[]) => ds.map((d) => d.ruleId);

/** The standard pack, changed: `edit` is given the pack's folder (a copy) before it is loaded. */
function changedPack(edit: (dir: string) => void): Pack {
  const dir = tempDir('compile-pack-');
  cpSync(STANDARD_PACK, dir, { recursive: true });
  edit(dir);
  const { pack, diagnostics } = loadPack(dir);
  if (!pack) throw new Error(JSON.stringify(diagnostics));
  return pack;
}

async function md(file: string, source: string, pack: Pack, options: Partial<CompileOptions> = {}) {
  const c = await compile(file, source, pack, { formats: ['md'], ...options });
  return { ...c, md: c.outputs.md ? new TextDecoder().decode(c.outputs.md) : '' };
}

describe('compile', () => {
  it('passes on an error that is not the time limit, not reported as the township taking too long', async () => {
    const broken = { ...standardPack(), meta: undefined } as unknown as Pack;
    await expect(compile('a.yaml', MINIMAL, broken, { formats: ['md'] })).rejects.toThrow(TypeError);
  });

  it('warns of the encoding only when the file was not read as UTF-8', async () => {
    const utf8 = await md('a.yaml', MINIMAL, standardPack(), { encoding: 'utf-8' });
    expect(rules(utf8.diagnostics)).not.toContain('input/encoding');
    expect(utf8.md).not.toBe('');
    const gbk = await md('a.yaml', MINIMAL, standardPack(), { encoding: 'gb18030' });
    expect(gbk.diagnostics.filter((d) => d.ruleId === 'input/encoding')).toMatchObject([{ severity: 'warning', line: 1, column: 1 }]);
  });

  describe('data with errors is still checked for what it holds', () => {
    it('with the pack’s own deadline', async () => {
      const early = changedPack((dir) => {
        const file = join(dir, 'pack.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('deadline: "03-01"', 'deadline: "02-01"'));
      });
      const source = `${MINIMAL}colour: 红\n`;
      const late = await md('a.yaml', source, early);
      expect(late.data).toBeUndefined();
      expect(rules(late.diagnostics)).toEqual(['data/unknown-key', 'regulation/late-date']);
      expect(late.diagnostics[1]?.reason).toContain('2月1日');
      // The standard pack's deadline, 1 March, is after the date.
      expect(rules((await md('a.yaml', source, standardPack())).diagnostics)).toEqual(['data/unknown-key']);
    });

    it('but a date taken out for its error is not also a date missing; one not written, or left blank, is', async () => {
      const c = await md('a.yaml', MINIMAL.replace('date: 2026-02-05', 'date: 2026-13-45'), standardPack());
      expect(rules(c.diagnostics)).toEqual(['data/invalid-value']);
      // Without a date at all, it is one to fill in.
      const missing = await md('a.yaml', `${MINIMAL.replace('date: 2026-02-05\n', '')}colour: 红\n`, standardPack());
      expect(rules(missing.diagnostics)).toEqual(['data/unknown-key', 'regulation/missing-date']);
      for (const empty of ['date:', 'date: ~']) {
        const blank = await md('a.yaml', `${MINIMAL.replace('date: 2026-02-05', empty)}colour: 红\n`, standardPack());
        expect(rules(blank.diagnostics)).toEqual(['data/unknown-key', 'regulation/missing-date']);
      }
      const list = await md('a.yaml', MINIMAL.replace('date: 2026-02-05', 'date: [2026-02-05]'), standardPack());
      expect(rules(list.diagnostics)).toEqual(['data/wrong-type']);
    });
  });

  describe('a part of the township’s own has text when any of its levels has', () => {
    const parts = (yaml: string) => `${MINIMAL}parts:\n  - part: 1\n    heading: 成效\n    body: 正文。\n${yaml}`;
    const missing = async (source: string) =>
      (await md('a.yaml', source, standardPack())).diagnostics.filter((d) => d.ruleId === 'regulation/missing-part').map((d) => d.reason.match(/Part (\d)/)?.[1]);

    it.each([
      [
        'text only in its third level, beside a third level without',
        '  - part: 2\n    heading: 甲\n    sections:\n      - heading: 乙\n        sections:\n          - heading: 丙\n          - heading: 丁\n            body: 正文。\n',
        ['3', '4'],
      ],
      ['text in its second level, which has no third', '  - part: 2\n    heading: 甲\n    sections:\n      - heading: 乙\n        body: 正文。\n', ['3', '4']],
      ['headings only, at every level', '  - part: 2\n    heading: 甲\n    body: " "\n    sections:\n      - heading: 乙\n        sections:\n          - heading: 丙\n', ['2', '3', '4']],
      ['a second level without text or levels of its own', '  - part: 2\n    heading: 甲\n    sections:\n      - heading: 乙\n', ['2', '3', '4']],
    ])('%s', async (_, yaml, expected) => {
      expect(await missing(parts(yaml))).toEqual(expected);
    });
  });

  describe('a pack that prints no parts', () => {
    const noParts = () => changedPack((dir) => rmSync(join(dir, 'sections', '05-parts.md')));

    it('is an error where the data file has parts with text, at `parts:`, even when some parts are empty', async () => {
      const source = `${MINIMAL}parts:\n  - heading: 甲\n  - heading: 乙\n    body: 正文。\n`;
      const c = await md('a.yaml', source, noParts());
      const found = c.diagnostics.filter((d) => d.ruleId === 'template/pack');
      expect(found).toMatchObject([{ severity: 'error', line: 7, column: 1 }]);
      expect(found[0]?.reason).toBe('The template pack has no section that prints `parts`: the whole body of the report would be missing');
      expect(c.outputs.md).toBeUndefined();
    });

    it('is no matter where no part has text', async () => {
      const c = await md('a.yaml', `${MINIMAL}parts:\n  - heading: 甲\n`, noParts());
      expect(rules(c.diagnostics)).not.toContain('template/pack');
    });
  });

  describe('with the data file’s path', () => {
    function folder() {
      const dir = tempDir('compile-');
      mkdirSync(join(dir, 'data'));
      writeFileSync(join(dir, 'data', 'a-2024.yaml'), `${MINIMAL.replace('year: 2025', 'year: 2024').replace('2026-02-05', '2025-02-05')}achievements:\n  enforcement:\n    inspections: 10\n`);
      writeFileSync(join(dir, 'mine.md'), '---\npart: 5\ntitle: 其他\n---\n## 其他需要报告的情况\n\n本乡自己的写法。\n');
      return dir;
    }
    const source = `${MINIMAL}achievements:\n  enforcement:\n    inspections: 15\n`;

    it('compares with last year under the township’s own templates too, and depends on exactly the files it read', async () => {
      const dir = folder();
      const path = join(dir, 'data', 'a-2025.yaml');
      const plain = await md('a-2025.yaml', source, standardPack(), { path, roots: [dir] });
      expect(plain.md).toContain('较上年增加5次');
      expect(plain.dependencies).toEqual([join(dir, 'data', 'a-2024.yaml')]);
      const own = await md('a-2025.yaml', `${source}other: 无。\noverrides:\n  other: ../mine.md\n`, standardPack(), { path, roots: [dir] });
      expect(own.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(own.md).toContain('本乡自己的写法。');
      expect(own.md).toContain('较上年增加5次');
      expect(own.dependencies).toEqual([join(dir, 'data', 'a-2024.yaml'), join(dir, 'mine.md')]);
    });

    it('refuses last year’s file beside it when it is a link that leads outside, naming the file', async () => {
      const dir = folder();
      const outside = tempDir('compile-outside-');
      writeFileSync(join(outside, 'x.yaml'), MINIMAL.replace('year: 2025', 'year: 2024'));
      rmSync(join(dir, 'data', 'a-2024.yaml'));
      symlinkSync(join(outside, 'x.yaml'), join(dir, 'data', 'a-2024.yaml'));
      const c = await md('a-2025.yaml', source, standardPack(), { path: join(dir, 'data', 'a-2025.yaml'), roots: [dir] });
      const found = c.diagnostics.filter((d) => d.ruleId === 'data/outside-path');
      expect(found).toMatchObject([{ line: 1, column: 1 }]);
      expect(found[0]?.reason).toContain('a-2024.yaml');
      expect(c.md).not.toContain('较上年');
    });

    it('names last year’s file with errors in the note, so it can be checked', async () => {
      const dir = folder();
      writeFileSync(join(dir, 'data', 'a-2024.yaml'), `${MINIMAL.replace('year: 2025', 'year: 2024')}colour: 红\n`);
      const c = await md('a-2025.yaml', source, standardPack(), { path: join(dir, 'data', 'a-2025.yaml'), roots: [dir] });
      const found = c.diagnostics.filter((d) => d.ruleId === 'data/previous-year');
      expect(found.map((d) => [d.reason, d.note])).toEqual([["Last year's file a-2024.yaml has 1 error(s), so year-on-year figures are left out", 'Run “report check a-2024.yaml”.']]);
    });
  });
});
