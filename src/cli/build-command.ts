import { existsSync } from 'node:fs';
import { lang, t, type MessageId } from '../i18n/index.js';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkYaml, knownKeys, parseYaml, valueAt, type ExplainIssue, type YamlRules } from '../yaml/index.js';
import type { z } from 'zod';
import { build } from '../batch/index.js';
import { configSchema, type BuildFlags, type Config } from './options.js';
import { FORMATS } from '../formats.js';
import { checkPattern } from '../batch/paths.js';
import { diagnostic, quote, systemError, type Diagnostic } from '../diagnostics/index.js';
import { definedOnly, LAYOUT_DEFAULTS, layoutOverridesSchema, MIN_TYPE_AREA_MM, typeAreaProblem, type Layout, type LayoutOverrides } from '../render/layout.js';
import { MAX_PART_BYTES, readReferenceDoc, ReferenceDocError, type ReferenceLayout, type ReferenceProblem } from '../render/reference-doc.js';
import { ReadError, readText } from '../load/read.js';
import { posix } from '../batch/settings.js';
import { EXAMPLES_DIR, STANDARD_PACK_DIR } from '../version.js';
import { RULES, SETTABLE_RULES, type RuleId, type RuleSetting } from '../rules/catalogue.js';
import { suggest } from '../yaml/suggest.js';
import { clock, secondsSince } from '../speed/clock.js';
import { EXIT, type Io } from './index.js';
import { formatDiagnostic, makeReporter, type ReporterName } from './reporters.js';

const CONFIG_RULES: YamlRules = { syntax: 'config/invalid', duplicateKey: 'config/invalid', schema: 'config/invalid' };

/**
 * The settings file of the working folder (report.config.yaml), as the commands besides `build`
 * take it: its settings ({} when there is none), or undefined after printing its problems.
 */
export function workingSettings(io: Io): Config | undefined {
  const configPath = join(io.cwd, 'report.config.yaml');
  if (!existsSync(configPath)) return {};
  const read = readConfig(configPath, io);
  for (const d of read.diagnostics) io.err(formatDiagnostic(d));
  return read.diagnostics.length > 0 ? undefined : read.config;
}

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
  // An empty file, or one of comments alone, is no settings.
  if (parsed.diagnostics.length === 0 && parsed.raw === null) return { config: {}, diagnostics: [] };
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
  const started = clock();
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
  // `report check` builds nothing: it needs no reference document.
  const layout = runLayout({ config: config.layout, configDir: dirname(configPath), referenceDoc: opts.lintOnly ? undefined : opts.referenceDoc, read: !opts.lintOnly, overrides }, io);
  if (typeof layout === 'number') return layout;
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
  const runOnce = async (started: bigint) => {
    const result = await build({
      inputs,
      cwd: io.cwd,
      outDir,
      outPattern,
      formats: opts.format ?? config.formats ?? [...FORMATS],
      template,
      layout,
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
    reporter.done(result, secondsSince(started));
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
      rebuild: () => runOnce(clock()),
      signal: abort.signal,
      log: io.err,
    });
    return EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * The layout settings of a run, each from the first of these that gives it: `--layout`, the
 * reference document of `--reference-doc`, the settings file's `layout:`, the reference document
 * it names (`layout.reference_doc`, relative to the settings file), and then, in the batch, the
 * pack's layout and the defaults. A key written in the settings file is more particular than a
 * whole document named beside it; a document given for this run replaces the settings file's.
 * Prints what a reference document gave; an exit code when the layout cannot be used.
 */
export function runLayout(run: { config: Config['layout']; configDir: string; referenceDoc: string | undefined; read: boolean; overrides: LayoutOverrides }, io: Io): LayoutOverrides | number {
  const { reference_doc: configDoc, ...configKeys } = run.config ?? {};
  const shown = (path: string) => posix(relative(io.cwd, path)) || path;
  const read = (path: string, display: string): LayoutOverrides | undefined => {
    const r = referenceDocLayout(path, display);
    for (const d of r.diagnostics) io.err(formatDiagnostic(d));
    if (r.said) io.err(r.said);
    return r.layout;
  };
  let fromConfigDoc: LayoutOverrides = {};
  let fromRunDoc: LayoutOverrides = {};
  if (run.read && run.referenceDoc !== undefined) {
    const layout = read(resolve(io.cwd, run.referenceDoc), run.referenceDoc);
    if (layout === undefined) return EXIT.usage;
    fromRunDoc = layout;
  } else if (run.read && configDoc !== undefined) {
    const path = resolve(run.configDir, configDoc);
    const layout = read(path, shown(path));
    if (layout === undefined) return EXIT.usage;
    fromConfigDoc = layout;
  }
  const layout: LayoutOverrides = { ...fromConfigDoc, ...definedOnly(configKeys), ...fromRunDoc, ...run.overrides };
  const page = { ...LAYOUT_DEFAULTS, ...definedOnly(layout) } as Layout;
  const problem = typeAreaProblem(page);
  if (problem) {
    const [size, first, second] = problem === 'width' ? [page.page_width, page.margin_left, page.margin_right] : [page.page_height, page.margin_top, page.margin_bottom];
    io.err(t('cli.usage-error', { message: t(problem === 'width' ? 'layout.type-area.width' : 'layout.type-area.height', { page: size, first, second, min: MIN_TYPE_AREA_MM }) }));
    return EXIT.usage;
  }
  return layout;
}

const REFERENCE_PROBLEMS: Record<ReferenceProblem, MessageId> = {
  'not-docx': 'reference-doc.not-docx',
  'old-format': 'reference-doc.old-format',
  broken: 'reference-doc.broken',
  'too-large': 'reference-doc.too-large',
};

/**
 * A reference document's layout settings, the problems with it (an error when it cannot be read,
 * a warning for each setting in it that cannot be used) and, when read, a line saying what it set.
 */
export function referenceDocLayout(path: string, display: string): { layout: LayoutOverrides | undefined; diagnostics: Diagnostic[]; said?: string } {
  let read: ReferenceLayout;
  try {
    read = readReferenceDoc(path);
  } catch (e) {
    const reason =
      e instanceof ReadError
        ? t('reference-doc.unreadable', { why: e.message })
        : e instanceof ReferenceDocError
          ? t(REFERENCE_PROBLEMS[e.problem], { mb: Math.round(MAX_PART_BYTES / 1024 / 1024) })
          : t('reference-doc.unreadable', { why: systemError(e) });
    const note = e instanceof ReferenceDocError ? t('reference-doc.note') : undefined;
    return { layout: undefined, diagnostics: [diagnostic(display, { ruleId: 'config/reference-doc', reason, note })] };
  }
  const diagnostics = read.dropped.map(({ key, value }) =>
    diagnostic(display, { ruleId: 'config/reference-doc', severity: 'warning', reason: t('reference-doc.dropped', { key, value }), note: t('reference-doc.dropped.note', { key }) }),
  );
  const settings = Object.entries(read.layout).map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`);
  const said = settings.length > 0 ? t('reference-doc.read', { file: display, settings: settings.join(', ') }) : t('reference-doc.nothing', { file: display });
  return { layout: read.layout, diagnostics, said };
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
