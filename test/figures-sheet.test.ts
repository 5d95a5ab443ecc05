// The county's corrected figures read back (report build --figures summary.csv): what each header
// names, which rows are townships', how numbers and approximate marks are read, and which row is a report's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnOf, readFiguresSheet, rowFor } from '../src/batch/figures-sheet.js';
import { tempDir } from './helpers.js';

async function sheet(csv: string) {
  const dir = tempDir('sheet-');
  writeFileSync(join(dir, 'summary.csv'), csv);
  return readFiguresSheet(join(dir, 'summary.csv'), 'summary.csv');
}

describe('a header of the county’s sheet', () => {
  it.each([
    ['  年度 ', { kind: 'year' }],
    ['乡镇（街道）', { kind: 'township' }],
    ['排查调处矛盾纠纷（件）', { kind: 'number', key: 'achievements.disputes.total', unit: '件' }],
    ['排查调处矛盾纠纷   （约数）', { kind: 'approx', key: 'achievements.disputes.total', unit: '件' }],
    ['disputes_approx', { kind: 'approx', key: 'achievements.disputes.total', unit: '件' }],
    ['排查调处矛盾纠纷（约数）', { kind: 'approx', key: 'achievements.disputes.total', unit: '件' }],
    ['带头学法（次）  responsibility.party_secretary.study_sessions', { kind: 'number', key: 'responsibility.party_secretary.study_sessions', unit: '次' }],
    ['带头学法 responsibility.party_secretary.study_sessions', { kind: 'number', key: 'responsibility.party_secretary.study_sessions' }],
    ['自定义指标（个）', { kind: 'number', key: 'figures.自定义指标', unit: '个' }],
    ['自定义指标', { kind: 'number', key: 'figures.自定义指标' }],
    ['（件）', null],
    // （约数） only at the end marks a column of marks; a unit of two characters; a path only at the end.
    ['排查调处矛盾纠纷（约数）备注', { kind: 'number', key: 'figures.排查调处矛盾纠纷（约数）备注' }],
    ['自定义指标（万元）', { kind: 'number', key: 'figures.自定义指标', unit: '万元' }],
    ['自定 abc（个）', { kind: 'number', key: 'figures.自定 abc', unit: '个' }],
  ] as const)('%s', (header, column) => {
    expect(columnOf(header)).toEqual(column);
  });
});

describe('the county’s sheet read', () => {
  it('reads each township’s numbers and marks, skipping the totals row and empty rows, and says which cells are wrong', async () => {
    const r = await sheet(
      [
        '县区,乡镇（街道）,年度,数据文件,排查调处矛盾纠纷（件）,disputes_approx,法治宣传活动（场）',
        '城口县,金坪乡,2025,,"1,200",约,',
        '城口县,左岚乡,,data/zuolan.yaml, 15 ,否,3.25',
        '城口县,同乐镇,2025.5,,-3,10,abc',
        ',,,,,,',
        '合计,全县,2025,,1215,,3',
      ].join('\n'),
    );
    expect(r.sheet!.rows.map((x) => [x.township, x.input, x.year, x.overrides.map((o) => [o.key, o.value, o.approx, o.unit, o.ref])])).toEqual([
      ['金坪乡', null, 2025, [['achievements.disputes.total', 1200, true, '件', 'summary.csv:2:5']]],
      [
        '左岚乡',
        'data/zuolan.yaml',
        null,
        [
          ['achievements.disputes.total', 15, false, '件', 'summary.csv:3:5'],
          ['achievements.legal_education.campaigns', 3.25, false, '场', 'summary.csv:3:7'],
        ],
      ],
      ['同乐镇', null, null, []],
    ]);
    expect(r.diagnostics.map((d) => d.reason)).toEqual([
      'summary.csv:4:5 holds “-3”, which is not a number',
      'summary.csv:4:6 holds “10”: a （约数） column holds 约 or nothing',
      'summary.csv:4:7 holds “abc”, which is not a number',
    ]);
  });

  it('takes a number only as digits (a zero too), and a mark only as the whole cell; a short row has its missing cells empty', async () => {
    const r = await sheet(
      ['乡镇（街道）,年度,数据文件,排查调处矛盾纠纷（件）,disputes_approx,法治宣传活动（场）,campaigns_approx', '甲乡,2025,,1e3,不是,0x10,0.5', '乙乡,2025,,0,否,12场,约', '丙乡'].join('\n'),
    );
    expect(r.sheet!.rows.map((x) => [x.township, x.input, x.year, x.overrides.map((o) => [o.key, o.value, o.approx])])).toEqual([
      ['甲乡', null, 2025, []],
      ['乙乡', null, 2025, [['achievements.disputes.total', 0, false]]],
      ['丙乡', null, null, []],
    ]);
    expect(r.diagnostics.map((d) => d.reason)).toEqual([
      'summary.csv:2:4 holds “1e3”, which is not a number',
      'summary.csv:2:5 holds “不是”: a （约数） column holds 约 or nothing',
      'summary.csv:2:6 holds “0x10”, which is not a number',
      'summary.csv:2:7 holds “0.5”: a （约数） column holds 约 or nothing',
      'summary.csv:3:6 holds “12场”, which is not a number',
    ]);
  });

  it('needs a township or a data file column', async () => {
    const r = await sheet('县区,年度,排查调处矛盾纠纷（件）\n城口县,2025,5\n');
    expect(r.sheet).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect((await sheet('数据文件,排查调处矛盾纠纷（件）\na.yaml,5\n')).sheet!.rows).toHaveLength(1);
  });

  it('finds a report’s row by its data file, else by its township in its year or in any', async () => {
    const r = await sheet(['乡镇（街道）,年度,数据文件,排查调处矛盾纠纷（件）', '金坪乡,2025,data/a.yaml,1', '金坪乡,2024,,2', '金坪乡,2025,,3', '左岚乡,,,4'].join('\n'));
    const value = (input: string, township: string, year: number) => rowFor(r.sheet!, input, township, year)?.overrides[0]?.value;
    expect(value('data/a.yaml', '别的乡', 2020)).toBe(1);
    expect(value('data/b.yaml', '金坪乡', 2025)).toBe(3);
    expect(value('data/b.yaml', '金坪乡', 2024)).toBe(2);
    expect(value('data/b.yaml', '左岚乡', 2030)).toBe(4);
    expect(value('data/b.yaml', '同乐镇', 2025)).toBeUndefined();
  });
});
