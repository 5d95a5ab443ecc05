/** The files of a template pack, without compiling anything: for change detection. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The files of a pack folder that decide its output: pack.yaml, partials and sections. */
export function packFiles(dir: string): string[] {
  const files = [join(dir, 'pack.yaml')];
  for (const [sub, pattern] of [
    ['partials', /\.(md|hbs)$/],
    ['sections', /\.md$/],
  ] as const) {
    const d = join(dir, sub);
    if (existsSync(d)) for (const f of readdirSync(d).sort()) if (pattern.test(f)) files.push(join(d, f));
  }
  return files;
}

/** A hash of everything in a pack that decides its output. */
export function packHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of packFiles(dir)) {
    h.update(f.slice(dir.length));
    h.update('\0');
    h.update(existsSync(f) ? readFileSync(f) : '');
    h.update('\0');
  }
  return h.digest('hex');
}
