/**
 * The parts of a report's package that the docx package's output is finished
 * with: docProps/core.xml, which docx would date with the build time, dated
 * with the report's 成文日期 instead, and the styles.
 */

import type { Day } from './package.js';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A title, creator and timestamp → docProps/core.xml with those fixed dates. */
export function coreXml(title: string, creator: string, isoTimestamp: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${isoTimestamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoTimestamp}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * docx's word/styles.xml → the same with what the docx package cannot say: no
 * automatic space between Chinese and Latin text or digits (2024年, not 2024 年),
 * as official documents are typeset. Word and WPS read it from the defaults;
 * LibreOffice from the Normal style.
 */
export function finishStyles(xml: string): string {
  const noAutoSpace = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  return xml
    .replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${noAutoSpace}`)
    .replace(
      '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>',
      `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${noAutoSpace}</w:pPr></w:style>`,
    );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年2月5日 → the document's fixed creation day (1 January 2000 when there is none). */
export function documentDate(chinese: string): Day {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(chinese);
  if (!m) return { year: 2000, month: 1, day: 1 };
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A day → its midnight, UTC, as docProps/core.xml writes a time. */
export const isoDay = (day: Day): string => `${day.year}-${pad(day.month)}-${pad(day.day)}T00:00:00Z`;
