import { describe, expect, it } from 'vitest';
import { formatFigure, parseFigure } from '../src/load/figure.js';

const fmt = (input: number | string, unit = '') => {
  const p = parseFigure(input);
  if (!p.ok) throw new Error(p.reason);
  return formatFigure(p.figure, unit);
};

describe('figures as Chinese reports write them', () => {
  it('keeps an exact count and takes the template unit', () => {
    expect(fmt(63, '件')).toBe('63件');
  });
  it('puts 余 and 多 between the number and the unit', () => {
    expect(fmt('200余', '起')).toBe('200余起');
    expect(fmt('50多', '人')).toBe('50多人');
    expect(fmt('1000余份', '件')).toBe('1000余份');
  });
  it('puts 约 and 近 before the number', () => {
    expect(fmt('约300', '人')).toBe('约300人');
    expect(fmt('近20', '场')).toBe('近20场');
  });
  it('keeps percentages with their bound and no unit', () => {
    expect(fmt('95%以上', '件')).toBe('95%以上');
    expect(fmt('不低于15%')).toBe('不低于15%');
    expect(fmt('100%')).toBe('100%');
  });
  it('keeps magnitudes and decimals as written', () => {
    expect(fmt('0.7万余', '元')).toBe('0.7万余元');
    expect(fmt('0.70万', '元')).toBe('0.70万元');
    const p = parseFigure('0.7万余');
    expect(p.ok && p.figure.value).toBe(7000);
  });
  it('writes the web-style plus after the unit', () => {
    expect(fmt('6000+')).toBe('6000+');
  });
  it('reads thousands separators', () => {
    const p = parseFigure('1,200');
    expect(p.ok && p.figure.value).toBe(1200);
  });
  it('refuses two qualifiers, text that is no number, and negatives', () => {
    for (const bad of ['约200余', '200余多', '很多', '-3', '12 件件件件件']) {
      const p = parseFigure(bad);
      expect(p.ok, bad).toBe(false);
    }
    expect(parseFigure(-3).ok).toBe(false);
  });
});
