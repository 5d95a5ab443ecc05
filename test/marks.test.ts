// Figures marked in the narrative (src/load/marks.ts) on their own: what prints, what is recorded,
// and how a county's figure (--figures) is written the way the township wrote its own.
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { setLang } from '../src/i18n/index.js';
import { formatFigure, type Figure, loadReport } from '../src/load/index.js';
import { catalogueField, type FigureOverride, makeCatalogue } from '../src/load/marks.js';
import { MINIMAL, standardPack } from './helpers.js';

afterEach(() => setLang('en'));

const KEY = 'achievements.disputes.total';

/** A data file whose opening paragraph is `opening`, loaded with the county's figures `overrides`. */
function load(opening: string, overrides: Omit<FigureOverride, 'ref'>[] = [], extra = '') {
  const source = `${MINIMAL}opening: ${JSON.stringify(opening)}\n${extra}`;
  const map = new Map(overrides.map((o) => [o.key, { ...o, ref: 'county.csv:2:2' }]));
  const loaded = loadReport('t.yaml', source, () => map);
  const data = loaded.data ?? loaded.partial;
  return {
    loaded,
    opening: (data as { opening?: string } | undefined)?.opening,
    field: (path: string) => path.split('.').reduce<unknown>((cur, k) => (cur as Record<string, unknown> | null)?.[k], data) as Figure | null | undefined,
    rules: loaded.diagnostics.map((d) => d.ruleId),
    messages: loaded.diagnostics.map((d) => d.reason),
  };
}

