/**
 * The language the interface speaks: Simplified Chinese unless English is asked for. Every text a
 * user reads comes from the message catalogue (./messages.ts) through `t`, in the language set
 * for the process (and for each worker thread, which is told it). Machine formats do not change
 * with the language: rule ids, JSON keys and exit codes are the same in both.
 */
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { MESSAGES, type MessageId } from './messages.js';

export type { MessageId } from './messages.js';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

let current: Lang = 'zh';

/** Sets the language of every text from now on, zod's own messages (a settings value of the wrong type) included. */
export function setLang(lang: Lang): void {
  current = lang;
  z.config(lang === 'zh' ? zhCN() : en());
}

/** The language texts are given in. */
export function lang(): Lang {
  return current;
}

/**
 * The language asked for: `--lang`, else REPORT_LANG, else a locale that asks for English
 * (LC_ALL, LC_MESSAGES or LANG such as en_US.UTF-8); Chinese otherwise, also for C.UTF-8, the
 * locale of CI machines and containers.
 */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const asked = flag ?? env['REPORT_LANG'];
  if (asked !== undefined && asked !== '') return /^en/i.test(asked) ? 'en' : 'zh';
  // Stryker disable next-line StringLiteral: no locale at all and any other non-English text both mean Chinese
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'zh';
}

export type Params = Record<string, string | number>;

/** A catalogue text in the current language, with its {placeholders} filled in. */
export function t(id: MessageId, params: Params = {}): string {
  return fill(MESSAGES[id][current], params);
}

/** Items of a list as a sentence gives them: 乡、镇、街道 in Chinese, a, b, c in English. */
export function list(items: readonly string[]): string {
  return items.join(current === 'zh' ? '、' : ', ');
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

// Zod's own messages follow the default language until one is set.
setLang(current);
