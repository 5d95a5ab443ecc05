import { describe, expect, it } from 'vitest';
import { exact, formatFigure, formatNumber, isExact, isFigure, parseFigure } from '../src/load/figure.js';

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

describe('every way a figure is written, read and written back', () => {
  // input → [value, how it is written with the default unit 件, exact?]
  it.each<[number | string, number, string, boolean]>([
    [63, 63, '63件', true],
    [12.5, 12.5, '12.5件', true],
    [0, 0, '0件', true],
    ['63', 63, '63件', true],
    [' 63 ', 63, '63件', true],
    ['63人次', 63, '63人次', true],
    ['63 人次', 63, '63人次', true],
    ['200余', 200, '200余件', false],
    ['200余起', 200, '200余起', false],
    ['50多', 50, '50多件', false],
    ['约300', 300, '约300件', false],
    ['约 300人', 300, '约300人', false],
    ['近50', 50, '近50件', false],
    ['6000+', 6000, '6000+件', false],
    ['6000＋', 6000, '6000+件', false],
    ['12左右', 12, '12件左右', false],
    ['100以下', 100, '100件以下', false],
    ['200以上', 200, '200件以上', false],
    ['200件以上', 200, '200件以上', false],
    ['1.5亿元', 150000000, '1.5亿元', true],
    ['1.2万 元', 12000, '1.2万元', true],
    ['95% 以上', 95, '95%以上', false],
    ['200余 件', 200, '200余件', false],
    ['6000＋ 人', 6000, '6000+人', false],
    ['30人左右', 30, '30人左右', false],
    ['95人 以下', 95, '95人以下', false],
    ['0.7万元以上', 7000, '0.7万元以上', false],
    ['超过200', 200, '超过200件', false],
    ['不低于95%', 95, '不低于95%', false],
    ['95%以上', 95, '95%以上', false],
    ['95％', 95, '95%', true],
    ['98.9%', 98.9, '98.9%', true],
    ['0.7万余元', 7000, '0.7万余元', false],
    ['0.70万元', 7000, '0.70万元', true],
    ['1.5亿', 150000000, '1.5亿件', true],
    ['1,234', 1234, '1234件', true],
    ['1，234', 1234, '1234件', true],
    ['12,345,678', 12345678, '12345678件', true],
    ['1.23456789万', 12345.6789, '1.23456789万件', true],
  ])('%s', (input, value, written, exactly) => {
    const r = parseFigure(input);
    if (!r.ok) throw new Error(r.reason);
    expect(r.figure.value).toBe(value);
    expect(formatFigure(r.figure, '件')).toBe(written);
    expect(isExact(r.figure)).toBe(exactly);
    expect(isFigure(r.figure)).toBe(true);
    // What is written reads back as the same figure.
    const back = parseFigure(written);
    if (!back.ok) throw new Error(back.reason);
    const { value: v, approx, bound, percent, magnitude } = back.figure;
    expect({ value: v, approx, bound, percent, magnitude }).toEqual({ value, approx: r.figure.approx, bound: r.figure.bound, percent: r.figure.percent, magnitude: r.figure.magnitude });
    expect(back.figure.unit ?? '件').toBe(r.figure.percent ? '件' : (r.figure.unit ?? '件'));
  });

  it.each<[number | string, string, boolean]>([
    ['', 'is empty', false],
    ['   ', 'is empty', false],
    ['许多', 'does not contain a number where one is expected', false],
    ['以上', 'does not contain a number where one is expected', false],
    ['1，23', 'has “,23” after the number, which is not a unit such as 件 or 人次', false],
    ['件63', 'does not contain a number where one is expected', false],
    ['63 items', 'has “items” after the number, which is not a unit such as 件 or 人次', false],
    ['63件件件件件', 'has “件件件件件” after the number, which is not a unit such as 件 or 人次', false],
    ['约200余', 'carries two qualifiers (约 and 余); write one, e.g. 200余 or 约200', true],
    ['约200以上', 'carries two qualifiers (约 and 以上); write one, e.g. 200余 or 约200', true],
    ['超过200以上', 'carries two qualifiers (超过 and 以上); write one, e.g. 200余 or 约200', true],
    ['超过200余', 'carries two qualifiers (超过 and 余); write one, e.g. 200余 or 约200', true],
    ['200余以上', 'carries two qualifiers (余 and 以上); write one, e.g. 200余 or 约200', true],
    ['200以上余', 'carries two qualifiers (以上 and 余); write one, e.g. 200余 or 约200', true],
    ['200余件以上', 'carries two qualifiers (余 and 以上); write one, e.g. 200余 or 约200', true],
    ['约30人左右', 'carries two qualifiers (约 and 左右); write one, e.g. 200余 or 约200', true],
    ['超过200件以上', 'carries two qualifiers (超过 and 以上); write one, e.g. 200余 or 约200', true],
    ['6000＋人以上', 'carries two qualifiers (+ and 以上); write one, e.g. 200余 or 约200', true],
    [-1, 'is negative; figures count things and cannot be below 0', false],
    [Number.POSITIVE_INFINITY, 'is not a finite number', false],
    [Number.NaN, 'is not a finite number', false],
  ])('%s is refused: %s', (input, reason, isStacked) => {
    const r = parseFigure(input);
    expect(r).toEqual(isStacked ? { ok: false, reason, stacked: true } : { ok: false, reason });
  });

  it('writes computed numbers whole or with two decimals at most', () => {
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(2.005)).toBe('2.01');
    expect(exact(98.9, true)).toEqual({ number: 98.9, value: 98.9, magnitude: null, percent: true, approx: null, bound: null, unit: null, digits: '98.9' });
    expect(formatFigure(exact(42))).toBe('42');
  });

  it('tells a figure from other values', () => {
    expect(isFigure(null)).toBe(false);
    expect(isFigure('63')).toBe(false);
    expect(isFigure({ digits: '1', value: 1 })).toBe(false);
    expect(isFigure({ value: 1, percent: false })).toBe(false);
  });
});
