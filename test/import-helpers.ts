// What the tests of `report import` share: fidelity.py's verdict, the errors a check finds, an import and build.
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type { BuildResult } from '../src/batch/index.js';
import { inShared, runCli, tempDir } from './helpers.js';

const FIDELITY = inShared('tools', 'fidelity.py');

/** fidelity.py's verdict: recall and headings found, of a seed against a built report. */
export function fidelity(seed: string, output: string): { recall: number; headings: [number, number]; text: string } {
  const r = spawnSync('python3', [FIDELITY, seed, output], { encoding: 'utf8' });
  const m = /recall ([\d.]+) precision [\d.]+ headings (\d+)\/(\d+)/.exec(r.stdout);
  if (!m) throw new Error(`fidelity.py gave no verdict:\n${r.stdout}${r.stderr}`);
  return { recall: Number(m[1]), headings: [Number(m[2]), Number(m[3])], text: r.stdout };
}

/** The errors `report check` finds in a data file. */
export async function errorsOf(dir: string, file: string): Promise<string[]> {
  const r = await runCli(['check', file, '--reporter', 'json'], dir);
  const result = JSON.parse(r.stdout) as BuildResult;
  return [...result.diagnostics, ...result.reports.flatMap((x) => x.diagnostics)].filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.reason}`);
}

/** Imports a report and builds it in every format in a fresh folder; gives the folder. */
export async function importAndBuild(source: string): Promise<string> {
  const dir = tempDir('import-');
  const imported = await runCli(['import', source, '--out', 'data.yaml'], dir);
  expect(imported.code, imported.stderr).toBe(0);
  expect(await errorsOf(dir, 'data.yaml')).toEqual([]);
  const built = await runCli(['build', 'data.yaml', '--out', 'out'], dir);
  expect(built.code, built.stderr).toBe(0);
  return dir;
}
