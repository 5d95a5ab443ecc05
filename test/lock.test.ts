// The output folder's lock, as lockFolder takes it: who holds it, when it is stale, what a waiting build is told.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCK_NAME, lockFolder } from '../src/batch/lock.js';
import { tempDir } from './helpers.js';

/** What another build does at the moment this one renames a stale lock away, or writes its lock (a disk that refuses it). */
const race = vi.hoisted(() => ({ beforeRename: undefined as ((from: string) => void) | undefined, refuseWrite: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      race.beforeRename?.(from);
      real.renameSync(from, to);
    },
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (race.refuseWrite && String(args[0]).endsWith(LOCK_NAME)) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      real.writeFileSync(...args);
    },
  };
});
afterEach(() => {
  Object.assign(race, { beforeRename: undefined, refuseWrite: false });
  vi.restoreAllMocks();
});

const live = () => JSON.stringify({ pid: process.pid, host: hostname() });
/** A process id that no process has: the largest Linux allows, plus one. */
const dead = () => JSON.stringify({ pid: 4194305, host: hostname() });

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
    for (const content of ['', '{"pid":"12","host":"x"}', '{"pid":12}', '{"pid":12,"host":7}', 'not json', 'null', '7']) {
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

describe('taking over a stale lock while other builds do too', () => {
  it('gives the lock back when another build took it between the look and the rename, and waits for that build', async () => {
    const dir = heldBy(dead());
    race.beforeRename = (from) => {
      race.beforeRename = undefined;
      writeFileSync(from, live());
    };
    const r = await lockFolder(dir, { waitMs: 250 });
    expect(r).toEqual({ holder: { pid: process.pid, host: hostname() } });
    expect(readFileSync(join(dir, LOCK_NAME), 'utf8')).toBe(live());
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
  });

  it('takes the lock when another build removed the stale one first', async () => {
    const dir = heldBy(dead());
    race.beforeRename = (from) => {
      race.beforeRename = undefined;
      rmSync(from);
    };
    const r = await lockFolder(dir, { waitMs: 0 });
    expect('lock' in r).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
  });

  it('takes over a stale lock, leaving nothing of it', async () => {
    const dir = heldBy(dead());
    const r = await lockFolder(dir, { waitMs: 0 });
    expect('lock' in r).toBe(true);
    expect(readdirSync(dir)).toEqual([LOCK_NAME]);
    expect(readFileSync(join(dir, LOCK_NAME), 'utf8')).toContain(`"pid":${process.pid}`);
  });
});

describe('the lock, where the system says no', () => {
  it('held by a process of another user (which this one may not signal) is held', async () => {
    const dir = heldBy(JSON.stringify({ pid: 12345, host: hostname() }));
    vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    expect(await lockFolder(dir, { waitMs: 0 })).toEqual({ holder: { pid: 12345, host: hostname() } });
  });

  it('is not waited for with no time to wait', async () => {
    const dir = heldBy(live());
    const told: unknown[] = [];
    expect(await lockFolder(dir, { waitMs: 0, onWait: (h) => told.push(h) })).toEqual({ holder: { pid: process.pid, host: hostname() } });
    expect(told).toEqual([]);
  });

  it('that cannot be written (a read-only disk) is an error, not a wait', async () => {
    race.refuseWrite = true;
    await expect(lockFolder(tempDir('lock-'), { waitMs: 60_000 })).rejects.toThrow('EROFS');
  });

  it('released after someone removed it is no error', async () => {
    const dir = tempDir('lock-');
    const r = await lockFolder(dir, { waitMs: 0 });
    if (!('lock' in r)) throw new Error('the free lock was not taken');
    rmSync(join(dir, LOCK_NAME));
    expect(() => r.lock.release()).not.toThrow();
  });
});
