import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileInOrder, maxJobs, threadsFor, type CompiledReport } from '../src/batch/compile.js';
import type { Settled, Todo } from '../src/batch/plan.js';
import { settle } from '../src/batch/settings.js';
import type { Compiler, Task } from '../src/batch/task.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { MINIMAL, tempDir } from './helpers.js';

/** The machine the step sees: cores and free memory. */
const machine = vi.hoisted(() => ({ cores: 2, free: 16 * 1024 ** 3 }));
vi.mock('node:os', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:os')>()),
  availableParallelism: () => machine.cores,
  freemem: () => machine.free,
}));

/** What the stand-in compilers saw: which was made and with how many threads, the tasks, how many ran at once, how often closed. */
const seen = vi.hoisted(() => ({
  made: [] as string[],
  tasks: [] as Task[],
  inFlight: 0,
  most: 0,
  closed: 0,
  packProblems: [] as Diagnostic[],
}));

/** A compiler that answers each task after a few milliseconds, with the data file itself as its dependency. */
const stand = vi.hoisted(() => (name: string): Compiler => {
  seen.made.push(name);
  return {
    init: async () => [...seen.packProblems],
    async run(task) {
      seen.tasks.push(task);
      seen.most = Math.max(seen.most, ++seen.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.inFlight--;
      return { id: task.id, diagnostics: [], outputs: {}, summary: undefined, dependencies: [task.path] };
    },
    close: async () => {
      seen.closed++;
    },
  };
});
vi.mock('../src/batch/inline.js', () => ({ inlineCompiler: () => stand('inline') }));
vi.mock('../src/batch/pool.js', () => ({ workerPool: (_setup: unknown, jobs: number) => stand(`pool of ${jobs}`) }));

beforeEach(() => {
  Object.assign(seen, { made: [], tasks: [], inFlight: 0, most: 0, closed: 0, packProblems: [] });
  Object.assign(machine, { cores: 2, free: 16 * 1024 ** 3 });
});

/** `count` data files in a fresh working folder, as the plan hands them on. */
function todos(count: number): { cwd: string; todo: Todo[] } {
  const cwd = tempDir('in-order-');
  const todo = Array.from({ length: count }, (_, i) => {
    const path = join(cwd, `t${i}.yaml`);
    writeFileSync(path, MINIMAL);
    return { input: { path, display: `t${i}.yaml`, outStem: `t${i}` } };
  });
  return { cwd, todo };
}

async function run(count: number, jobs: number | undefined, signal?: AbortSignal, onHandle?: (n: number) => void) {
  const { cwd, todo } = todos(count);
  const handled: (CompiledReport | Settled)[] = [];
  const outcome = await compileInOrder(settle({ cwd, outDir: 'out', formats: ['md'], jobs }), todo, { signal }, (r) => {
    handled.push(r);
    onHandle?.(handled.length);
  });
  return { outcome, handled, todo, cwd };
}

const names = (handled: (CompiledReport | Settled)[]) => handled.map((r) => ('todo' in r ? r.todo.input.display : r.result.input));

describe('how many threads the machine takes', () => {
  it('one per core while free memory holds 160 MB for each', () => {
    expect(maxJobs()).toBe(2);
    machine.cores = 8;
    expect(maxJobs()).toBe(8);
    machine.free = 1024 * 1024 ** 2;
    expect(maxJobs()).toBe(6);
    machine.free = 320 * 1024 ** 2 - 1;
    expect(maxJobs()).toBe(1);
  });

  it('always one, however little memory is free', () => {
    machine.free = 100 * 1024 ** 2;
    expect(maxJobs()).toBe(1);
    machine.free = 0;
    expect(maxJobs()).toBe(1);
    expect(threadsFor(5, 4, 3)).toBe(1);
  });
});

describe('the threads a batch is compiled on, without --jobs', () => {
  it('are chosen by what each report is made into: 400 townships take a worker in three formats, none in one or for a check', async () => {
    const { cwd, todo } = todos(400);
    // Stopped as it starts: the compiler is made, and nothing is compiled.
    const stopped = AbortSignal.abort();
    const made = async (options: Partial<Parameters<typeof settle>[0]>) => {
      seen.made = [];
      await compileInOrder(settle({ cwd, outDir: 'out', formats: ['md', 'html', 'docx'], ...options }), todo, { signal: stopped }, () => {});
      return seen.made;
    };
    expect(await made({})).toEqual(['pool of 2']);
    expect(await made({ formats: ['docx'] })).toEqual(['inline']);
    expect(await made({ lintOnly: true })).toEqual(['inline']);
    expect(seen.tasks).toEqual([]);
  });
});

describe('compiling in input order', () => {
  it('makes no compiler and loads no pack when there is nothing to build', async () => {
    const { outcome } = await run(0, undefined);
    expect(outcome).toEqual({ packOk: true, interrupted: false, diagnostics: [] });
    expect(seen.made).toEqual([]);
  });

  it('compiles one report at a time on this thread with one job, and hands them on in order', async () => {
    const { outcome, handled } = await run(4, 1);
    expect(seen.made).toEqual(['inline']);
    expect(seen.most).toBe(1);
    expect(names(handled)).toEqual(['t0.yaml', 't1.yaml', 't2.yaml', 't3.yaml']);
    expect(outcome).toEqual({ packOk: true, interrupted: false, diagnostics: [] });
    expect(seen.closed).toBe(1);
  });

  it('keeps four reports in flight for each worker thread, no more than there are reports', async () => {
    const many = await run(10, 2);
    expect(seen.made).toEqual(['pool of 2']);
    expect(seen.most).toBe(8);
    expect(names(many.handled)).toEqual(many.todo.map((t) => t.input.display));
    seen.most = 0;
    await run(3, 2);
    expect(seen.most).toBe(3);
  });

  it('gives each report its dependencies relative to the working folder, and its encoding only when not UTF-8', async () => {
    const { cwd, todo } = todos(2);
    writeFileSync(todo[1]!.input.path, iconv.encode(MINIMAL, 'gbk'));
    const handled: (CompiledReport | Settled)[] = [];
    await compileInOrder(settle({ cwd, outDir: 'out', formats: ['md'], jobs: 1 }), todo, {}, (r) => handled.push(r));
    expect(seen.tasks.map((t) => Object.hasOwn(t, 'encoding'))).toEqual([false, true]);
    expect(seen.tasks[1]!.encoding).toBe('gb18030');
    expect(handled.map((r) => ('todo' in r ? r.dependencies : []))).toEqual([['t0.yaml'], ['t1.yaml']]);
  });

  it('compiles nothing when the pack has errors, and says so', async () => {
    const problem: Diagnostic = { file: 'pack.yaml', line: 1, column: 1, severity: 'error', ruleId: 'template/pack', reason: 'bad' };
    seen.packProblems = [problem];
    const { outcome, handled } = await run(3, 1);
    expect(outcome).toEqual({ packOk: false, interrupted: false, diagnostics: [problem] });
    expect(seen.tasks).toEqual([]);
    expect(handled).toEqual([]);
    expect(seen.closed).toBe(1);
  });

  it('compiles nothing when stopped before it began, and names the reports not built', async () => {
    const stop = new AbortController();
    stop.abort();
    const { outcome, handled } = await run(3, 1, stop.signal);
    expect(seen.tasks).toEqual([]);
    expect(handled).toEqual([]);
    expect(outcome.interrupted).toBe(true);
    expect(outcome.diagnostics.map((d) => [d.file, d.ruleId, d.reason])).toEqual([['t0.yaml', 'internal/interrupted', 'The build was interrupted: 3 reports from this one on were not built']]);
  });

  it('stops after the report it was compiling when stopped half-way, and stops listening once done', async () => {
    const stop = new AbortController();
    const { outcome, handled } = await run(5, 1, stop.signal, (n) => {
      if (n === 2) stop.abort();
    });
    expect(names(handled)).toEqual(['t0.yaml', 't1.yaml']);
    expect(seen.tasks.length).toBeLessThanOrEqual(3);
    expect(outcome.diagnostics.map((d) => [d.file, d.reason])).toEqual([['t2.yaml', 'The build was interrupted: 3 reports from this one on were not built']]);
    const closedAtEnd = seen.closed;
    const later = new AbortController();
    await run(1, 1, later.signal);
    later.abort();
    expect(seen.closed).toBe(closedAtEnd + 1);
  });

  it('hands on no report once stopped, though the worker threads finish those in flight', async () => {
    const stop = new AbortController();
    const { outcome, handled } = await run(10, 2, stop.signal, () => stop.abort());
    expect(seen.tasks.length).toBe(8);
    expect(names(handled)).toEqual(['t0.yaml']);
    expect(outcome.diagnostics.map((d) => [d.file, d.reason])).toEqual([['t1.yaml', 'The build was interrupted: 9 reports from this one on were not built']]);
  });

  it('names an unreadable data file at its place and goes on', async () => {
    const { cwd, todo } = todos(3);
    todo[1]!.input.path = join(cwd, 'gone.yaml');
    const handled: (CompiledReport | Settled)[] = [];
    await compileInOrder(settle({ cwd, outDir: 'out', formats: ['md'], jobs: 1 }), todo, {}, (r) => handled.push(r));
    expect(names(handled)).toEqual(['t0.yaml', 't1.yaml', 't2.yaml']);
    const failed = handled[1]!;
    expect('todo' in failed ? undefined : [failed.result.status, failed.result.diagnostics.map((d) => d.ruleId)]).toEqual(['failed', ['input/read']]);
  });
});
