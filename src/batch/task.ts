/** What a compile job receives and returns, the same inline and on a worker thread. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { LayoutOverrides } from '../compile/index.js';
import type { FiguresSheet } from './figures-sheet.js';
import type { Format } from '../formats.js';
import type { Encoding } from '../load/read.js';
import type { Lang } from '../i18n/index.js';
import type { RuleSetting } from '../rules/catalogue.js';

export type { Format } from '../formats.js';

export interface CompilerSetup {
  packDir: string;
  /** The user's working folder, to name the pack's files in messages. */
  cwd: string;
  formats: readonly Format[];
  layout: LayoutOverrides;
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Seconds one report may take to compile. */
  timeLimit?: number | undefined;
  /** The language of messages (a worker thread starts in the default one). */
  lang?: Lang | undefined;
  /** The county's spreadsheet of figures (--figures), read once for the batch. */
  figures?: FiguresSheet | undefined;
}

export interface Task {
  id: number;
  /** Path as shown in messages. */
  display: string;
  /** Absolute path of the data file. */
  path: string;
  source: string;
  /** The data file's encoding, when not UTF-8. */
  encoding?: Encoding | undefined;
}

export interface TaskResult {
  id: number;
  diagnostics: Diagnostic[];
  outputs: Partial<Record<Format, Uint8Array>>;
  /**
   * The report's summary as JSON text. Parsed where its manifest entry is made, it takes some
   * 2.6 KB against the compiled object's 6.6 KB (which the main thread keeps for every township of
   * a batch until the roll-up), and passes from a worker thread quicker than the object.
   */
  summary: string | undefined;
  /** Absolute paths of the other files the outputs depend on. */
  dependencies: string[];
  /** The township the data file names, when it could be read that far: for the roster. */
  township?: string | undefined;
}

/** Compiles tasks with one loaded template pack. */
export interface Compiler {
  /** Loads the pack; returns its problems (none when it is usable). */
  init(): Promise<Diagnostic[]>;
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}
