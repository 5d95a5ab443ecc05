// The output folder's lock, as lockFolder takes it: who holds it, when it is stale, what a waiting build is told.
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME, lockFolder } from '../src/batch/lock.js';
import { tempDir } from './helpers.js';

function heldBy(content: string, ageMs = 0): string {
  const dir = tempDir('lock-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, LOCK_NAME), content);
  const when = new Date(Date.now() - ageMs);
  utimesSync(join(dir, LOCK_NAME), when, when);
  return dir;
}

describe('the output folder’s lock', () => {
  it('is taken when free, holds this process and this machine, and is gone once released', async () => {
    const dir = tempDir('lock-');
    const taken = await lockFolder(join(dir, 'out'), { waitMs: 0 });
    expect('lock' in taken).toBe(true);
    const holder = JSON.parse(readFileSync(join(dir, 'out', LOCK_NAME), 'utf8'));
    expect([holder.pid, holder.host]).toEqual([process.pid, hostname()]);
    if ('lock' in taken) taken.lock.release();
    expect(existsSync(join(dir, 'out', LOCK_NAME))).toBe(false);
  });

  it('held by a build on another machine is waited for, however long ago it was taken (that build may still run)', async () => {
    const dir = heldBy(JSON.stringify({ pid: 4194305, host: `not-${hostname()}` }), 3_600_000);
    const told: unknown[] = [];
    const r = await lockFolder(dir, { waitMs: 250, onWait: (h) => told.push(h) });
    expect(r).toEqual({ holder: { pid: 4194305, host: `not-${hostname()}` } });
    expect(told).toEqual([{ pid: 4194305, host: `not-${hostname()}` }]);
  });

  it('without a holder one can read is being written this instant: waited for, the waiting build told of no one', async () => {
    for (const content of ['', '{"pid":"12","host":"x"}', '{"pid":12}', '{"pid":12,"host":7}', 'not json']) {
      const dir = heldBy(content);
      const told: unknown[] = [];
      const r = await lockFolder(dir, { waitMs: 250, onWait: (h) => told.push(h) });
      expect([content, r]).toEqual([content, { holder: undefined }]);
      expect(told).toEqual([{ pid: 0, host: '' }]);
      expect(readFileSync(join(dir, LOCK_NAME), 'utf8')).toBe(content);
    }
  });

  it('without a holder one can read, and a few seconds old, is stale and taken over', async () => {
    const dir = heldBy('{"pid":"12"}', 6000);
    const r = await lockFolder(dir, { waitMs: 0 });
    expect('lock' in r).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_NAME), 'utf8')).pid).toBe(process.pid);
  });

  it('is not waited for once the signal has stopped the build', async () => {
    const dir = heldBy(JSON.stringify({ pid: process.pid, host: hostname() }));
    const stop = new AbortController();
    stop.abort();
    const told: unknown[] = [];
    const r = await lockFolder(dir, { waitMs: 60_000, signal: stop.signal, onWait: (h) => told.push(h) });
    expect(r).toEqual({ holder: { pid: process.pid, host: hostname() } });
    expect(told).toEqual([]);
  });
});
