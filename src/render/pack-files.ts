/** The files of a template pack, without compiling anything: for change detection. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { STANDARD_PACK_DIR } from '../version.js';

/** The files of a pack folder that decide its output: pack.yaml, partials and sections. */
export function packFiles(dir: string): string[] {
  const files = [join(dir, 'pack.yaml')];
  for (const [sub, pattern] of [
    ['partials', /\.(md|hbs)$/],
    ['sections', /\.md$/],
  ] as const) {
    const d = join(dir, sub);
    // Stryker disable next-line MethodExpression: Node lists a folder in name order on Linux already; the sort keeps every system to it
    if (existsSync(d)) for (const f of readdirSync(d).sort()) if (pattern.test(f)) files.push(join(d, f));
  }
  return files;
}

/** The pack folders a pack is made of, itself first, following `extends:` (read without checking the rest of pack.yaml). */
export function packChainDirs(dir: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = dir; current && !chain.includes(current); ) {
    chain.push(current);
    let base: unknown;
    try {
      base = (parse(readFileSync(join(current, 'pack.yaml'), 'utf8')) as { extends?: unknown } | null)?.extends;
    } catch {
      // Not readable or not YAML: the chain ends here (loadPack reports why).
    }
    current = typeof base !== 'string' ? undefined : base === 'standard' ? STANDARD_PACK_DIR : resolve(current, base);
  }
  return chain;
}

/** A hash of everything in a pack, and the packs it extends, that decides its output. */
export function packHash(dir: string): string {
  const h = createHash('sha256');
  packChainDirs(dir).forEach((d, i) => {
    // The packs extended, each after a marker of its place in the chain.
    if (i > 0) h.update(`\0extends ${i}\0`);
    for (const f of packFiles(d)) {
      h.update(f.slice(d.length));
      h.update('\0');
      h.update(existsSync(f) ? readFileSync(f) : '');
      h.update('\0');
    }
  });
  return h.digest('hex');
}
