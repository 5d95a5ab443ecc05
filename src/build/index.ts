/**
 * Builds reports: finds inputs, loads the template pack once, compiles each
 * data file, and writes each report's outputs only when it compiled cleanly.
 * One township's error never stops the others.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compareDiagnostics, diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { loadPack, STANDARD_PACK } from '../render/index.js';
import type { LayoutOverrides } from './compile.js';
import { compile, type Format } from './compile.js';
import { findInputs } from './inputs.js';
import { writeAtomic } from './write.js';

export { FORMATS, compile, type Format, type Compiled } from './compile.js';

export interface BuildOptions {
  inputs: readonly string[];
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  template?: string | undefined;
  layout?: LayoutOverrides | undefined;
  /** Build in memory only. */
  write?: boolean;
  onReport?: (report: ReportResult) => void;
}

export interface ReportResult {
  input: string;
  status: 'built' | 'failed';
  outputs: string[];
  diagnostics: Diagnostic[];
}

export interface BuildResult {
  reports: ReportResult[];
  /** Problems not tied to one report (missing inputs, a broken template pack). */
  diagnostics: Diagnostic[];
  ok: boolean;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const found = findInputs(options.inputs, options.cwd);
  diagnostics.push(...found.diagnostics);
  const packDir = options.template ? resolve(options.cwd, options.template) : STANDARD_PACK;
  const { pack, diagnostics: packDiagnostics } = loadPack(packDir);
  diagnostics.push(...packDiagnostics);
  const reports: ReportResult[] = [];
  if (!pack) return { reports, diagnostics, ok: false };

  for (const input of found.inputs) {
    let result: ReportResult;
    try {
      const source = readFileSync(input.path, 'utf8');
      const compiled = await compile(input.display, source, pack, { formats: options.formats, layout: options.layout ?? {} });
      result = { input: input.display, status: 'failed', outputs: [], diagnostics: compiled.diagnostics.sort(compareDiagnostics) };
      if (!hasErrors(compiled.diagnostics)) {
        for (const format of options.formats) {
          const bytes = compiled.outputs[format];
          if (!bytes) continue;
          const path = join(resolve(options.cwd, options.outDir), `${input.outStem}.${format}`);
          if (options.write !== false) writeAtomic(path, bytes);
          result.outputs.push(relative(options.cwd, path));
        }
        result.status = 'built';
      }
    } catch (e) {
      result = {
        input: input.display,
        status: 'failed',
        outputs: [],
        diagnostics: [
          diagnostic(input.display, {
            ruleId: (e as NodeJS.ErrnoException).code ? 'output/write' : 'input/read',
            reason: `Could not build this report: ${(e as Error).message}`,
          }),
        ],
      };
    }
    reports.push(result);
    options.onReport?.(result);
  }
  const ok = !hasErrors(diagnostics) && reports.every((r) => r.status === 'built') && reports.length > 0;
  return { reports, diagnostics, ok };
}
