/**
 * A time limit for the work a data file drives. Compiling a township takes milliseconds, but the
 * data file is untrusted: a township's own section template or a pathological value could keep
 * the compiler busy for minutes. The synchronous stages run inside a `vm` script with a timeout,
 * which V8 stops wherever it is.
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

const context = createContext({ job: undefined as (() => unknown) | undefined });
const script = new Script('job()');

/** Runs `job` (synchronous) and gives its result; throws TimeLimitExceeded when it runs longer than `seconds`. */
export function withinTimeLimit<T>(seconds: number, job: () => T): T {
  context.job = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.round(seconds * 1000)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(seconds);
    throw e;
  } finally {
    context.job = undefined;
  }
}
