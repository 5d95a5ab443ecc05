import { describe, expect, it } from 'vitest';
import { titleLines } from '../src/emit/title.js';

describe('long titles split into balanced lines', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines('金坪乡2025年法治政府建设年度报告')).toEqual(['金坪乡2025年法治政府建设年度报告']);
  });
  it('breaks after the issuing government', () => {
    expect(titleLines('城口县左岚乡人民政府2024年法治政府建设情况报告')).toEqual(['城口县左岚乡人民政府', '2024年法治政府建设情况报告']);
    expect(titleLines('重庆市涪陵区同乐镇人民政府2025年法治政府建设工作年度报告')).toEqual(['重庆市涪陵区同乐镇人民政府', '2025年法治政府建设工作年度报告']);
  });
  it('never breaks inside a number and keeps every line within 20 characters', () => {
    const title = '某某某某某某某某某某某某某某某2025年关于法治建设情况的报告';
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    for (let i = 1; i < lines.length; i++) expect(/\d$/.test(lines[i - 1] ?? '') && /^\d/.test(lines[i] ?? '')).toBe(false);
    expect(lines.every((l) => [...l].length <= 20)).toBe(true);
  });
  it('keeps a title exactly as wide as a line on one line, and splits one a character wider at its middle', () => {
    expect(titleLines('一二三四五', 5)).toEqual(['一二三四五']);
    expect(titleLines('一二三四五六', 5)).toEqual(['一二三', '四五六']);
    // Digits are half as wide: 2025 is two characters.
    expect(titleLines('一二三2025', 5)).toEqual(['一二三2025']);
  });
  it('never breaks inside a number, a decimal number included', () => {
    expect(titleLines('一二2025三四', 4)).toEqual(['一二', '2025三四']);
    expect(titleLines('一二三1.5四五六', 5)).toEqual(['一二三', '1.5四五六']);
    expect(titleLines('一二三四1.5五六', 5)).toEqual(['一二三四', '1.5五六']);
  });
  it('breaks just after a number, or before one that follows it closely, where that balances the lines best', () => {
    expect(titleLines('一二1年三四五', 4)).toEqual(['一二1年', '三四五']);
    expect(titleLines('一二1年20三四', 4)).toEqual(['一二1年', '20三四']);
    // A full stop after a number ends it.
    expect(titleLines('一二1.三四五', 4)).toEqual(['一二1.', '三四五']);
  });
  it('breaks after the issuing body where that fills the first line exactly', () => {
    expect(titleLines('某某乡人民政府关于法治建设', 7)).toEqual(['某某乡人民政府', '关于法治建设']);
  });
  it('never breaks after an opening bracket or quote, nor before a closing one or a mark', () => {
    expect(titleLines('一二三《四五六七', 5)).toEqual(['一二三', '《四五六七']);
    expect(titleLines('一二三四》五六七', 5)).toEqual(['一二三', '四》五六七']);
    expect(titleLines('一二三四，五六七', 5)).toEqual(['一二三', '四，五六七']);
  });
  it('takes the best balanced of the issuing bodies’ names to break after, else the best balanced place that fits', () => {
    expect(titleLines('甲党委乙丙党委丁戊己庚辛', 9)).toEqual(['甲党委乙丙党委', '丁戊己庚辛']);
    expect(titleLines('一二三四五六七八九', 5)).toEqual(['一二三四', '五六七八九']);
  });
  it('fills lines one after another when two lines cannot hold the title', () => {
    expect(titleLines('一二三四五六七八九十甲乙', 5)).toEqual(['一二三四五', '六七八九十', '甲乙']);
    expect(titleLines('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });
});
