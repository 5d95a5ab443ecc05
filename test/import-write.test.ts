// The data file an import writes: what it leaves out because the compiler would print it anyway,
// what it works out when the report does not say, and the comments that tell the clerk what to check.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../src/import/structure.js';
import { writeDataFile } from '../src/import/write.js';

const OPTS = { from: 'r.docx', schemaRef: 'schema.json' };

function draft(over: Partial<Draft> = {}): Draft {
  return {
    title: '金坪乡人民政府2025年法治政府建设年度报告',
    government: '金坪乡人民政府',
    township: { name: '金坪乡', kind: '乡' },
    county: { name: '城口县', from: 'title' },
    city: null,
    province: null,
    year: { value: 2025, from: 'title' },
    date: { iso: '2026-02-05', from: 'signature' },
    docNumber: null,
    recipient: null,
    opening: [],
    parts: [{ part: 1, heading: '主要举措和成效', body: ['全年排查调处矛盾纠纷[95件|disputes.total]。'], sections: [] }],
    closing: [],
    dropped: 0,
    ...over,
  };
}

/** The file's text, and its data read back. */
function written(d: Draft, opts: Parameters<typeof writeDataFile>[1] = OPTS) {
  const text = writeDataFile(d, opts);
  return { text, data: parse(text) as Record<string, unknown> & { township: Record<string, unknown> } };
}

