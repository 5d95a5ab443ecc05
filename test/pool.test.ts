import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { maxJobs, reportsPerWorker, threadsFor } from '../src/batch/compile.js';
import { workerPool } from '../src/batch/pool.js';
import type { Task, TaskResult } from '../src/batch/task.js';
import { STANDARD_PACK } from '../src/render/index.js';
import { MINIMAL, ROOT, tempDir } from './helpers.js';

/** A stand-in worker: answers every task with one byte, and dies on a task named crash.yaml. */
function fakeWorker(opts: { failAtStart?: boolean; readyAfterMs?: number; silent?: boolean } = {}): string {
  const path = join(tempDir('pool-'), 'worker.mjs');
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads';
${opts.failAtStart ? "throw new Error('cannot start');" : ''}
setTimeout(() => parentPort.postMessage({ type: 'ready', diagnostics: [] }), ${opts.readyAfterMs ?? 0});
parentPort.on('message', (task) => {
  if (task.display === 'crash.yaml') process.exit(3);
${opts.silent ? '  return;' : ''}
  parentPort.postMessage({ type: 'result', result: { id: task.id, diagnostics: [], outputs: { md: new Uint8Array([119]) }, summary: undefined, dependencies: [] } });
});
`,
  );
  return path;
}

const task = (id: number, display = `town-${id}.yaml`): Task => ({ id, display, path: join(tempDir(), display), source: MINIMAL });

async function runAll(script: string, tasks: Task[]): Promise<TaskResult[]> {
  const pool = workerPool({ packDir: STANDARD_PACK, cwd: ROOT, formats: ['md'], layout: {} }, 2, script);
  expect(await pool.init()).toEqual([]);
  await pool.workersReady();
  try {
    // In this order the first two go to the worker, before the main thread takes one.
    return await Promise.all(tasks.map((t) => pool.run(t)));
  } finally {
    await pool.close();
  }
}

describe('the compile pool (main thread and worker threads)', () => {
  it('shares the tasks between the main thread and the worker', async () => {
    const results = await runAll(
      fakeWorker(),
      [0, 1, 2, 3, 4, 5].map((i) => task(i)),
    );
    expect(results.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5]);
    const byWorker = results.filter((r) => r.outputs.md?.length === 1);
    const byMain = results.filter((r) => (r.outputs.md?.length ?? 0) > 1);
    expect(byWorker.length).toBeGreaterThan(0);
    expect(byMain.length).toBeGreaterThan(0);
    for (const r of byMain) expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('fails only the task a dying worker was compiling, and goes on with a new worker', async () => {
    const results = await runAll(fakeWorker(), [task(0, 'crash.yaml'), task(1), task(2), task(3), task(4)]);
    expect(results.map((r) => r.id)).toEqual([0, 1, 2, 3, 4]);
    expect(results[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['internal/crash']);
    expect(results[0]!.diagnostics[0]!.reason).toMatch(/code 3/);
    expect(results[0]!.diagnostics[0]!.note).toMatch(/defect in township-report/);
    for (const r of results.slice(1)) {
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.outputs.md?.length).toBeGreaterThan(0);
    }
  });

  it('compiles on the main thread at once, without waiting for a worker to start', async () => {
    const pool = workerPool({ packDir: STANDARD_PACK, cwd: ROOT, formats: ['md'], layout: {} }, 2, fakeWorker({ readyAfterMs: 20_000 }));
    try {
      expect(await pool.init()).toEqual([]);
      const results = await Promise.all([0, 1, 2].map((i) => pool.run(task(i))));
      expect(results.map((r) => r.id)).toEqual([0, 1, 2]);
      // All compiled here (the stand-in worker answers one byte), long before the worker was ready.
      for (const r of results) expect(r.outputs.md!.length).toBeGreaterThan(1);
    } finally {
      await pool.close();
    }
  });

  it('settles every task still queued or on a worker when closed, as not built', async () => {
    const pool = workerPool({ packDir: STANDARD_PACK, cwd: ROOT, formats: ['md'], layout: {} }, 2, fakeWorker({ silent: true }));
    expect(await pool.init()).toEqual([]);
    await pool.workersReady();
    const pending = [0, 1, 2, 3, 4, 5, 6].map((i) => pool.run(task(i)));
    await pool.close();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const interrupted = results.filter((r) => r.diagnostics.some((d) => d.ruleId === 'internal/interrupted'));
    // The one this thread took is compiled; the worker's and the queue's are not.
    expect(interrupted.length).toBe(6);
    for (const r of interrupted) expect([r.diagnostics.map((d) => [d.severity, d.reason]), r.outputs]).toEqual([[['error', 'The build was interrupted before this report was compiled']], {}]);
  });

  it('compiles everything on the main thread when the worker cannot start', async () => {
    const results = await runAll(
      fakeWorker({ failAtStart: true }),
      [0, 1, 2, 3].map((i) => task(i)),
    );
    expect(results.map((r) => r.id)).toEqual([0, 1, 2, 3]);
    for (const r of results) {
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.outputs.md!.length).toBeGreaterThan(1);
    }
  });
});

describe('the real worker thread', () => {
  it('starts on bin/load.cjs, loads dist/worker.cjs and its pack, and compiles the tasks it is sent', async () => {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(join(ROOT, 'bin', 'load.cjs'), { workerData: { packDir: STANDARD_PACK, cwd: ROOT, formats: ['md'], layout: {} } });
    try {
      const messages: { type: string; result?: TaskResult }[] = [];
      const result = new Promise<TaskResult>((resolve, reject) => {
        worker.on('message', (m: { type: string; result?: TaskResult }) => {
          messages.push(m);
          if (m.type === 'result') resolve(m.result!);
        });
        worker.on('error', reject);
      });
      worker.postMessage(task(7));
      const r = await result;
      expect(messages.map((m) => m.type)).toEqual(['ready', 'result']);
      expect(r.id).toBe(7);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(new TextDecoder().decode(r.outputs.md)).toContain('测试乡');
    } finally {
      await worker.terminate();
    }
  });
});

describe('how many threads a batch compiles on', () => {
  const most = Math.min(availableParallelism(), maxJobs());
  it('uses the main thread alone for a batch too small to pay for starting a worker', () => {
    expect(threadsFor(1, undefined, 3)).toBe(1);
    expect(threadsFor(reportsPerWorker(3) - 1, undefined, 3)).toBe(1);
  });
  it('adds a thread per reportsPerWorker(formats) reports, up to the cores', () => {
    expect(threadsFor(reportsPerWorker(3), undefined, 3)).toBe(Math.min(2, most));
    expect(threadsFor(reportsPerWorker(3) * 3, undefined, 3)).toBe(Math.min(4, most));
    expect(threadsFor(reportsPerWorker(3) * 1000, undefined, 3)).toBe(most);
  });
  it('starts a worker sooner the more each report costs: checked only, then one format, then two or three', () => {
    expect([0, 1, 2, 3].map(reportsPerWorker)).toEqual([2000, 450, 350, 350]);
    expect(reportsPerWorker(4)).toBe(350);
    // 400 townships: a worker for all three formats, none for DOCX alone or a check.
    expect([0, 1, 2, 3].map((formats) => threadsFor(400, undefined, formats))).toEqual([1, 1, Math.min(2, most), Math.min(2, most)]);
    expect([threadsFor(1999, undefined, 0), threadsFor(2000, undefined, 0)]).toEqual([1, Math.min(2, most)]);
  });
  it('takes --jobs as asked, within what the machine takes and the reports there are', () => {
    expect(threadsFor(5, 2, 3)).toBe(Math.min(2, maxJobs()));
    expect(threadsFor(5, 1, 3)).toBe(1);
    expect(threadsFor(3, 8, 3)).toBe(Math.min(3, maxJobs()));
  });
});
