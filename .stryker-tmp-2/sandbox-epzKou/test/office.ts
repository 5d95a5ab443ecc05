// @ts-nocheck
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice and pdftotext for tests: skipped with a reason locally, required under CI=true. */
export function officeTools(): { available: boolean; reason: string } {
  const missing = [
    ['soffice', 'libreoffice-writer-nogui'],
    ['pdftotext', 'poppler-utils'],
  ].filter(([cmd]) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
  if (missing.length === 0) return { available: true, reason: '' };
  const reason = `Skipping LibreOffice tests: ${missing.map(([c, p]) => `${c} (Debian package ${p})`).join(', ')} not installed.`;
  if (process.env['CI']) throw new Error(`${reason} They are required under CI=true.`);
  console.warn(reason);
  return { available: false, reason };
}

export const FONTS_CONF = join(import.meta.dirname, 'fonts', 'fonts.conf');

/** Converts a DOCX to PDF with headless LibreOffice; returns the PDF's path. */
export function docxToPdf(docx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
    stdio: 'pipe',
    timeout: 120_000,
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
  const pdf = join(outDir, docx.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return pdf;
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