describe('the data file an import writes', () => {
  it('leaves out the government and title the compiler would print, for a 乡 and for a 街道, and what the report has not', () => {
    const { data } = written(draft());
    for (const key of ['title', 'doc_number', 'recipient', 'opening', 'closing']) expect(data, key).not.toHaveProperty(key);
    expect(data.township).toEqual({ name: '金坪乡', kind: '乡', county: '城口县' });
    expect(data.title).toBeUndefined();
    const street = written(draft({ title: '桂园街道办事处2025年法治政府建设年度报告', government: '桂园街道办事处', township: { name: '桂园街道', kind: '街道' } })).data;
    expect(street.township).toEqual({ name: '桂园街道', kind: '街道', county: '城口县' });
    expect(street.title).toBeUndefined();
  });

  it('keeps a government and a title of the report’s own, and the title made from its own government', () => {
    const own = written(draft({ government: '中共金坪乡委员会', title: '中共金坪乡委员会2025年法治政府建设年度报告' })).data;
    expect(own.township.government).toBe('中共金坪乡委员会');
    // The title the compiler makes from that government: not repeated.
    expect(own.title).toBeUndefined();
    const titled = written(draft({ title: '金坪乡2025年度法治政府建设情况的报告' })).data;
    expect(titled.title).toBe('金坪乡2025年度法治政府建设情况的报告');
  });

  it('works out the kind from the name the command line gives, and the year before this one', () => {
    const year = new Date().getFullYear() - 1;
    for (const [name, kind] of [
      ['桂园街道', '街道'],
      ['同乐镇', '镇'],
      ['金坪乡', '乡'],
      ['某某', '乡'],
    ]) {
      const { data } = written(draft({ township: null, year: null }), { ...OPTS, township: name });
      expect([data.township.name, data.township.kind, data.year], name).toEqual([name, kind, year]);
    }
  });

  it('writes the place, number, recipient, opening, sections and closing the report has, paragraphs as block text', () => {
    const { text, data } = written(
      draft({
        city: '重庆市',
        province: '重庆市',
        docNumber: '金坪府〔2026〕3号',
        recipient: '城口县人民政府',
        opening: ['第一段。', '第二段。'],
        parts: [
          {
            part: 1,
            heading: '主要举措和成效',
            body: [],
            sections: [
              { heading: '强化组织领导', runIn: false, body: ['甲。'] },
              { heading: '规范执法', runIn: true, body: ['乙。', '丙。'] },
            ],
          },
          { part: 5, heading: null, body: ['其他。'], sections: [] },
        ],
        closing: ['特此报告。'],
      }),
    );
    expect(data).toMatchObject({
      township: { city: '重庆市', province: '重庆市' },
      doc_number: '金坪府〔2026〕3号',
      recipient: '城口县人民政府',
      opening: '第一段。\n第二段。',
      parts: [
        {
          part: 1,
          heading: '主要举措和成效',
          sections: [
            { heading: '强化组织领导', body: '甲。' },
            { heading: '规范执法', run_in: true, body: '乙。\n丙。' },
          ],
        },
        { part: 5, body: '其他。' },
      ],
      closing: '特此报告。',
    });
    expect((data.parts as { sections?: { run_in?: boolean }[]; body?: string }[])[0]).not.toHaveProperty('body');
    expect((data.parts as { sections: { run_in?: boolean }[] }[])[0]!.sections[0]).not.toHaveProperty('run_in');
    expect((data.parts as unknown[])[1]).not.toHaveProperty('heading');
    expect(text).toContain('opening: |-\n  第一段。\n  第二段。');
    expect(text).toContain('closing: |-\n  特此报告。');
    expect(text).toMatch(/ {8}body: \|-\n {10}乙。\n {10}丙。/);
    // A one-line paragraph is block text too; a heading is not.
    expect(text).toMatch(/ {8}body: \|-\n {10}甲。\n/);
    expect(text).toContain('heading: 强化组织领导\n');
  });

  it('heads the file with the schema, the file it came from and what to check', () => {
    const { text } = written(draft());
    expect(text.split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=schema.json', expect.stringContaining('r.docx'), expect.stringMatching(/^# \S/)]);
  });

  it('notes above a field each thing the clerk should check, and after each part what it was taken for', () => {
    const commentsAbove = (text: string, key: string) => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
      const out: string[] = [];
      for (let i = at - 1; i >= 0 && /^\s*#/.test(lines[i]!); i--) out.unshift(lines[i]!.trim());
      return out;
    };
    const plain = written(draft()).text;
    expect(commentsAbove(plain, 'name')).toEqual([]);
    expect(commentsAbove(plain, 'county')).toEqual([]);
    expect(commentsAbove(plain, 'year')).toEqual([]);
    expect(commentsAbove(plain, 'date')).toEqual([]);
    // Nothing known: a note at each, two at the year (where the year and the date came from).
    const bare = written(draft({ township: null, county: null, year: null, date: null })).text;
    for (const key of ['name', 'county']) expect(commentsAbove(bare, key), key).toHaveLength(1);
    expect(commentsAbove(bare, 'year')).toHaveLength(2);
    // Given on the command line: other notes than when guessed.
    const given = written(draft({ township: null, county: null }), { ...OPTS, township: '金坪乡', county: '城口县' }).text;
    expect(commentsAbove(given, 'name')).not.toEqual(commentsAbove(bare, 'name'));
    expect(commentsAbove(given, 'county')).not.toEqual(commentsAbove(bare, 'county'));
    // Found on the page, or in the opening, or in the date: each says so, differently.
    const page = written(draft({ county: { name: '城口县', from: 'page' }, year: { value: 2025, from: 'opening' }, date: { iso: '2026-02-05', from: 'page' } })).text;
    expect(commentsAbove(page, 'county')[0]).toContain('城口县');
    expect(commentsAbove(page, 'date')).toHaveLength(1);
    const fromDate = written(draft({ year: { value: 2025, from: 'date' } })).text;
    expect(commentsAbove(fromDate, 'year')).toHaveLength(1);
    expect(commentsAbove(fromDate, 'year')).not.toEqual(commentsAbove(page, 'year'));
    // After each part's number, on its line: the heading it was judged by, or that it had none.
    const parts = written(
      draft({
        parts: [
          { part: 1, heading: '主要举措和成效', body: ['甲。'], sections: [] },
          { part: 4, heading: null, body: ['乙。'], sections: [] },
        ],
      }),
    ).text;
    const partLines = parts.split('\n').filter((l) => /^\s*- part: \d #/.test(l));
    expect(partLines).toHaveLength(2);
    expect(partLines[0]).toMatch(/by its heading “主要举措和成效”/);
    expect(partLines[1]).toMatch(/has no part headings/);
  });
});

describe('the data file an import writes, at its edges', () => {
  it('leaves out a title the compiler would print when the report names no government, and writes none when there is none', () => {
    const std = written(draft({ government: null })).text;
    expect(std).not.toMatch(/^title:/m);
    expect(written(draft({ title: null })).text).not.toMatch(/^title:/m);
  });

  it('writes a long field on one line, spaces and all', () => {
    const title = `金坪乡人民政府关于${'深入推进'.repeat(20)}2025年度法治政府建设工作情况的报告`;
    const recipient = Array.from({ length: 12 }, () => '城口县人民政府办公室').join(' ');
    const { text } = written(draft({ title, recipient }));
    expect(text).toContain(`\ntitle: ${title}\n`);
    expect(text).toContain(`\nrecipient: ${recipient}\n`);
  });

  it('writes each paragraph of a part and of the closing on a line of its own', () => {
    const { data, text } = written(draft({ parts: [{ part: 1, heading: '主要举措和成效', body: ['甲。', '乙。'], sections: [] }], closing: ['特此报告。', '（此件公开发布）'] }));
    expect(data).toMatchObject({ parts: [{ body: '甲。\n乙。' }], closing: '特此报告。\n（此件公开发布）' });
    // A part without sections has no sections field.
    expect(text).not.toContain('sections:');
  });

  it('says where a year came from: the opening, or the year before the date', () => {
    const above = (text: string) => text.split('\n')[text.split('\n').findIndex((l) => l.startsWith('year:')) - 1];
    expect(above(written(draft({ year: { value: 2025, from: 'opening' } })).text)).toMatch(/taken from the opening/);
    expect(above(written(draft({ year: { value: 2025, from: 'date' } })).text)).toMatch(/the year before the 成文日期/);
  });

  it('names the heading and the part after each part', () => {
    expect(written(draft()).text).toMatch(/part: 1 # Taken for .+ by its heading “主要举措和成效”/);
  });
});
