import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setLang } from '../src/i18n/index.js';
import { checkYaml, knownKeys, MAX_EXPANDED, parseYaml, readYaml, valueAt, type Move, type YamlRules } from '../src/yaml/index.js';

const RULES: YamlRules = { syntax: 'yaml/syntax', duplicateKey: 'yaml/duplicate-key', schema: 'data/invalid-value' };
const parse = (source: string) => parseYaml('a.yaml', source, RULES);
afterEach(() => setLang('en'));

describe('how much a document comes to with its aliases written out', () => {
  // The measure: each value (mapping, list, key, scalar) counts one, and a text one more per character;
  // an alias counts what it refers to.
  const TEXT = 'x'.repeat(999);
  /** `a: &t TEXT` (3 + 1000) then `b:` (2) holding a list (1) of `n` aliases of it (1000 each), plus `pad` more characters in the key `b`. */
  const doc = (n: number, pad: number) => `a: &t ${TEXT}\nb${'b'.repeat(pad)}: [${Array(n).fill('*t').join(', ')}]\n`;
  const size = (n: number, pad: number) => 1 + 2 + 1000 + (2 + pad) + 1 + 1000 * n;

  it('a document of exactly the most is read; one character more is refused, with how much is allowed', () => {
    const n = Math.floor((MAX_EXPANDED - size(0, 0)) / 1000);
    const pad = MAX_EXPANDED - size(n, 0);
    expect(size(n, pad)).toBe(MAX_EXPANDED);
    expect(parse(doc(n, pad)).diagnostics).toEqual([]);
    const over = parse(doc(n, pad + 1));
    expect(over.raw).toBeUndefined();
    expect(over.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['yaml/syntax', 1, 1]]);
    expect(over.diagnostics[0]?.reason).toContain(String(MAX_EXPANDED / 1_000_000));
    const cycle = parse('a: &x [*x]\n').diagnostics[0];
    expect(over.diagnostics[0]?.note).toBe('Write each value once, where it belongs, rather than repeating a long one with *name.');
    expect(cycle?.note).toBe('Write the values out instead of referring to them with *name.');
  });

  it('an alias inside what it refers to is refused by name', () => {
    const [d] = parse('a: &loop\n  b: [*loop]\n').diagnostics;
    expect(d?.reason).toContain('loop');
    expect(d?.ruleId).toBe('yaml/syntax');
  });

  it('numbers written otherwise than in decimal digits are kept with their place, in lists too', () => {
    const p = parse('a: 0x10\nlist: [1, 1e3, -2.5, +7]\nm:\n  - k: 0o17\n');
    expect(p.oddNumbers).toEqual([
      { path: ['a'], source: '0x10', value: 16 },
      { path: ['list', 1], source: '1e3', value: 1000 },
      { path: ['m', 0, 'k'], source: '0o17', value: 15 },
    ]);
  });

  it('an empty value and a document of nothing are read', () => {
    expect(parse('a:\nb: ~\n').raw).toEqual({ a: null, b: null });
    expect(parse('').diagnostics).toEqual([]);
  });
});

describe('syntax errors and duplicate keys', () => {
  it('a duplicate key is named as written, without its value or the spaces before its colon', () => {
    const [d] = parse('township:\n  name: 甲\n  name   : 乙\n').diagnostics;
    expect(d?.ruleId).toBe('yaml/duplicate-key');
    expect(d?.reason).toMatch(/“?`?name`?”?/);
    expect(d?.reason).not.toMatch(/name {2}|乙/);
    expect([d?.line, d?.column]).toEqual([3, 3]);
  });

  it('the YAML library’s own wording is kept in English, at the place it names', () => {
    const source = `${Array.from({ length: 11 }, (_, i) => `k${i}: 1\n`).join('')}abcdefghijkl: c\n          d: e\n`;
    expect(parse(source).diagnostics.map((d) => [d.line, d.column, d.reason])).toEqual([
      [12, 15, 'The file is not valid YAML: Nested mappings are not allowed in compact mappings'],
      [12, 15, 'The file is not valid YAML: Implicit keys need to be on a single line'],
    ]);
  });
});

