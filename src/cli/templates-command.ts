import { readText } from '../load/read.js';
import { t } from '../i18n/index.js';
import { relative, resolve } from 'node:path';
import { findInputs } from '../batch/inputs.js';
import { loadReport } from '../load/index.js';
import { loadPack, STANDARD_PACK } from '../render/index.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic } from './reporters.js';

/** `report templates`: lists the pack chain, its sections and the townships that override them; gives the exit code. */
export async function runTemplates(inputs: string[], opts: { template?: string }, io: Io): Promise<number> {
  const dir = opts.template ? resolve(io.cwd, opts.template) : STANDARD_PACK;
  const { pack, diagnostics } = loadPack(dir, io.cwd);
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  if (!pack) return EXIT.failed;
  const show = (p: string) => relative(io.cwd, p) || '.';
  io.out(t('templates.pack', { name: pack.meta.name, chain: pack.meta.chain.map(show).join(' ← ') }));
  io.out(t('templates.title', { title: pack.meta.title }));
  if (pack.meta.deadline) io.out(t('templates.deadline', { deadline: pack.meta.deadline }));
  io.out(t('templates.sections'));
  for (const s of pack.sections) {
    const part = s.meta.part ? t('templates.part', { part: s.meta.part }) : t(s.meta.part === 0 ? 'templates.opening' : 'templates.any-part');
    const required = t('templates.required');
    io.out(`  ${s.id.padEnd(16)} ${padWide(part, 8)} ${s.meta.required ? required : ' '.repeat(width(required))}  ${s.file}${s.meta.title ? `  ${s.meta.title}` : ''}`);
  }
  const found = findInputs(inputs, io.cwd);
  for (const input of found.inputs) {
    let source: string;
    try {
      source = readText(input.path).text;
    } catch {
      continue;
    }
    const loaded = loadReport(input.display, source);
    const own = loaded.data?.overrides;
    if (own && Object.keys(own).length > 0) {
      io.out(
        t('templates.overrides', {
          file: input.display,
          list: Object.entries(own)
            .map(([id, f]) => `${id} → ${f}`)
            .join(', '),
        }),
      );
    }
  }
  return EXIT.ok;
}

/** Columns a text takes on a terminal: two for a Chinese character. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

function padWide(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}
