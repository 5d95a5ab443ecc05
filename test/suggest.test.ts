import { describe, expect, it } from 'vitest';
import { distance, suggest, suggestByLabel } from '../src/yaml/suggest.js';

describe('typo suggestions', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['county', 'county', 0],
    ['contry', 'county', 2],
    ['countyy', 'county', 1],
    ['cuonty', 'county', 1],
    ['conuty', 'county', 1],
    ['ab', 'ba', 1],
    ['abc', 'ca', 3],
    ['kitten', 'sitting', 3],
    ['achievements', 'acheivements', 1],
    ['金坪乡', '金平乡', 1],
  ])('distance(%s, %s) is %i', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });

  const KEYS = ['name', 'kind', 'county', 'city', 'province', 'government'];

  it('suggests the closest key, ignoring case', () => {
    expect(suggest('contry', KEYS)).toBe('county');
    expect(suggest('County', KEYS)).toBe('county');
    expect(suggest('kidn', KEYS)).toBe('kind');
    expect(suggest('goverment', KEYS)).toBe('government');
  });

  it('suggests nothing that is not a likely typo: a third of the word may differ, at least one letter', () => {
    expect(suggest('x', KEYS)).toBeUndefined();
    expect(suggest('nam', KEYS)).toBe('name');
    expect(suggest('nme', KEYS)).toBe('name');
    expect(suggest('nm', KEYS)).toBeUndefined();
    expect(suggest('nmx', KEYS)).toBeUndefined();
    expect(suggest('provnc', KEYS)).toBe('province');
    expect(suggest('prvnc', KEYS)).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });

  it('keeps the first of equally close keys', () => {
    expect(suggest('ab', ['aa', 'bb'])).toBe('aa');
    expect(suggest('ab', ['bb', 'aa'])).toBe('bb');
  });
});

describe('suggestions for a key written in Chinese', () => {
  const disputes = [
    { key: 'screenings', label: '开展矛盾纠纷排查' },
    { key: 'total', label: '排查调处矛盾纠纷' },
    { key: 'resolved', label: '成功化解' },
    { key: 'resolution_rate', label: '化解（调解）成功率' },
    { key: 'petitions', label: '受理信访案件' },
    { key: 'petitions_closed', label: '办结信访案件' },
  ];
  const top = [
    { key: 'township', label: '乡镇（街道）身份' },
    { key: 'year', label: '报告所述年度' },
    { key: 'date', label: '成文日期' },
    { key: 'overrides', label: '本乡镇自己的章节模板' },
  ];
  it.each([
    ['化解', 'resolved', disputes],
    ['成功化解', 'resolved', disputes],
    ['化解成功率', 'resolution_rate', disputes],
    ['排查调处', 'total', disputes],
    ['矛盾纠纷排查', 'screenings', disputes],
    ['信访', 'petitions', disputes],
    ['信访办结', 'petitions_closed', disputes],
    ['乡镇', 'township', top],
    ['年度', 'year', top],
    ['日期', 'date', top],
  ])('%s → %s', (word, key, candidates) => {
    expect(suggestByLabel(word, candidates)).toBe(key);
  });
  it.each([
    ['备注', top],
    ['其他', disputes],
    ['', disputes],
  ])('%s is like none of them', (word, candidates) => {
    expect(suggestByLabel(word, candidates)).toBeUndefined();
  });
  it('is undefined without candidates', () => {
    expect(suggestByLabel('化解', [])).toBeUndefined();
  });
});

describe('how alike a Chinese key and a label are', () => {
  const like = (word: string, ...labels: string[]) =>
    suggestByLabel(
      word,
      labels.map((label, i) => ({ key: String(i), label })),
    );

  it('half the two-character pieces in common is like enough; fewer is not', () => {
    // 成文|文日|日期 and 成文|文的|的日|日期: 2 × 2 of 7.
    expect(like('成文日期', '成文的日期')).toBe('0');
    // 排查|查纠|纠纷 and seven pieces of 开展矛盾纠纷排查: 2 × 2 of 10.
    expect(like('排查纠纷', '开展矛盾纠纷排查')).toBeUndefined();
    expect(like('排查纠纷', '开展排查矛盾纠纷')).toBeUndefined();
  });

  it('a label holding the word is likest when it is shortest, wherever it comes in the list', () => {
    expect(like('化解', '成功化解矛盾纠纷案件', '化解率')).toBe('1');
    expect(like('化解', '化解率', '成功化解矛盾纠纷案件')).toBe('0');
  });

  it('a word inside brackets in a label, （） or (), counts both with and without them', () => {
    expect(like('化解成功率', '化解(调解)成功率', '化解成功率高')).toBe('0');
    expect(like('化解成功率', '化解（调解）成功率', '化解成功率高')).toBe('0');
    expect(like('调解成功率', '化解（调解）成功率', '调解成功率统计表格')).toBe('0');
    expect(like('调解成功率', '化解(调解)成功率', '调解成功率统计表格')).toBe('0');
  });
});
