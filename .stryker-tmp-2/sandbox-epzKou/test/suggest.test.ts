// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { distance, suggest } from '../src/yaml/suggest.js';

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