describe('the data left once the fields in error are taken out', () => {
  const schema = z.strictObject({
    name: z.string(),
    block: z.strictObject({ need: z.number(), text: z.string().optional() }).optional(),
    list: z.array(z.number()).optional(),
    other: z.string().optional(),
  });
  const check = (source: string, moves: Move[] = []) => checkYaml(parse(source), schema, RULES, undefined, () => moves);

  it('an unknown key, a value of the wrong kind and a block without the field it must have are taken out', () => {
    const r = check('name: 甲\nzz: 1\nblock:\n  text: 乙\nother: 3\n');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(r.partial).toEqual({ name: '甲' });
  });

  it('a field missing deep down takes out its own block only', () => {
    const deep = z.strictObject({
      name: z.string(),
      outer: z.strictObject({ inner: z.strictObject({ need: z.number(), x: z.number().optional() }).optional(), keep: z.number().optional() }).optional(),
    });
    const r = checkYaml(parse('name: 甲\nouter:\n  inner:\n    x: 1\n  keep: 2\n'), deep, RULES);
    expect(r.partial).toStrictEqual({ name: '甲', outer: { keep: 2 } });
  });

  it('many items of a list in error, in any order of the messages, leave the right ones', () => {
    const wrong = new Set([3, 7, 12, 21, 25, 29]);
    const items = Array.from({ length: 30 }, (_, i) => (wrong.has(i) ? `'x${i}'` : String(i)));
    const r = check(`name: 甲\nlist: [${items.join(', ')}]\n`);
    expect(r.partial).toEqual({ name: '甲', list: Array.from({ length: 30 }, (_, i) => i).filter((i) => !wrong.has(i)) });
    // A check of the whole list may report its items in any order.
    const odd = z.strictObject({
      list: z.array(z.number()).superRefine((list, ctx) => {
        for (const i of [12, 3, 25, 7, 10]) if (list[i] !== undefined && list[i] % 2 === 1) ctx.addIssue({ code: 'custom', message: 'odd', path: [i] });
      }),
    });
    const mixed = checkYaml(parse(`list: [${Array.from({ length: 30 }, (_, i) => (wrong.has(i) ? i : i * 2)).join(', ')}]\n`), odd, RULES);
    expect(mixed.partial).toEqual({
      list: Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => ![3, 7, 25].includes(i))
        .map((i) => (wrong.has(i) ? i : i * 2)),
    });
  });

  it('items of a list in error are taken out, the others keep their order (past ten items too)', () => {
    const items = Array.from({ length: 13 }, (_, i) => (i === 2 || i === 10 ? `'x${i}'` : String(i)));
    const r = check(`name: 甲\nlist: [${items.join(', ')}]\n`);
    expect(r.partial).toEqual({ name: '甲', list: [0, 1, 3, 4, 5, 6, 7, 8, 9, 11, 12] });
  });

  it('a required field missing at the top, or a document that is not a mapping, gives nothing', () => {
    expect(check('other: 乙\n').partial).toBeUndefined();
    expect(check('- 甲\n').partial).toBeUndefined();
    expect(check('42\n').partial).toBeUndefined();
    expect(check('~\n').partial).toBeUndefined();
  });

  it('a value under a misspelt key is moved to the key suggested, unless that key is written or its block is not there', () => {
    expect(check('nmae: 甲\nother: 乙\n', [{ from: ['nmae'], to: ['name'] }]).partial).toEqual({ name: '甲', other: '乙' });
    expect(check('name: 甲\nothr: 乙\nother: 丙\n', [{ from: ['othr'], to: ['other'] }]).partial).toEqual({ name: '甲', other: '丙' });
    expect(check('name: 甲\nned: 1\n', [{ from: ['ned'], to: ['block', 'need'] }]).partial).toEqual({ name: '甲' });
    expect(check('name: 甲\nblock:\n  text: 乙\n  ned: 2\n', [{ from: ['block', 'ned'], to: ['block', 'need'] }]).partial).toEqual({ name: '甲', block: { need: 2, text: '乙' } });
    expect(check('name: 甲\nx: 1\n', [{ from: ['nothing'], to: ['other'] }]).partial).toStrictEqual({ name: '甲' });
    // A block written empty is no block to move into.
    expect(check('name: 甲\nblock:\nned: 1\n', [{ from: ['ned'], to: ['block', 'need'] }]).partial).toStrictEqual({ name: '甲' });
    expect(check('name: 甲\nx: 1\nother: [1]\n', [{ from: ['x'], to: ['other', 'deeper'] }]).partial).toEqual({ name: '甲' });
  });

  it('takes fields out in four passes at most', () => {
    // A check of the whole that each pass mends by one field: five fields too many need five passes.
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    const few = z.record(z.string(), z.number()).superRefine((v, ctx) => {
      const over = Object.keys(v).length - 5;
      if (over > 0) ctx.addIssue({ code: 'custom', path: [Object.keys(v)[0]!], message: 'too many' });
    });
    const doc = (n: number) =>
      parse(
        keys
          .slice(0, n)
          .map((k) => `${k}: 1`)
          .join('\n'),
      );
    expect(checkYaml(doc(9), few, RULES).partial).toEqual({ k4: 1, k5: 1, k6: 1, k7: 1, k8: 1 });
    expect(checkYaml(doc(10), few, RULES).partial).toBeUndefined();
  });

  it('gives up on a problem that taking fields out cannot mend', () => {
    const never = z.strictObject({ name: z.string() }).superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path: ['name', 'part'], message: 'never' }));
    const r = checkYaml(parse('name: 甲\n'), never, RULES);
    expect(r.value).toBeUndefined();
    expect(r.partial).toBeUndefined();
  });
});

