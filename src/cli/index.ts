/**
 * The command line. Only this folder touches argv, the environment, stdout,
 * stderr and the exit code. Exit codes: 0 every report built, 1 a report or
 * input had an error, 2 the command itself was used wrongly.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { REPORTERS, type ReporterName } from './reporters.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const FORMAT_NAMES = ['md', 'html', 'docx'];

function parseFormats(value: string): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !FORMAT_NAMES.includes(f));
  if (list.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(`unknown format ${bad.map((b) => `“${b}”`).join(', ') || '(none)'}; choose from ${FORMAT_NAMES.join(', ')}`);
  }
  return [...new Set(list)];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('report')
    .description('Compile township 法治政府建设年度报告 from yearly data files (YAML) into Markdown, HTML and DOCX.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError('(run “report --help” for usage)');

  program
    .command('build')
    .description('Build reports from data files or folders of them (default: report.config.yaml inputs, else the bundled examples).')
    .argument('[inputs...]', 'data files (.yaml) or folders searched recursively')
    .option('-f, --format <list>', `output formats, comma-separated (${FORMAT_NAMES.join(',')})`, parseFormats)
    .option('-o, --out <dir>', 'output folder (default: out)')
    .option('-t, --template <dir>', 'template pack folder (default: the standard pack in templates/standard)')
    .addOption(new Option('-r, --reporter <name>', 'how to print progress and diagnostics (default: pretty on a terminal, plain otherwise)').choices(REPORTERS))
    .option('--config <file>', 'settings file (default: report.config.yaml in the working folder, if present)')
    .option('-l, --layout <key=value>', 'override a layout setting for this run, e.g. body_font=仿宋, line_spacing=28, grid=true, page_numbers=center (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Examples:
  report build                               build the bundled examples into out/
  report build data/ --out reports           every .yaml under data/, mirrored into reports/
  report build jinping-2025.yaml -f docx     one township, Word only
  report build -l body_font=仿宋 -l grid=true  plain 仿宋 and the 22×28 grid

Exit codes: 0 all built, 1 an input had an error (others are still built), 2 usage error.`,
    )
    .action(async (inputs: string[], opts: { format?: string[]; out?: string; template?: string; reporter?: ReporterName; config?: string; layout: string[] }) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(inputs, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    io.err(`report: unexpected failure: ${(e as Error).message}`);
    return EXIT.failed;
  }
  return exitCode;
}
