/**
 * A template pack: pack.yaml (title, numbering and layout settings) plus
 * section files (Markdown + Handlebars with front matter) and partials.
 * Packs compile once and render many reports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import matter from 'gray-matter';
import Handlebars from 'handlebars';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { markdownEscape } from './escape.js';
import { makeHelpers } from './helpers.js';
import { packFiles } from './pack-files.js';

/**
 * Handlebars escapes for HTML; these templates produce Markdown, so values
 * are escaped for Markdown instead. The pack's Handlebars environment is the
 * only user of Handlebars in this process.
 */
(Handlebars.Utils as { escapeExpression: (v: unknown) => string }).escapeExpression = (value: unknown): string => {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'object' && value !== null && 'toHTML' in value && typeof value.toHTML === 'function') return String(value.toHTML());
  return markdownEscape(String(value));
};

const yamlEngine = { parse: (s: string) => (parseYaml(s) ?? {}) as object, stringify: () => '' };

const layoutShape = {
  body_font: z.string().min(1),
  title_font: z.string().min(1),
  heading1_font: z.string().min(1),
  heading2_font: z.string().min(1),
  heading3_font: z.string().min(1),
  heading3_bold: z.boolean(),
  latin_font: z.string().min(1),
  page_number_font: z.string().min(1),
  line_spacing: z.number().min(12).max(40),
  grid: z.boolean(),
  page_numbers: z.enum(['outside', 'center', 'none']),
};

/** Layout settings as a pack, a settings file or the command line may give them: any subset. */
export const layoutOverridesSchema = z.strictObject(layoutShape).partial();

export type Layout = { [K in keyof typeof layoutShape]: z.output<(typeof layoutShape)[K]> };

/** GB/T 9704-2012 with the fonts most offices have. */
export const LAYOUT_DEFAULTS: Layout = {
  body_font: '仿宋_GB2312',
  title_font: '方正小标宋简体',
  heading1_font: '黑体',
  heading2_font: '楷体_GB2312',
  heading3_font: '仿宋_GB2312',
  heading3_bold: false,
  latin_font: 'Times New Roman',
  page_number_font: '宋体',
  line_spacing: 28,
  grid: false,
  page_numbers: 'outside',
};

const packSchema = z.strictObject({
  name: z.string(),
  description: z.string().default(''),
  title: z.string(),
  numbering: z
    .strictObject({
      run_in: z.array(z.number().int().min(1).max(4)).default([]),
      run_in_separator: z.string().default('。'),
    })
    .prefault({}),
  layout: layoutOverridesSchema.prefault({}),
});

export type PackMeta = Omit<z.output<typeof packSchema>, 'layout'> & { layout: Layout };

const frontMatterSchema = z.strictObject({
  part: z.number().int().min(0).max(9).nullable().default(null),
  title: z.string().nullable().default(null),
  required: z.boolean().default(false),
  description: z.string().default(''),
});

export interface Section {
  id: string;
  file: string;
  meta: z.output<typeof frontMatterSchema>;
  /** Lines between the file's start and the template body, to map template positions back. */
  lineOffset: number;
  render: (context: unknown) => string;
}

export interface Pack {
  dir: string;
  meta: PackMeta;
  sections: Section[];
  title: (context: unknown) => string;
  /** Files whose content decides the output, for change detection. */
  files: string[];
}

export interface PackLoad {
  pack: Pack | undefined;
  diagnostics: Diagnostic[];
}

export { STANDARD_PACK_DIR as STANDARD_PACK } from '../version.js';