describe('the wording of a value the schema refuses', () => {
  const schema = z.strictObject({ kind: z.enum(['乡', '镇']), count: z.number(), name: z.string() });

  it('a missing field, a value not among those allowed, a value of the wrong kind', () => {
    const r = readYaml('a.yaml', 'kind: 村\ncount: 三\n', schema, { ...RULES, note: 'see the manual' });
    const reasons = r.diagnostics.map((d) => d.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain('村');
    expect(reasons[0]).toMatch(/乡.*镇/);
    expect(reasons[1]).toContain('三');
    expect(reasons[2]).toContain('name');
    expect(reasons[2]).toBe('`name`: expected text');
    expect(r.diagnostics.map((d) => d.note)).toEqual(['see the manual', 'see the manual', 'see the manual']);
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 2, 1]);
  });

  it('an unknown key is told what might be meant, or the keys allowed here, in Chinese too', () => {
    setLang('zh');
    const ds = readYaml('a.yaml', 'nmae: 甲\nzzzzzz: 1\nkind: 乡\ncount: 1\n', schema, RULES).diagnostics;
    const guess = ds.find((d) => d.reason.includes('nmae'));
    const none = ds.find((d) => d.reason.includes('zzzzzz'));
    expect(guess?.note).toContain('“name”');
    expect(none?.note).toContain('kind');
    expect(none?.note).toContain('count');
  });
});

describe('reading a parsed value and a schema by path', () => {
  it('valueAt stops at anything that is not a block or a list', () => {
    expect(valueAt({ a: { b: [1, 2] } }, ['a', 'b', 1])).toBe(2);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({ a: 'text' }, ['a', 'length'])).toBeUndefined();
    expect(valueAt(7, [])).toBe(7);
  });

  it('knownKeys: a block’s fields, a record’s named keys, nothing for anything else', () => {
    const s = z.strictObject({ b: z.strictObject({ x: z.number(), y: z.number() }).optional(), r: z.record(z.enum(['甲', '乙']), z.number()), free: z.record(z.string(), z.number()), t: z.string() });
    expect(knownKeys(s, [])).toEqual(['b', 'r', 'free', 't']);
    expect(knownKeys(s, ['b'])).toEqual(['x', 'y']);
    expect(knownKeys(s, ['r'])).toEqual(['甲', '乙']);
    expect(knownKeys(s, ['free'])).toEqual([]);
    expect(knownKeys(s, ['t'])).toEqual([]);
    expect(knownKeys(s, ['nothing'])).toEqual([]);
  });
});