describe('a county figure written as the township wrote its own', () => {
  it.each([
    // written mark, the county's value, approximate, unit → printed
    ['95件', 96, false, undefined, '96件'],
    ['95件', 96, true, undefined, '96余件'],
    ['200余件', 250, true, undefined, '250余件'],
    ['200多件', 250, true, undefined, '250多件'],
    ['约200件', 300, true, undefined, '约300件'],
    ['近200件', 300, true, undefined, '近300件'],
    ['超过200件', 300, true, undefined, '超过300件'],
    ['不低于200件', 300, true, undefined, '不低于300件'],
    ['200件以上', 300, true, undefined, '300件以上'],
    ['200余件', 250, false, undefined, '250件'],
    ['约200件', 250, false, undefined, '250件'],
    ['95', 96, false, '件', '96件'],
    ['95', 96, false, undefined, '96'],
  ])('[%s|disputes.total] with the county’s %s (approximate: %s, unit %s) prints %s', (written, value, approx, unit, printed) => {
    const r = load(`全年排查调处矛盾纠纷[${written}|disputes.total]。`, [{ key: KEY, value, approx, unit }]);
    expect(r.opening).toBe(`全年排查调处矛盾纠纷${printed}。`);
    expect(formatFigure(r.field(KEY)!)).toBe(printed);
    expect(r.rules).toEqual(['figures/spreadsheet-differs']);
    expect(r.messages[0]).toContain(printed);
    expect(r.messages[0]).toContain('county.csv:2:2');
  });

  it.each([
    ['200余件', 200, true],
    ['约200件', 200, true],
    ['200件以上', 200, true],
    ['95件', 95, false],
  ])('[%s|…] and the county’s same figure (%s, approximate: %s): as written, no warning', (written, value, approx) => {
    const r = load(`排查调处矛盾纠纷[${written}|disputes.total]。`, [{ key: KEY, value, approx }]);
    expect(r.opening).toBe(`排查调处矛盾纠纷${written}。`);
    expect(r.rules).toEqual([]);
  });

  it('keeps a percentage a percentage, and a bound after the %', () => {
    const key = 'achievements.disputes.resolution_rate';
    expect(load('化解率[98%|disputes.resolution_rate]。', [{ key, value: 99, approx: false }]).opening).toBe('化解率99%。');
    expect(load('化解率[95%以上|disputes.resolution_rate]。', [{ key, value: 97, approx: true }]).opening).toBe('化解率97%以上。');
    expect(load('化解率[98|disputes.resolution_rate]。', [{ key, value: 99, approx: false, unit: '%' }]).opening).toBe('化解率99%。');
  });

  it('keeps 万 for a figure of a thousand or more, and drops it below', () => {
    const key = 'achievements.enforcement.fines';
    expect(load('罚没[1.2万元|enforcement.fines]。', [{ key, value: 15000, approx: false }]).opening).toBe('罚没1.5万元。');
    expect(load('罚没[1.2万元|enforcement.fines]。', [{ key, value: 1000, approx: false }]).opening).toBe('罚没0.1万元。');
    expect(load('罚没[1.2万元|enforcement.fines]。', [{ key, value: 999, approx: false }]).opening).toBe('罚没999元。');
    expect(load('罚没[1.2万余元|enforcement.fines]。', [{ key, value: 20000, approx: true }]).opening).toBe('罚没2万余元。');
  });

  it('takes the county’s figure for a figure of the township’s own, and for an item of a breakdown', () => {
    const own = load('召开会议【3次｜会议次数】。', [{ key: 'figures.会议次数', value: 4, approx: false }]);
    expect(own.opening).toBe('召开会议4次。');
    expect(own.loaded.data?.figures).toEqual({ 会议次数: expect.objectContaining({ value: 4 }) });
    expect(own.messages[0]).toContain('“会议次数” is 4次');
    const item = load('建房许可[5件|enforcement.licences.items.建房]。', [{ key: 'achievements.enforcement.licences.items.建房', value: 6, approx: false }]);
    expect(item.opening).toBe('建房许可6件。');
    expect(item.field('achievements.enforcement.licences.items.建房')?.value).toBe(6);
    expect(item.rules).toEqual(['figures/spreadsheet-differs']);
  });

  it('sets a field the data file gives but does not mark; adds none the data file lacks; leaves figures of its own alone', () => {
    const given = load('全年工作。', [{ key: KEY, value: 96, approx: false }], 'achievements:\n  disputes:\n    total: 95\n');
    expect(given.field(KEY)?.value).toBe(96);
    expect(given.rules).toEqual(['figures/spreadsheet-differs']);
    expect(given.messages[0]).toContain('96件');
    // The same figure: nothing to say.
    expect(load('全年工作。', [{ key: KEY, value: 95, approx: false }], 'achievements:\n  disputes:\n    total: 95\n').rules).toEqual([]);
    const lacking = load('全年工作。', [{ key: KEY, value: 96, approx: false }]);
    expect(lacking.field(KEY) ?? null).toBeNull();
    expect(lacking.rules).toEqual([]);
    const ownOnly = load('全年工作。', [{ key: 'figures.会议次数', value: 4, approx: false }]);
    expect(ownOnly.loaded.data?.figures ?? null).toBeNull();
    expect(ownOnly.rules).toEqual([]);
  });

  it('takes the county’s figure for one listed under figures: with spaces around its name', () => {
    const r = load('全年工作。', [{ key: 'figures.宣传视频', value: 5, approx: false }], 'figures:\n  " 宣传视频 ": 3部\n');
    expect(r.loaded.data?.figures).toEqual({ 宣传视频: expect.objectContaining({ value: 5, unit: '部' }) });
    expect(r.rules).toEqual(['figures/spreadsheet-differs']);
  });

  it('takes the county’s figure for one listed under figures:, which prints nowhere', () => {
    const r = load('全年工作。', [{ key: 'figures.宣传视频', value: 5, approx: false }], 'figures:\n  宣传视频: 3部\n');
    expect(r.loaded.data?.figures).toEqual({ 宣传视频: expect.objectContaining({ value: 5, unit: '部' }) });
    expect(r.rules).toEqual(['figures/spreadsheet-differs']);
  });
});

