// Loading a template pack: which files are its sections and partials, the settings it passes on,
// Handlebars' errors in the user's words with their places, and the pack's hash for rebuilds.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadReport, type ReportData } from '../src/load/index.js';
import { loadPack, render, sectionId, STANDARD_PACK, templateContext } from '../src/render/index.js';
import { packChainDirs, packFiles, packHash } from '../src/render/pack-files.js';
import { TemplateError, templateMessage } from '../src/render/pack.js';
import { MINIMAL, tempDir } from './helpers.js';

/** A copy of the standard pack with these files written into it (paths relative to the pack). */
function packWith(files: Record<string, string>): string {
  const dir = tempDir('pack-');
  cpSync(STANDARD_PACK, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A pack of its own (no `extends`) made of these files. */
function ownPack(files: Record<string, string>): string {
  const dir = tempDir('own-pack-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function data(yaml = MINIMAL): ReportData {
  const loaded = loadReport('t.yaml', yaml);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.data!;
}

/** The Markdown of the one section `id` of `dir`'s pack rendered for MINIMAL. */
function renderSection(dir: string, id: string, yaml = MINIMAL) {
  const { pack, diagnostics } = loadPack(dir);
  expect(diagnostics).toEqual([]);
  const r = render(pack!, data(yaml));
  return { markdown: r.sections.find((s) => s.id === id)?.markdown, diagnostics: r.diagnostics };
}

const SECTION = '---\npart: 5\n---\n## 附加\n\n';

describe('values printed by a template', () => {
  it('print nothing for false, a missing key and null, and the text of a SafeString', () => {
    const dir = packWith({ 'sections/45-extra.md': `${SECTION}[{{eq 1 2}}][{{lookup township "nope"}}][{{eq 1 1}}]\n` });
    expect(renderSection(dir, 'extra').markdown).toContain('[][][true]');
    // The escaping the pack installs, called as a compiled template calls it.
    const escapeValue = (Handlebars.Utils as unknown as { escapeExpression: (v: unknown) => string }).escapeExpression;
    expect([null, undefined, false, 0, ''].map(escapeValue)).toEqual(['', '', '', '0', '']);
    expect(escapeValue(new Handlebars.SafeString('**x**'))).toBe('**x**');
    expect(escapeValue('**x**')).toBe('\\*\\*x\\*\\*');
  });
});

describe('the files of a pack', () => {
  it('take partials only from .md and .hbs files, a later name in order winning', () => {
    const dir = packWith({
      'partials/p.md': 'from md',
      'partials/p.hbs': 'from hbs',
      // Not partials: broken templates that would be errors if they were read.
      'partials/notes.txt': '{{#if}}',
      'partials/old.md.bak': '{{#if x}}{{/each}}',
      'partials/old.hbs~': '{{#if x}}{{/each}}',
      'sections/45-extra.md': `${SECTION}[{{> p}}]\n`,
    });
    expect(renderSection(dir, 'extra').markdown).toContain('[from md]');
  });

  it('take sections only from .md files', () => {
    const dir = packWith({ 'sections/notes.txt': '{{#if x}}{{/each}}', 'sections/46-old.md.bak': '## 旧', 'sections/45-extra.md': `${SECTION}文字\n` });
    const { pack, diagnostics } = loadPack(dir);
    expect(diagnostics).toEqual([]);
    expect(pack!.sections.map((s) => s.id)).toContain('extra');
    expect(pack!.sections.some((s) => s.file.includes('notes') || s.file.includes('.bak'))).toBe(false);
  });

  it('report a pack with no sections at all', () => {
    const dir = ownPack({ 'pack.yaml': 'name: empty\ntitle: "{{township.government}}报告"\n', 'sections/readme.txt': 'not a section' });
    const { pack, diagnostics } = loadPack(dir, join(dir, '..'));
    expect(pack).toBeUndefined();
    expect(diagnostics.map((d) => [d.ruleId, d.reason])).toEqual([['template/pack', `The template pack ${basename(dir)} has no sections/*.md`]]);
  });

  it('name a section by its file, without the number in front', () => {
    expect(['30-responsibility.md', '05_other.md', 'part2-extra.md', 'a1-x.md', '12.md'].map(sectionId)).toEqual(['responsibility', 'other', 'part2-extra', 'a1-x', '12']);
  });

  it('pass on the numbering settings of pack.yaml, a later pack in the chain winning', () => {
    const dir = ownPack({
      'pack.yaml': 'name: own\nextends: standard\nnumbering:\n  run_in_separator: "："\n',
    });
    expect(loadPack(dir).pack?.meta.numbering).toEqual({ run_in: [3], run_in_separator: '：' });
    const plain = ownPack({ 'pack.yaml': 'name: own\ntitle: 报告\n', 'sections/10-a.md': '## 甲\n' });
    expect(loadPack(plain).pack?.meta.numbering).toEqual({ run_in: [], run_in_separator: '。' });
  });

  it("keep the templates of the pack, not those of a township's own sections compiled later", () => {
    const { pack } = loadPack(STANDARD_PACK);
    const before = pack!.templates.length;
    const own = pack!.compileSection('own.md', '## 自己的\n\n{{township.name}}\n');
    expect(own.diagnostics).toEqual([]);
    expect(own.render?.(templateContext(data()))).toContain('测试乡');
    expect(pack!.templates).toHaveLength(before);
  });
});

describe("Handlebars' errors in the user's words", () => {
  it('say which name is not defined, which block is closed by which, and the line of a parse error', () => {
    expect(templateMessage('"nmae" not defined in [object Object]')).toBe('“nmae” is not defined');
    expect(templateMessage("if doesn't match each")).toBe('{{#if}} is closed by {{/each}}; close it with {{/if}}');
    expect(templateMessage('Parse error on line 12:')).toBe('the {{ }} on line 12 is incomplete or has a stray character');
    // Only at the start of a message: elsewhere they are the words of some other error.
    for (const other of ['x "nmae" not defined', "the if doesn't match each", 'a Parse error on line 12:', 'Parse error on line x']) {
      expect(templateMessage(other)).toBe(other);
    }
  });

  /** The one diagnostic of a pack whose extra section is `body`, after the front matter's three lines. */
  const syntaxError = (body: string) => {
    const { pack, diagnostics } = loadPack(packWith({ 'sections/45-extra.md': `${SECTION}${body}` }));
    expect(pack).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    return diagnostics[0]!;
  };

  it('give a block closed by another at its line and column, without the place Handlebars appends', () => {
    const d = syntaxError(`${'\n'.repeat(8)}${' '.repeat(12)}{{#if other}}\n文字\n{{/each}}\n`);
    expect(d).toMatchObject({ ruleId: 'template/syntax', line: 14, column: 16 });
    expect(d.reason).toBe('Template syntax error: {{#if}} is closed by {{/each}}; close it with {{/if}}');
  });

  it('give a parse error at its line (past the ninth), with the code it stopped at', () => {
    const d = syntaxError(`${'文字\n'.repeat(9)}共{{fig achievements.x}件\n`);
    expect(d).toMatchObject({ ruleId: 'template/syntax', line: 15, column: 1 });
    expect(d.reason).toBe('Template syntax error: the {{ }} on line 12 is incomplete or has a stray character：...{{fig achievements.x}件');
  });

  it('give the code a parse error stopped at even when it ends like the pointer line', () => {
    expect(syntaxError('{{a}^\n').reason).toBe('Template syntax error: the {{ }} on line 3 is incomplete or has a stray character：## 附加{{a}^');
  });

  it('give a path Handlebars refuses in its words, the place it appends left to the line and column', () => {
    expect(syntaxError(`${'文字\n'.repeat(9)}${' '.repeat(10)}{{township/this}}\n`)).toMatchObject({ line: 15, column: 13, reason: 'Template syntax error: Invalid path: township/this' });
  });

  it('trim the code a parse error stopped at, and keep a line of it that starts or ends like the pointer', () => {
    const at = (body: string) => loadPack(packWith({ 'sections/45-extra.md': `---\npart: 5\n---\n${body}` })).diagnostics[0]?.reason;
    expect(at('   {{a}^   \n')).toBe('Template syntax error: the {{ }} on line 1 is incomplete or has a stray character：{{a}^');
    expect(at('^{{!-- 注释 ^')).toBe('Template syntax error: Lexical error on line 1. Unrecognized text. ^{{!-{{!-- 注释 ^');
  });

  it('give a lexical error in its own words, without the pointer line', () => {
    const d = syntaxError('文字 {{!-- 没有结束的注释\n');
    expect(d).toMatchObject({ ruleId: 'template/syntax', line: 6 });
    expect(d.reason).toBe('Template syntax error: Lexical error on line 3. Unrecognized text. ## 附加文字 {{!-{{!-- 没有结束的注释');
  });

  it('give a field not defined while rendering at its line and column, in words', () => {
    const dir = packWith({ 'sections/45-extra.md': `${SECTION}第一行\n\n${' '.repeat(10)}{{township.nmae}}\n` });
    const { markdown, diagnostics } = renderSection(dir, 'extra');
    expect(markdown).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'template/runtime', line: 8, column: 13 });
    expect(diagnostics[0]!.reason).toBe('The template failed while rendering: “nmae” is not defined');
    expect(diagnostics[0]!.note).toMatch(/^The template names a field the data file format does not have/);
  });

  it('give a helper refusing its value in its words, with the note to fix the template', () => {
    const dir = packWith({ 'sections/45-extra.md': `${SECTION}共{{fig achievements.disputes.total "件"}}\n` });
    const { diagnostics } = renderSection(dir, 'extra', `${MINIMAL}achievements:\n  disputes:\n    screenings: 2\n`);
    expect(diagnostics.map((d) => [d.ruleId, d.note, d.line])).toEqual([['template/runtime', 'Fix the template at this line.', undefined]]);
  });

  it('keep a thrown value that is not an Error as its text, with no place', () => {
    const e = new TemplateError('a.md', 4, undefined);
    expect([e.message, e.file, e.start]).toEqual(['undefined', 'a.md', undefined]);
    const at = new TemplateError('a.md', 4, Object.assign(new Error('boom - 3:5'), { lineNumber: 3, column: 5 }));
    expect([at.message, at.start]).toEqual(['boom - 3:5', { line: 7, column: 6 }]);
  });
});

describe('what the templates see, and the title', () => {
  it("call the head of a 街道 its office's director, and of a 乡 or 镇 its 乡长 or 镇长", () => {
    const heads = ['乡', '镇', '街道'].map((kind) => templateContext(data(MINIMAL.replace('kind: 乡', `kind: ${kind}`))).township.head_title);
    expect(heads).toEqual(['乡长', '镇长', '街道办事处主任']);
  });

  it("trim a title of the data file's own, and undo the escaping in a title the template made", () => {
    const { pack } = loadPack(STANDARD_PACK);
    expect(render(pack!, data(`${MINIMAL}title: "  自定的标题  "\n`)).title).toBe('自定的标题');
    const made = render(pack!, data(MINIMAL.replace('  county:', '  government: "测试*乡[人民]政府_"\n  county:'))).title;
    expect(made).toBe('测试*乡[人民]政府_2025年法治政府建设年度报告');
    const spaced = ownPack({ 'pack.yaml': 'name: own\ntitle: "  {{township.government}}的报告  "\n', 'sections/10-a.md': '## 甲\n' });
    expect(render(loadPack(spaced).pack!, data()).title).toBe('测试乡人民政府的报告');
  });
});

describe('the files that decide a pack’s output', () => {
  it('list pack.yaml, then partials and sections in name order, and nothing else', () => {
    const files: Record<string, string> = { 'pack.yaml': 'name: x\ntitle: t\n', 'sections/notes.txt': 'x', 'partials/a.txt': 'x' };
    for (const n of [7, 3, 9, 1, 5, 0, 8, 2, 6, 4]) {
      files[`sections/${n}0-s.md`] = '## s';
      files[`partials/q${n}.hbs`] = 'x';
    }
    const dir = ownPack(files);
    const listed = packFiles(dir).map((f) => f.slice(dir.length + 1));
    expect(listed).toEqual(['pack.yaml', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `partials/q${n}.hbs`), ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `sections/${n}0-s.md`)]);
  });

  it('follow extends to the standard pack, and stop at a pack.yaml that is not YAML', () => {
    const dir = ownPack({ 'pack.yaml': 'name: x\nextends: standard\n' });
    expect(packChainDirs(dir)).toEqual([dir, STANDARD_PACK]);
    const base = ownPack({ 'pack.yaml': 'name: [unclosed\nextends: standard\n' });
    const child = ownPack({ 'pack.yaml': `name: c\nextends: ${JSON.stringify(base)}\n` });
    expect(packChainDirs(child)).toEqual([child, base]);
  });

  it('hash where each pack of the chain begins, not only the bytes of its files', () => {
    // The same bytes in the same order, the boundary between child and base in another place.
    const chain = (partial: string, basePack: string) => {
      const dir = ownPack({ 'base/pack.yaml': basePack, 'child/pack.yaml': 'extends: ../base\n', 'child/partials/p.md': partial });
      return { base: join(dir, 'base'), child: join(dir, 'child') };
    };
    const a = chain('Q\0/pack.yaml\0R', 'R');
    const b = chain('Q', 'R\0/pack.yaml\0R');
    // Both chains are child then base (the base's pack.yaml ends them: one has no extends, one is not YAML).
    expect(packChainDirs(a.child)).toEqual([a.child, a.base]);
    expect(packChainDirs(b.child)).toEqual([b.child, b.base]);
    expect(packHash(a.child)).not.toBe(packHash(b.child));
  });
});
