/**
 * The build's settings, declared once: what a settings file (report.config.yaml) may hold, with
 * the schema each value must meet, and the command-line options, each checked by the same
 * schema as the setting it stands for. The settings file's schema, the options commander
 * registers and the type of the parsed options all come from here.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import type { Shard } from '../batch/index.js';
import { FORMATS } from '../formats.js';
import { layoutOverridesSchema } from '../render/layout.js';
import { SETTABLE_RULES } from '../rules/catalogue.js';
import { REPORTERS } from './reporters.js';
import { t, type MessageId, type Params } from '../i18n/index.js';

/** Settings a settings file may hold, by key. */
export const SETTINGS = {
  inputs: z.array(z.string()),
  out: z.string(),
  out_pattern: z.string(),
  formats: z.array(z.enum(FORMATS)),
  template: z.string(),
  reporter: z.enum(REPORTERS),
  jobs: z.number().int().min(1),
  timeout: z.number().positive().max(3600),
  roster: z.string(),
  figures: z.string(),
  // The layout settings, and a reference document to read them from (relative to the settings file).
  layout: layoutOverridesSchema.extend({ reference_doc: z.string().min(1).optional() }),
  rules: z.partialRecord(z.enum(SETTABLE_RULES as [string, ...string[]]), z.enum(['off', 'warn', 'error'])),
};

type Settings = typeof SETTINGS;

/** The settings file: every setting optional, nothing else allowed. */
export const configSchema = z.strictObject(Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.optional()])) as { [K in keyof Settings]: z.ZodOptional<Settings[K]> });

export type Config = z.output<typeof configSchema>;

interface Flag<T> {
  flags: string;
  /** The help text's message id, shown in the language of the run. */
  help: MessageId;
  helpParams?: Params;
  /** Turns the option's text into its value; throws InvalidArgumentError with what to write instead. */
  parse?(value: string, previous: T): T;
  choices?: readonly string[];
  initial?: T;
  /** Phantom: the parsed value's type. */
  readonly value?: T;
}

const flag = <T = boolean>(flags: string, help: MessageId, more: Omit<Flag<T>, 'flags' | 'help' | 'value'> = {}): Flag<T> => ({ flags, help, ...more });

/** Parses an option's text with the schema of the setting it stands for. */
function bySetting<K extends keyof Settings>(key: K, read: (value: string) => unknown, problem: (value: string) => string) {
  return (value: string): z.output<Settings[K]> => {
    const parsed = SETTINGS[key].safeParse(read(value));
    if (!parsed.success) throw new InvalidArgumentError(problem(value));
    return parsed.data as z.output<Settings[K]>;
  };
}

const list = (value: string) => [
  ...new Set(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || index > count) throw new InvalidArgumentError(t('option.shard.invalid'));
  return { index, count };
}

/** The options of `report build`, in the order its help lists them. */
export const BUILD_FLAGS = {
  format: flag<z.output<Settings['formats']>>('-f, --format <list>', 'option.format', {
    helpParams: { formats: FORMATS.join(',') },
    parse: bySetting(
      'formats',
      (v) => {
        const formats = list(v);
        return formats.length > 0 ? formats : undefined;
      },
      (v) => {
        const bad = list(v).filter((f) => !(FORMATS as readonly string[]).includes(f));
        return t('option.format.invalid', { formats: bad.map((b) => `“${b}”`).join(', ') || '“”', known: FORMATS.join(', ') });
      },
    ),
  }),
  out: flag<string>('-o, --out <dir>', 'option.out'),
  outPattern: flag<string>('--out-pattern <pattern>', 'option.out-pattern'),
  template: flag<string>('-t, --template <dir>', 'option.template'),
  jobs: flag<number>('-j, --jobs <n>', 'option.jobs', {
    parse: bySetting('jobs', Number, () => t('option.jobs.invalid')),
  }),
  timeout: flag<number>('--timeout <seconds>', 'option.timeout', {
    parse: bySetting('timeout', Number, () => t('option.timeout.invalid')),
  }),
  force: flag('--force', 'option.force'),
  check: flag('--check', 'option.check'),
  watch: flag('-w, --watch', 'option.watch'),
  shard: flag<Shard>('--shard <k/n>', 'option.shard', {
    parse: parseShard,
  }),
  reporter: flag<z.output<Settings['reporter']>>('-r, --reporter <name>', 'option.reporter', {
    choices: REPORTERS,
  }),
  config: flag<string>('--config <file>', 'option.config'),
  roster: flag<string>('--roster <file>', 'option.roster'),
  figures: flag<string>('--figures <file>', 'option.figures'),
  referenceDoc: flag<string>('--reference-doc <file>', 'option.reference-doc'),
  layout: flag<string[]>('-l, --layout <key=value>', 'option.layout', {
    parse: (value, previous) => [...previous, value],
    initial: [],
  }),
};

type BuildFlagSpecs = typeof BUILD_FLAGS;

/** The options of `report build` and `report check` as commander gives them. */
export type BuildFlags = { [K in keyof BuildFlagSpecs]?: BuildFlagSpecs[K] extends Flag<infer T> ? T : never } & {
  /** report check: validate and lint, build nothing. */
  lintOnly?: boolean;
};

/** Registers the named options on a command, with help texts given here or, for `check`, adjusted. */
export function addFlags(command: Command, names: readonly (keyof BuildFlagSpecs)[], help: Partial<Record<keyof BuildFlagSpecs, MessageId>> = {}): Command {
  for (const name of names) {
    const spec: Flag<unknown> = BUILD_FLAGS[name];
    const option = new Option(spec.flags, t(help[name] ?? spec.help, spec.helpParams));
    if (spec.choices) option.choices(spec.choices);
    if (spec.parse) option.argParser(spec.parse);
    if (spec.initial !== undefined) option.default(spec.initial);
    command.addOption(option);
  }
  return command;
}
