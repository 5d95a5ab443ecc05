/**
 * `report volume INPUTS… --out FILE.docx [--template DIR] [--title TEXT] [--pdf]`: the county's volume (汇编) of the
 * townships' reports as one Word file, and as PDF through LibreOffice when asked (`--pdf`, or `--out FILE.pdf`).
 * A township whose data file has errors is left out with its diagnostics and the exit code is 1; the others go in.
 * The volume is written whole or not at all, and only to --out (and, with --pdf, the PDF beside it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildVolume, type VolumeEntry } from '../batch/volume.js';
import { writeAtomic } from '../batch/write.js';
import { hasErrors, printable, systemError, type Diagnostic } from '../diagnostics/index.js';
import { list, t } from '../i18n/index.js';
import { convertWithLibreOffice, findLibreOffice } from '../libreoffice.js';
import type { RuleSetting } from '../rules/catalogue.js';
import { clock, secondsSince } from '../speed/clock.js';
import { workingSettings } from './build-command.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic } from './reporters.js';

export interface VolumeFlags {
  out: string;
  template?: string;
  title?: string;
  pdf?: boolean;
}

/** How long LibreOffice may take to convert a volume (a county's is a few hundred pages). */
const PDF_TIMEOUT_MS = 10 * 60 * 1000;

/** `report volume`: compiles, lays out and writes the volume; gives the exit code. */
export async function runVolume(inputs: string[], opts: VolumeFlags, io: Io): Promise<number> {
  const started = clock();
  const kind = /\.(docx|pdf)$/i.exec(opts.out)?.[1]?.toLowerCase();
  if (!kind) {
    io.err(t('volume.out.invalid', { out: printable(opts.out) }));
    return EXIT.usage;
  }
  // The settings file counts as it does for `report build`: the reports are the ones it would build.
  const config = workingSettings(io);
  if (!config) return EXIT.usage;

  const show = (entry: VolumeEntry) => {
    io.err(printable(t(entry.included ? 'volume.included' : 'volume.left-out', { input: entry.input })));
    for (const d of entry.diagnostics) io.err(formatDiagnostic(d));
  };
  const out = resolve(io.cwd, opts.out);
  const shown = (path: string) => relative(io.cwd, path) || path;
  const pdfPath = out.replace(/\.docx$/i, '.pdf');
  const pdfWanted = kind === 'pdf' || Boolean(opts.pdf);
  // A PDF alone is not worth compiling for without LibreOffice to make it.
  if (kind === 'pdf' && !findLibreOffice(io.env)) {
    io.err(t('volume.pdf-needs-libreoffice', { pdf: shown(pdfPath) }));
    return EXIT.failed;
  }
  const built = await buildVolume({
    inputs,
    cwd: io.cwd,
    template: opts.template ?? config.template,
    layout: config.layout ?? {},
    rules: config.rules as Readonly<Record<string, RuleSetting>> | undefined,
    timeLimit: config.timeout,
    title: opts.title?.trim() || undefined,
    wanted: { docx: kind === 'docx', pdf: pdfWanted },
    onProblems: (diagnostics) => {
      for (const d of diagnostics) io.err(formatDiagnostic(d));
    },
    onReport: show,
    onLayout: ({ count, years }) => {
      if (years.length > 1) io.err(t('volume.years', { years: list(years.map((y) => `${y}`)), year: years[years.length - 1]! }));
      io.err(t('volume.laying-out', { count }));
    },
  });

  const all: Diagnostic[] = [...built.diagnostics, ...built.entries.flatMap((e) => e.diagnostics)];
  const included = built.entries.filter((e) => e.included).length;
  const tally = {
    included,
    left: built.entries.length - included,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
  const seconds = () => secondsSince(started).toFixed(2);
  const volume = built.volume;
  if (!volume) {
    io.err(t('volume.none', { out: opts.out }));
    io.err(t('volume.not-written', { ...tally, seconds: seconds() }));
    return EXIT.failed;
  }
  const written: string[] = [];
  let failed = false;
  const write = (path: string, bytes: Uint8Array) => {
    try {
      writeAtomic(path, bytes);
      written.push(shown(path));
    } catch (e) {
      io.err(t('volume.write-failed', { path: shown(path), message: systemError(e) }));
      failed = true;
    }
  };
  if (volume.docx) write(out, volume.docx);
  if (volume.forPdf) {
    const pdf = toPdf(volume.forPdf, io.env);
    if (pdf.ok) write(pdfPath, pdf.bytes);
    else {
      io.err(t(pdf.why === 'missing' ? 'volume.pdf-needs-libreoffice' : 'volume.pdf-failed', { pdf: shown(pdfPath) }));
      failed = true;
    }
  }
  io.err(written.length > 0 ? t('volume.done', { files: list(written), ...tally, seconds: seconds() }) : t('volume.not-written', { ...tally, seconds: seconds() }));
  return failed || tally.left > 0 || hasErrors(all) ? EXIT.failed : EXIT.ok;
}

/** A volume's DOCX → its PDF, converted by LibreOffice from a temporary copy (nothing is written beside --out). */
function toPdf(docx: Uint8Array, env: NodeJS.ProcessEnv): ReturnType<typeof convertWithLibreOffice> {
  // Stryker disable next-line StringLiteral: the prefix only names the folder
  const dir = mkdtempSync(join(tmpdir(), 'report-volume-'));
  try {
    const file = join(dir, 'volume.docx');
    writeFileSync(file, docx);
    return convertWithLibreOffice(file, 'pdf', env, PDF_TIMEOUT_MS, (path) => new Uint8Array(readFileSync(path)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
