import { describe, expect, it, vi } from 'vitest';
import { inlineCompiler } from '../src/batch/inline.js';
import { STANDARD_PACK } from '../src/render/index.js';
import { MINIMAL, ROOT } from './helpers.js';

/** The compile step, failing as a defect would on a data file whose text asks for it. */
vi.mock('../src/compile/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/compile/index.js')>();
  return {
    ...real,
    compile: (file: string, source: string, ...rest: Parameters<typeof real.compile> extends [string, string, ...infer R] ? R : never) =>
      source.includes('DEFECT') ? Promise.reject(new Error('cannot read properties of undefined')) : real.compile(file, source, ...rest),
  };
});

const real = () => vi.importActual<typeof import('../src/compile/index.js')>('../src/compile/index.js');

const setup = { packDir: STANDARD_PACK, cwd: ROOT, formats: ['md'] as const, layout: {} };
const task = (source: string) => ({ id: 7, display: 'data/测试乡.yaml', path: `${ROOT}/data/测试乡.yaml`, source });

describe('compiling on the calling thread', () => {
  it('refuses a report before its pack is loaded', async () => {
    await expect(inlineCompiler(setup).run(task(MINIMAL))).rejects.toThrow('template pack not loaded');
  });

  it('turns a defect of the compiler into an error on that report alone', async () => {
    const compiler = inlineCompiler(setup);
    expect(await compiler.init()).toEqual([]);
    const failed = await compiler.run(task(`${MINIMAL}# DEFECT\n`));
    expect(failed).toEqual({
      id: 7,
      diagnostics: [
        {
          file: 'data/测试乡.yaml',
          severity: 'error',
          ruleId: 'internal/crash',
          reason: 'The compiler failed on this report: cannot read properties of undefined',
          note: 'This is a defect in township-report; please report it with the data file.',
        },
      ],
      outputs: {},
      summary: undefined,
      dependencies: [],
    });
    const next = await compiler.run(task(MINIMAL));
    expect(next.township).toBe('测试乡');
    expect(Object.keys(next.outputs)).toEqual(['md']);
  });

  it('gives the summary as JSON text, the compiled summary exactly', async () => {
    const compiler = inlineCompiler(setup);
    await compiler.init();
    const done = await compiler.run(task(MINIMAL));
    const direct = await (await real()).compile('data/测试乡.yaml', MINIMAL, (await import('../src/render/index.js')).loadPack(STANDARD_PACK).pack!, {
      formats: ['md'],
      layout: {},
      path: `${ROOT}/data/测试乡.yaml`,
      roots: [ROOT],
    });
    expect(typeof done.summary).toBe('string');
    expect(JSON.parse(done.summary!)).toEqual(direct.summary);
    expect(JSON.parse(done.summary!).township).toBe('测试乡');
  });

  it('names the township of a report with errors, for the roster', async () => {
    // A report dated after the deadline, with the county making that an error.
    const compiler = inlineCompiler({ ...setup, rules: { 'regulation/late-date': 'error' } });
    await compiler.init();
    const wrong = await compiler.run(task(MINIMAL.replace('date: 2026-02-05', 'date: 2026-03-05')));
    expect(wrong.diagnostics.map((d) => [d.ruleId, d.severity])).toContainEqual(['regulation/late-date', 'error']);
    expect(wrong.summary).toBeUndefined();
    expect(wrong.township).toBe('测试乡');
  });
});
