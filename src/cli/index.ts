/**
 * The command line. Only this folder touches argv, the environment, stdout,
 * stderr and the exit code. Exit codes: 0 every report built, 1 a report or
 * input had an error, 2 the command itself was used wrongly.
 */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { detectLang, LANGS, setLang, t, type Lang, type MessageId } from '../i18n/index.js';
import { limitHeapGrowth } from '../speed/heap.js';
import { VERSION } from '../version.js';
import { addFlags, type BuildFlags } from './options.js';
import type { ImportFlags } from './import-command.js';
import type { InitFlags } from './init-command.js';
import type { VolumeFlags } from './volume-command.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** The port `report preview` listens on unless told otherwise (the one Vite's preview uses, rarely taken by anything a clerk runs). */
export const PREVIEW_PORT = 4173;

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
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError(t('init.year.invalid'));
  return n;
}

/** The language a command line asks for with --lang, read before anything is printed (help included). */
function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') found = argv[i + 1];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(t('preview.port.invalid'));
  return n;
}

function parseLang(value: string): Lang {
  if (!(LANGS as readonly string[]).includes(value)) throw new InvalidArgumentError(t('cli.lang.invalid'));
  return value as Lang;
}

/** The headings of commander's help, in the language of the run. */
const TITLES: Record<string, MessageId> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.global-options',
};

/** A command-line mistake as commander words it, in the language of the run (the first line; commander's own wording when it is not one we know). */
export function usageMessage(message: string): string {
  const [first = '', ...rest] = message.replace(/\n$/, '').split('\n');
  // commander gives its suggestion alone on the line after the mistake.
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest[0] ?? '')?.[1];
  const hint = suggestion ? ` ${t('usage.did-you-mean', { suggestion })}` : '';
  const known: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '(.+?)'/, (m) => t('usage.unknown-option', { option: m[1]! }) + hint],
    [/^error: unknown command '(.+?)'/, (m) => t('usage.unknown-command', { command: m[1]! }) + hint],
    [/^error: missing required argument '(.+?)'/, (m) => t('usage.missing-argument', { argument: m[1]! })],
    [/^error: required option '(.+?)' not specified/, (m) => t('usage.missing-option', { option: m[1]! })],
    [/^error: option '(.+?)' argument missing/, (m) => t('usage.option-missing-value', { option: m[1]! })],
    [
      /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/,
      (m) => t('usage.invalid-value', { option: m[1]!, value: m[2]!, reason: t('usage.choices', { choices: m[3]! }) }),
    ],
    [/^error: option '(.+?)' argument '(.*?)' is invalid\. (.*)/, (m) => t('usage.invalid-value', { option: m[1]!, value: m[2]!, reason: m[3]! })],
    [/^error: too many arguments/, () => t('usage.too-many-arguments')],
  ];
  for (const [pattern, say] of known) {
    const m = pattern.exec(first);
    if (m) return say(m);
  }
  return [first, ...rest].join('\n');
}

