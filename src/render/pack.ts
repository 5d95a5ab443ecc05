/**
 * A template pack: pack.yaml (title, numbering and layout settings) plus
 * section files (Markdown + Handlebars with front matter) and partials.
 * Packs compile once and render many reports.
 */
import { t } from '../i18n/index.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import matter from 'gray-matter';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { checkYaml, parseYaml, readYaml, type YamlRules } from '../yaml/index.js';
import { definedOnly, LAYOUT_DEFAULTS, layoutOverridesSchema, type Layout } from './layout.js';

export { definedOnly, LAYOUT_DEFAULTS, layoutOverridesSchema, type Layout } from './layout.js';
import { markdownEscape } from './escape.js';
import { makeHelpers } from './helpers.js';
import { packFiles } from './pack-files.js';
import { prebuilt, templateKey } from '../speed/prebuilt.js';

/**
 * Handlebars escapes for HTML; these templates produce Markdown, so values
 * are escaped for Markdown instead. The pack's Handlebars environment is the
 * only user of Handlebars in this process.
 */
(Handlebars.Utils as { escapeExpression: (v: unknown) => string }).escapeExpression = (value: unknown): string => {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'object' && 'toHTML' in value && typeof value.toHTML === 'function') return String(value.toHTML());
  return markdownEscape(String(value));
};

/** How every template is compiled. */
const COMPILE_OPTIONS = { strict: true, noEscape: false, preventIndent: true } as const;

/** The JavaScript of a template compiled in advance, as `npm run build` stores it. */
export function precompileTemplate(source: string): string {
  return Handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string;
}

/** gray-matter only finds the front matter; src/yaml reads it. */
const NO_ENGINE = { parse: () => ({}), stringify: () => '' };

const FRONT_MATTER_RULES: YamlRules = {
  syntax: 'template/front-matter',
  duplicateKey: 'template/front-matter',
  schema: 'template/front-matter',
  get note() {
    return t('template.front-matter.note');
  },
};

const PACK_RULES: YamlRules = {
  syntax: 'template/pack',
  duplicateKey: 'template/pack',
  schema: 'template/pack',
  get note() {
    return t('pack.note');
  },
};

const packSchema = z.strictObject({
  name: z.string(),
  description: z.string().default(''),
  /** Another pack this one builds on: “standard”, or a folder relative to this pack.yaml. */
  extends: z.string().optional(),
  title: z.string().optional(),
  /** Month and day of the following year by which the report is due (Art. 23: before 1 March). */
  deadline: z
    .string()
    .regex(/^\d{2}-\d{2}$/, 'expected MM-DD, e.g. 03-01')
    .nullable()
    .optional(),
  numbering: z
    .strictObject({
      run_in: z.array(z.number().int().min(1).max(4)).optional(),
      run_in_separator: z.string().optional(),
    })
    .optional(),
  layout: layoutOverridesSchema.optional(),
});

export interface PackMeta {
  name: string;
  description: string;
  title: string;
  deadline: string | null;
  numbering: { run_in: number[]; run_in_separator: string };
  layout: Layout;
  /** The pack folders this pack is made of, base first. */
  chain: string[];
}

const frontMatterSchema = z.strictObject({
  part: z.number().int().min(0).max(9).nullable().default(null),
  title: z.string().nullable().default(null),
  required: z.boolean().default(false),
  description: z.string().default(''),
});

export interface Section {
  id: string;
  file: string;
  /** The pack folder the section comes from. */
  pack: string;
  meta: z.output<typeof frontMatterSchema>;
  render: (context: unknown) => string;
}

/** Sections a township supplies itself, by section id (e.g. responsibility). */
export type SectionOverrides = Readonly<Record<string, { file: string; render: (context: unknown) => string }>>;

export interface Pack {
  dir: string;
  meta: PackMeta;
  sections: Section[];
  title: (context: unknown) => string;
  /** Files whose content decides the output, for change detection. */
  files: string[];
  /** The Handlebars sources of the pack's own templates (sections, partials, title), for precompiling. */
  templates: readonly string[];
  /** Compiles a township's own section template with this pack's helpers and partials. */
  compileSection: (file: string, source: string) => { render?: (context: unknown) => string; diagnostics: Diagnostic[] };
}

export interface PackLoad {
  pack: Pack | undefined;
  diagnostics: Diagnostic[];
}

import { STANDARD_PACK_DIR } from '../version.js';

export { STANDARD_PACK_DIR as STANDARD_PACK } from '../version.js';

