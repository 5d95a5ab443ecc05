// `report import` of Word files LibreOffice writes: each seed saved as DOCX (plain paragraphs, no
// styles), and an old .doc, which import reads through LibreOffice. Left out of mutation runs
// (vitest.mutate.config.ts): each conversion takes seconds; test/import.test.ts reads Word files
// of every other kind in-process.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';
import { fidelity, importAndBuild } from './import-helpers.js';
import { officeTools } from './office.js';
import { SEED_FILES, SEEDS_DIR } from './seed-figures.js';

const office = officeTools();

describe.skipIf(!office.available)('a report saved as a Word file', () => {
  it('is imported from each seed converted to DOCX by LibreOffice (plain paragraphs, no styles) and rebuilt with recall ≥ 0.95', { timeout: 180_000 }, async () => {
    const work = tempDir('import-word-');
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    const seeds = Object.values(SEED_FILES).map((f) => {
      copyFileSync(join(SEEDS_DIR, f), join(work, f));
      return join(work, f);
    });
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, ...seeds], { stdio: 'pipe', timeout: 150_000 });
    for (const seed of seeds) {
      const docx = seed.replace(/\.txt$/, '.docx');
      expect(existsSync(docx), docx).toBe(true);
      const d = await importAndBuild(docx);
      const f = fidelity(seed, join(d, 'out', 'data.docx'));
      expect(f.recall, f.text).toBeGreaterThanOrEqual(0.95);
      expect(f.headings[0], f.text).toBe(f.headings[1]);
    }
  });

  it('is imported from an old .doc through LibreOffice', { timeout: 120_000 }, async () => {
    const work = tempDir('import-doc-');
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    const seed = join(work, 'r.txt');
    copyFileSync(join(SEEDS_DIR, SEED_FILES['zuolan-2024.yaml']!), seed);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', work, seed], { stdio: 'pipe', timeout: 100_000 });
    const d = await importAndBuild(join(work, 'r.doc'));
    const f = fidelity(seed, join(d, 'out', 'data.docx'));
    expect(f.recall, f.text).toBeGreaterThanOrEqual(0.95);
  });
});