/** Characters a terminal shows two columns wide: CJK ideographs, kana, Hangul, full-width forms and punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a text takes on a terminal (escape sequences of colour take none). */
export function displayWidth(text: string): number {
  let n = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour escape sequences take no room
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Breaks text into lines of at most `width` columns: between words, and between any two Chinese characters (never before a closing mark). */
export function boxWrap(text: string, width: number): string {
  if (width < 40) return text;
  // A line never ends with an opening bracket or quote, nor starts with a closing one or a comma.
  const chunk = /\s*(?:[（《“‘「『]*[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60][，。、；：！？）》”’」』]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]+)/gu;
  // A carriage return before a line end is space, which no chunk ends with: it goes.
  return text
    .split('\n')
    .map((line) => {
      const chunks = line.match(chunk);
      if (!chunks) return '';
      const lines: string[] = [];
      let current = chunks.shift()!;
      for (const c of chunks) {
        if (displayWidth(current) + displayWidth(c) <= width) current += c;
        else {
          lines.push(current);
          current = c.trimStart();
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

const TERMS: [RegExp, MessageId][] = [
  [/\[options\]/g, 'help.term.options'],
  [/\[command\]/g, 'help.term.command'],
  [/\binputs\b/g, 'help.term.inputs'],
  [/\bmanifests\b/g, 'help.term.manifests'],
  [/\bfile\b/g, 'help.term.file'],
];

/** The placeholders of commander's usage lines, in the language of the run. */
function terms(text: string): string {
  let out = text;
  for (const [pattern, id] of TERMS) out = out.replace(pattern, (m) => (m.startsWith('[') ? `[${t(id)}]` : t(id)));
  return out;
}

/** Adds --lang to a command, so that it may stand anywhere on the command line. */
const withLang = (command: Command): Command => command.addOption(new Option('--lang <lang>', t('cli.lang')).argParser(parseLang));

/** Runs the command line on the given arguments with the given streams; gives the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  limitHeapGrowth();
  setLang(detectLang(langFlag(argv), io.env));
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('report')
    .description(t('cli.description'))
    .version(VERSION, '-v, --version', t('cli.version'))
    .helpOption('-h, --help', t('cli.help'))
    .helpCommand('help [command]', t('cli.help'))
    .exitOverride()
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? t(TITLES[title]) : title),
      // A Chinese character takes two columns, and a line may break between any two of them.
      displayWidth: (text) => displayWidth(text),
      boxWrap: (text, width) => boxWrap(text, width),
      // The placeholders of a usage line in the language of the run: report build [选项] [输入...].
      commandUsage: (cmd) => terms(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => terms(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      argumentTerm: (argument) => terms(Help.prototype.argumentTerm.call(new Help(), argument)),
      optionDescription: (option) => (option.argChoices ? `${option.description}${t('help.choices', { choices: option.argChoices.join(', ') })}` : option.description),
    })
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(`${usageMessage(s)}\n`),
    })
    .showHelpAfterError(t('cli.after-error'));
  withLang(program);
  // Each command shows its help, and its mistakes, the same way.
  const command = (name: string) => withLang(program.command(name).helpOption('-h, --help', t('cli.help')));

  const build = command('build').description(t('build.description')).argument('[inputs...]', t('build.inputs'));
  addFlags(build, ['format', 'out', 'outPattern', 'template', 'jobs', 'timeout', 'force', 'check', 'watch', 'shard', 'reporter', 'config', 'roster', 'figures', 'referenceDoc', 'layout'])
    .addHelpText('after', t('build.after'))
    .action(async (inputs: string[], opts: BuildFlags) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(inputs, opts, io);
    });

  const check = command('check').description(t('check.description')).argument('[inputs...]', t('check.inputs'));
  addFlags(check, ['template', 'timeout', 'reporter', 'config', 'roster', 'figures'], {
    template: 'check.template',
    reporter: 'check.reporter',
    config: 'check.config',
  })
    .addHelpText('after', t('check.after'))
    .action(async (inputs: string[], opts: BuildFlags) => {
      const { runBuild } = await import('./build-command.js');
      exitCode = await runBuild(inputs, { ...opts, lintOnly: true }, io);
    });

  command('fix')
    .description(t('fix.description'))
    .argument('<inputs...>', t('fix.inputs'))
    .option('-t, --template <dir>', t('templates.template'))
    .addHelpText('after', t('fix.after'))
    .action(async (inputs: string[], opts: { template?: string }) => {
      const { runFix } = await import('./fix-command.js');
      exitCode = await runFix(inputs, opts, io);
    });

  command('import')
    .description(t('import.description'))
    .argument('<file>', t('import.input'))
    .option('-o, --out <file>', t('import.out'))
    .option('--township <name>', t('import.township-option'))
    .option('--county <name>', t('import.county-option'))
    .option('-t, --template <dir>', t('templates.template'))
    .option('-f, --force', t('import.force'))
    .action(async (input: string, opts: ImportFlags) => {
      const { runImport } = await import('./import-command.js');
      exitCode = await runImport(input, opts, io);
    });

  command('preview')
    .description(t('preview.description'))
    .argument('<file>', t('preview.input'))
    .option('-p, --port <port>', t('preview.port', { port: PREVIEW_PORT }), parsePort, PREVIEW_PORT)
    .option('-t, --template <dir>', t('templates.template'))
    .addHelpText('after', t('preview.after'))
    .action(async (input: string, opts: { port?: number; template?: string }) => {
      const { runPreview } = await import('./preview-command.js');
      exitCode = await runPreview(input, opts, io);
    });

  command('volume')
    .description(t('volume.description'))
    .argument('<inputs...>', t('volume.inputs'))
    .requiredOption('-o, --out <file>', t('volume.out'))
    .option('-t, --template <dir>', t('templates.template'))
    .option('--title <text>', t('volume.title'))
    .option('--pdf', t('volume.pdf'))
    .addHelpText('after', t('volume.after'))
    .action(async (inputs: string[], opts: VolumeFlags) => {
      const { runVolume } = await import('./volume-command.js');
      exitCode = await runVolume(inputs, opts, io);
    });

  command('init')
    .description(t('init.description'))
    .option('--township <name>', t('init.township'))
    .option('--kind <kind>', t('init.kind'))
    .option('--county <name>', t('init.county'))
    .option('--year <year>', t('init.year'), parseYear)
    .option('-o, --out <file>', t('init.out'))
    .option('--force', t('init.force'))
    .action(async (opts: InitFlags) => {
      const { runInit } = await import('./init-command.js');
      exitCode = await runInit(opts, io);
    });

  command('schema')
    .description(t('schema.description'))
    .action(async () => {
      const { reportJsonSchema } = await import('../load/json-schema.js');
      io.out(JSON.stringify(reportJsonSchema(), null, 2));
    });

  command('templates')
    .description(t('templates.description'))
    .argument('[inputs...]', t('templates.inputs'))
    .option('-t, --template <dir>', t('templates.template'))
    .action(async (inputs: string[], opts: { template?: string }) => {
      const { runTemplates } = await import('./templates-command.js');
      exitCode = await runTemplates(inputs, opts, io);
    });

  const manifest = command('manifest').description(t('manifest.description')).helpCommand('help [command]', t('cli.help'));
  withLang(manifest.command('merge').helpOption('-h, --help', t('cli.help')))
    .description(t('merge.description'))
    .argument('<manifests...>', t('merge.manifests'))
    .option('-o, --out <file>', t('merge.out'))
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
    io.err(t('cli.unexpected', { message: (e as Error).message }));
    return EXIT.failed;
  }
  return exitCode;
}
