/**
 * `report import FILE`: writes the data file of an existing report and says, in Chinese, what it
 * found: the identity, the parts and what each was taken for, every figure and what it was
 * recorded as, and what the clerk should check.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeAtomic } from '../batch/write.js';
import { safeName } from '../batch/paths.js';
import { systemError } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import type { Draft } from '../import/structure.js';
import { importReport } from '../import/index.js';
import { PART_NAMES } from '../import/write.js';
import { loadPack, STANDARD_PACK } from '../render/index.js';
import { chineseNumeral } from '../render/chinese.js';
import { PACKAGE_ROOT } from '../version.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic } from './reporters.js';

export interface ImportFlags {
  out?: string;
  force?: boolean;
  township?: string;
  county?: string;
  template?: string;
}

/** A context quoted in the report: at most this many characters. */
const QUOTE = 40;

/** `report import FILE`: gives the exit code. */
export async function runImport(input: string, opts: ImportFlags, io: Io): Promise<number> {
  const file = resolve(io.cwd, input);
  const { pack, diagnostics: packProblems } = loadPack(opts.template ? resolve(io.cwd, opts.template) : STANDARD_PACK, io.cwd);
  for (const d of packProblems) io.err(formatDiagnostic(d));
  if (!pack) return EXIT.failed;
  const report = io.env['npm_command'] === 'exec' ? 'npx report' : 'report';

  // The file's name is known only once the report is read; the schema's path is written relative to it.
  let result: Awaited<ReturnType<typeof importReport>>;
  try {
    const where = (draft: Draft) => {
      let out = opts.out ? resolve(io.cwd, opts.out) : '';
      if (!out) {
        const name = draft.township?.name ?? opts.township;
        const year = draft.year?.value;
        // safeName gives _ for nothing: a report that names no township makes import.yaml.
        out = join(io.cwd, `${name ? safeName(name) : 'import'}${year ? `-${year}` : ''}.yaml`);
      }
      const schemaRef = relative(dirname(out), join(PACKAGE_ROOT, 'schema', 'report.schema.json'))
        .split('\\')
        .join('/');
      return { out, schemaRef, from: relative(dirname(out), file) || input };
    };
    // Stryker disable next-line StringLiteral: with a function for the place, the schema's path is the one it gives
    result = await importReport(file, where, { schemaRef: '', township: opts.township, county: opts.county, pack, env: io.env });
  } catch (e) {
    // The import's own errors (ImportError, ReadError) are one line of their own message, as systemError gives them.
    io.err(t('import.failed', { file: input, why: systemError(e) }));
    return EXIT.failed;
  }
  const out = result.out;
  const shown = relative(io.cwd, out) || out;
  if (result.draft.parts.length === 0 && result.draft.opening.length === 0) {
    io.err(t('import.empty', { file: input }));
    return EXIT.failed;
  }
  if (existsSync(out) && !opts.force) {
    io.err(t('import.exists', { file: shown }));
    return EXIT.failed;
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeAtomic(out, result.text);
  } catch (e) {
    io.err(t('import.failed', { file: input, why: systemError(e) }));
    return EXIT.failed;
  }

  // What was found, for the clerk to check.
  const d = result.draft;
  const none = t('import.none');
  const check = (value: string) => t('import.check-this', { value });
  io.err(t('import.done', { from: input, out: shown }));
  io.err(
    t('import.identity', {
      government: d.government ?? d.township?.name ?? check(opts.township ?? t('import.placeholder.township')),
      kind: d.township?.kind ?? check('?'),
      year: d.year ? String(d.year.value) : check('?'),
      county: d.county ? (d.county.from === 'page' ? check(d.county.name) : d.county.name) : check(opts.county ?? t('import.placeholder.county')),
      date: d.date ? (d.date.from === 'page' ? check(d.date.iso) : d.date.iso) : none,
    }),
  );
  io.err(
    t('import.structure', {
      opening: d.opening.length,
      parts: d.parts.length,
      sections: d.parts.reduce((n, p) => n + p.sections.length, 0),
      paragraphs: result.paragraphs,
      dropped: d.dropped,
    }),
  );
  d.parts.forEach((p, i) => {
    io.err(t('import.part', { number: chineseNumeral(i + 1), heading: p.heading ?? none, name: t(PART_NAMES[p.part]!) }));
  });
  const by = (kind: string) => result.figures.filter((f) => f.decision.kind === kind);
  const [catalogue, custom, unmarked] = [by('catalogue'), by('custom'), by('none')];
  io.err(t('import.figures', { found: result.figures.length, catalogue: catalogue.length, custom: custom.length, none: unmarked.length }));
  const context = (s: string) => ([...s].length > QUOTE ? `${[...s].slice(0, QUOTE).join('')}…` : s);
  const list = (heading: 'import.figures.catalogue' | 'import.figures.custom' | 'import.figures.none', figures: typeof result.figures) => {
    if (figures.length === 0) return;
    io.err(t(heading));
    for (const f of figures) {
      io.err(
        f.decision.kind === 'none'
          ? t('import.figure.none', { written: f.written, context: context(f.context) })
          : t('import.figure', { written: f.written, name: f.decision.name, context: context(f.context) }),
      );
    }
  };
  list('import.figures.catalogue', catalogue);
  list('import.figures.custom', custom);
  list('import.figures.none', unmarked);
  const errors = result.diagnostics.filter((x) => x.severity === 'error');
  io.err(t('import.checked', { errors: errors.length, warnings: result.diagnostics.length - errors.length, report, out: shown }));
  for (const x of errors) io.err(formatDiagnostic({ ...x, file: shown }));
  io.err(t('import.next', { report, out: shown }));
  return EXIT.ok;
}