describe('the catalogue of fields a mark may name', () => {
  it('holds every figure field by its path, those of achievements also without it, and a label only one field has', () => {
    const catalogue = makeCatalogue();
    const at = (name: string) => catalogue.get(name)?.join('.') ?? null;
    expect(at('achievements.disputes.total')).toBe(KEY);
    expect(at('disputes.total')).toBe(KEY);
    expect(at('排查调处矛盾纠纷')).toBe(KEY);
    expect(at('responsibility.head.meetings')).toBe('responsibility.head.meetings');
    // Only the fields of achievements are shortened.
    expect(at('head.meetings')).toBeNull();
    expect(at('party_secretary.study_sessions')).toBeNull();
    // 带头学法 is the label of the secretary's and the head's field alike: neither.
    expect(at('带头学法')).toBeNull();
    // Not a figure: no entry.
    expect(at('responsibility.head.name')).toBeNull();
    expect(at('achievements.disputes')).toBeNull();
    // Every key is a dotted name or a label without a Latin letter, so a field name is told from a label by its letters.
    for (const key of catalogue.keys()) expect(/^[a-z_.]+$/.test(key) || /^[^a-z]+$/.test(key), key).toBe(true);
    expect(catalogueField('disputes.total')?.join('.')).toBe(KEY);
    expect(catalogueField('宣传视频')).toBeNull();
  });
});

