/**
 * The command line. Only this folder touches argv, the environment, stdout,
 * stderr and the exit code. Exit codes: 0 every report built, 1 a report or
 * input had an error, 2 the command itself was used wrongly.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMATS } from '../formats.js';
import { VERSION } from '../version.js';
import type { Shard } from '../batch/index.js';
import type { BuildFlags } from './build-command.js';
import type { InitFlags } from './init-command.js';
import { REPORTERS } from './reporters.js';



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


function parseFormats(value: string): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(`unknown format ${bad.map((b) => `“${b}”`).join(', ') || '(none)'}; choose from ${FORMATS.join(', ')}`);
  }
  return [...new Set(list)];
}

function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError('expected a year such as 2025');
  return n;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, e.g. 2/4');
  return { index, count };
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
    .description('Build reports from data files, folders of them (searched recursively) or glob patterns. With none: the inputs of report.config.yaml, else the bundled examples.')
    .argument('[inputs...]', 'data files (.yaml), folders, or patterns such as "data/**/*.yaml"')
    .option('-f, --format <list>', `output formats, comma-separated (default: ${FORMATS.join(',')})`, parseFormats)
    .option('-o, --out <dir>', 'output folder (default: out)')
    .option('--out-pattern <pattern>', 'output paths inside the output folder, e.g. "{year}/{county}/{township}.{ext}" (default: the input tree mirrored, "{dir}/{name}.{ext}")')
    .option('-t, --template <dir>', 'template pack folder (default: the standard pack in templates/standard)')
    .option('-j, --jobs <n>', 'reports compiled in parallel (default: the number of cores)', parsePositive)
    .option('--force', 'rebuild every report, even those whose data, templates and tool are unchanged')
    .option('--check', 'build in memory and compare with the files in the output folder; exit 1 naming each one missing or out of date; write nothing')
    .option('-w, --watch', 'after building, rebuild whenever a data file or a template changes')
    .option('--shard <k/n>', 'build only share k of n (a stable split by file path), for parallel CI jobs; merge their manifests with “report manifest merge”', parseShard)
    .addOption(new Option('-r, --reporter <name>', 'how to print progress and diagnostics (default: pretty on a terminal, plain otherwise or when CI=true)').choices(REPORTERS))
    .option('--config <file>', 'settings file (default: report.config.yaml in the working folder, if present)')
    .option('-l, --layout <key=value>', 'override a layout setting for this run, e.g. body_font=仿宋, line_spacing=28, grid=true, page_numbers=center (repeatable)', collect, [])
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

  program
    .command('check')
    .description('Check data files without building: validation, figures, the regulation (Art. 25 parts, dates) and the writing. Rules and their ids: docs/rules.md.')
    .argument('[inputs...]', 'data files, folders or patterns (default: as for build)')
    .option('-t, --template <dir>', 'template pack folder (its required parts and deadline are checked)')
    .addOption(new Option('-r, --reporter <name>', 'output style').choices(REPORTERS))
    .option('--config <file>', 'settings file (rule severities: rules:)')
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
