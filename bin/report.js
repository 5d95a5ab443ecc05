#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A batch allocates a report's trees and strings and keeps almost nothing of them, yet by default
// V8 lets each thread's heap grow to several times what is live before collecting: about 430 MB
// at 10,000 townships instead of 280. Growing by half of what is live costs nothing measurable at
// 1,000 townships and 7-13% of speed at 10,000 (README: Performance). V8 flags are process-wide,
// so this applies to the worker threads too; one given on node's command line wins (NODE_OPTIONS
// cannot carry it).
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=50');

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('report: the compiled program is missing (dist/). Run “npm install” (or “npm run build”) in the township-report folder first.\n');
  process.exit(2);
}
// Output piped into a command that stops reading (report schema | head) ends quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  errRaw: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
