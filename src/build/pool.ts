/**
 * A pool of worker threads, each holding a compiled template pack. Tasks go
 * to whichever worker is free; a worker that dies fails only its own task
 * and is replaced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { PACKAGE_ROOT } from '../version.js';
import type { Compiler, CompilerSetup, Task, TaskResult } from './task.js';

/** The worker bundle (dist/worker.js), also when this module runs from source under a test runner. */
function workerPath(): string {
  const path = join(PACKAGE_ROOT, 'dist', 'worker.js');
  if (!existsSync(path)) throw new Error('dist/worker.js is missing: run “npm run build”');
  return path;
}

interface Slot {
  worker: Worker;
  busy: Task | undefined;
  resolve: ((r: TaskResult) => void) | undefined;
}

export function workerPool(setup: CompilerSetup, size: number): Compiler {
  const slots: Slot[] = [];
  const waiting: { task: Task; resolve: (r: TaskResult) => void }[] = [];
  let initDiagnostics: Promise<Diagnostic[]> | undefined;
  let closed = false;

  const spawn = (): { slot: Slot; ready: Promise<Diagnostic[]> } => {
    const worker = new Worker(workerPath(), { workerData: setup });
    const slot: Slot = { worker, busy: undefined, resolve: undefined };
    const ready = new Promise<Diagnostic[]>((resolve, reject) => {
      worker.once('message', (m: { type: string; diagnostics: Diagnostic[] }) => (m.type === 'ready' ? resolve(m.diagnostics) : reject(new Error('unexpected message'))));
      worker.once('error', reject);
    });
    worker.on('message', (m: { type: string; result?: TaskResult }) => {
      if (m.type !== 'result' || !m.result) return;
      const done = slot.resolve;
      slot.busy = undefined;
      slot.resolve = undefined;
      done?.(m.result);
      next(slot);
    });
    worker.on('error', (err) => fail(slot, err));
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(slot, new Error(`worker stopped with code ${code}`));
    });
    return { slot, ready };
  };

  const fail = (slot: Slot, err: Error) => {
    const task = slot.busy;
    const done = slot.resolve;
    slot.busy = undefined;
    slot.resolve = undefined;
    if (task && done) {
      done({
        id: task.id,
        diagnostics: [diagnostic(task.display, { ruleId: 'internal/crash', reason: `The compiler failed on this report: ${err.message}` })],
        outputs: {},
        summary: undefined,
        dependencies: [],
      });
    }
    if (closed) return;
    // Replace the worker so the batch goes on.
    const index = slots.indexOf(slot);
    void slot.worker.terminate();
    const { slot: fresh, ready } = spawn();
    if (index >= 0) slots[index] = fresh;
    void ready.then(() => next(fresh));
  };

  const next = (slot: Slot) => {
    if (slot.busy) return;
    const job = waiting.shift();
    if (!job) return;
    slot.busy = job.task;
    slot.resolve = job.resolve;
    slot.worker.postMessage(job.task);
  };

  return {
    init() {
      if (!initDiagnostics) {
        const started = Array.from({ length: size }, () => spawn());
        slots.push(...started.map((s) => s.slot));
        initDiagnostics = Promise.all(started.map((s) => s.ready)).then((all) => all[0] ?? []);
      }
      return initDiagnostics;
    },
    run(task) {
      return new Promise<TaskResult>((resolve) => {
        waiting.push({ task, resolve });
        const free = slots.find((s) => !s.busy);
        if (free) next(free);
      });
    },
    async close() {
      closed = true;
      // Settle whatever is still queued or running, so no caller waits forever.
      const cancelled = (task: Task): TaskResult => ({
        id: task.id,
        diagnostics: [diagnostic(task.display, { ruleId: 'internal/interrupted', reason: 'The build was interrupted before this report was compiled' })],
        outputs: {},
        summary: undefined,
        dependencies: [],
      });
      for (const job of waiting.splice(0)) job.resolve(cancelled(job.task));
      for (const slot of slots) {
        if (slot.busy && slot.resolve) slot.resolve(cancelled(slot.busy));
        slot.busy = undefined;
        slot.resolve = undefined;
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
