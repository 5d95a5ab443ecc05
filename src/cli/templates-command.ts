import { readText } from '../load/read.js';
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
  io.out(`pack ${pack.meta.name}: ${pack.meta.chain.map(show).join(' ← ')}`);
  io.out(`title: ${pack.meta.title}`);
  if (pack.meta.deadline) io.out(`deadline: ${pack.meta.deadline} of the following year`);
  io.out('sections:');
  for (const s of pack.sections) {
    const part = s.meta.part ? `part ${s.meta.part}` : 'opening';
    io.out(`  ${s.id.padEnd(16)} ${part.padEnd(8)} ${s.meta.required ? 'required' : '        '}  ${s.file}${s.meta.title ? `  ${s.meta.title}` : ''}`);
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
        `${input.display} overrides: ${Object.entries(own)
          .map(([id, f]) => `${id} → ${f}`)
          .join(', ')}`,
      );
    }
  }
  return EXIT.ok;
}
