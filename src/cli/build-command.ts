import { existsSync } from 'node:fs';
import { lang, t } from '../i18n/index.js';
import { readText } from '../load/read.js';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkYaml, knownKeys, parseYaml, valueAt, type ExplainIssue, type YamlRules } from '../yaml/index.js';
import type { z } from 'zod';
import { build } from '../batch/index.js';
import { configSchema, type BuildFlags, type Config } from './options.js';
import { FORMATS } from '../formats.js';
import { checkPattern } from '../batch/paths.js';
import { diagnostic, quote, systemError, type Diagnostic } from '../diagnostics/index.js';
import { layoutOverridesSchema } from '../render/layout.js';
import { EXAMPLES_DIR, STANDARD_PACK_DIR } from '../version.js';
import { RULES, SETTABLE_RULES, type RuleId, type RuleSetting } from '../rules/catalogue.js';
import { suggest } from '../yaml/suggest.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic, makeReporter, type ReporterName } from './reporters.js';

const CONFIG_RULES: YamlRules = { syntax: 'config/invalid', duplicateKey: 'config/invalid', schema: 'config/invalid' };

/** Reads a settings file (report.config.yaml): its settings, or every problem in it with line and column. */
export function readConfig(path: string, io: Io): { config: Config; diagnostics: Diagnostic[] } {
  const display = relative(io.cwd, path) || path;
  let source: string;
  try {
    source = readText(path).text;
  } catch (e) {
    return { config: {}, diagnostics: [diagnostic(display, { ruleId: 'config/invalid', reason: t('config.unreadable', { message: systemError(e) }) })] };
  }
  const parsed = parseYaml(display, source, CONFIG_RULES);
  if (parsed.diagnostics.length === 0 && (parsed.raw === null || parsed.raw === undefined)) return { config: {}, diagnostics: [] };
  const read = checkYaml(parsed, configSchema, CONFIG_RULES, explainSetting);
  return { config: read.value ?? {}, diagnostics: read.diagnostics };
}

/** A settings problem in words a user can act on: which setting, and what to write instead. */
const explainSetting: ExplainIssue = (issue, at, parsed) => {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
  return keys.map((key) => {
    const span = key !== undefined ? parsed.locator.key(at, key) : parsed.locator.value(at);
    const where = [...at, ...(key !== undefined ? [key] : [])].join('.') || t('yaml.top');
    const isRule = at[0] === 'rules';
    const fixed = isRule && key !== undefined && key in RULES;
    const known = isRule ? SETTABLE_RULES : knownKeys(configSchema, at);
    const guess = key !== undefined && !fixed ? suggest(key, known) : undefined;
    const reason =
      key !== undefined ? t(isRule ? 'settings.not-a-rule' : 'settings.unknown', { key: where }) : t('yaml.value', { field: where, value: quote(valueAt(parsed.raw, at)), message: issue.message });
    const note = fixed
      ? t(RULES[key as RuleId].severity === 'error' ? 'settings.fixed-error' : 'settings.fixed-warning', { key })
      : guess
        ? t('data.did-you-mean', { guess: lang() === 'zh' ? `“${guess}”` : `\`${guess}\`` })
        : isRule && key === undefined
          ? t('settings.severity')
          : isRule
            ? t('settings.rule-ids')
            : t('settings.known', { list: Object.keys(configSchema.shape).join(', ') });
    return diagnostic(parsed.file, { ruleId: 'config/invalid', reason, note, start: span?.start, end: span?.end });
  });
};