/** The pack folders, base first, following `extends`. */
function packChain(dir: string, rel: (f: string) => string, diagnostics: Diagnostic[]): { dir: string; meta: z.output<typeof packSchema> }[] | undefined {
  const chain: { dir: string; meta: z.output<typeof packSchema> }[] = [];
  let current: string | undefined = dir;
  while (current) {
    const packFile = join(current, 'pack.yaml');
    if (chain.some((c) => c.dir === current)) {
      diagnostics.push(diagnostic(rel(packFile), { ruleId: 'template/pack', reason: t('pack.circle') }));
      return undefined;
    }
    if (!existsSync(packFile)) {
      diagnostics.push(
        diagnostic(rel(current), {
          ruleId: 'template/pack',
          reason: t('pack.missing', { folder: rel(current) }),
          note: t('pack.missing.note'),
        }),
      );
      return undefined;
    }
    const read = readYaml(rel(packFile), readFileSync(packFile, 'utf8'), packSchema, PACK_RULES);
    if (!read.value) {
      diagnostics.push(...read.diagnostics);
      return undefined;
    }
    chain.unshift({ dir: current, meta: read.value });
    const base: string | undefined = read.value.extends;
    current = base === undefined ? undefined : base === 'standard' ? STANDARD_PACK_DIR : resolve(current, base);
  }
  return chain;
}

/**
 * A template pack folder compiled (following `extends`), or its problems with file and line. Files
 * are named relative to `cwd` (the user's working folder) when it is given, else by full path.
 */
export function loadPack(dir: string, cwd?: string): PackLoad {
  const rel = (f: string) => (cwd === undefined ? f : relative(cwd, f) || f);
  const diagnostics: Diagnostic[] = [];
  const chain = packChain(dir, rel, diagnostics);
  if (!chain) return { pack: undefined, diagnostics };

  // Later packs in the chain win: by key for settings, by file name for sections and partials.
  const metas = chain.map((c) => c.meta);
  const pick = <T>(f: (m: z.output<typeof packSchema>) => T | undefined): T | undefined => metas.map(f).reduce<T | undefined>((a, b) => (b !== undefined ? b : a), undefined);
  const title = pick((m) => m.title);
  const packFile = join(dir, 'pack.yaml');
  if (!title) {
    diagnostics.push(diagnostic(rel(packFile), { ruleId: 'template/pack', reason: t('pack.no-title'), note: t('pack.no-title.note') }));
    return { pack: undefined, diagnostics };
  }
  const layout = Object.assign({ ...LAYOUT_DEFAULTS }, ...metas.map((m) => definedOnly(m.layout ?? {}))) as Layout;
  const meta: PackMeta = {
    name: chain[chain.length - 1]!.meta.name,
    description: chain[chain.length - 1]!.meta.description,
    title,
    deadline: pick((m) => m.deadline) ?? null,
    numbering: { run_in: pick((m) => m.numbering?.run_in) ?? [], run_in_separator: pick((m) => m.numbering?.run_in_separator) ?? '。' },
    layout,
    chain: chain.map((c) => c.dir),
  };

  const hb = Handlebars.create();
  hb.registerHelper(makeHelpers(hb.SafeString as never));
  const files = chain.flatMap((c) => packFiles(c.dir));
  const partials = new Map<string, string>();
  const sectionFiles = new Map<string, { path: string; pack: string }>();
  for (const c of chain) {
    const partialDir = join(c.dir, 'partials');
    // Stryker disable next-line MethodExpression: Node lists a folder in name order on Linux already; the sort keeps every system to it
    if (existsSync(partialDir)) for (const f of readdirSync(partialDir).sort()) if (/\.(md|hbs)$/.test(f)) partials.set(f.replace(/\.(md|hbs)$/, ''), join(partialDir, f));
    const sectionDir = join(c.dir, 'sections');
    if (existsSync(sectionDir)) for (const f of readdirSync(sectionDir)) if (f.endsWith('.md')) sectionFiles.set(f, { path: join(sectionDir, f), pack: c.dir });
  }
  const sources: string[] = [];
  let loading = true;
  const ready = prebuilt()?.templates ?? {};
  /** A template from its source: precompiled by `npm run build` if it was, else parsed (reporting syntax errors) and compiled. */
  const template = (source: string, file: string, lineOffset: number): Handlebars.TemplateDelegate | undefined => {
    if (loading) sources.push(source);
    const spec = ready[templateKey(source)];
    if (spec !== undefined) return hb.template(new Function(`return ${spec}`)() as Parameters<typeof hb.template>[0]);
    const ast = checkSyntax(source, file, lineOffset, diagnostics);
    return ast && hb.compile(ast, COMPILE_OPTIONS);
  };
  for (const [name, path] of partials) {
    const compiled = template(readFileSync(path, 'utf8'), rel(path), 0);
    if (compiled) hb.registerPartial(name, compiled);
  }

  const compile = (source: string, file: string, lineOffset: number) => {
    const compiled = template(source, file, lineOffset);
    if (!compiled) return undefined;
    return (context: unknown) => {
      try {
        return compiled(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw new TemplateError(file, lineOffset, e);
      }
    };
  };

  /** Reads a section file: front matter (optional) and a Handlebars body. */
  const readSection = (file: string, source: string) => {
    // gray-matter finds the front matter; it is read like every other YAML, with positions.
    const fm = matter(source, { engines: { yaml: NO_ENGINE } });
    const parsed = parseYaml(file, fm.matter, FRONT_MATTER_RULES);
    const read = checkYaml(parsed.raw === null || parsed.raw === undefined ? { ...parsed, raw: {} } : parsed, frontMatterSchema, FRONT_MATTER_RULES);
    if (!read.value) {
      diagnostics.push(...read.diagnostics);
      return undefined;
    }
    const lineOffset = source.slice(0, source.length - fm.content.length).split('\n').length - 1;
    const render = compile(fm.content, file, lineOffset);
    return render && { meta: read.value, render };
  };

  const sections: Section[] = [];
  for (const [name, { path, pack }] of [...sectionFiles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!statSync(path).isFile()) continue;
    const read = readSection(rel(path), readFileSync(path, 'utf8'));
    if (read) sections.push({ id: sectionId(name), file: rel(path), pack, meta: read.meta, render: read.render });
  }
  if (sections.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic(rel(dir), { ruleId: 'template/pack', reason: t('pack.no-sections', { folder: rel(dir) }) }));
  }
  const titleRender = compile(title, rel(packFile), 0);
  if (!titleRender || diagnostics.length > 0) return { pack: undefined, diagnostics };
  loading = false;
  return {
    pack: {
      dir,
      meta,
      sections,
      title: titleRender,
      files,
      templates: sources,
      compileSection(file, source) {
        const before = diagnostics.length;
        const read = readSection(file, source);
        const problems = diagnostics.splice(before);
        return read ? { render: read.render, diagnostics: problems } : { diagnostics: problems };
      },
    },
    diagnostics,
  };
}

