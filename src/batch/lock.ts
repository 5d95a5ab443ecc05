/**
 * One build at a time in an output folder. Two builds writing into one folder would remove each
 * other's temporary files and overwrite each other's manifest; so a build holds `.report.lock`
 * (created only if absent) while it writes. A second build waits for the first to finish; a lock
 * left by a build that no longer runs (killed, or the machine lost power) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_NAME = '.report.lock';

interface Holder {
  pid: number;
  host: string;
}

export interface Lock {
  release(): void;
}

/** True while the process that wrote the lock still runs (a lock from another machine is taken as held). */
function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the output folder's lock: at once when it is free or its holder has ended; otherwise
 * after waiting (telling `onWait` once) up to `waitMs`. Gives undefined when the wait ran out or
 * the signal aborted it; the holder then, for the message.
 */
export async function lockFolder(
  dir: string,
  options: { waitMs: number; signal?: AbortSignal | undefined; onWait?: ((holder: Holder) => void) | undefined },
): Promise<{ lock: Lock } | { holder: Holder | undefined }> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_NAME);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() });
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return { lock: { release: () => rmSync(path, { force: true }) } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    // A lock being written this instant has no holder yet: wait for it like any other.
    if (holder && !alive(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline || options.signal?.aborted) return { holder };
    if (!told && holder) {
      options.onWait?.(holder);
      told = true;
    }
    await sleep(200);
  }
}
