// @ts-nocheck
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
});
