/**
 * One build at a time in an output folder. Two builds writing into one folder would remove each
 * other's temporary files and overwrite each other's manifest; so a build holds `.report.lock`
 * (created only if absent) while it writes. A second build waits for the first to finish; a lock
 * left by a build that no longer runs (killed, or the machine lost power) is taken over.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A lock file with no holder in it for this long is stale. */
const UNREADABLE_STALE_MS = 5000;

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes a stale lock so that this build can take it. Two builds may find the same stale lock:
 * each renames it to a name of its own first, and only the one whose rename succeeds removes it;
 * the other finds the lock gone (or retaken) and tries again.
 */
function takeOver(path: string): void {
  const mine = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, mine);
  } catch {
    return;
  }
  // Another build took the lock between our look and our rename: give it back.
  const holder = readHolder(mine);
  if (holder && alive(holder)) {
    try {
      linkSync(mine, path);
    } catch {
      /* a third build holds it now */
    }
  }
  rmSync(mine);
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
  // Stryker disable BlockStatement: emptied, either block leaves h undefined, which is no holder, as it should be
  let h: Partial<Holder> | null;
  try {
    h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder> | null;
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
  return typeof h?.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host } : undefined;
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
    // A lock being written this instant has no holder yet: wait for it. One still without a
    // holder after a few seconds was cut short (power lost while writing it): it is stale.
    // Stryker disable next-line EqualityOperator: a lock exactly five seconds old is young or stale alike
    if (holder ? !alive(holder) : ageMs(path) > UNREADABLE_STALE_MS) {
      takeOver(path);
      continue;
    }
    if (Date.now() >= deadline || options.signal?.aborted) return { holder };
    if (!told) {
      options.onWait?.(holder ?? { pid: 0, host: '' });
      told = true;
    }
    await sleep(200);
  }
}
