import { describe, expect, it } from 'vitest';
import type { Settled } from '../src/batch/plan.js';
import { WriteQueue } from '../src/batch/write-queue.js';

/** A settled report named `input`. */
const settled = (input: string): Settled => ({ result: { input, status: 'built', outputs: [], diagnostics: [] } });

/** A report whose write ends when `end` is called. */
function pending(input: string): { report: Promise<Settled>; end: () => void } {
  let end = () => {};
  const report = new Promise<Settled>((resolve) => {
    end = () => resolve(settled(input));
  });
  return { report, end };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the queue of reports being written', () => {
  it('hands each report on in the order pushed, whichever write ends first', async () => {
    const handed: string[] = [];
    const queue = new WriteQueue(8, (s) => handed.push(s.result.input));
    const a = pending('a');
    const c = pending('c');
    queue.push(a.report);
    queue.push(settled('b'));
    queue.push(c.report);
    c.end();
    await turn();
    expect(handed).toEqual([]);
    a.end();
    await queue.drained();
    expect(handed).toEqual(['a', 'b', 'c']);
  });

  it('has room while fewer than its limit are held, and again once one is handed on', async () => {
    const queue = new WriteQueue(2, () => {});
    const a = pending('a');
    const b = pending('b');
    queue.push(a.report);
    let roomed = false;
    await queue.room();
    queue.push(b.report);
    void queue.room().then(() => {
      roomed = true;
    });
    await turn();
    expect(roomed).toBe(false);
    a.end();
    await turn();
    expect(roomed).toBe(true);
    b.end();
    await queue.drained();
  });

  it('stops at what handing a report on throws: room and drained reject with it, and nothing waits for ever', async () => {
    const handed: string[] = [];
    const queue = new WriteQueue(1, (s) => {
      if (s.result.input === 'a') throw new Error('manifest not written');
      handed.push(s.result.input);
    });
    const a = pending('a');
    queue.push(a.report);
    const waiting = queue.room();
    a.end();
    await expect(waiting).rejects.toThrow('manifest not written');
    queue.push(settled('b'));
    await expect(queue.room()).rejects.toThrow('manifest not written');
    await expect(queue.drained()).rejects.toThrow('manifest not written');
    expect(handed).toEqual([]);
  });
});
