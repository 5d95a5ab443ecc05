/** Where the package lives and what it calls itself; read once, used by change detection. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
/** The package's version, from package.json. */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const TOOL = `township-report ${VERSION}`;
export const STANDARD_PACK_DIR = join(PACKAGE_ROOT, 'templates', 'standard');
export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');