export function loadPack(dir: string): PackLoad {
  const diagnostics: Diagnostic[] = [];
  const packFile = join(dir, 'pack.yaml');
  const rel = (f: string) => relative(process.cwd(), f) || f;
  if (!existsSync(packFile)) {
    return {
      pack: undefined,
      diagnostics: [
        diagnostic(rel(dir), {
          ruleId: 'template/pack',
          reason: `No pack.yaml in the template folder ${rel(dir)}`,
          note: 'Point --template at a folder holding pack.yaml and sections/ (see templates/standard).',
        }),
      ],
    };
  }
  const parsedMeta = packSchema.safeParse(safeYaml(readFileSync(packFile, 'utf8')));
  if (!parsedMeta.success) {
    return {
      pack: undefined,
      diagnostics: parsedMeta.error.issues.map((i) =>
        diagnostic(rel(packFile), {
          ruleId: 'template/pack',
          reason: `\`${i.path.join('.')}\`: ${i.message}`,
          note: 'Compare with templates/standard/pack.yaml.',
        }),
      ),
    };
  }
  const hb = Handlebars.create();
  hb.registerHelper(makeHelpers(hb.SafeString as never));
  const files = packFiles(dir);

  const partialDir = join(dir, 'partials');
  if (existsSync(partialDir)) {
    for (const f of readdirSync(partialDir).sort()) {
      if (!/\.(md|hbs)$/.test(f)) continue;
      const path = join(partialDir, f);
      const src = readFileSync(path, 'utf8');
      if (checkSyntax(src, rel(path), 0, diagnostics)) hb.registerPartial(f.replace(/\.(md|hbs)$/, ''), src);
    }
  }

  const compile = (src: string, file: string, lineOffset: number) => {
    const template = hb.compile(src, { strict: true, noEscape: false, preventIndent: true });
    return (context: unknown) => {
      try {
        return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw new TemplateError(file, lineOffset, e);
      }
    };
  };

  const sections: Section[] = [];
  const sectionDir = join(dir, 'sections');
  const sectionFiles = existsSync(sectionDir) ? readdirSync(sectionDir).filter((f) => f.endsWith('.md')).sort() : [];
  for (const f of sectionFiles) {
    const path = join(sectionDir, f);
    if (!statSync(path).isFile()) continue;
    const source = readFileSync(path, 'utf8');
    let fm: matter.GrayMatterFile<string>;
    try {
      fm = matter(source, { engines: { yaml: yamlEngine } });
    } catch (e) {
      diagnostics.push(
        diagnostic(rel(path), {
          ruleId: 'template/front-matter',
          reason: `The front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
          start: { line: 1, column: 1 },
        }),
      );
      continue;
    }
    const meta = frontMatterSchema.safeParse(fm.data);
    if (!meta.success) {
      for (const i of meta.error.issues) {
        diagnostics.push(
          diagnostic(rel(path), {
            ruleId: 'template/front-matter',
            reason: `front matter \`${i.path.join('.')}\`: ${i.message}`,
            note: 'Front matter may hold part, title, required and description.',
            start: { line: 1, column: 1 },
          }),
        );
      }
      continue;
    }
    const lineOffset = source.slice(0, source.length - fm.content.length).split('\n').length - 1;
    if (!checkSyntax(fm.content, rel(path), lineOffset, diagnostics)) continue;
    sections.push({ id: basename(f, '.md').replace(/^\d+[-_]/, ''), file: rel(path), meta: meta.data, lineOffset, render: compile(fm.content, rel(path), lineOffset) });
  }
  if (sections.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic(rel(dir), { ruleId: 'template/pack', reason: `The template pack ${rel(dir)} has no sections/*.md` }));
  }
  if (!checkSyntax(parsedMeta.data.title, rel(packFile), 0, diagnostics)) return { pack: undefined, diagnostics };
  if (diagnostics.length > 0) return { pack: undefined, diagnostics };
  return {
    pack: {
      dir,
      meta: { ...parsedMeta.data, layout: { ...LAYOUT_DEFAULTS, ...definedOnly(parsedMeta.data.layout) } as Layout },
      sections,
      title: compile(parsedMeta.data.title, rel(packFile), 0),
      files,
    },
    diagnostics,
  };
}

function safeYaml(src: string): unknown {
  try {
    return parseYaml(src);
  } catch {
    return null;
  }
}

function checkSyntax(src: string, file: string, lineOffset: number, out: Diagnostic[]): boolean {
  try {
    Handlebars.parse(src);
    return true;
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const m = /line (\d+)/.exec(err.message);
    const line = err.lineNumber ?? (m ? Number(m[1]) : 1);
    out.push(
      diagnostic(file, {
        ruleId: 'template/syntax',
        reason: `Template syntax error: ${err.message.split('\n').filter((l) => l && !/^-*\^$/.test(l) && !/^Parse error/.test(l)).join(' ').trim() || err.message}`,
        note: 'Check that every {{#block}} is closed by a matching {{/block}} and every {{ has its }}.',
        start: { line: line + lineOffset, column: (err.column ?? 0) + 1 },
      }),
    );
    return false;
  }
}

export class TemplateError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(
    readonly file: string,
    lineOffset: number,
    cause: unknown,
  ) {
    const err = cause as Error & { lineNumber?: number; column?: number };
    const raw = err?.message ?? String(cause);
    const m = / - (\d+):(\d+)$/.exec(raw);
    super(raw.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]/, ''));
    const line = err?.lineNumber ?? (m ? Number(m[1]) : undefined);
    const column = err?.column ?? (m ? Number(m[2]) : undefined);
    this.line = line === undefined ? undefined : line + lineOffset;
    this.column = column === undefined ? undefined : column + 1;
  }
}

/** The entries of an object whose value is not undefined. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