describe('marks', () => {
  it('records a field by its path, its path under achievements, or its Chinese label', () => {
    for (const name of ['disputes.total', 'achievements.disputes.total', '排查调处矛盾纠纷']) {
      const r = load(`排查[95件|${name}]。`);
      expect(r.opening).toBe('排查95件。');
      expect(r.field(KEY)?.value).toBe(95);
    }
  });

  it('reads a name with spaces around it, and prints the figure as written', () => {
    const r = load('排查[1,234件| disputes.total ]，列出【 3部 ｜ 宣传视频 】。');
    expect(r.opening).toBe('排查1,234件，列出3部。');
    expect(r.field(KEY)?.value).toBe(1234);
    expect(r.loaded.data?.figures).toEqual({ 宣传视频: expect.objectContaining({ value: 3 }) });
    expect(r.rules).toEqual([]);
  });

  it('takes a name listed under figures: without the spaces around it', () => {
    const r = load('全年工作。', [], 'figures:\n  " 宣传视频 ": 3部\n');
    expect(r.loaded.data?.figures).toEqual({ 宣传视频: expect.objectContaining({ value: 3 }) });
  });

  it('refuses a field-like name whose figure cannot be read, spaces or none', () => {
    for (const name of ['disputes.total', ' disputes.total ']) expect(load(`排查[九十五件|${name}]。`).rules).toEqual(['data/invalid-figure']);
  });

  it('shortens only the fields of achievements, and takes a label only when one field has it', () => {
    expect(load('主持会议[3次|responsibility.head.meetings]。').field('responsibility.head.meetings')?.value).toBe(3);
    expect(load('主持会议[3次|head.meetings]。').rules).toEqual(['data/unknown-key']);
    // 合计 is the label of every breakdown's total: a name of the township's own, not a field.
    const total = load('共[3件|合计]。');
    expect(total.loaded.data?.figures).toEqual({ 合计: expect.objectContaining({ value: 3 }) });
    expect(total.field('achievements.enforcement.licences.total') ?? null).toBeNull();
  });

  it('keeps text in brackets that is neither a figure nor a field name', () => {
    const r = load('开展【政策解读｜法治宣传】活动。');
    expect(r.opening).toBe('开展【政策解读｜法治宣传】活动。');
    expect(r.rules).toEqual([]);
  });

  it('does not read marks in the identity, title or file names', () => {
    const r = load('全年工作。', [], 'title: 报告[3次|disputes.total]\n');
    expect(r.loaded.data?.title).toBe('报告[3次|disputes.total]');
    expect(r.field(KEY) ?? null).toBeNull();
  });

  it('names a misspelt field, suggesting the one field ending in the name', () => {
    const ending = load('化解[90件|resolved]。');
    expect(ending.rules).toEqual(['data/unknown-key']);
    expect(ending.loaded.diagnostics[0]!.note).toContain('disputes.resolved');
    const typo = load('化解[90件|disputes.resolvd]。');
    expect(typo.rules).toEqual(['data/unknown-key']);
    expect(typo.loaded.diagnostics[0]!.note).toContain('disputes.resolved');
    expect(typo.loaded.diagnostics[0]!.reason).toContain('disputes.resolvd');
  });

  it('suggests in the language of the run, the Chinese way with Chinese quotes', () => {
    expect(load('化解[90件|resolved]。').loaded.diagnostics[0]!.note).toContain('`disputes.resolved`');
    setLang('zh');
    expect(load('化解[90件|resolved]。').loaded.diagnostics[0]!.note).toContain('“disputes.resolved”');
  });

  it('refuses a figure listed under figures: that a mark gives otherwise, pointing at the listed one', () => {
    const r = load('宣传视频[4部|宣传视频]。', [], 'figures:\n  宣传视频: 3部\n');
    expect(r.rules).toEqual(['figures/conflicting']);
    const d = r.loaded.diagnostics[0]!;
    expect(d.reason).toBe('“宣传视频” is marked 4部, but it was 3部 before');
    const listedLine = MINIMAL.split('\n').length + 2;
    expect(d.related?.[0]?.line).toBe(listedLine);
    expect(d.line).toBe(listedLine - 2);
  });

  it('places a later check of a file with marks at the mark for a marked figure, and as usual for anything else', async () => {
    const source = `${MINIMAL.replace(/^date: .*$/m, 'date: 2026-03-05')}opening: 排查[95件|disputes.total]，化解[96件|disputes.resolved]。\n`;
    const r = await compile('t.yaml', source, standardPack(), { formats: [] });
    const at = (rule: string) => r.diagnostics.filter((d) => d.ruleId === rule).map((d) => [d.line, d.column]);
    const line = source.split('\n').findIndex((l) => l.startsWith('opening:')) + 1;
    const dateLine = source.split('\n').findIndex((l) => l.startsWith('date:')) + 1;
    expect(at('figures/part-exceeds-total')).toEqual([[line, source.split('\n')[line - 1]!.indexOf('[96件') + 1]]);
    expect(at('regulation/late-date').map(([l]) => l)).toEqual([dateLine]);
  });

  it('takes one figure marked twice alike, a unit left out agreeing with any', () => {
    expect(load('排查[95件|disputes.total]，共[95|disputes.total]。').rules).toEqual([]);
    expect(load('排查[200余件|disputes.total]，共[200余件|disputes.total]。').rules).toEqual([]);
  });

  it.each([
    ['95件', '96件'],
    ['200余件', '200件'],
    ['200件以上', '200余件'],
    ['95件', '95次'],
    ['95%', '95'],
  ])('refuses one figure marked as %s and as %s, pointing at both', (a, b) => {
    const r = load(`排查[${a}|disputes.total]，共[${b}|disputes.total]。`);
    expect(r.rules).toEqual(['figures/conflicting']);
    const d = r.loaded.diagnostics[0]!;
    expect(d.related).toHaveLength(1);
    expect(d.related![0]!.line).toBe(d.line);
    expect(d.related![0]!.column).toBeLessThan(d.column!);
  });

  it('refuses a mark that differs from the figure its field gives', () => {
    const r = load('排查[96件|disputes.total]。', [], 'achievements:\n  disputes:\n    total: 95\n');
    expect(r.rules).toEqual(['figures/conflicting']);
    expect(r.loaded.diagnostics[0]!.related![0]!.line).toBe(r.loaded.diagnostics[0]!.line! + 3);
  });
});
