#!/usr/bin/env node
// CommonJS (bin/package.json), so that a command starts without Node's loader of ES modules.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

if (!existsSync(join(__dirname, '..', 'dist', 'cli.cjs'))) {
  const english = /^en/i.test(process.env.REPORT_LANG || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    english
      ? 'report: the compiled program is missing (dist/). Run “npm install” (or “npm run build”) in the township-report folder first.\n'
      : 'report：缺少编译好的程序（dist/）。请先在 township-report 文件夹中运行“npm install”（或“npm run build”）。\n',
  );
  process.exit(2);
}
// Output piped into a command that stops reading (report schema | head) ends quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// The bundle, with V8's code cache (bin/load.cjs).
const { main } = require('./load.cjs').load('cli.cjs');
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  errRaw: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
