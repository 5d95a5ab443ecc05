// What a field is called: the schema's label and unit, looked up once per path.
import { describe, expect, it } from 'vitest';
import { setLang } from '../src/i18n/index.js';
import { fieldLabel, fieldName, fieldUnit, keyName, labelOf } from '../src/load/labels.js';

describe('field labels', () => {
  it('name a field and its unit from the schema', () => {
    expect(fieldLabel(['achievements', 'disputes', 'resolved'])).toBe('成功化解');
    expect(fieldUnit(['achievements', 'disputes', 'resolved'])).toBe('件');
    expect(fieldLabel(['achievements', 'disputes', 'nothing'])).toBeUndefined();
  });

  it('are not mixed up with a key that holds the characters a path could be joined with', () => {
    // A data file's key may hold any character; asking about it first must not change the real field's answer, nor the other way round.
    for (const odd of ['disputes\u0000resolved', 'disputes.resolved', 'disputes,resolved', 'disputes","resolved']) {
      expect(fieldLabel(['achievements', odd])).toBeUndefined();
      expect(fieldUnit(['achievements', odd])).toBe('');
      expect(fieldLabel(['achievements', 'disputes', 'resolved'])).toBe('成功化解');
      expect(fieldUnit(['achievements', 'disputes', 'resolved'])).toBe('件');
      expect(fieldLabel(['achievements', odd])).toBeUndefined();
    }
  });

  it('name a breakdown’s items by their own keys, and its total after the breakdown', () => {
    expect(fieldLabel(['achievements', 'enforcement', 'licences', 'items', '建房'])).toBe('建房');
    expect(fieldLabel(['achievements', 'enforcement', 'licences', 'total'])).toBe('实施行政许可合计');
    expect(fieldLabel(['achievements', 'enforcement', 'licences'])).toBe('实施行政许可');
    expect(fieldLabel([])).toBeUndefined();
  });

  it('take the unit in the brackets ending a label, of one to three characters, and none from a percentage', () => {
    expect(fieldUnit(['achievements', 'legal_education', 'reach'])).toBe('人次');
    expect(fieldUnit(['achievements', 'decisions', 'contracts_reviewed'])).toBe('件次');
    expect(fieldUnit(['achievements', 'disputes', 'resolution_rate'])).toBe('');
    // The unit ends the label, before a colon too; brackets inside a label are no unit.
    expect(fieldUnit(['achievements', 'enforcement', 'licences'])).toBe('件');
    expect(fieldUnit(['township'])).toBe('');
    expect(fieldUnit(['township', 'name'])).toBe('');
    expect(fieldUnit(['achievements', 'disputes', 'nothing'])).toBe('');
  });

  it('are the words of a description before its first comma or colon, without a unit in brackets', () => {
    expect(labelOf(' 成功化解 （件），不写则…')).toBe('成功化解');
    expect(labelOf('叙述文字：按原样输出')).toBe('叙述文字');
    expect(labelOf('Field name (unit)')).toBe('Field name');
    expect(labelOf('甲；乙')).toBe('甲');
  });

  it('name a field in messages: by label and key in Chinese, by key in English', () => {
    try {
      setLang('zh');
      expect(fieldName(['achievements', 'disputes', 'resolved'])).toBe('“成功化解”（achievements.disputes.resolved）');
      expect(fieldName(['achievements', 'disputes', 'nothing'])).toBe('`achievements.disputes.nothing`');
      expect(keyName(['achievements', 'disputes'], 'totl')).toBe('“totl”');
      setLang('en');
      expect(fieldName(['achievements', 'disputes', 'resolved'])).toBe('`achievements.disputes.resolved`');
      expect(keyName(['achievements', 'disputes'], 'totl')).toBe('`achievements.disputes.totl`');
    } finally {
      setLang('zh');
    }
  });
});
