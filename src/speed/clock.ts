/**
 * Seconds since a moment, for the time a command reports. process.hrtime rather than
 * `performance.now()`: the first use of the global `performance` loads Node's perf_hooks and its
 * timing machinery, about a tenth of a second's start-up work of its own on a busy machine.
 */

/** Now, in nanoseconds since an arbitrary moment. */
export const clock = (): bigint => process.hrtime.bigint();

/** Seconds from `started` (a `clock()`) until now. */
export const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
