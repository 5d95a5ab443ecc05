/**
 * The texts of diagnostics: reasons and notes, by message id, in Chinese and English. A reason
 * says what is wrong, naming the field by its Chinese label and its key and quoting the value; a
 * note says what to write instead.
 */
import type { Message } from './messages.js';

export const DIAGNOSTIC_MESSAGES = {} as const satisfies Record<string, Message>;
