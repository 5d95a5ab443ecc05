/**
 * Every rule a diagnostic can name: its permanent id, its default severity, whether a settings
 * file may change that severity, and its one-line description. The code reads severities from
 * here (a diagnostic takes its rule's default), settings are checked against it, and
 * docs/rules.md is generated from it (src/rules/docs.ts; a test fails when the page is stale).
 * Texts are keyed by language so that each can be given in Chinese and English.
 */
import type { Diagnostic, Severity } from '../diagnostics/index.js';

/** A text in each language the interface speaks. */
export interface Text {
  zh: string;
  en: string;
}

export interface Rule {
  severity: Severity;
  /** A lint rule: `rules:` in report.config.yaml may set it off, warn or error. */
  settable: boolean;
  /** What it finds, in one line (Markdown). */
  finds: Text;
  /** An example of what it finds (data rules) or what to write instead (writing rules). */
  example?: Text;
}

/** A rule: what it finds, in Chinese and English, and an example of each. */
const rule = (severity: Severity, finds: [zh: string, en: string], example?: [zh: string, en: string], settable = false): Rule => ({
  severity,
  settable,
  finds: { zh: finds[0], en: finds[1] },
  ...(example ? { example: { zh: example[0], en: example[1] } } : {}),
});
const lint = (severity: Severity, finds: [zh: string, en: string], example?: [zh: string, en: string]): Rule => rule(severity, finds, example, true);

