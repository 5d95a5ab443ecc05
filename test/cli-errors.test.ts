import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usageMessage } from '../src/cli/index.js';
import { setLang } from '../src/i18n/index.js';
import { MINIMAL, runCli, tempDir } from './helpers.js';

/** Builds one data file and returns exit code and stderr. */
async function buildOne(yaml: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'town.yaml'), yaml);
  const r = await runCli(['build', 'town.yaml', '--out', 'out'], dir);
  return { ...r, dir, wrote: ['md', 'html', 'docx'].some((ext) => existsSync(join(dir, 'out', `town.${ext}`))) };
}

describe('bad input gets a message with file, line, column, value and fix, and exit 1', () => {
  it.each([
    ['a wrong type', MINIMAL.replace('year: 2025', 'year: 二〇二五'), /town\.yaml:5:7 +error +`year` is “二〇二五” \(text\), but it should be a whole number.*data\/wrong-type/],
    [
      'an unknown key, with a suggestion',
      MINIMAL.replace('  county:', '  contry: x\n  county:'),
      /town\.yaml:4:3 +error +`township\.contry` is not a field.*data\/unknown-key\n  → Did you mean `county`\?/,
    ],
    ['a missing identity field', MINIMAL.replace('  county: 某某县\n', ''), /town\.yaml:2:3 +error +Required field `township\.county` is missing +data\/missing-field/],
    ['a duplicate key', MINIMAL.replace('year: 2025', 'year: 2025\nyear: 2024'), /town\.yaml:6:1 +error +The key “year” appears twice.*yaml\/duplicate-key/],
    ['malformed YAML', MINIMAL.replace('kind: 乡', 'kind: [乡'), /town\.yaml:\d+:\d+ +error +The file is not valid YAML.*yaml\/syntax/],
    [
      'an invalid figure',
      `${MINIMAL}achievements:\n  disputes:\n    total: 约200余\n`,
      /town\.yaml:9:12 +error +`achievements\.disputes\.total` is “约200余”: figure carries two qualifiers.*figures\/stacked-qualifiers/,
    ],
    [
      'a figure that is no number',
      `${MINIMAL}achievements:\n  disputes:\n    total: 很多\n`,
      /town\.yaml:9:12 +error +`achievements\.disputes\.total` is “很多”: figure does not contain a number.*data\/invalid-figure/,
    ],
    ['an impossible date', MINIMAL.replace('2026-02-05', '2026-02-30'), /town\.yaml:6:7 +error +`date` is “2026-02-30”: not a day of the calendar/],
    [
      'a rate over 100%',
      `${MINIMAL}achievements:\n  disputes:\n    total: 95\n    resolution_rate: 100%以上\n`,
      /town\.yaml:10:22 +error +.*100%以上, but a rate cannot exceed 100% +figures\/rate-range/,
    ],
  ])('%s', async (_name, yaml, message) => {
    const r = await buildOne(yaml);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(r.wrote).toBe(false);
  });

  it('reports a part larger than its whole with the positions of both', async () => {
    const r = await buildOne(`${MINIMAL}achievements:\n  disputes:\n    total: 200\n    resolved: 212\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/town\.yaml:10:15 +error +`achievements\.disputes\.resolved` \(212\) is larger than `achievements\.disputes\.total` \(200\) +figures\/part-exceeds-total/);
    expect(r.stderr).toMatch(/↳ town\.yaml:9:12: the total 200/);
  });

  it('reports a breakdown that does not add up, with the positions of both', async () => {
    const r = await buildOne(`${MINIMAL}achievements:\n  special_groups:\n    managed:\n      total: 51\n      items:\n        甲: 17\n        乙: 30\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/town\.yaml:10:14 +error +`achievements\.special_groups\.managed\.total` is 51, but its items add up to 47 \(17 \+ 30\)/);
    expect(r.stderr).toMatch(/↳ town\.yaml:12:9: the items/);
  });

  it('warns when a stated rate contradicts its counts, and still builds', async () => {
    const r = await buildOne(`${MINIMAL}achievements:\n  disputes:\n    total: 10\n    resolved: 9\n    resolution_rate: 100%\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/town\.yaml:11:22 +warning +.*100%, but 9件? resolved of 10件? is 90% +figures\/rate-contradicts-counts/);
  });

  it('reports every error in a file in one run', async () => {
    const r = await buildOne(MINIMAL.replace('year: 2025', 'year: x').replace('kind: 乡', 'kind: 村').replace('  county:', '  contry: 1\n  county:'));
    expect(r.code).toBe(1);
    expect(r.stderr.match(/ error /g)).toHaveLength(3);
  });

  it('says so when the file is empty', async () => {
    const r = await buildOne('');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/town\.yaml:1:1 +error +The data file is empty/);
  });
});

describe('usage errors exit 2', () => {
  it('for an unknown format', async () => {
    const r = await runCli(['build', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format “pdf”/);
  });
  it('for an unknown option', async () => {
    const r = await runCli(['build', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
  it('exits 1 for an input that does not exist, naming it', async () => {
    const r = await runCli(['build', 'no-such.yaml', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such\.yaml +error +No such file or folder/);
  });
});

describe('a mistake on the command line, in the words of the run', () => {
  it('each kind commander finds, with its suggestion where it has one', async () => {
    const first = async (args: string[], lang = 'en') => {
      const r = await runCli([...args, '--lang', lang], tempDir());
      return [r.code, r.stderr.split('\n')[0]];
    };
    expect(await first(['bulid'])).toEqual([2, "report: unknown command 'bulid' (Did you mean build?)"]);
    expect(await first(['bulid'], 'zh')).toEqual([2, 'report：没有“bulid”这个命令 （是不是要写 build？）']);
    expect(await first(['build', '--fromat', 'md'])).toEqual([2, "report: unknown option '--fromat' (Did you mean --format?)"]);
    expect(await first(['build', '--zzz'])).toEqual([2, "report: unknown option '--zzz'"]);
    expect(await first(['build', '--out'])).toEqual([2, "report: option '-o, --out <dir>' argument missing"]);
    expect(await first(['build', '--out'], 'zh')).toEqual([2, 'report：选项 -o, --out <dir> 后面要写一个值']);
    expect(await first(['init', 'a', 'b'])).toEqual([2, 'report: too many arguments']);
    expect(await first(['init', 'a', 'b'], 'zh')).toEqual([2, 'report：参数太多']);
  });

  it('as commander words it when it is a mistake of another kind', () => {
    expect(usageMessage('error: something new\n(see there)\n')).toBe('error: something new\n(see there)');
    expect(usageMessage('')).toBe('');
  });

  it.each([
    "unknown option '--x'",
    "unknown command 'x'",
    "missing required argument 'x'",
    "required option '--x' not specified",
    "option '--x' argument missing",
    "option '--x' argument 'y' is invalid. Allowed choices are a, b.",
    "option '--x' argument 'y' is invalid. no good",
    'too many arguments',
  ])('as commander words it when its words only quote one it knows: error: %s', (known) => {
    // At the end, where the patterns that end with $ would find it too.
    const message = `error: not taken: error: ${known}`;
    expect(usageMessage(`${message}\n`)).toBe(message);
  });

  it('with the choices commander allows only when its message ends with them', () => {
    setLang('zh');
    try {
      expect(usageMessage("error: option '--x' argument 'y' is invalid. Allowed choices are a, b.")).toBe('report：选项 --x 的值“y”不对：只能写 a, b');
      expect(usageMessage("error: option '--x' argument 'y' is invalid. Allowed choices are a, b. See --help")).toBe('report：选项 --x 的值“y”不对：Allowed choices are a, b. See --help');
    } finally {
      setLang('en');
    }
  });

  it('with the value a clerk wrote, whatever words it holds', () => {
    const quoting = "error: option '--title <text>' argument 'error: unknown option '--x'' is invalid. 标题太长";
    expect(usageMessage(quoting)).toBe("report: option '--title <text>' argument 'error: unknown option '--x'' is invalid. 标题太长");
  });

  it('in the language --lang asks for, written either way, but not after --', async () => {
    const dir = tempDir();
    expect((await runCli(['check', 'none.yaml', '--lang=zh'], dir)).stderr).toContain('没有这个文件或文件夹：none.yaml');
    expect((await runCli(['check', 'none.yaml', '--lang=en'], dir, { REPORT_LANG: 'zh' })).stderr).toContain('No such file or folder: none.yaml');
    const after = await runCli(['check', 'none.yaml', '--', '--lang', 'zh'], dir, { REPORT_LANG: 'en' });
    expect(after.stderr).toContain('No such file or folder: none.yaml');
    expect(after.stderr).toContain('No such file or folder: --lang');
  });
});

describe('an option’s value that is wrong', () => {
  const said = async (args: string[]) => {
    const r = await runCli(['build', ...args, '--out', 'out'], tempDir());
    return [r.code, r.stderr.split('\n')[0]];
  };

  it('is named with what to write instead', async () => {
    expect(await said(['--format', 'pdf, md,pdf'])).toEqual([2, "report: option '-f, --format <list>' argument 'pdf, md,pdf' is invalid. unknown format “pdf”; choose from docx, html, md"]);
    expect(await said(['--format', ' , '])).toEqual([2, "report: option '-f, --format <list>' argument ' , ' is invalid. unknown format “”; choose from docx, html, md"]);
    expect(await said(['--jobs', '0'])).toEqual([2, "report: option '-j, --jobs <n>' argument '0' is invalid. expected a whole number of 1 or more"]);
    expect(await said(['--timeout', 'x'])).toEqual([2, "report: option '--timeout <seconds>' argument 'x' is invalid. expected a number of seconds above 0, at most 3600"]);
    for (const shard of ['0/3', '4/3', '1/0', '1-3', '1/3/5', 'a/b']) {
      expect(await said(['--shard', shard])).toEqual([2, `report: option '--shard <k/n>' argument '${shard}' is invalid. expected k/n with 1 ≤ k ≤ n, e.g. 2/4`]);
    }
  });

  it('but a list of formats with a comma to spare is taken', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    const r = await runCli(['build', 'a.yaml', '--out', 'out', '--format', 'md,,html,'], dir);
    expect(r.code).toBe(0);
    expect([existsSync(join(dir, 'out', 'a.md')), existsSync(join(dir, 'out', 'a.html')), existsSync(join(dir, 'out', 'a.docx'))]).toEqual([true, true, false]);
  });

  it('but a shard written with spaces, or the last of its count, is taken', async () => {
    const dir = tempDir();
    for (const shard of [' 3/3 ', '1/1']) {
      const r = await runCli(['build', 'none', '--out', 'out', '--shard', shard], dir);
      expect(r.stderr).not.toContain('--shard');
    }
  });
});

describe('values of numbers on the command line', () => {
  const first = async (args: string[]) => {
    const r = await runCli(args, tempDir());
    return [r.code, r.stderr.split('\n')[0]];
  };

  it('a year from 2000 to 2100', async () => {
    for (const year of ['2000', '2100']) expect((await runCli(['init', '--year', year, '--township', '甲乡', '--out', 'a.yaml'], tempDir())).code).toBe(0);
    for (const year of ['1999', '2101', '2025.5', 'x']) {
      expect(await first(['init', '--year', year])).toEqual([2, `report: option '--year <year>' argument '${year}' is invalid. expected a year from 2000 to 2100, such as 2025`]);
    }
  });

  it('a port from 0 to 65535, in digits alone', async () => {
    const top = await runCli(['preview', 'none.yaml', '--port', '65535'], tempDir());
    expect([top.code, top.stderr]).toEqual([1, expect.not.stringContaining('--port')]);
    for (const port of ['65536', 'x80', '80x', '-1', '8.0']) {
      expect(await first(['preview', 'a.yaml', '--port', port])).toEqual([2, `report: option '-p, --port <port>' argument '${port}' is invalid. expected a whole number from 0 to 65535`]);
    }
  });
});

describe('help', () => {
  it('with no command, on the error stream, line for line as report help writes it, and exit 0', async () => {
    const none = await runCli([], tempDir());
    const help = await runCli(['help'], tempDir());
    expect([none.code, help.code]).toEqual([0, 0]);
    expect(none.stderr.split('\n').slice(0, 3)).toEqual(['Usage: report [options] [command]', '', 'Compile township 法治政府建设年度报告 from yearly data files (YAML) into']);
    expect(none.stderr).toBe(`${help.stdout}`);
  });

  it('of a command and the version exit 0', async () => {
    for (const args of [['build', '--help'], ['help', 'build'], ['--version']]) expect((await runCli(args, tempDir())).code).toBe(0);
  });

  it('of report preview names the port it listens on by default', async () => {
    expect((await runCli(['preview', '--help'], tempDir())).stdout).toMatch(/^ {2}-p, --port <port> +port \(default: 4173; 0 picks a free one\)$/m);
  });
});
