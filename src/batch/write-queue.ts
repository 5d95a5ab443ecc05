/**
 * Reports whose files are being written while the next ones compile: each is handed on in the
 * order it came, when its write has ended, and no more than `limit` are held at once, so memory
 * stays flat however far the compiler runs ahead of the disk.
 */
import type { Settled } from './plan.js';

export class WriteQueue {
  private held = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly wakers: (() => void)[] = [];
  private failure: { error: unknown } | undefined;

  /** `settle` takes each report in the order pushed; what it throws stops the queue: `room` and `drained` reject with it. */
  constructor(
    private readonly limit: number,
    private readonly settle: (settled: Settled) => void,
  ) {}

  /** A report being written (or already settled), handed on after every report pushed before it. */
  push(report: Settled | Promise<Settled>): void {
    this.held++;
    this.tail = this.tail.then(async () => {
      try {
        this.settle(await report);
      } catch (error) {
        this.failure = { error };
        throw error;
      } finally {
        this.held--;
        for (const wake of this.wakers.splice(0, this.failure ? this.wakers.length : 1)) wake();
      }
    });
    // Seen by drained() or room(); not an unhandled rejection meanwhile.
    this.tail.catch(() => {});
  }

  /** Resolves once fewer than `limit` reports are held. */
  async room(): Promise<void> {
    while (this.held >= this.limit && !this.failure) await new Promise<void>((resolve) => this.wakers.push(resolve));
    if (this.failure) throw this.failure.error;
  }

  /** Resolves once every report pushed has been handed on. */
  drained(): Promise<void> {
    return this.tail;
  }
}
