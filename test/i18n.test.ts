/**
 * The interface speaks Chinese unless English is asked for, and every text comes from one
 * catalogue with both languages.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boxWrap, displayWidth } from '../src/cli/index.js';
import { detectLang, lang, setLang, t } from '../src/i18n/index.js';
import { MESSAGES, type MessageId } from '../src/i18n/messages.js';
import { MINIMAL, ROOT, runCli, tempDir } from './helpers.js';

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => ({ file: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'utf8') }));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('which language', () => {
  it.each([
    [undefined, {}, 'zh'],
    [undefined, { LANG: 'C.UTF-8' }, 'zh'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'en' }, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en'],
    [undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { LANG: 'english' }, 'zh'],
    [undefined, { REPORT_LANG: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { REPORT_LANG: 'zh', LANG: 'en_US.UTF-8' }, 'zh'],
    [undefined, { REPORT_LANG: '', LANG: 'en_US.UTF-8' }, 'en'],
    ['en', { REPORT_LANG: 'zh' }, 'en'],
    ['zh', { LANG: 'en_US.UTF-8' }, 'zh'],
    // A locale whose name only contains “en” (Kalenjin, Kenya) is not English; nor is a setting that only ends in it.
    [undefined, { LANG: 'ken_KE.UTF-8' }, 'zh'],
    [undefined, { REPORT_LANG: 'zh-en' }, 'zh'],
  ] as const)('--lang %s with %j: %s', (flag, env, expected) => {
    expect(detectLang(flag, env)).toBe(expected);
  });

  it('zod’s own messages follow the language set', () => {
    const before = lang();
    try {
      setLang('zh');
      expect(z.number().safeParse('x').error?.issues[0]?.message).toMatch(/\p{Script=Han}/u);
      setLang('en');
      expect(z.number().safeParse('x').error?.issues[0]?.message).toMatch(/^Invalid input: expected number/);
    } finally {
      setLang(before);
    }
  });

  it('texts follow the language set, and fill their placeholders', () => {
    const before = lang();
    try {
      setLang('zh');
      expect(t('summary.build', { built: 3, failed: 1, unchanged: 0 })).toBe('生成 3 份，失败 1 份，未变 0 份');
      setLang('en');
      expect(t('summary.build', { built: 3, failed: 1, unchanged: 0 })).toBe('3 built, 1 failed, 0 unchanged');
      // A placeholder without a value stays as written: help texts show {year} and {ext} themselves.
      expect(t('init.out')).toBe('file to write (default: {township}-{year}.yaml)');
      setLang('zh');
      expect(t('severity.error')).toBe('错误');
    } finally {
      setLang(before);
    }
  });
});

describe('the catalogue', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];

  it('has both languages for every entry, each with the same placeholders', () => {
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const { zh, en } = MESSAGES[id];
      expect(zh.trim(), id).not.toBe('');
      expect(en.trim(), id).not.toBe('');
      expect(placeholders(zh), id).toEqual(placeholders(en));
      // The Chinese is Chinese: at least one Chinese character or full-width mark (report：{message}).
      expect(zh, id).toMatch(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u);
    }
  });

  it('every entry is used in src/, and src/ uses no id the catalogue lacks', () => {
    const code = sources(join(ROOT, 'src'))
      .filter((s) => !s.file.includes(join('src', 'i18n')))
      .map((s) => s.text)
      .join('\n');
    // Ids given whole, or built from a prefix and a value (`status.${r.status}`, `read.${problem}`).
    const built = [...code.matchAll(/`([a-z][\w-]*\.)\$\{/g)].map((m) => m[1]!);
    expect(built.sort()).toEqual(['node.', 'read.', 'status.']);
    const unused = ids.filter((id) => !code.includes(`'${id}'`) && !built.some((prefix) => id.startsWith(prefix) && !id.slice(prefix.length).includes('.')));
    expect(unused).toEqual([]);
    const used = [...code.matchAll(/\bt\('([a-z][\w.-]*)'/g)].map((m) => m[1]!);
    expect(used.filter((id) => !(id in MESSAGES))).toEqual([]);
  });

  it('the command line has no message of its own outside the catalogue', () => {
    for (const { file, text } of sources(join(ROOT, 'src', 'cli'))) {
      // A string literal with English words printed or thrown is a message that skipped the catalogue.
      const printed = [...text.matchAll(/(?:io\.(?:err|out)|log|InvalidArgumentError)\(\s*[`'"]([^`'"]*)[`'"]/g)]
        .map((m) => (m[1] ?? '').replace(/\$\{[^}]*(\}+|$)/g, ''))
        .filter((literal) => /[A-Za-z]{3}/.test(literal));
      expect(printed, file).toEqual([]);
    }
  });
});

describe('Chinese by default', () => {
  it('under LANG=C.UTF-8 a build says what it did in Chinese; --lang en in English', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    const zh = await runCli(['build', 'a.yaml', '--out', 'out', '--format', 'md'], dir, { REPORT_LANG: '', LANG: 'C.UTF-8' });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toMatch(/^已生成 a\.yaml -> out\/a\.md$/m);
    expect(zh.stderr).toMatch(/^生成 0 份，失败 0 份，未变 1 份|^生成 1 份，失败 0 份，未变 0 份；错误 0 个，警告 \d+ 个；用时 [\d.]+ 秒$/m);
    const en = await runCli(['build', 'a.yaml', '--out', 'out2', '--format', 'md', '--lang', 'en'], dir, { REPORT_LANG: '', LANG: 'C.UTF-8' });
    expect(en.stderr).toMatch(/^built a\.yaml -> out2\/a\.md$/m);
    expect(en.stderr).toMatch(/^1 built, 0 failed, 0 unchanged, 0 errors, \d+ warnings in [\d.]+s$/m);
  });

  it('--lang may stand after the command, and a wrong one is a usage error', async () => {
    const r = await runCli(['check', '--lang', 'fr'], tempDir(), { REPORT_LANG: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('report：选项 --lang <lang> 的值“fr”不对：只能写 zh 或 en');
  });

  it('the JSON reporter keeps its keys, statuses and severities in both languages', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), MINIMAL.replace('kind: 乡', 'kind: 村'));
    const zh = JSON.parse((await runCli(['check', 'a.yaml', '--reporter', 'json'], dir, { REPORT_LANG: 'zh' })).stdout);
    const en = JSON.parse((await runCli(['check', 'a.yaml', '--reporter', 'json'], dir, { REPORT_LANG: 'en' })).stdout);
    const shape = (r: { reports: { status: string; diagnostics: { ruleId: string; severity: string; line: number }[] }[] }) =>
      r.reports.map((x) => [x.status, x.diagnostics.map((d) => [d.ruleId, d.severity, d.line])]);
    expect(shape(zh)).toEqual(shape(en));
    expect(Object.keys(zh)).toEqual(Object.keys(en));
  });
});

describe('help laid out for Chinese', () => {
  it('counts a Chinese character as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('金坪乡')).toBe(6);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('\u001b[1m粗\u001b[22m')).toBe(2);
  });

  it('breaks a line between Chinese characters, never before a closing mark, and keeps words whole', () => {
    const wrapped = boxWrap('由数据文件、存放数据文件的文件夹（连同其中的子文件夹）或通配符生成报告。report.config.yaml 的 inputs', 40);
    for (const line of wrapped.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(wrapped.replace(/\n/g, '')).toBe('由数据文件、存放数据文件的文件夹（连同其中的子文件夹）或通配符生成报告。report.config.yaml 的 inputs');
    expect(wrapped.split('\n').every((line) => !/^[，。、；：！？）》”]/.test(line))).toBe(true);
    expect(wrapped).toContain('report.config.yaml');
  });

  it('keeps the lines the text has, empty ones too, and leaves text alone at under 40 columns', () => {
    expect(boxWrap('第一行\n\n第三行\r\n第四行', 40)).toBe('第一行\n\n第三行\n第四行');
    const long = '由数据文件、存放数据文件的文件夹（连同其中的子文件夹）或通配符生成报告。';
    expect(boxWrap(long, 39)).toBe(long);
    expect(boxWrap(long, 40)).not.toBe(long);
  });

  it('never ends a line with an opening bracket or quote', () => {
    // At 40 columns the unbroken line would end with （.
    for (let width = 40; width < 60; width++) {
      const wrapped = boxWrap('只检查数据文件，不生成报告：格式、数字、条例要求（第二十五条的各部分、日期）和“文字”。规则见《规定》。', width);
      expect(
        wrapped.split('\n').every((line) => !/[（《“]$/.test(line)),
        wrapped,
      ).toBe(true);
    }
  });

  it('puts the placeholders of a usage line in the language of the run', async () => {
    const zh = await runCli(['manifest', 'merge', '--help', '--lang', 'zh']);
    expect(zh.stdout.split('\n')[0]).toBe('用法： report manifest merge [选项] <清单...>');
    const en = await runCli(['manifest', 'merge', '--help', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('Usage: report manifest merge [options] <manifests...>');
  });
});
