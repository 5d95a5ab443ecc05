// The figures of an imported report, at the edges of each rule that tells a figure from what only
// looks like one, and of the rules that name it.
import { describe, expect, it } from 'vitest';
import { decide, findFigures, markText } from '../src/import/figures.js';

const written = (text: string) => findFigures(text).map((c) => c.written);
const names = (text: string) => decide(findFigures(text), new Map()).map((d) => (d.kind === 'none' ? null : d.name));

describe('a figure told apart from what only looks like one', () => {
  it.each([
    ['an ordinal', '第3次', []],
    ['a count of its own', '13次', ['13次']],
    ['the end of a longer number', 'A.5次，1-5次，〔2025〕3号，+5人', []],
    ['a range', '5至8人，5人—8人', []],
    ['no range: 至 or a dash with no number after it', '5人至，5人—多', ['5人', '5人']],
    ['after a verb ending in 到 or 至', '增加到300人，提高至95%', ['300人', '95%']],
    ['months and working days', '3个月，13个月，3个工作日', []],
    ['a count of 个', '3个村', ['3个']],
    ['a count in another unit before 月 or 工', '办结3件工作，整理5份月报', ['3件', '5份']],
    ['percentage points', '增长3个百分点', []],
    ['not percentage points', '3个百分比', ['3个']],
    ['in a title, and after it', '《办法5条》与5条', ['5条']],
    ['a bare number closing its clause after Chinese words, beside a counted one', '排查纠纷63，化解63件', ['63', '63件']],
    ['a bare number not closing its clause, or after no Chinese word', '共63 与A63，', []],
  ] as const)('%s', (_, text, figures) => {
    expect(written(text)).toEqual(figures);
  });

  it('reads a clause 200 characters either side at most', () => {
    const c = findFigures(`排查${'啊'.repeat(248)}5件${'呀'.repeat(250)}。`)[0]!;
    expect([c.before.length, c.after.length]).toEqual([200, 200]);
    const short = findFigures('前文。排查纠纷5件，后文')[0]!;
    expect([short.before, short.after]).toEqual(['排查纠纷', '']);
    // A clause reaching the start or the end of the text.
    const whole = findFigures('排查纠纷5件并全部化解')[0]!;
    expect([whole.before, whole.after]).toEqual(['排查纠纷', '并全部化解']);
    const first = findFigures(`排查纠纷5件，${'啊'.repeat(300)}`)[0]!;
    expect(first.before).toBe('排查纠纷');
  });
});

describe('a figure named', () => {
  it.each([
    ['by the words before it, leading words left out', '全年5户困难群众，走访5户', ['困难群众', '走访']],
    ['by the words after it when those before say too little', '对5个乡属站所', ['乡属站所']],
    ['by the words before it, the long name losing its verbs first', '组织开展反邪教专题学习和扫黑除恶宣传活动5次', ['反邪教专题学习和扫黑除恶宣传活动']],
    ['by its last 16 characters, when a verb first is not what makes it long', '开展反邪教专题学习和扫黑除恶宣传会5次', ['反邪教专题学习和扫黑除恶宣传会']],
    ['not at all, when no words name it', '的5件', [null]],
    ['not at all, when its words hold one Chinese character', 'A组5人', [null]],
    ['by three Chinese characters before it, which are enough', '开展会5场的宣传', ['开展会']],
    ['by two Chinese characters after it, which are enough', '对5个站所', ['站所']],
    ['by the words before it when a word that needs an object is inside them, not at their end', '从严开展5场普法', ['从严开展']],
    ['by 16 characters, a verb first kept', '开展反邪教专题学习和扫黑除恶宣传5次', ['开展反邪教专题学习和扫黑除恶宣传']],
    ['not at all, a number without its unit that no catalogue words name', '排查上报问题线索63，', [null]],
    ['by its own words when the catalogue knows them but its unit does not fit', '发放宣传资料800张', ['发放宣传资料']],
    ['once for the same figure written twice', '开展活动5场，开展活动5场', ['开展活动', '开展活动']],
    ['apart, for two figures under the same words', '开展活动5场，开展活动6场', ['开展活动', '开展活动（2）']],
    ['without quotes or title marks in its words', '开展“法律明白人”培训5场；向5名《民法典》宣讲员发放资料', ['开展法律明白人培训', '民法典宣讲员发放资料']],
    ['by the words after it up to the next number', '对5个乡属站所开展专项督查2次', ['乡属站所开展专项督查', '乡属站所开展专项督查（2）']],
    ['by the words after it, without the 以上 and 的 it starts with, keeping a 的 inside', '对5人以上的志愿者队伍开展培训；对3个村的网格员开展培训', ['志愿者队伍开展培训', '村的网格员开展培训']],
  ] as const)('%s', (_, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('by the last 16 characters of a long name that starts with no verb', () => {
    const words = '各乡镇反邪教专题学习和扫黑除恶宣传活动';
    expect(names(`全乡${words}5次`)).toEqual([[...words].slice(-16).join('')]);
  });

  it('are marked where they are written, those given no name left as text', () => {
    const text = '开展活动5场，排查纠纷3件。';
    const found = findFigures(text);
    expect(markText(text, found, decide(found, new Map()))).toBe('开展活动[5场|开展活动]，排查纠纷[3件|disputes.total]。');
    expect(markText(text, found, [{ kind: 'none' }, { kind: 'custom', name: '甲' }])).toBe('开展活动5场，排查纠纷[3件|甲]。');
  });
});
