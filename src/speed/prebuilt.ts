/**
 * What `npm run build` works out in advance for the standard template pack, so that a build of
 * one report does not pay for it each time: the pack's Handlebars templates precompiled, the
 * DOCX skeleton of its layout, and the parts every summary.xlsx has alike deflated
 * (dist/prebuilt.json, written by src/speed/prebuild.ts).
 *
 * Everything is looked up by content — a template by its source, a skeleton by its layout, a
 * deflated part by its text — so
 * an edited template, another pack or a --layout override is compiled as before, and the
 * outputs are the same bytes either way (a test builds both ways).
 *
 * What it buys, measured against the same build without dist/prebuilt.json (one township, md +
 * html + docx, a fresh process each time, 15 runs of each in turn, at 0935956): 0.143 s instead of
 * 0.256 s, 133 ms of CPU instead of 339 (the outputs the same bytes). Worker threads start sooner
 * by as much.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, TOOL } from '../version.js';

/** A skeleton part as stored: zip entry fields, the data in base64. */
export interface StoredPart {
  path: string;
  size: number;
  crc: number;
  method: number;
  data: string;
}

export interface StoredSkeleton {
  /** Parts in zip order; a string marks where a report's own part goes. */
  parts: Array<StoredPart | string>;
  before: string;
  after: string;
  /** The shapes of paragraph and run the examples have, as docx wrote them (src/emit/docx/shapes.ts). */
  shapes: StoredShapes;
}

/** A shape as written: the same XML whatever the text, the XML either side of the text, or null when docx writes each itself. */
export type StoredTemplate = string | readonly [string, string] | null;

/** Shapes of paragraph and run by key, each with what it is written as. */
export interface StoredShapes {
  paragraphs: Array<[string, StoredTemplate]>;
  runs: Array<[string, StoredTemplate]>;
}

/** A text deflated whole (fflate, level 6): its length and CRC-32 as a zip entry gives them, and the bytes. */
export interface DeflatedText {
  size: number;
  crc: number;
  data: Uint8Array<ArrayBuffer>;
}

export interface Prebuilt {
  tool: string;
  /** deflatedKey(text) → the text deflated, data in base64: the parts every summary.xlsx has alike. */
  deflated: Record<string, { size: number; crc: number; data: string }>;
  /** templateKey(source) → Handlebars.precompile output. */
  templates: Record<string, string>;
  /** layoutKey(layout) → skeleton. */
  skeletons: Record<string, StoredSkeleton>;
}

// Stryker disable next-line all: set once as the module loads, where no mutant can be switched on per test; test/prebuilt.test.ts checks the file is found and used
export const PREBUILT_FILE = join(PACKAGE_ROOT, 'dist', 'prebuilt.json');

let loaded: Prebuilt | null | undefined;
// Stryker disable next-line all: as above; the prebuilt test checks that a pack is loaded from the file by default
let enabled = true;

/** dist/prebuilt.json, read on first use; null when missing, unreadable or from another version. */
export function prebuilt(): Prebuilt | null {
  if (!enabled) return null;
  // Stryker disable next-line ConditionalExpression: reading the file again on each call changes only the time taken
  if (loaded === undefined) loaded = readPrebuilt(PREBUILT_FILE);
  return loaded;
}

/** A prebuilt file's contents; null when it is missing, unreadable, incomplete or from another version. */
export function readPrebuilt(file: string): Prebuilt | null {
  try {
    const p = JSON.parse(readFileSync(file, 'utf8')) as Prebuilt;
    return p.tool === TOOL && p.templates && p.skeletons && p.deflated ? p : null;
  } catch {
    return null;
  }
}

/** Turns the use of dist/prebuilt.json off or on (for building it, and for tests comparing both ways). */
export function usePrebuilt(on: boolean): void {
  enabled = on;
}

/** The key a template is stored under: the sha256 of its source. */
export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The key a DOCX skeleton is stored under: its layout as JSON. */
export function layoutKey(layout: object): string {
  return JSON.stringify(layout);
}

/** The key a deflated text is stored under: the sha256 of the text. */
export const deflatedKey = templateKey;

const decoded = new Map<string, DeflatedText>();

/** A text as dist/prebuilt.json keeps it deflated, if it does. */
export function prebuiltDeflated(text: string): DeflatedText | undefined {
  const stored = prebuilt()?.deflated[deflatedKey(text)];
  if (!stored) return undefined;
  let known = decoded.get(stored.data);
  // Stryker disable next-line ConditionalExpression: decoding the stored bytes again each time gives the same bytes
  if (!known) {
    known = { size: stored.size, crc: stored.crc, data: new Uint8Array(Buffer.from(stored.data, 'base64')) };
    decoded.set(stored.data, known);
  }
  return known;
}