/** 30-responsibility.md → responsibility. */
export function sectionId(fileName: string): string {
  return basename(fileName, '.md').replace(/^\d+[-_]/, '');
}

/** Handlebars' own words for the mistakes a template author makes most, in the language of the run. */
export function templateMessage(message: string): string {
  const undefinedName = /^"([^"]+)" not defined/.exec(message);
  if (undefinedName) return t('template.not-defined', { name: undefinedName[1]! });
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return t('template.mismatch', { open: mismatch[1]!, close: mismatch[2]! });
  const parse = /^Parse error on line (\d+)/.exec(message);
  if (parse) return t('template.parse', { line: parse[1]! });
  return message;
}

/**
 * A Handlebars syntax error in the language of the run, with the code it stopped at. Handlebars
 * writes the error (its place at the end, ` - line:column`, when it knows it) and, for a parse
 * error, the code on the next line, a pointer line (`-----^`) and what it expected.
 */
function syntaxMessage(message: string): string {
  const [first, code] = message.split('\n') as [string, string | undefined];
  const said = templateMessage(first);
  if (said !== first) return code ? `${said}：${code.trim()}` : said;
  return message
    .split('\n')
    .filter((l) => !/^-*\^$/.test(l))
    .join(' ')
    .replace(/ - \d+:\d+$/, '');
}

/** Parses a template, reporting a syntax error with its line; the tree is compiled without parsing again. */
function checkSyntax(src: string, file: string, lineOffset: number, out: Diagnostic[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(src);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    // A parse error has its line only in the message ("Parse error on line 3:"); every error Handlebars throws has one of the two.
    // Stryker disable next-line ConditionalExpression: the line 1 of an error without one is never reached
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1);
    out.push(
      diagnostic(file, {
        ruleId: 'template/syntax',
        reason: t('template.syntax', { message: syntaxMessage(err.message) }),
        note: t('template.syntax.note'),
        start: { line: line + lineOffset, column: (err.column ?? 0) + 1 },
      }),
    );
    return undefined;
  }
}

/** A template failing on a report, with its file and line. */
export class TemplateError extends Error {
  /** Where in the template file it failed, when Handlebars knows. */
  readonly start: { line: number; column: number } | undefined;
  constructor(
    readonly file: string,
    lineOffset: number,
    cause: unknown,
  ) {
    // Handlebars' own errors carry their place as properties (set together), and again at the end of
    // the message, which only `"x" not defined in … - 3:5` shows: templateMessage reads the name alone.
    const err = cause as Error & ({ lineNumber: number; column: number } | { lineNumber?: undefined });
    super(err?.message ?? String(cause));
    this.start = err?.lineNumber === undefined ? undefined : { line: err.lineNumber + lineOffset, column: err.column + 1 };
  }
}
