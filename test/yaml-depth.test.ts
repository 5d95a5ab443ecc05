import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { type Clue, cluesFor } from '../src/cli/preview-page.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { setLang } from '../src/i18n/index.js';
import { MAX_DEPTH, readDocument } from '../src/yaml/depth.js';
import { parseYaml, type YamlRules } from '../src/yaml/index.js';
import { ROOT } from './helpers.js';

const RULES: YamlRules = { syntax: 'yaml/syntax', duplicateKey: 'yaml/duplicate-key', schema: 'data/invalid-value' };
const parse = (source: string) => parseYaml('a.yaml', source, RULES);
afterEach(() => setLang('en'));

/** `a: [[…]]` with k brackets: the key's line is one level, each bracket one more. */
const brackets = (k: number) => `a: ${'['.repeat(k)}${']'.repeat(k)}\n`;
/** k levels of keys, each indented one space more than the one before, the last a value. */
const indented = (k: number) => `${Array.from({ length: k - 1 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}${' '.repeat(k - 1)}x\n`;
/** One line of k list dashes: the line is one level, each dash one more. */
const dashes = (k: number) => `${'- '.repeat(k)}x\n`;

describe('how deep a YAML text nests', () => {
  const deep = (source: string) => readDocument(source).deep;

  it('passes every YAML file the project holds, read as parseDocument reads it', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
    const all = [...files(join(ROOT, 'examples')), ...files(join(ROOT, 'test', 'fixtures')), ...files(join(ROOT, 'test', 'golden'))];
    expect(all.length).toBeGreaterThan(30);
    for (const f of all) {
      const source = readFileSync(f, 'utf8');
      const { doc } = readDocument(source);
      const theirs = parseDocument(source, { prettyErrors: false });
      expect([f, doc?.toJS(), doc?.errors.map((e) => [e.code, e.pos])]).toEqual([f, theirs.toJS(), theirs.errors.map((e) => [e.code, e.pos])]);
    }
  });

  // The library holds open the document, the mapping of `a:`, and each bracket.
  it('counts brackets up to the limit and stops at the first one too many', () => {
    expect(deep(brackets(MAX_DEPTH - 2))).toBeUndefined();
    expect(readDocument(brackets(MAX_DEPTH - 2)).doc?.errors).toEqual([]);
    expect(deep(brackets(MAX_DEPTH - 1))).toBe(3 + MAX_DEPTH - 2);
    expect(deep(brackets(200_000))).toBe(3 + MAX_DEPTH - 2);
    expect(deep(`a: {b: ${'{c: '.repeat(MAX_DEPTH)}1${'}'.repeat(MAX_DEPTH)}}\n`)).toBe(`a: {b: ${'{c: '.repeat(MAX_DEPTH - 3)}`.length);
  });

  it('counts indentation and list dashes, and lines indented less count down again', () => {
    expect(deep(indented(MAX_DEPTH - 1))).toBeUndefined();
    const over = indented(MAX_DEPTH);
    expect(deep(over)).toBe(over.length - 2);
    expect(deep(dashes(MAX_DEPTH - 2))).toBeUndefined();
    expect(deep(dashes(MAX_DEPTH - 1))).toBe(2 * (MAX_DEPTH - 1));
    expect(deep(`${indented(MAX_DEPTH - 1)}${indented(MAX_DEPTH - 1).replace('k0:', 'j0:')}${brackets(MAX_DEPTH - 2).replace('a:', 'b:')}`)).toBeUndefined();
  });

  it('does not count brackets in quotes, comments, block text, or inside a sentence', () => {
    const many = '['.repeat(MAX_DEPTH * 2);
    const sources = [`a: "${many}"\n`, `a: 'it''s ${many}'\n`, `a: "two\n  lines ${many}"\n`, `a: 1 # ${many}\n`, `a: |\n  ${many}\n\n  ${many}\nb: 2\n`, `- >-\n  ${many}\n- 2\n`, `a: 见${many}号\n`];
    for (const s of sources) expect([s.slice(0, 12), readDocument(s).doc?.toJS()]).toEqual([s.slice(0, 12), parse(s).raw]);
    for (const s of sources) expect([s.slice(0, 12), parse(s).diagnostics]).toEqual([s.slice(0, 12), []]);
  });

  it('reads random documents the YAML library wrote, block and bracket style, as the library does, and stops those too deep', () => {
    let seed = 20251231;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const texts = ['[', '{', '] x', '#', 'a: b', '- x', '"', "'", '|', '见[1]', '多行\n文字 [', 'x\ty', ''];
    /** A value nested exactly `depth` levels: a mapping or a list at each. */
    const nested = (depth: number): unknown => {
      if (depth === 0) return texts[Math.floor(random() * texts.length)];
      const inner = nested(depth - 1);
      const r = random();
      return r < 0.4 ? { [`k${depth}`]: inner, s: texts[depth % texts.length] } : r < 0.8 ? [texts[depth % texts.length], inner] : [inner];
    };
    let stopped = 0;
    for (let run = 0; run < 60; run++) {
      const depth = 1 + Math.floor(random() * (MAX_DEPTH * 1.5));
      const value = nested(depth);
      const source = stringify(value, { indent: 1 + Math.floor(random() * 3), collectionStyle: random() < 0.3 ? 'flow' : 'any' });
      const read = readDocument(source);
      if (depth >= MAX_DEPTH) expect([depth, read.deep === undefined]).toEqual([depth, false]);
      if (depth <= MAX_DEPTH - 10) expect([depth, read.doc?.toJS()]).toEqual([depth, value]);
      if (read.deep !== undefined) stopped++;
    }
    expect(stopped).toBeGreaterThan(10);
  });

  it('reports a second document as parseDocument does', () => {
    for (const several of ['a: 1\n---\nb: 2\n', 'a: 1\n---\nb: 2\n---\nc: 3\n']) {
      const theirs = parseDocument(several, { prettyErrors: false });
      expect(readDocument(several).doc?.errors.map((e) => [e.code, e.message, e.pos])).toEqual(theirs.errors.map((e) => [e.code, e.message, e.pos]));
      expect(theirs.errors).toHaveLength(1);
    }
    expect(readDocument('').doc?.toJS()).toBeNull();
  });
});

