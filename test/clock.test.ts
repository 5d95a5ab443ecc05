// The time a command reports (用时 … 秒): seconds from a moment taken with clock().
import { describe, expect, it } from 'vitest';
import { clock, secondsSince } from '../src/speed/clock.js';

describe('the time a command reports', () => {
  it('is the seconds since the moment given', () => {
    const started = clock();
    const earlier = started - 2_500_000_000n;
    expect(secondsSince(earlier)).toBeGreaterThanOrEqual(2.5);
    expect(secondsSince(earlier)).toBeLessThan(3.5);
    expect(secondsSince(started)).toBeGreaterThanOrEqual(0);
    expect(secondsSince(clock() + 1_000_000_000n)).toBeLessThan(0);
  });

  it('comes from a clock counting nanoseconds that only goes forward', async () => {
    const a = clock();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const b = clock();
    expect(Number(b - a)).toBeGreaterThanOrEqual(15_000_000);
    expect(Number(b - a)).toBeLessThan(60_000_000_000);
  });
});
