/**
 * Compiles on `jobs` threads: this one and jobs − 1 worker threads, each
 * holding a compiled template pack. This thread writes the outputs too, and
 * writing is light, so a worker of its own would only add one more heap and
 * one more copy of the compiled code to warm up.
 *
 * This thread starts compiling at once; a worker is given tasks once it has
 * loaded its pack (a third of a second or more), so a small batch is not held
 * up waiting for it. Each worker is sent its next task before it finishes the
 * current one, so it never waits while this thread compiles. A worker that
 * dies fails only the task it was compiling; its queued task goes back in
 * line, and the worker is replaced. One that cannot start at all leaves its
 * share to the others.
 */
import { t } from '../i18n/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { diagnostic, type Diagnostic, type RuleId } from '../diagnostics/index.js';
import { PACKAGE_ROOT } from '../version.js';
import { inlineCompiler } from './inline.js';
import type { Compiler, CompilerSetup, Task, TaskResult } from './task.js';

/** The worker thread's script: bin/load.cjs, which loads the worker bundle (dist/worker.cjs) with its code cache, also when this module runs from source under a test runner. */
function workerPath(): string {
  if (!existsSync(join(PACKAGE_ROOT, 'dist', 'worker.cjs'))) throw new Error('dist/worker.cjs is missing: run “npm run build”');
  return join(PACKAGE_ROOT, 'bin', 'load.cjs');
}

interface Job {
  task: Task;
  resolve: (r: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, in the order sent: the first is being compiled. */
  sent: Job[];
  /** Loaded its template pack; a worker that dies before that is not replaced. */
  started: boolean;
}

/** Tasks a worker holds at once: the one it compiles and the next. */
const WORKER_DEPTH = 2;

const resultFor = (task: Task, ruleId: RuleId, reason: string, note?: string): TaskResult => ({
  id: task.id,
  diagnostics: [diagnostic(task.display, { ruleId, reason, ...(note ? { note } : {}) })],
  outputs: {},
  summary: undefined,
  dependencies: [],
});

/** `script` is the worker's module: bin/load.cjs (dist/worker.cjs) unless a test gives another. */
export function workerPool(setup: CompilerSetup, jobs: number, script: string = workerPath()): Compiler & { workersReady(): Promise<void> } {
  const local = inlineCompiler(setup);
  let localBusy = false;
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let initDiagnostics: Promise<Diagnostic[]> | undefined;
  let workersReady: Promise<void> = Promise.resolve();
  let closed = false;

  const spawn = (): { slot: Slot; ready: Promise<void> } => {
    const worker = new Worker(script, { workerData: setup });
    const slot: Slot = { worker, sent: [], started: false };
    const ready = new Promise<void>((resolve) => {
      worker.once('message', (m: { type: string }) => {
        if (m.type === 'ready') slot.started = true;
        resolve();
        dispatch();
      });
      // A worker that cannot start leaves its share to the others and this thread.
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
    worker.on('message', (m: { type: string; result?: TaskResult }) => {
      if (m.type !== 'result' || !m.result) return;
      const at = slot.sent.findIndex((j) => j.task.id === m.result!.id);
      if (at < 0) return;
      const [job] = slot.sent.splice(at, 1);
      job!.resolve(m.result);
      dispatch();
    });
    worker.on('error', (err) => fail(slot, err));
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(slot, new Error(t('batch.worker-stopped', { code })));
    });
    return { slot, ready };
  };

  const fail = (slot: Slot, err: Error) => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    const [running, ...queued] = slot.sent.splice(0);
    void slot.worker.terminate();
    if (!slot.started) {
      // It never compiled anything: give its tasks to the others rather than start another.
      slots.splice(index, 1);
      waiting.unshift(...(running ? [running] : []), ...queued);
      dispatch();
      return;
    }
    if (running) {
      running.resolve(resultFor(running.task, 'internal/crash', t('batch.worker-crash', { message: err.message }), t('batch.worker-crash.note')));
    }
    waiting.unshift(...queued);
    if (closed) return;
    // Replace the worker so the batch goes on.
    const { slot: fresh, ready } = spawn();
    slots[index] = fresh;
    void ready.then(dispatch);
  };

  const dispatch = () => {
    if (closed) return;
    // Keep every worker that has started fed first; then compile here.
    for (const slot of slots) {
      if (!slot.started) continue;
      while (slot.sent.length < WORKER_DEPTH && waiting.length > 0) {
        const job = waiting.shift()!;
        slot.sent.push(job);
        slot.worker.postMessage(job.task);
      }
    }
    if (!localBusy && waiting.length > 0) {
      const job = waiting.shift()!;
      localBusy = true;
      // From the event loop, not this call's microtasks, so that the workers' results are
      // taken in (and the workers given more) between compiles here.
      setImmediate(
        () =>
          void local.run(job.task).then((result) => {
            localBusy = false;
            job.resolve(result);
            dispatch();
          }),
      );
    }
  };

  return {
    init() {
      if (!initDiagnostics) {
        const started = Array.from({ length: Math.max(0, jobs - 1) }, () => spawn());
        slots.push(...started.map((s) => s.slot));
        workersReady = Promise.all(started.map((s) => s.ready)).then(() => undefined);
        // This thread's pack gives the diagnostics; the workers load the same one, and are not waited for.
        initDiagnostics = local.init();
      }
      return initDiagnostics;
    },
    /** Settles when every worker has loaded its pack or failed to start. */
    workersReady: () => workersReady,
    run(task) {
      return new Promise<TaskResult>((resolve) => {
        waiting.push({ task, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      // Settle whatever is still queued or running, so no caller waits forever.
      const interrupted = (job: Job) => job.resolve(resultFor(job.task, 'internal/interrupted', t('batch.interrupted')));
      for (const job of waiting.splice(0)) interrupted(job);
      for (const slot of slots) for (const job of slot.sent.splice(0)) interrupted(job);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