/** `report build` and `report check`: reads settings, runs the batch, prints through the reporter; gives the exit code. */
export async function runBuild(args: string[], opts: BuildFlags, io: Io): Promise<number> {
  const started = performance.now();
  const configPath = opts.config ? resolve(io.cwd, opts.config) : join(io.cwd, 'report.config.yaml');
  let config: Config = {};
  if (opts.config || existsSync(configPath)) {
    if (!existsSync(configPath)) {
      io.err(formatDiagnostic(diagnostic(opts.config ?? configPath, { ruleId: 'config/invalid', reason: t('build.no-settings-file') })));
      return EXIT.usage;
    }
    const read = readConfig(configPath, io);
    if (read.diagnostics.length > 0) {
      for (const d of read.diagnostics) io.err(formatDiagnostic(d));
      return EXIT.usage;
    }
    config = read.config;
  }
  const overrides = parseLayoutOverrides(opts.layout ?? []);
  if (typeof overrides === 'string') {
    io.err(t('cli.usage-error', { message: overrides }));
    return EXIT.usage;
  }
  const outPattern = opts.outPattern ?? config.out_pattern;
  const patternProblem = outPattern === undefined ? undefined : checkPattern(outPattern);
  if (patternProblem) {
    io.err(t('cli.usage-error', { message: patternProblem }));
    return EXIT.usage;
  }
  const configDir = dirname(configPath);
  const fromConfig = (p: string) => (isAbsolute(p) ? p : relative(io.cwd, resolve(configDir, p)) || '.');

  // The bundled examples are the data files beside the examples' CI workflow, not the workflow.
  const examples = `${(relative(io.cwd, EXAMPLES_DIR) || '.').split(sep).join('/')}/*.yaml`;
  const inputs = args.length > 0 ? args : config.inputs ? config.inputs.map(fromConfig) : [examples];
  const ci = io.env['CI'] === 'true' || io.env['CI'] === '1';
  const interactive = io.isTTY && !ci;
  const reporterName: ReporterName = opts.reporter ?? config.reporter ?? (interactive ? 'pretty' : 'plain');
  const mode = opts.lintOnly ? 'lint' : opts.check ? 'verify' : 'build';
  const reporter = makeReporter(reporterName, io, { colors: interactive && !io.env['NO_COLOR'], progress: interactive, mode });

  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const template = opts.template ?? (config.template ? fromConfig(config.template) : undefined);
  const outDir = opts.out ?? (config.out ? fromConfig(config.out) : 'out');
  const runOnce = async (started: number) => {
    const result = await build({
      inputs,
      cwd: io.cwd,
      outDir,
      outPattern,
      formats: opts.format ?? config.formats ?? [...FORMATS],
      template,
      layout: { ...(config.layout ?? {}), ...overrides },
      rules: config.rules as Readonly<Record<string, RuleSetting>> | undefined,
      jobs: opts.jobs ?? config.jobs,
      timeLimit: opts.timeout ?? config.timeout,
      force: opts.force,
      check: opts.check,
      lintOnly: opts.lintOnly,
      shard: opts.shard,
      roster: opts.roster ?? (config.roster ? fromConfig(config.roster) : undefined),
      figures: opts.figures ?? (config.figures ? fromConfig(config.figures) : undefined),
      signal: abort.signal,
      onWaitForLock: (holder) => io.err(t('build.waiting', { pid: holder.pid, folder: relative(io.cwd, resolve(io.cwd, outDir)) || '.' })),
      onStart: (info) => reporter.start(info),
      onReport: (r) => reporter.report(r),
    });
    reporter.done(result, (performance.now() - started) / 1000);
    return result;
  };
  try {
    const result = await runOnce(started);
    if (!opts.watch) {
      if (result.interrupted) return EXIT.interrupted;
      return result.ok ? EXIT.ok : EXIT.failed;
    }
    const { watchAndRebuild } = await import('./watch.js');
    await watchAndRebuild({
      inputs,
      cwd: io.cwd,
      packDir: template ? resolve(io.cwd, template) : STANDARD_PACK_DIR,
      outDir: resolve(io.cwd, outDir),
      first: result,
      rebuild: () => runOnce(performance.now()),
      signal: abort.signal,
      log: io.err,
    });
    return EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Reads repeated `--layout key=value` options; returns a message when one is wrong. */
export function parseLayoutOverrides(pairs: readonly string[]): z.output<typeof layoutOverridesSchema> | string {
  const raw: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return t('layout.pair', { pair });
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    raw[key] = value === 'true' ? true : value === 'false' ? false : /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  const parsed = layoutOverridesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const keys = Object.keys(layoutOverridesSchema.shape).join(', ');
  return parsed.error.issues
    .map((i) =>
      i.code === 'unrecognized_keys' ? t('layout.unknown', { keys: i.keys.map((k) => `“${k}”`).join(', '), known: keys }) : t('layout.invalid', { key: i.path.join('.'), message: i.message }),
    )
    .join('; ');
}
