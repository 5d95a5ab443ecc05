/**
 * The command line. Only this folder touches argv, the environment, stdout,
 * stderr and the exit code. Exit codes: 0 every report built, 1 a report or
 * input had an error, 2 the command itself was used wrongly.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { limitHeapGrowth } from '../speed/heap.js';
import { VERSION } from '../version.js';
import { addFlags, type BuildFlags } from './options.js';
import type { InitFlags } from './init-command.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr without a line end, for the progress bar. */
  errRaw?: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError('expected a year such as 2025');
  return n;
}

/** Runs the command line on the given arguments with the given streams; gives the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  limitHeapGrowth();
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('report')
    .description('Compile township 法治政府建设年度报告 from yearly data files (YAML) into Markdown, HTML and DOCX.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError('(run “report --help” for usage)');

  const build = program
    .command('build')
    .description('Build reports from data files, folders of them (searched recursively) or glob patterns. With none: the inputs of report.config.yaml, else the bundled examples.')
    .argument('[inputs...]', 'data files (.yaml), folders, or patterns such as "data/**/*.yaml"');
  addFlags(build, ['format', 'out', 'outPattern', 'template', 'jobs', 'timeout', 'force', 'check', 'watch', 'shard', 'reporter', 'config', 'layout'])
    .addHelpText(
      'after',
      `
Examples:
  report build                                 build the bundled examples into out/
  report build data/ --out reports             every .yaml under data/, mirrored into reports/
  report build "data/**/2025-*.yaml" -j 8      a pattern, eight reports at a time
  report build jinping-2025.yaml -f docx       one township, Word only
  report build -l body_font=仿宋 -l grid=true    plain 仿宋 and the 22×28 grid
  report build data/ --check                   in CI: are the committed reports current?

A report whose data file, templates and tool version are unchanged since the last build
(recorded in the output folder's manifest.json) is not rebuilt; --force rebuilds it.
Each build also writes summary.md, summary.html, summary.csv (key figures per township,
with totals) and index.html (links to every report) in the output folder.

Exit codes: 0 all built, 1 an input had an error or --check found a difference (the other
reports are still built), 2 usage error, 130 interrupted.`,
    )
    .action(async (inputs: string[], opts: BuildFlags) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(inputs, opts, io);
    });

  const check = program
    .command('check')
    .description('Check data files without building: validation, figures, the regulation (Art. 25 parts, dates) and the writing. Rules and their ids: docs/rules.md.')
    .argument('[inputs...]', 'data files, folders or patterns (default: as for build)');
  addFlags(check, ['template', 'timeout', 'reporter', 'config'], {
    template: 'template pack folder (its required parts and deadline are checked)',
    reporter: 'output style',
    config: 'settings file (rule severities: rules:)',
  })
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 an error, 2 usage error.')
    .action(async (inputs: string[], opts: BuildFlags) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(inputs, { ...opts, lintOnly: true }, io);
    });

  program
    .command('init')
    .description('Write a new data file with every field, commented in Chinese, that builds as it is.')
    .option('--township <name>', 'township name, e.g. 金坪乡 (default: 某某乡)')
    .option('--kind <kind>', '乡, 镇 or 街道 (default: 乡)')
    .option('--county <name>', 'county or district, e.g. 城口县')
    .option('--year <year>', 'the year reported on (default: last year)', parseYear)
    .option('-o, --out <file>', 'file to write (default: {township}-{year}.yaml)')
    .option('--force', 'overwrite the file if it exists')
    .action(async (opts: InitFlags) => {
      const { runInit } = await import('./init-command.js');
      exitCode = await runInit(opts, io);
    });

  program
    .command('schema')
    .description('Print the JSON Schema (draft-07) of the data file, for editors (yaml-language-server).')
    .action(async () => {
      const { reportJsonSchema } = await import('../load/json-schema.js');
      io.out(JSON.stringify(reportJsonSchema(), null, 2));
    });

  program
    .command('templates')
    .description('List the template packs and sections in use, and which townships override a section.')
    .argument('[inputs...]', 'data files whose own sections (overrides:) to list')
    .option('-t, --template <dir>', 'template pack folder (default: the standard pack)')
    .action(async (inputs: string[], opts: { template?: string }) => {
      const { runTemplates } = await import('./templates-command.js');
      exitCode = await runTemplates(inputs, opts, io);
    });

  const manifest = program.command('manifest').description('Work with build manifests (manifest.json).');
  manifest
    .command('merge')
    .description('Merge the manifests of sharded builds into one manifest.json and write the county roll-up beside it.')
    .argument('<manifests...>', 'manifest files, e.g. out/manifest.shard-1-of-4.json')
    .option('-o, --out <file>', 'the merged manifest (default: out/manifest.json)')
    .action(async (files: string[], opts: { out?: string }) => {
      const { runMerge } = await import('./manifest-command.js');
      exitCode = await runMerge(files, opts, io);
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
