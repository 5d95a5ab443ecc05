// The tests were written against the English messages; those of the Chinese ones set the language themselves.
import { setLang } from '../src/i18n/index.js';

setLang('en');
