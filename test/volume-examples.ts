// The examples as a volume orders and titles them, for the volume's tests.

/** The examples in the volume's order: newest year first, then county and township by pinyin (城口县 金坪乡, 涪陵区 同乐镇; 2024 城口县 左岚乡). */
export const ORDER = ['jinping-2025', 'tongle-2025', 'zuolan-2024'];
export const TITLES = ['金坪乡人民政府2025年法治政府建设年度报告', '重庆市涪陵区同乐镇人民政府2025年法治政府建设工作年度报告', '城口县左岚乡人民政府2024年法治政府建设情况报告'];
