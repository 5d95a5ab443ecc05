import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';

export type { Browser };

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Headless Chromium for tests. Missing locally, the tests that need it are
 * skipped with a printed reason; under CI=true a missing browser fails.
 */
export async function launchChromium(): Promise<{ available: boolean; launch: (options?: LaunchOptions) => Promise<Browser> }> {
  const executablePath = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!executablePath) {
    if (process.env['CI']) throw new Error('Chromium is required under CI=true (install the Debian package chromium)');
    console.warn('Skipping browser tests: no Chromium found (install the Debian package chromium or set CHROMIUM_PATH).');
    return { available: false, launch: () => Promise.reject(new Error('no chromium')) };
  }
  const { chromium } = await import('playwright-core');
  return {
    available: true,
    launch: (options = {}) =>
      chromium.launch({
        ...options,
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
  };
}
