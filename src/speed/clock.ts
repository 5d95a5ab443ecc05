/**
 * Seconds since a moment, for the time a command reports. process.hrtime rather than
 * `performance.now()`: the first use of the global `performance` loads Node's perf_hooks and its
 * timing machinery (about 2 ms of every start on this machine, for a number printed once).
 */

/** Now, in nanoseconds since an arbitrary moment. */
export const clock = (): bigint => process.hrtime.bigint();

/** Seconds from `started` (a `clock()`) until now. */
export const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;
