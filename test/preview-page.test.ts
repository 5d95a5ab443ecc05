// The preview's page as the server sends it: the report with the panel of diagnostics, its style and script.
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { previewPage, type PreviewView } from '../src/cli/preview-page.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { all, classes, type Node, text } from './hast.js';

const byClass = (tree: Node, name: string) => all(tree, (e) => classes(e).includes(name));

const REPORT = '<!DOCTYPE html><html><head><title>报告</title></head><body><main class="document"><p>正文</p></main></body></html>\n';
const d = (severity: Diagnostic['severity'], line: number | undefined, fields: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'a.yaml',
  severity,
  ruleId: 'writing/year-style',
  reason: `${severity} at ${line}`,
  ...(line !== undefined ? { line } : {}),
  ...fields,
});
const view = (fields: Partial<PreviewView>): PreviewView => ({ build: 'b1', display: 'a.yaml', html: REPORT, lastGood: undefined, diagnostics: [], source: undefined, ...fields });

describe('the preview page', () => {
  it('is the report with the style in its head, the panel first in its body and the script last, under the nonce', () => {
    const page = previewPage(view({}), 'n<1>');
    expect(page.startsWith('<!DOCTYPE html><html><head><title>报告</title><style id="report-preview-style">')).toBe(true);
    expect(page).toContain('</style></head><body><aside id="report-preview" data-build="b1" data-offline="');
    expect(page).toContain('</aside><main class="document"><p>正文</p></main><script nonce="n&lt;1&gt;">');
    expect(page.endsWith('</script></body></html>\n')).toBe(true);
  });

  it('says there is nothing wrong, with no list, when there is nothing', () => {
    const tree = fromHtml(previewPage(view({}), 'n'));
    expect(byClass(tree, 'preview-status').map(text)).toEqual(['No problems found.']);
    expect(byClass(tree, 'preview-diagnostics')).toEqual([]);
    expect(all(tree, (e) => e.tagName === 'aside')[0]!.properties.dataFailed).toBeUndefined();
  });

  it('lists errors first, then warnings, then infos, each numbered, with its place, note and related places', () => {
    const diagnostics = [
      d('info', 1),
      d('warning', 9, { column: 3 }),
      d('error', 5, {
        note: 'Write <it> so.',
        related: [
          { file: 'b.yaml', line: 2, message: 'the total' },
          { file: 'c.yaml', message: 'the other' },
        ],
      }),
      d('warning', 2),
      d('error', undefined, { file: 'pack/x.md', line: 4 }),
      d('error', undefined, { file: 'roster.csv' }),
      d('warning', undefined),
    ];
    const tree = fromHtml(previewPage(view({ diagnostics }), 'n'));
    expect(byClass(tree, 'preview-status').map(text)).toEqual([
      '3 errors, 3 warnings. The paragraph of the report marked with the same number is where the problem is; click either to go to the other.',
    ]);
    const items = byClass(tree, 'preview-diagnostic');
    expect(items.map((li) => [li.properties.id, li.properties.dataN, (li.properties.className as string[])[1], text(li)])).toEqual([
      ['preview-d1', '1', 'preview-error', '15:1 error error at 5 writing/year-style→ Write <it> so.↳ b.yaml:2:1：the total↳ c.yaml：the other'],
      ['preview-d2', '2', 'preview-error', '2pack/x.md:4:1 error error at undefined writing/year-style'],
      ['preview-d3', '3', 'preview-error', '3roster.csv error error at undefined writing/year-style'],
      ['preview-d4', '4', 'preview-warning', '4warning warning at undefined writing/year-style'],
      ['preview-d5', '5', 'preview-warning', '52:1 warning warning at 2 writing/year-style'],
      ['preview-d6', '6', 'preview-warning', '69:3 warning warning at 9 writing/year-style'],
      ['preview-d7', '7', 'preview-info', '71:1 info info at 1 writing/year-style'],
    ]);
    // No place at all for a problem of the whole data file.
    expect(byClass(items[3]!, 'preview-at')).toEqual([]);
  });

  it('says the report was not built, over the last one that was (greyed) or over none', () => {
    const errors = [d('error', 3), d('warning', 4)];
    const last = fromHtml(previewPage(view({ html: undefined, lastGood: REPORT.replace('正文', '上次'), diagnostics: errors }), 'n'));
    expect(byClass(last, 'preview-status').map(text)).toEqual(['1 errors: the report was not built; below, greyed, is the last one that was. Correct them and save, and the page updates itself.']);
    expect(all(last, (e) => e.tagName === 'aside')[0]!.properties.dataFailed).toBe('');
    expect(text(all(last, (e) => e.tagName === 'main')[0]!)).toBe('上次');
    const none = previewPage(view({ html: undefined, diagnostics: errors }), 'n');
    expect(none).toContain('<title>Preview: a.yaml</title>');
    expect(byClass(fromHtml(none), 'preview-status').map(text)).toEqual(['1 errors: the report was not built. Correct them and save, and the page updates itself.']);
  });

  it('is the report alone when it is not a whole page', () => {
    expect(previewPage(view({ html: '<p>片段</p>' }), 'n')).toBe('<p>片段</p>');
    expect(previewPage(view({ html: '<body></body><head></head>' }), 'n')).toBe('<body></body><head></head>');
  });
});
