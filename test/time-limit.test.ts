// The time limit on a township's own templates (src/compile/time-limit.ts) on its own; the build
// that stops such a township at --timeout is in test/untrusted.test.ts.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TimeLimitExceeded, withinTimeLimit } from '../src/compile/time-limit.js';

const spin = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy, as a template in a loop is
  }
  return 'done';
};

describe('withinTimeLimit', () => {
  it('gives the job’s result, and passes its own errors on as they are', () => {
    expect(withinTimeLimit(5, () => 42)).toBe(42);
    const error = new RangeError('the job’s own');
    expect(() =>
      withinTimeLimit(5, () => {
        throw error;
      }),
    ).toThrow(error);
    // Once more after an error: the limit is used again, not left in a broken state.
    expect(withinTimeLimit(5, () => 'again')).toBe('again');
  });

  it('stops a job past its limit, naming the limit, even a limit under a millisecond', () => {
    for (const seconds of [0.05, 0.0001]) {
      let caught: unknown;
      try {
        withinTimeLimit(seconds, () => spin(3000));
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TimeLimitExceeded);
      expect((caught as TimeLimitExceeded).seconds).toBe(seconds);
      expect((caught as Error).message).toBe(`took longer than ${seconds} s`);
    }
    // A job within its limit is not stopped.
    expect(withinTimeLimit(5, () => spin(20))).toBe('done');
  });

  it('lets go of the job once it has run, returned, thrown or been stopped, and the report it holds with it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const jobs: Array<(held: object) => unknown> = [
      (held) => held,
      (held) => {
        throw new Error(String(held));
      },
      () => spin(3000),
    ];
    for (const job of jobs) {
      const ref = (() => {
        const held = { report: 'x'.repeat(1e6) };
        try {
          withinTimeLimit(0.05, () => job(held));
        } catch {
          // thrown or stopped: the job is let go of all the same
        }
        return new WeakRef(held);
      })();
      // A WeakRef keeps its object until the current job of the event loop ends.
      await new Promise((r) => setTimeout(r, 0));
      gc();
      expect(ref.deref()).toBeUndefined();
    }
  });
});
