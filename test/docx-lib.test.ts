import { Paragraph } from 'docx';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** lib.ts as a fresh module: the docx package not yet loaded. */
const fresh = async () => {
  vi.resetModules();
  return import('../src/emit/docx/lib.js');
};

describe('the docx package, loaded when a report first needs it (src/emit/docx/lib.ts)', () => {
  beforeEach(() => vi.resetModules());

  it('is refused before it is loaded, with an error of its own kind, and given once loaded', async () => {
    const lib = await fresh();
    expect(() => lib.docx()).toThrow(lib.DocxNotLoaded);
    expect(() => lib.docx()).toThrow('the docx package is needed before it is loaded');
    const loaded = await lib.loadDocx();
    expect(loaded.Paragraph).toBe(Paragraph);
    expect(lib.docx()).toBe(loaded);
    expect(await lib.loadDocx()).toBe(loaded);
  });

  it('a write that needs it is run again once it is loaded, and its second result given', async () => {
    const lib = await fresh();
    const write = vi.fn(() => lib.docx().Paragraph);
    expect(await lib.withDocx(write)).toBe(Paragraph);
    expect(write).toHaveBeenCalledTimes(2);
    // Loaded now: the next write runs once.
    const again = vi.fn(() => lib.docx().Paragraph);
    expect(await lib.withDocx(again)).toBe(Paragraph);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('a write that does not need it runs once, and it stays unloaded', async () => {
    const lib = await fresh();
    const write = vi.fn(() => 'xml');
    expect(await lib.withDocx(write)).toBe('xml');
    expect(write).toHaveBeenCalledTimes(1);
    expect(() => lib.docx()).toThrow(lib.DocxNotLoaded);
  });

  it('any other error of a write is passed on, not retried', async () => {
    const lib = await fresh();
    const write = vi.fn(() => {
      throw new RangeError('bad');
    });
    await expect(lib.withDocx(write)).rejects.toThrow(RangeError);
    expect(write).toHaveBeenCalledTimes(1);
    expect(() => lib.docx()).toThrow(lib.DocxNotLoaded);
  });
});
