// The tests were written against the English messages; those of the Chinese ones set the language themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { setLang } from '../src/i18n/index.js';

setLang('en');

// Every temporary folder of a test file (tempDir, LibreOffice's profiles, the program's own, those of the
// programs it starts) is made inside one folder of its own, removed when the file's tests are done: a
// mutation run runs the tests thousands of times, and tens of thousands of folders left in the system's
// temporary folder made creating a file there several times slower. The system's folder is remembered
// for the next file run in the same process, whose own folder is made beside this one, not inside it.
process.env.REPORT_TEST_TMP ??= tmpdir();
const root = mkdtempSync(join(process.env.REPORT_TEST_TMP, 'report-tests-'));
for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));
