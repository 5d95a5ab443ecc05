/** The output formats, in the order a build writes them (and its default: all three). */
// @ts-nocheck

export const FORMATS = ['docx', 'html', 'md'] as const;

export type Format = (typeof FORMATS)[number];