describe('a data file nested deeper than the YAML library can read', () => {
  const huge = brackets(200_000);

  it('is refused once, at the bracket one level too deep, with what to write instead', () => {
    const [d, ...more] = parse(`township:\n  name: 甲\n${huge}`).diagnostics;
    expect(more).toEqual([]);
    expect([d?.ruleId, d?.line, d?.column]).toEqual(['yaml/syntax', 3, 3 + MAX_DEPTH - 1]);
    expect(d?.reason).toBe(
      `The file is not valid YAML: from “${'['.repeat(19)}…” on, brackets, braces, indentation or the “- ” of lists nest more than ${MAX_DEPTH} levels deep (a report’s data never nests this deep); most likely brackets opened and never closed`,
    );
    setLang('zh');
    const [zh] = parse(huge).diagnostics;
    expect(zh?.reason).toBe(`文件不是有效的 YAML：从“${'['.repeat(19)}…”起，方括号、花括号、缩进或列表的“- ”一层套一层，超过了 ${MAX_DEPTH} 层（报告的数据不会套这么深），多半是括号只写了开头`);
    expect(zh?.note).toBe('把只写了开头的“[”“{”补上结尾或删去；一段文字里有方括号时，整段加上引号。');
    // The text quoted is that of the place, to the end of its line.
    const [short] = parse(`${indented(MAX_DEPTH).replace(/x\n$/, 'x \n')}`).diagnostics;
    expect(short?.reason).toContain('从“x”起');
  });

  it('does not take the process down, however often it is read and however little stack is left', () => {
    // Read by the library, the second of these aborted the process (V8: "RegExpCompiler Allocation failed").
    const deeper = (k: number, source: string): number => (k === 0 ? parse(source).diagnostics.length : deeper(k - 1, source));
    expect([deeper(0, brackets(1000)), deeper(0, huge), deeper(3000, huge), deeper(6000, indented(3000))]).toEqual([1, 1, 1, 1]);
  });

  it('gives the preview no places in the report to point at, without reading it, however often it asks', () => {
    const at: Diagnostic = { file: 'a.yaml', line: 1, column: 5, severity: 'error', ruleId: 'yaml/syntax', reason: 'x' };
    const deeper = (k: number, source: string): (Clue | undefined)[] => (k === 0 ? cluesFor(source, 'a.yaml', [at]) : deeper(k - 1, source));
    expect([deeper(0, brackets(1000)), deeper(0, huge), deeper(3000, huge)]).toEqual([[undefined], [undefined], [undefined]]);
  });
});
