/**
 * Converting a file with LibreOffice, when it is installed: `soffice --headless --convert-to`, with a profile of
 * its own in a temporary folder, so that it runs beside a LibreOffice the user has open and leaves the user's
 * settings alone. Used by `report import` (.doc and .wps to DOCX) and `report volume` (DOCX to PDF).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What became of a conversion: the converted file's bytes, or why there are none. */
export type Converted = { ok: true; bytes: Uint8Array } | { ok: false; why: 'missing' | 'failed' };

/**
 * Where LibreOffice is: `soffice` or `libreoffice` on the PATH of the environment given, or where its installer puts
 * it on Windows (which does not add it to the PATH); undefined when it is not installed.
 */
export function findLibreOffice(env: NodeJS.ProcessEnv): string | undefined {
  const windows = process.platform === 'win32';
  const exts = windows ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const path = join(dir, name + ext);
        if (isProgram(path)) return path;
      }
    }
  }
  if (windows) {
    for (const root of [env['ProgramFiles'], env['ProgramFiles(x86)']]) {
      const exe = root ? join(root, 'LibreOffice', 'program', 'soffice.exe') : undefined;
      if (exe && isProgram(exe)) return exe;
    }
  }
  return undefined;
}

/** True when a path is a file this process may run. */
function isProgram(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file, the format to convert it to (`pdf`, `docx`), the environment, how long LibreOffice may take and how to
 * read what it wrote → the converted bytes, or `missing` when no LibreOffice is installed, or `failed` when it wrote
 * nothing. Nothing is left behind: the profile and the output are in a temporary folder that is removed.
 */
export function convertWithLibreOffice(file: string, to: 'pdf' | 'docx', env: NodeJS.ProcessEnv, timeoutMs: number, read: (path: string) => Uint8Array): Converted {
  const program = findLibreOffice(env);
  if (!program) return { ok: false, why: 'missing' };
  const dir = mkdtempSync(join(tmpdir(), 'report-office-'));
  try {
    const out = join(dir, 'out');
    spawnSync(program, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', to, '--outdir', out, file], {
      stdio: 'ignore',
      timeout: timeoutMs,
      env,
    });
    const stem = basename(file, extname(file));
    const written = existsSync(out) ? readdirSync(out).find((f) => f.toLowerCase() === `${stem}.${to}`.toLowerCase()) : undefined;
    return written ? { ok: true, bytes: read(join(out, written)) } : { ok: false, why: 'failed' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
