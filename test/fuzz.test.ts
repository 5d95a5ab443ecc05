/**
 * Fuzzing: random text in every field, random YAML shapes, and random edits of the example
 * files, compiled to every format. Whatever comes in, the compiler answers with outputs or
 * diagnostics: it never throws, never reports a defect of its own (internal/*), and every DOCX it
 * writes is a package whose every XML part parses. FUZZ_RUNS sets the cases per property
 * (default 700: about 2,800 in all).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { loadReport } from '../src/load/index.js';
import { decodeText } from '../src/load/read.js';
import { example, standardExample, standardPack } from './helpers.js';
import { docxXmlParts } from './xml.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 700);
const pack = standardPack();

/** Any UTF-16 code unit, lone surrogates included, with the characters that make trouble more likely. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.constantFrom('*', '_', '#', '<', '>', '&', '{{', '}}', '"', "'", '\\', '`', '[', ']', '|', '\n', '\n\n', '\u000b', '\u202e', '\ufffe', '一是', '1.', '（一）', '%', '余'),
);
const text = fc.string({ unit, maxLength: 60 });
const figure = fc.oneof(
  { weight: 4, arbitrary: fc.nat(100000) },
  { weight: 1, arbitrary: text },
  { weight: 2, arbitrary: fc.constantFrom('200余', '约300', '95%以上', '0.7万', '３５', '-1', '1e3', '0x1F') },
);

/** Reports compiled to a DOCX, per property: a fuzzer that only ever meets errors tests nothing past the checks. */
const built = new Map<string, number>();

/** Compiles to every format and checks the answer is outputs or diagnostics, never a crash. */
async function compilesCleanly(file: string, source: string): Promise<void> {
  const c = await compile(file, source, pack, { formats: ['md', 'html', 'docx'] });
  if (c.outputs.docx) built.set(file, (built.get(file) ?? 0) + 1);
  const internal = c.diagnostics.filter((d) => d.ruleId.startsWith('internal/'));
  expect(internal).toEqual([]);
  if (c.outputs.docx) docxXmlParts(c.outputs.docx);
  const html = c.outputs.html ? new TextDecoder().decode(c.outputs.html) : '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character reaches an output
  expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  // Every problem is placed in the file (or is the file's own) and worded.
  for (const d of c.diagnostics) expect(d.reason.length).toBeGreaterThan(0);
}

describe('fuzzing the compiler', () => {
  it('random text in every field', { timeout: 600000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: text,
          county: text,
          government: text,
          recipient: text,
          doc_number: text,
          opening: text,
          other: text,
          heading: text,
          body: text,
          shortcoming: text,
          total: figure,
          resolved: figure,
        }),
        async (v) => {
          const data = {
            township: { name: v.name || '乡', kind: '乡', county: v.county || '县', government: v.government },
            year: 2025,
            date: '2026-02-05',
            recipient: v.recipient,
            doc_number: v.doc_number,
            opening: v.opening,
            achievements: { disputes: { total: v.total, resolved: v.resolved } },
            shortcomings: [{ problem: v.heading, text: v.shortcoming }],
            plans: { items: [{ heading: v.heading, text: v.body }] },
            other: v.other,
          };
          await compilesCleanly('fuzz.yaml', stringify(data));
        },
      ),
      { numRuns: RUNS },
    );
    expect(built.get('fuzz.yaml') ?? 0).toBeGreaterThan(RUNS / 4);
  });

  it('random YAML shapes', { timeout: 600000 }, async () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
      list: fc.array(tie('any'), { maxLength: 4 }),
      map: fc.dictionary(fc.oneof(text, fc.constantFrom('township', 'year', 'date', 'achievements', 'plans', 'other', '__proto__', 'disputes', 'total')), tie('any'), { maxKeys: 5 }),
    }));
    await fc.assert(
      fc.asyncProperty(value.any, async (v) => {
        await compilesCleanly('shape.yaml', stringify(v));
      }),
      { numRuns: RUNS },
    );
  });

  it('random edits of the example files', { timeout: 600000 }, async () => {
    const sources = ['jinping-2025.yaml', 'tongle-2025.yaml', 'zuolan-2024.yaml'].flatMap((f) => [example(f), standardExample(f)]);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(200) }),
      fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), length: fc.nat(5) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(edit, { minLength: 1, maxLength: 4 }), async (which, edits) => {
        let s = sources[which]!;
        for (const e of edits) {
          const at = e.at % (s.length + 1);
          if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
          else if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
          else if (e.kind === 'duplicate') s = s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
          else {
            const lines = s.split('\n');
            const i = at % lines.length;
            const j = (i + e.length) % lines.length;
            [lines[i], lines[j]] = [lines[j]!, lines[i]!];
            s = lines.join('\n');
          }
        }
        await compilesCleanly('edited.yaml', s);
      }),
      { numRuns: RUNS },
    );
    expect(built.get('edited.yaml') ?? 0).toBeGreaterThan(RUNS / 10);
  });

  it('random bytes as a data file are read and answered', { timeout: 600000 }, async () => {
    await fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const loaded = loadReport('bytes.yaml', decodeText(bytes).text);
        expect(loaded.data !== undefined || loaded.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