export const RULES = {
  // The data file: always errors.
  'yaml/syntax': rule(
    'error',
    [
      '文件不是格式正确的 YAML（缩进、`:` 后缺空格、引号或括号没有成对、全角冒号）',
      'the file is not well-formed YAML (indentation, a missing space after `:`, unclosed quotes or brackets, a full-width colon)',
    ],
    ['`kind: [乡`', '`kind: [乡`'],
  ),
  'yaml/duplicate-key': rule(
    'error',
    ['同一层中一个键写了两次，后一个会悄悄覆盖前一个', 'a key appears twice in one block; the second would silently replace the first'],
    ['两行 `year:`', 'two `year:` lines'],
  ),
  'data/unknown-key': rule(
    'error',
    ['数据文件没有定义的字段，并给出最接近的已知字段', 'a field the data file does not define, with the closest known field'],
    ['`contry:` → 是不是要写 “county”（所属县）？', '`contry:` → did you mean `county`?'],
  ),
  'data/missing-field': rule(
    'error',
    ['缺少必填字段（`township.name`、`kind`、`county`、`year`）', 'a required field is absent (`township.name`, `kind`, `county`, `year`)'],
    ['没有 `county:`', 'no `county:`'],
  ),
  'data/wrong-type': rule(
    'error',
    ['该写数字的地方写了文字、该写字段块的地方写了列表……', 'text where a number is expected, a list where a block is expected…'],
    ['`year: 二〇二五`', '`year: 二〇二五`'],
  ),
  'data/invalid-value': rule(
    'error',
    ['值超出字段允许的范围；数字不是十进制（`0x1F`）；`__proto__` 这样的键', 'a value outside what the field allows; a number not in decimal (`0x1F`); a key such as `__proto__`'],
    ['`kind: 村`、`date: 2026-02-30`', '`kind: 村`, `date: 2026-02-30`'],
  ),
  'data/previous-year': rule(
    'warning',
    [
      '上年的文件用不上：`previous:` 找不到文件、文件有错误，或报告的不是上一年度',
      "last year's file cannot be used: `previous:` names no file, the file has errors, or it reports on another year than the one before",
    ],
    ['`previous: ../2024/金坪乡.yaml` 写错了', '`previous: ../2024/金坪乡.yaml` with a typo'],
  ),
  'data/control-character': rule(
    'warning',
    [
      '值中有控制字符、非字符（U+FFFE、U+FFFF）或半个代理对，多是从别的程序粘贴带来的：文档不能容纳，已经去掉',
      'a control character, a noncharacter (U+FFFE, U+FFFF) or half of a surrogate pair in a value, usually pasted from another program: no document may hold it, so it is left out',
    ],
    ['值中有 U+000B（Word 中的手动换行）', 'a value holding U+000B (a line break from Word)'],
  ),
  'data/bidi-control': rule(
    'warning',
    [
      '有从右到左等改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），显示的顺序与实际内容不同',
      'a right-to-left or other direction override character (U+202A–U+202E, U+2066–U+2069), which makes text read differently from how it is stored',
    ],
    ['数字中有 U+202E，倒着显示', 'a figure holding U+202E, shown backwards'],
  ),
  'data/outside-path': rule(
    'error',
    [
      '`previous:` 或 `overrides:` 引用了本数据文件所在文件夹、当前文件夹和模板包之外的文件（用绝对路径、`..` 或链接）',
      '`previous:` or `overrides:` names a file outside the data file’s folder, the working folder and the template pack (by an absolute path, by `..` or through a link)',
    ],
    ['`previous: /etc/passwd`', '`previous: /etc/passwd`'],
  ),
  'data/invalid-figure': rule(
    'error',
    ['数字不是数字、计数写成了百分数、比率带了单位、计数不是整数', 'a figure that is no number, a count written as a percentage, a rate with a unit, or a count that is not whole'],
    ['`total: 很多`、`total: 95%`', '`total: 很多`, `total: 95%`'],
  ),
  'figures/stacked-qualifiers': rule(
    'error',
    [
      '一个数字带了两个修饰词：`约200余`、`200余多`。只写一个：`200余` 或 `约200`。这样的数字无法读懂，所以始终是错误，不能另设严重程度',
      'two qualifiers on one figure: `约200余`, `200余多`. Write one: `200余` or `约200`. Always an error: such a figure cannot be read, so its severity cannot be set',
    ],
    ['`total: 约200余`', '`total: 约200余`'],
  ),

  // Figures.
  'figures/rate-range': lint('error', [
    '比率超过 100%，包括“100%以上”（样本报告 003 写了“调解成功率达100%以上”）',
    'a rate above 100% — including “100%以上”, as seed report 003 writes “调解成功率达100%以上”',
  ]),
  'figures/part-exceeds-total': lint('error', [
    '部分多于总数：`resolved` 多于 `total`、`petitions_closed` 多于 `petitions`（总数是 200余 这样的约数或 200以上、不低于200 这样的下限时，从宽看待）',
    'a part larger than its whole: `resolved` over `total`, `petitions_closed` over `petitions` (a whole that is approximate, such as 200余, or a lower bound, such as 200以上 or 不低于200, is given the benefit of the doubt)',
  ]),
  'figures/breakdown-sum': lint('error', [
    '各分项相加不等于写明的 `total`（51名 = 17 + 1 + 13 + 5 + 14 + 1）',
    'a breakdown whose items do not add up to its stated `total` (51名 = 17 + 1 + 13 + 5 + 14 + 1)',
  ]),
  'figures/rate-contradicts-counts': lint('warning', ['写明的比率与按件数算出的比率相差半个百分点或以上', 'a stated rate that differs by half a point or more from the rate its counts give']),
  'figures/conflicting': rule(
    'error',
    ['同一个数字标注或填写了两个不同的值', 'one figure marked or given with two different values'],
    ['`[95件|disputes.total]` 和 `[96件|disputes.total]`', '`[95件|disputes.total]` and `[96件|disputes.total]`'],
  ),
  'figures/spreadsheet-differs': rule(
    'warning',
    [
      '县里的表格（`--figures`）中的数字与数据文件中的不同：报告用表格中的',
      'a figure in the county’s spreadsheet (`--figures`) that differs from the data file’s: the report prints the spreadsheet’s',
    ],
    ['把数据文件改成与表格一致', 'the data file brought in line with the spreadsheet'],
  ),
  'input/figures': rule(
    'error',
    ['县里的表格（`--figures`）读不了，或某一格不是数字', 'the county’s spreadsheet (`--figures`) cannot be read, or a cell that is not a number'],
    ['数字列写阿拉伯数字（95），“（约数）”列写“约”或留空', 'numbers (95) in the figure columns; 约 or nothing in the （约数） columns'],
  ),
  'figures/year-on-year': lint('warning', [
    '主要数字是上年的三倍或以上（或三分之一或以下），在找到上年数据文件时（`previous:` 或文件名中的年份）',
    "a key figure three times or more (or a third or less) of last year's, when last year's data file is found (`previous:` or the year in the file name)",
  ]),

  // The regulation.
  'regulation/missing-part': lint('warning', [
    '模板包标为 `required: true` 的第二十五条某一部分是空的。三份样本报告中有两份没有第三部分（第一责任人）',
    'a part of Art. 25 that the template pack marks `required: true` came out empty. Two of the three seed reports leave out part 3 (第一责任人)',
  ]),
  'regulation/date-before-year-end': lint('error', ['成文日期早于报告年度的 12 月 31 日', 'a 成文日期 before 31 December of the year reported on']),
  'regulation/missing-date': lint(
    'warning',
    ['还没有填写成文日期：落款日期留空，定稿前要填上', 'no 成文日期 yet: the signature date is left blank until it is filled in'],
    ['没有 `date:`', 'no `date:`'],
  ),
  'regulation/late-date': lint('warning', [
    '成文日期已到或晚于模板包的 `deadline`（次年；标准模板为 03-01，第二十三条）',
    "a 成文日期 on or after the pack's `deadline` in the following year (the standard pack: 03-01, Art. 23)",
  ]),

  // Writing.
  'writing/half-width-punctuation': lint(
    'warning',
    ['中文之间用了 `,` `;` `:` `!` `?` `(` `)`', '`,` `;` `:` `!` `?` `(` `)` between Chinese characters'],
    ['`，` `；` `：` `！` `？` `（` `）`', '`，` `；` `：` `！` `？` `（` `）`'],
  ),
  'writing/numbering-style': lint('warning', ['用 `1、` 编号', 'items numbered `1、`'], ['`1.`（GB/T 9704），或 一是……二是……', '`1.` (GB/T 9704), or 一是……二是……']),
  'writing/year-style': lint(
    'warning',
    [
      '年份写成全角数字、汉字数字或数字与“年”之间有空格（`２０２５年` `二〇二五年` `2025 年`）',
      'a year in full-width digits, Chinese numerals or with a space before 年 (`２０２５年` `二〇二五年` `2025 年`)',
    ],
    ['`2025年`（GB/T 15835：阿拉伯数字、四位年份）', '`2025年` (GB/T 15835: Arabic numerals, the full year)'],
  ),
  'writing/mixed-enumeration': lint('warning', ['同一段中混用 一是/二是 和 首先/其次', '一是/二是 and 首先/其次 in one text'], ['全段用一种写法', 'one style throughout']),
  'writing/numbered-heading': lint(
    'warning',
    ['标题以自己的序号开头（`（一）强化组织领导`）', 'a heading that starts with its own number (`（一）强化组织领导`)'],
    ['只写标题：程序会编号', 'the heading alone: the compiler numbers it'],
  ),

  // Templates.
  'template/pack': rule('error', [
    '没有 `pack.yaml`、其中有不认识或不对的设置、整个模板包链中没有 `title`，或模板包互相继承绕成了圈',
    'no `pack.yaml`, a setting in it that is unknown or wrong, no `title` anywhere in the pack chain, or packs that extend each other in a circle',
  ]),
  'template/front-matter': rule('error', ['章节开头的设置（front matter）不是有效的 YAML，或有不认识的键', "a section's front matter is not valid YAML or has an unknown key"]),
  'template/syntax': rule('error', ['Handlebars 语法错误，如用 `{{/each}}` 结束 `{{#if}}`', 'a Handlebars syntax error, e.g. `{{#if}}` closed by `{{/each}}`']),
  'template/runtime': rule('error', [
    '用了数据文件没有的字段（严格模式），或给 `fig` 传了空的数字（用 `{{#if}}` 判断）',
    'a field the data file does not have (strict mode), or `fig` given an empty figure (guard it with `{{#if}}`)',
  ]),
  'template/override': rule('error', ['`overrides:` 写了模板包中没有的章节，或模板文件读不了', '`overrides:` names a section the pack does not have, or a template file that cannot be read']),
  'markdown/raw-html': rule('warning', ['模板中的 HTML：按原样作为文字输出', 'raw HTML in a template: it is written as literal text']),
  'markdown/unknown-node': rule('warning', ['某种输出格式不能处理的 Markdown 写法：按普通文字输出', 'a Markdown construct an output format has no handler for: written as plain text']),

  // Files and builds.
  'input/not-found': rule('error', ['输入的文件、文件夹或通配符找不到任何文件', 'an input file, folder or pattern that matches nothing']),
  'input/read': rule('error', [
    '输入读不了：不存在、打不开、不是普通文件（管道、设备），或大于 4 MB',
    'an input that cannot be read: missing, unreadable, not an ordinary file (a pipe, a device), or larger than 4 MB',
  ]),
  'input/encoding': rule('warning', [
    '数据文件保存为 GBK（GB18030）或 UTF-16，而不是 UTF-8：能正确读取，但别的工具未必能',
    'a data file saved in GBK (GB18030) or UTF-16 rather than UTF-8: it is read correctly, but other tools may not',
  ]),
  'input/roster': rule(
    'error',
    ['县里的名单（`--roster`）读不了，或没有“乡镇（街道）”这一列', 'the county roster (`--roster`) cannot be read, or has no 乡镇（街道） column'],
    ['第一行是列名：乡镇（街道）、类别、县（区）、联系人、电话；存为 .csv 或 .xlsx', 'a header row: 乡镇（街道）, 类别, 县（区）, 联系人, 电话; saved as .csv or .xlsx'],
  ),
  'input/not-submitted': rule('warning', ['名单上的乡镇（街道）还没有交报告（没有它的数据文件）', 'a township on the roster that has not submitted (no data file of its own)']),
  'input/skipped': rule('info', [
    '文件夹中被跳过的 YAML 文件，并说明原因：不是数据文件、链接指向不存在的文件或绕成了圈，或读不了',
    'a YAML file in a folder that was passed over, with the reason: it is not a data file, a link leads nowhere or in a circle, or it cannot be read',
  ]),
  'input/timeout': rule('error', [
    '乡镇自己的章节模板（`overrides:`）运行超过时限（`--timeout`，默认 30 秒）：其他报告照常生成',
    'a township’s own section templates (`overrides:`) ran longer than the time limit (`--timeout`, default 30 s): the other reports are still built',
  ]),
  'config/invalid': rule('error', ['`report.config.yaml` 格式不对或有不认识的设置（退出码 2）', '`report.config.yaml` is malformed or has an unknown setting (exit 2)']),
  'config/reference-doc': rule('error', [
    '`--reference-doc`（或设置文件的 `layout.reference_doc`）指定的参考文档读不了：不存在、不是 .docx、旧的 .doc 格式、设了密码、已损坏，或解压后过大（退出码 2）；其中某项设置超出允许范围时，只是警告，这一项不采用',
    'the reference document of `--reference-doc` (or `layout.reference_doc` in the settings file) cannot be read: missing, not a .docx, the old .doc format, password-protected, damaged, or unpacking to too much (exit 2); a setting in it out of range is only a warning, and that setting is not used',
  ]),
  'output/write': rule('error', ['输出文件写不进去', 'an output that cannot be written']),
  'output/collision': rule('error', [
    '两个乡镇会写到同一个文件，或一个乡镇会写到全县汇总的文件（summary、index、manifest）；见 `--out-pattern`',
    'two townships would be written to the same file, or a township to a file of the county roll-up (summary, index, manifest); see `--out-pattern`',
  ]),
  'output/locked': rule('error', ['另一次生成正在写入同一个输出文件夹；这一次不去混写', 'another build is writing into the same output folder; this one stops rather than mix their files']),
  'output/missing': rule('error', ['`--check`：数据生成的输出文件不在磁盘上', '`--check`: an output the data builds is not on disk']),
  'output/stale': rule('error', ['`--check`：磁盘上的输出文件与数据生成的不同', '`--check`: an output on disk differs from what the data builds']),
  'internal/crash': rule('error', ['编译某一份报告时程序出错——这是缺陷；其他报告照常生成', 'the compiler failed on one report — a defect; the other reports are still built']),
  'internal/interrupted': rule('error', ['生成被中断，这份报告和之后的报告都没有生成', 'the build was interrupted before this report and the ones after it were built']),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The rules whose severity a settings file may set. */
export const SETTABLE_RULES = (Object.keys(RULES) as RuleId[]).filter((id) => RULES[id].settable);

/** A rule's default severity. */
export function defaultSeverity(id: RuleId): Severity {
  return RULES[id].severity;
}

/** A severity as a settings file writes it. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** Applies `rules:` from a settings file to diagnostics of settable rules: drops those set off, re-grades the rest. */
export function applyRuleSettings(diagnostics: Diagnostic[], settings: Readonly<Partial<Record<RuleId, RuleSetting>>> | undefined): Diagnostic[] {
  if (!settings) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = RULES[d.ruleId].settable ? settings[d.ruleId] : undefined;
    if (s === 'off') continue;
    out.push(s === 'warn' ? { ...d, severity: 'warning' } : s === 'error' ? { ...d, severity: 'error' } : d);
  }
  return out;
}
