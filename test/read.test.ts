// Reading a township's file (src/load/read.ts): what test/untrusted.test.ts does not already try.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readBytes, ReadError } from '../src/load/read.js';
import { tempDir } from './helpers.js';

const openFiles = () => readdirSync('/proc/self/fd').length;

describe('readBytes', () => {
  it('closes every file it opens, read or refused', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok'), 'x'.repeat(100));
    writeFileSync(join(dir, 'big'), 'x'.repeat(100));
    readBytes(join(dir, 'ok'));
    const before = openFiles();
    for (let i = 0; i < 50; i++) {
      expect(readBytes(join(dir, 'ok'))).toHaveLength(100);
      expect(() => readBytes(join(dir, 'big'), 99)).toThrow(ReadError);
    }
    expect(openFiles()).toBe(before);
  });
});

describe('decodeText and the byte-order mark', () => {
  it.each([
    ['\uFEC0 starts EF BB 80', '\uFEC0甲'],
    ['\uF03F starts EF 80 BF', '\uF03F甲'],
    ['\u0EFF starts E0 BB BF', '\u0EFF甲'],
    ['\uFEFF itself, when it is the text', '甲\uFEFF'],
  ])('drops only EF BB BF at the start: %s', (_, text) => {
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('drops the mark, and only the mark, before text that is not valid UTF-8 throughout', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲乙丙丁'), Buffer.from([0xff])]);
    expect(decodeText(bytes)).toEqual({ text: '甲乙丙丁\uFFFD', encoding: 'utf-8' });
  });
});
