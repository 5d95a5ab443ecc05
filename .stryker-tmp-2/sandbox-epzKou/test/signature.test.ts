// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { charWidth, signatureLayout } from '../src/emit/signature.js';

describe('signature block (GB/T 9704 7.3.5)', () => {
  it('counts digits as half a character', () => {
    expect(charWidth('2026年2月5日')).toBe(6);
  });
  it('unsealed: issuer 2 from the right, the date starting 2 characters right of the issuer', () => {
    const l = signatureLayout('重庆市涪陵区同乐镇人民政府', '2026年1月26日', false);
    expect(l.issuerRight).toBe(2);
    // issuer start = 2 + 13 from the right edge; date start must be 2 less.
    expect(l.dateRight + charWidth('2026年1月26日')).toBe(2 + 13 - 2);
  });
  it('unsealed: a date longer than the issuer keeps 2 characters and moves the issuer left', () => {
    const l = signatureLayout('某某乡政府', '2026年12月25日', false);
    expect(l.dateRight).toBe(2);
    expect(l.issuerRight + charWidth('某某乡政府') - 2).toBe(l.dateRight + charWidth('2026年12月25日'));
  });
  it('sealed: the date 4 from the right, the issuer centred on it', () => {
    const l = signatureLayout('测试乡人民政府', '2026年2月5日', true);
    expect(l.dateRight).toBe(4);
    const dateCentre = l.dateRight + charWidth('2026年2月5日') / 2;
    const issuerCentre = l.issuerRight + charWidth('测试乡人民政府') / 2;
    expect(issuerCentre).toBe(dateCentre);
  });
});
