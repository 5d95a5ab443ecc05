// A defect of the program itself (an exception no command expects): one line that says so, exit 1,
// never a stack trace.
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/index.js';
import { lang, setLang } from '../src/i18n/index.js';
import { ROOT } from './helpers.js';

vi.mock('../src/cli/templates-command.js', () => ({
  runTemplates: async () => {
    throw new Error('Cannot read properties of undefined (reading "sections")');
  },
}));

describe('a defect of the program', () => {
  it('is one line naming it, and exit 1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const before = lang();
    const code = await main(['templates', '--lang', 'zh'], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      errRaw: (s) => err.push(s),
      isTTY: false,
      env: { CI: 'true', NO_COLOR: '1' },
      cwd: ROOT,
    }).finally(() => setLang(before));
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['report：程序意外出错：Cannot read properties of undefined (reading "sections")']);
  });
});
