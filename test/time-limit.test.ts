// The time limit on a township's own templates (src/compile/time-limit.ts) on its own; the build
// that stops such a township at --timeout is in test/untrusted.test.ts.
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
});
