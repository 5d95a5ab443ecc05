/**
 * A time limit for code a data file brings. Compiling a township takes milliseconds, and all of
 * it grows with the size of the data file (at most 4 MB), but for the township's own section
 * templates: a loop in a loop over a list can keep the compiler busy for hours. They run inside a
 * `vm` script with a timeout, which V8 stops wherever it is. (Each such script starts a watchdog
 * thread: about 1 ms, which is why reports without templates of their own are not watched.)
 *
 * Ctrl-C is not taken here (`breakOnSigint` takes the build's own SIGINT handler off while a
 * script runs, and a signal in between would end the process at once): the build hears it between
 * two reports, which the limit keeps at most that far apart.
 */
import { createContext, Script } from 'node:vm';

/** The default limit for one township, in seconds: a thousand times what the largest seed takes. */
export const DEFAULT_TIME_LIMIT_S = 30;

export class TimeLimitExceeded extends Error {
  constructor(readonly seconds: number) {
    super(`took longer than ${seconds} s`);
  }
}

/** Made on first use: a context costs memory, and most builds never need one. */
let guard: { context: { job: (() => unknown) | undefined }; script: Script } | undefined;

/** Runs `job` (synchronous) and gives its result; throws TimeLimitExceeded when it runs longer than `seconds`. */
export function withinTimeLimit<T>(seconds: number, job: () => T): T {
  guard ??= { context: createContext({ job: undefined }) as { job: (() => unknown) | undefined }, script: new Script('job()') };
  const { context, script } = guard;
  context.job = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.round(seconds * 1000)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(seconds);
    throw e;
    // Stryker disable next-line BlockStatement: it only lets the job, and the report it holds, be collected
  } finally {
    context.job = undefined;
  }
}
