/** A township's own section templates (`overrides:` in its data file), compiled with the pack's helpers. */
import { lang, list, t } from '../i18n/index.js';
import { dirname, isAbsolute, posix, resolve } from 'node:path';
import { diagnostic, quote, type Diagnostic } from '../diagnostics/index.js';
import { isInside, readText, ReadError } from '../load/read.js';
import type { Locator } from '../load/index.js';
import type { Pack, SectionOverrides } from '../render/pack.js';

/** Compiles the section templates a township supplies itself (`overrides:` in its data file). */
export function sectionOverrides(
  file: string,
  path: string,
  wanted: Record<string, string>,
  pack: Pack,
  locator: Locator,
  roots: readonly string[],
): { overrides: SectionOverrides; diagnostics: Diagnostic[]; files: string[] } {
  const overrides: Record<string, { file: string; render: (context: unknown) => string }> = {};
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const ids = pack.sections.map((s) => s.id);
  for (const [id, templateFile] of Object.entries(wanted)) {
    const span = locator.value(['overrides', id]);
    if (!ids.includes(id)) {
      const keySpan = locator.key(['overrides'], id);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'template/override',
          reason: t('overrides.no-section', { id }),
          note: t('overrides.sections', { list: list(pack.sections.map((s) => (lang() === 'zh' && s.meta.title ? `${s.id}（${s.meta.title}）` : s.id))) }),
          start: keySpan?.start,
          end: keySpan?.end,
        }),
      );
      continue;
    }
    const abs = resolve(dirname(path), templateFile);
    if (!isInside(abs, roots)) {
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'data/outside-path',
          reason: t('overrides.outside', { id, value: quote(templateFile) }),
          note: t('overrides.outside.note'),
          start: span?.start,
          end: span?.end,
        }),
      );
      continue;
    }
    files.push(abs);
    let source: string;
    try {
      source = readText(abs).text;
    } catch (e) {
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'template/override',
          reason: t('overrides.unreadable', { id, value: quote(templateFile), why: e instanceof ReadError ? e.message : t('read.unreadable') }),
          note: t('overrides.unreadable.note'),
          start: span?.start,
          end: span?.end,
        }),
      );
      continue;
    }
    // Named as the data file is: beside its name as shown, the path as written in it.
    const shown = isAbsolute(templateFile) ? templateFile : posix.join(posix.dirname(file), templateFile);
    const compiled = pack.compileSection(shown, source);
    diagnostics.push(...compiled.diagnostics);
    if (compiled.render) overrides[id] = { file: shown, render: compiled.render };
  }
  return { overrides, diagnostics, files };
}
