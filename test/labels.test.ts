// What a field is called: the schema's label and unit, looked up once per path.
import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldUnit } from '../src/load/labels.js';

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
});
