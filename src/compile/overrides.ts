/** A township's own section templates (`overrides:` in its data file), compiled with the pack's helpers. */
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
          reason: `\`overrides.${id}\`: the template pack has no section “${id}”`,
          note: `Sections: ${ids.join(', ')} (see “report templates”).`,
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
          reason: `\`overrides.${id}\` is ${quote(templateFile)}, which is outside the folders a data file may name`,
          note: 'Keep the township’s own section templates beside its data file, e.g. sections/opening.md.',
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
          reason: `\`overrides.${id}\`: cannot read the template ${quote(templateFile)}: ${e instanceof ReadError ? e.message : 'the file cannot be read'}`,
          note: 'The path is relative to this data file.',
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
