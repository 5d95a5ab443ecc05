/**
 * The compile step: the plan's reports compiled on this thread and, for a batch, on worker
 * threads, each holding the compiled template pack. Results are handed on in input order, so
 * logs and collision reports do not depend on timing, and a bounded window of reports in
 * flight keeps memory flat however large the batch.
 */
import { availableParallelism, freemem } from 'node:os';
import { relative } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { unreadable, type Settled, type Todo } from './plan.js';
import { posix, sha256, type BatchSettings } from './settings.js';
import type { Compiler, TaskResult } from './task.js';
import { decodeText, readBytes } from '../load/read.js';
import { lang, t } from '../i18n/index.js';

/** A compiled report as the write step takes it: dependencies relative to the working folder. */
export interface CompiledReport {
  todo: Todo;
  /** Hash of the data file's bytes as compiled. */
  sourceHash: string;
  result: TaskResult;
  /** Other files its outputs depend on, relative to the working folder, with /. */
  dependencies: string[];
}

export interface CompileOutcome {
  /** False when the template pack has errors: nothing was compiled. */
  packOk: boolean;
  interrupted: boolean;
  /** The template pack's problems. */
  diagnostics: Diagnostic[];
}

/** Memory a worker thread takes while compiling (its heap, the libraries and the pack), with room to spare. */
const WORKER_BYTES = 160 * 1024 * 1024;

/**
 * Reports per worker thread before one is started when --jobs is not given, by what each report
 * is made into: checked only (`report check`), or written in one, two or three formats. A worker
 * loads the program and its pack and warms V8 up (a second or more of CPU, on a core this
 * thread's own compiler and collector also use), which a batch pays back only with enough work
 * for it. Measured on 2 cores, bench townships, one worker against none (5 to 11 alternating
 * runs, medians): checked only, 600 1.26 s against 1.12, 1,000 1.76 against 1.67, 2,000 3.22 against
 * 3.23; DOCX only, 400 1.62 against 1.57, 600 2.14 against 2.29; md + docx, 300 1.65 against
 * 1.62, 350 1.95 against 1.97, 400 2.20 against 2.42; all three, 200 1.47 against 1.41, 300 2.24
 * against 2.41 one day and 1.96 against 1.90 and 2.14 against 2.17 another, 350 2.46 against
 * 2.48, 400 2.34 against 2.52. A worker starts where it has been seen to pay or break even, not
 * before: below that it was slower, and it takes some 0.75 s more CPU and 60 MB more memory.
 */
const REPORTS_PER_WORKER = [2000, 450, 350, 350] as const;

/** Reports per worker for reports made into `formats` formats (0: checked only). */
export function reportsPerWorker(formats: number): number {
  return REPORTS_PER_WORKER[Math.max(0, Math.min(3, formats))]!;
}

/** The most reports compiled at once that the machine can take: one per core, and no more than free memory holds. */
export function maxJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(freemem() / WORKER_BYTES)));
}

/**
 * Threads to compile `reports` reports on, each made into `formats` formats (0: checked only):
 * --jobs if given, else one more per reportsPerWorker(formats) reports; never more than the
 * machine takes or than there are reports.
 */
export function threadsFor(reports: number, asked: number | undefined, formats: number): number {
  return Math.max(1, Math.min(asked ?? Math.min(availableParallelism(), 1 + Math.floor(reports / reportsPerWorker(formats))), maxJobs(), reports));
}

/** Compiles every report to do and passes each result, in input order, to `handle`. */
export async function compileInOrder(
  settings: BatchSettings,
  todo: readonly Todo[],
  control: { signal?: AbortSignal | undefined },
  handle: (report: CompiledReport | Settled) => void,
): Promise<CompileOutcome> {
  if (todo.length === 0) return { packOk: true, interrupted: false, diagnostics: [] };
  // A check has no formats (settle).
  const jobs = threadsFor(todo.length, settings.jobs, settings.formats.length);
  const setup = {
    packDir: settings.packDir,
    cwd: settings.cwd,
    formats: settings.formats,
    layout: settings.layout,
    rules: settings.rules,
    timeLimit: settings.timeLimit,
    lang: lang(),
    figures: settings.figures,
  };
  const compiler: Compiler = jobs > 1 ? (await import('./pool.js')).workerPool(setup, jobs) : (await import('./inline.js')).inlineCompiler(setup);
  const diagnostics = await compiler.init();
  if (hasErrors(diagnostics)) {
    await compiler.close();
    return { packOk: false, interrupted: false, diagnostics };
  }

  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
    void compiler.close();
  };
  // Stopped while the pack loaded or the plan was made: the event has passed, so look.
  if (control.signal?.aborted) onAbort();
  else control.signal?.addEventListener('abort', onAbort);

  let nextIndex = 0;
  let nextToHandle = 0;
  const ready = new Map<number, CompiledReport | Settled>();
  const inOrder = (id: number, report: CompiledReport | Settled) => {
    ready.set(id, report);
    for (let r = ready.get(nextToHandle); r && !interrupted; r = ready.get(nextToHandle)) {
      ready.delete(nextToHandle++);
      handle(r);
    }
  };
  const runOne = async (): Promise<void> => {
    for (;;) {
      // A turn of the event loop between reports, so that Ctrl-C and SIGTERM are heard even
      // when every step of a compile finishes without waiting (one report at a time).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (interrupted || nextIndex >= todo.length) return;
      const id = nextIndex++;
      const item = todo[id]!;
      let bytes: Buffer;
      try {
        bytes = readBytes(item.input.path);
      } catch (e) {
        inOrder(id, { result: unreadable(item.input, e) });
        continue;
      }
      const { text: source, encoding } = decodeText(bytes);
      const result = await compiler.run({ id, display: item.input.display, path: item.input.path, source, ...(encoding !== 'utf-8' ? { encoding } : {}) });
      // Once stopped, inOrder hands nothing on, and the loop ends at its next turn.
      inOrder(id, { todo: item, sourceHash: sha256(bytes), result, dependencies: result.dependencies.map((d) => posix(relative(settings.cwd, d))) });
    }
  };
  try {
    // Reports in flight: enough to keep the workers fed; one when this thread compiles alone, so
    // that a signal is heard before the next report starts.
    await Promise.all(Array.from({ length: Math.min(jobs > 1 ? jobs * 4 : 1, todo.length) }, runOne));
  } finally {
    // Whatever happened, the worker threads must not keep the process alive.
    control.signal?.removeEventListener('abort', onAbort);
    await compiler.close();
  }
  // Reports not handed on are not built: say how many, at the first of them.
  const first = todo[nextToHandle];
  if (interrupted && first) {
    diagnostics.push(
      diagnostic(first.input.display, {
        ruleId: 'internal/interrupted',
        reason: t('batch.interrupted.rest', { count: todo.length - nextToHandle }),
        note: t('batch.interrupted.note'),
      }),
    );
  }
  return { packOk: true, interrupted, diagnostics };
}
