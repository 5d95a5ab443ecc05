/**
 * Stage 3: render the template pack's sections with one township's data
 * into Markdown text, one piece per section.
 */
import { t } from '../i18n/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { ReportData } from '../load/schema.js';
import { type TemplateError, templateMessage, type Pack, type SectionOverrides } from './pack.js';

export { loadPack, sectionId, STANDARD_PACK, type SectionOverrides, layoutOverridesSchema, LAYOUT_DEFAULTS, definedOnly, type Pack, type Layout, type PackMeta } from './pack.js';

export interface RenderedSection {
  id: string;
  file: string;
  part: number | null;
  title: string | null;
  required: boolean;
  markdown: string;
}

export interface Rendered {
  title: string;
  government: string;
  sections: RenderedSection[];
  diagnostics: Diagnostic[];
}

export interface TemplateContext extends ReportData {
  township: ReportData['township'] & { government: string; head_title: string };
  next_year: number;
  /** Last year's data for the same township, when its file was found; else null. */
  last_year: ReportData | null;
}

/** The issuing government a township has when its data names none: 金坪乡人民政府; a 街道's office, 桂园街道 → 桂园街道办事处 (桂园 too). */
export function defaultGovernment(name: string, kind: string): string {
  return kind === '街道' ? `${name.replace(/街道$/u, '')}街道办事处` : `${name}人民政府`;
}

/** What the templates see: the data, the issuing government and head's title, next year and last year's data. */
export function templateContext(data: ReportData, lastYear: ReportData | null = null): TemplateContext {
  const { name, kind } = data.township;
  const government = data.township.government ?? defaultGovernment(name, kind);
  const head_title = kind === '街道' ? '街道办事处主任' : `${kind}长`;
  return { ...data, township: { ...data.township, government, head_title }, next_year: data.year + 1, last_year: lastYear };
}

/** Every section of the pack rendered for one township's data, as Markdown, with the title and issuer. */
export function render(pack: Pack, data: ReportData, lastYear: ReportData | null = null, overrides?: SectionOverrides): Rendered {
  const context = templateContext(data, lastYear);
  const diagnostics: Diagnostic[] = [];
  const sections: RenderedSection[] = [];
  const run = (fn: () => string): string | undefined => {
    try {
      return fn();
    } catch (e) {
      // What a template throws, compile() has made a TemplateError with the template's file.
      diagnostics.push(templateDiagnostic(e as TemplateError));
      return undefined;
    }
  };
  // The pack's title template escapes the values it prints; a title of the data file's own is plain text already.
  const title = data.title?.trim() ?? unescapeTitle(run(() => pack.title(context)) ?? '');
  for (const s of pack.sections) {
    const own = overrides?.[s.id];
    const markdown = run(own ? () => own.render(context) : () => s.render(context));
    if (markdown === undefined) continue;
    sections.push({ id: s.id, file: s.file, part: s.meta.part, title: s.meta.title, required: s.meta.required, markdown });
  }
  return { title, government: context.township.government, sections, diagnostics };
}

/** The title is plain text, not Markdown: undo the escaping of the values the title template printed. */
function unescapeTitle(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
}

function templateDiagnostic(e: TemplateError): Diagnostic {
  const inner = e.message;
  return diagnostic(e.file, {
    ruleId: 'template/runtime',
    reason: t('template.runtime', { message: templateMessage(inner) }),
    note: t(/not defined/.test(inner) ? 'template.runtime.field' : 'template.runtime.note'),
    start: e.start,
  });
}
