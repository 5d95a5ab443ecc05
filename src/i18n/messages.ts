/**
 * Every text the interface shows, in Simplified Chinese and English, keyed by message id. Texts
 * take {placeholders}; both languages of an entry take the same ones (a test checks). Chinese is
 * written for clerks of township offices, in the register of an official notice; English for
 * developers and for anyone who asks for it (--lang en).
 *
 * The texts of diagnostics are in ./diagnostics.ts; this file holds the command line's.
 */
import { DIAGNOSTIC_MESSAGES } from './diagnostics.js';

export interface Message {
  zh: string;
  en: string;
}

const CLI_MESSAGES = {
  // The program.
  'cli.description': {
    zh: '把乡镇（街道）每年的数据文件（YAML）编成法治政府建设年度报告：Word 文档（DOCX，按 GB/T 9704 排版）、网页（HTML）和 Markdown。',
    en: 'Compile township 法治政府建设年度报告 from yearly data files (YAML) into Markdown, HTML and DOCX.',
  },
  'cli.version': { zh: '显示版本号', en: 'output the version number' },
  'cli.help': { zh: '显示帮助', en: 'display help for command' },
  'cli.lang': {
    zh: '提示和帮助的语言：zh 中文（默认），en 英文；也可设环境变量 REPORT_LANG',
    en: 'language of messages and help: zh (Chinese, the default) or en (English); also REPORT_LANG',
  },
  'cli.lang.invalid': { zh: '只能写 zh 或 en', en: 'expected zh or en' },
  'cli.after-error': { zh: '（运行“report --help”查看用法）', en: '(run “report --help” for usage)' },
  'cli.usage-error': { zh: 'report：{message}', en: 'report: {message}' },
  'cli.unexpected': { zh: 'report：程序意外出错：{message}', en: 'report: unexpected failure: {message}' },

  // Headings of commander's help.
  'help.usage': { zh: '用法：', en: 'Usage:' },
  'help.options': { zh: '选项：', en: 'Options:' },
  'help.commands': { zh: '命令：', en: 'Commands:' },
  'help.arguments': { zh: '参数：', en: 'Arguments:' },
  'help.global-options': { zh: '全局选项：', en: 'Global Options:' },
  'help.term.options': { zh: '选项', en: 'options' },
  'help.term.command': { zh: '命令', en: 'command' },
  'help.term.inputs': { zh: '输入', en: 'inputs' },
  'help.term.manifests': { zh: '清单', en: 'manifests' },
  'help.choices': { zh: '（可选：{choices}）', en: ' (choices: {choices})' },

  // Mistakes on the command line, as commander finds them.
  'usage.unknown-option': { zh: 'report：没有“{option}”这个选项', en: "report: unknown option '{option}'" },
  'usage.did-you-mean': { zh: '（是不是要写 {suggestion}？）', en: '(Did you mean {suggestion}?)' },
  'usage.unknown-command': { zh: 'report：没有“{command}”这个命令', en: "report: unknown command '{command}'" },
  'usage.missing-argument': { zh: 'report：缺少参数 {argument}', en: "report: missing required argument '{argument}'" },
  'usage.option-missing-value': { zh: 'report：选项 {option} 后面要写一个值', en: "report: option '{option}' argument missing" },
  'usage.invalid-value': { zh: 'report：选项 {option} 的值“{value}”不对：{reason}', en: "report: option '{option}' argument '{value}' is invalid. {reason}" },
  'usage.choices': { zh: '只能写 {choices}', en: 'Allowed choices are {choices}.' },
  'usage.too-many-arguments': { zh: 'report：参数太多', en: 'report: too many arguments' },

  // report build.
  'build.description': {
    zh: '由数据文件、存放数据文件的文件夹（连同其中的子文件夹）或通配符生成报告。不写时，生成 report.config.yaml 的 inputs 所列的文件；没有这个设置文件时，生成自带的示例。',
    en: 'Build reports from data files, folders of them (searched recursively) or glob patterns. With none: the inputs of report.config.yaml, else the bundled examples.',
  },
  'build.inputs': { zh: '数据文件（.yaml）、文件夹，或 "data/**/*.yaml" 这样的通配符', en: 'data files (.yaml), folders, or patterns such as "data/**/*.yaml"' },
  'option.format': { zh: '生成的格式，用逗号隔开（默认：{formats}）', en: 'output formats, comma-separated (default: {formats})' },
  'option.format.invalid': { zh: '没有{formats}这种格式，可选 {known}', en: 'unknown format {formats}; choose from {known}' },
  'option.out': { zh: '输出文件夹（默认：out）', en: 'output folder (default: out)' },
  'option.out-pattern': {
    zh: '输出文件在输出文件夹中的路径，如 "{year}/{county}/{township}.{ext}"（默认：与数据文件夹的结构相同，"{dir}/{name}.{ext}"）',
    en: 'output paths inside the output folder, e.g. "{year}/{county}/{township}.{ext}" (default: the input tree mirrored, "{dir}/{name}.{ext}")',
  },
  'option.template': { zh: '模板包文件夹（默认：自带的标准模板 templates/standard）', en: 'template pack folder (default: the standard pack in templates/standard)' },
  'option.jobs': { zh: '同时编译的报告数（默认：处理器核数）', en: 'reports compiled in parallel (default: the number of cores)' },
  'option.jobs.invalid': { zh: '要写 1 或更大的整数', en: 'expected a whole number of 1 or more' },
  'option.timeout': {
    zh: '乡镇自己的章节模板（overrides:）运行超过这么多秒，就停止这份报告并报告出来；其他报告照常生成（默认：30）',
    en: 'stop a report whose own section templates (overrides:) run longer than this, and report it; the others are still built (default: 30)',
  },
  'option.timeout.invalid': { zh: '要写大于 0、不超过 3600 的秒数', en: 'expected a number of seconds above 0, at most 3600' },
  'option.force': { zh: '全部重新生成，数据、模板和程序没有变化的报告也重新生成', en: 'rebuild every report, even those whose data, templates and tool are unchanged' },
  'option.check': {
    zh: '只在内存中生成，与输出文件夹中的文件比较：有缺少或过期的文件，逐个列出并以退出码 1 结束；不写任何文件',
    en: 'build in memory and compare with the files in the output folder; exit 1 naming each one missing or out of date; write nothing',
  },
  'option.watch': { zh: '生成后继续监视，数据文件或模板一有改动就重新生成', en: 'after building, rebuild whenever a data file or a template changes' },
  'option.shard': {
    zh: '只生成 n 份中的第 k 份（按文件路径稳定分配），供 CI 并行；各份的清单用“report manifest merge”合并',
    en: 'build only share k of n (a stable split by file path), for parallel CI jobs; merge their manifests with “report manifest merge”',
  },
  'option.shard.invalid': { zh: '要写 k/n，1 ≤ k ≤ n，如 2/4', en: 'expected k/n with 1 ≤ k ≤ n, e.g. 2/4' },
  'option.reporter': {
    zh: '进度和问题的显示方式（默认：终端里用 pretty，其他情况或 CI=true 时用 plain）',
    en: 'how to print progress and diagnostics (default: pretty on a terminal, plain otherwise or when CI=true)',
  },
  'option.config': { zh: '设置文件（默认：当前文件夹中的 report.config.yaml，有则用）', en: 'settings file (default: report.config.yaml in the working folder, if present)' },
  'option.layout': {
    zh: '本次改用的版式设置，如 body_font=仿宋、line_spacing=28、grid=true、page_numbers=center（可写多次）',
    en: 'override a layout setting for this run, e.g. body_font=仿宋, line_spacing=28, grid=true, page_numbers=center (repeatable)',
  },
  'build.after': {
    zh: `
示例：
  report build                                 生成自带的示例，写入 out/
  report build data/ --out reports             data/ 下的每个 .yaml，按原结构写入 reports/
  report build "data/**/2025-*.yaml" -j 8      通配符，同时编译 8 份
  report build jinping-2025.yaml -f docx       一个乡镇，只要 Word 文档
  report build -l body_font=仿宋 -l grid=true    正文用仿宋，并加 22×28 文档网格
  report build data/ --check                   在 CI 中检查提交的报告是否为最新

数据文件、模板和程序版本自上次生成以来都没有变化的报告（记录在输出文件夹的
manifest.json 中）不再重新生成；加 --force 则重新生成。每次生成还在输出文件夹中写出
summary.md、summary.html、summary.csv（各乡镇主要数据及合计）和 index.html（全部报告的链接）。

退出码：0 全部生成；1 有输入出错或 --check 发现不一致（其他报告照常生成）；2 用法错误；130 被中断。`,
    en: `
Examples:
  report build                                 build the bundled examples into out/
  report build data/ --out reports             every .yaml under data/, mirrored into reports/
  report build "data/**/2025-*.yaml" -j 8      a pattern, eight reports at a time
  report build jinping-2025.yaml -f docx       one township, Word only
  report build -l body_font=仿宋 -l grid=true    plain 仿宋 and the 22×28 grid
  report build data/ --check                   in CI: are the committed reports current?

A report whose data file, templates and tool version are unchanged since the last build
(recorded in the output folder's manifest.json) is not rebuilt; --force rebuilds it.
Each build also writes summary.md, summary.html, summary.csv (key figures per township,
with totals) and index.html (links to every report) in the output folder.

Exit codes: 0 all built, 1 an input had an error or --check found a difference (the other
reports are still built), 2 usage error, 130 interrupted.`,
  },

  // report check.
  'check.description': {
    zh: '只检查数据文件，不生成报告：格式、数字、条例要求（第二十五条的各部分、日期）和文字。规则及其编号见 docs/rules.md。',
    en: 'Check data files without building: validation, figures, the regulation (Art. 25 parts, dates) and the writing. Rules and their ids: docs/rules.md.',
  },
  'check.inputs': { zh: '数据文件、文件夹或通配符（默认：同 build）', en: 'data files, folders or patterns (default: as for build)' },
  'check.template': { zh: '模板包文件夹（检查其要求的部分和报送期限）', en: 'template pack folder (its required parts and deadline are checked)' },
  'check.reporter': { zh: '显示方式', en: 'output style' },
  'check.config': { zh: '设置文件（规则的严重程度：rules:）', en: 'settings file (rule severities: rules:)' },
  'check.after': { zh: '\n退出码：0 没有错误（可以有警告）；1 有错误；2 用法错误。', en: '\nExit codes: 0 no errors (warnings allowed), 1 an error, 2 usage error.' },

  // report init.
  'init.description': { zh: '新建一个数据文件：列出全部字段并附中文说明，不改也能生成。', en: 'Write a new data file with every field, commented in Chinese, that builds as it is.' },
  'init.township': { zh: '乡镇（街道）名称，如 金坪乡（默认：某某乡）', en: 'township name, e.g. 金坪乡 (default: 某某乡)' },
  'init.kind': { zh: '乡、镇或街道（默认：乡）', en: '乡, 镇 or 街道 (default: 乡)' },
  'init.county': { zh: '所属县（区），如 城口县', en: 'county or district, e.g. 城口县' },
  'init.year': { zh: '报告的年度（默认：上一年）', en: 'the year reported on (default: last year)' },
  'init.year.invalid': { zh: '要写 2025 这样的年份', en: 'expected a year such as 2025' },
  'init.out': { zh: '写到哪个文件（默认：{township}-{year}.yaml）', en: 'file to write (default: {township}-{year}.yaml)' },
  'init.force': { zh: '文件已存在时覆盖', en: 'overwrite the file if it exists' },
  'init.kind.invalid': { zh: 'report：--kind 只能写 {kinds}，现在是“{kind}”', en: 'report: --kind must be one of {kinds}, got “{kind}”' },
  'init.township.invalid': {
    zh: 'report：--township {township} 不能作文件名；只写乡镇名称，如 金坪乡（另用 --out 指定文件）',
    en: "report: --township {township} cannot name a file; write the township's name alone, such as 金坪乡 (--out chooses another file)",
  },
  'init.exists': { zh: 'report：{file} 已经存在；换一个 --out，或加 --force 覆盖', en: 'report: {file} already exists; choose another --out, or add --force to overwrite it' },
  'init.wrote': { zh: '已写出 {file}：请填写，然后运行“{report} check {file}”', en: 'wrote {file}: fill it in, then run “{report} check {file}”' },

  // report schema, templates, manifest merge.
  'schema.description': {
    zh: '输出数据文件的 JSON Schema（draft-07），供编辑器（yaml-language-server）使用。',
    en: 'Print the JSON Schema (draft-07) of the data file, for editors (yaml-language-server).',
  },
  'templates.description': { zh: '列出使用的模板包和章节，以及哪些乡镇用了自己的章节。', en: 'List the template packs and sections in use, and which townships override a section.' },
  'templates.inputs': { zh: '要列出其自有章节（overrides:）的数据文件', en: 'data files whose own sections (overrides:) to list' },
  'templates.template': { zh: '模板包文件夹（默认：标准模板）', en: 'template pack folder (default: the standard pack)' },
  'templates.pack': { zh: '模板包 {name}：{chain}', en: 'pack {name}: {chain}' },
  'templates.title': { zh: '标题：{title}', en: 'title: {title}' },
  'templates.deadline': { zh: '报送期限：次年 {deadline}', en: 'deadline: {deadline} of the following year' },
  'templates.sections': { zh: '章节：', en: 'sections:' },
  'templates.part': { zh: '第{part}部分', en: 'part {part}' },
  'fix.description': {
    zh: '就地改正数据文件中可以放心改的写法：中文之间的半角标点改为全角，“1、”改为“1.”；文件的注释和排版不变',
    en: 'Correct in place what can safely be corrected in data files: half-width marks between Chinese characters become full-width, “1、” becomes “1.”; comments and layout stay as they are',
  },
  'fix.inputs': { zh: '数据文件（.yaml）或存放数据文件的文件夹', en: 'data files (.yaml) or folders of them' },
  'fix.after': {
    zh: '\n示例：\n  report fix 金坪乡-2025.yaml\n  report fix data/\n\n改正后再运行“report check”看看还有什么要改。',
    en: '\nExamples:\n  report fix 金坪乡-2025.yaml\n  report fix data/\n\nRun “report check” afterwards for what is left.',
  },
  'fix.done': { zh: '已改正 {file}：{count} 处', en: 'Corrected {file}: {count} changes' },
  'fix.none': { zh: '{file}：没有可以自动改正的地方', en: '{file}: nothing to correct' },
  'fix.not-utf8': {
    zh: '{file} 不是 UTF-8 编码，没有改动：请先另存为 UTF-8（在 WPS 或记事本中：另存为 → 编码选 UTF-8）',
    en: '{file} is not UTF-8 and was left as it is: save it as UTF-8 first',
  },
  'fix.unreadable': { zh: '读不了 {file}：{why}', en: 'Cannot read {file}: {why}' },
  'fix.unwritable': { zh: '{file} 写不进去，没有改动：{why}', en: 'Cannot write {file}, left as it was: {why}' },
  'templates.any-part': { zh: '各部分', en: 'any part' },
  'templates.opening': { zh: '开头', en: 'opening' },
  'templates.required': { zh: '必需', en: 'required' },
  'templates.overrides': { zh: '{file} 自有章节：{list}', en: '{file} overrides: {list}' },
  'manifest.description': { zh: '处理生成清单（manifest.json）。', en: 'Work with build manifests (manifest.json).' },
  'merge.description': {
    zh: '把分片生成的清单合并为一个 manifest.json，并在旁边写出全县汇总。',
    en: 'Merge the manifests of sharded builds into one manifest.json and write the county roll-up beside it.',
  },
  'merge.manifests': { zh: '清单文件，如 out/manifest.shard-1-of-4.json', en: 'manifest files, e.g. out/manifest.shard-1-of-4.json' },
  'merge.out': { zh: '合并后的清单（默认：out/manifest.json）', en: 'the merged manifest (default: out/manifest.json)' },
  'merge.not-a-manifest': { zh: '不是这个版本的 township-report 能读的清单', en: 'Not a manifest this version of township-report can read' },
  'merge.done': { zh: '已把 {files} 个清单（{reports} 份报告）合并为 {out}，汇总写在同一文件夹', en: 'merged {files} manifests ({reports} reports) into {out}; roll-up written beside it' },

  // A build's settings and run.
  'build.no-settings-file': { zh: '设置文件不存在', en: 'The settings file does not exist' },
  'build.waiting': {
    zh: 'report：另一次生成（进程 {pid}）正在写入 {folder}，等它完成……',
    en: 'report: another build (process {pid}) is writing into {folder}; waiting for it to finish…',
  },
  'layout.pair': { zh: '--layout 要写成 键=值，现在是“{pair}”', en: '--layout takes key=value, got “{pair}”' },
  'layout.unknown': { zh: '没有版式设置 {keys}；可用的有：{known}', en: 'unknown layout setting {keys}; known: {known}' },
  'layout.invalid': { zh: '版式设置 {key}：{message}', en: 'layout {key}: {message}' },
  'pattern.unknown': { zh: '--out-pattern 中的 {placeholders} 不认识；可用 {known}', en: 'unknown placeholder {placeholders} in --out-pattern; use {known}' },
  'pattern.no-ext': { zh: '--out-pattern 必须含 {ext}，否则各种格式会互相覆盖', en: '--out-pattern must contain {ext}, or the formats would overwrite each other' },
  'pattern.outside': { zh: '--out-pattern 必须留在输出文件夹之内', en: '--out-pattern must stay inside the output folder' },

  // Watching.
  'watch.error': { zh: 'report：无法监视改动：{message}', en: 'report: cannot watch for changes: {message}' },
  'watch.change': { zh: '{paths} 有改动：重新生成', en: 'change in {paths}: rebuilding' },
  'watch.more': { zh: '{paths} 等 {more} 个文件', en: '{paths} and {more} more' },
  'watch.watching': { zh: '正在监视 {roots} 的改动（按 Ctrl-C 停止）', en: 'watching {roots} for changes (Ctrl-C to stop)' },
  'watch.watching-also': {
    zh: '正在监视 {roots} 以及报告依赖的 {also} 个文件的改动（按 Ctrl-C 停止）',
    en: 'watching {roots} and {also} file(s) the reports depend on for changes (Ctrl-C to stop)',
  },

  // Reporters.
  'severity.error': { zh: '错误', en: 'error' },
  'severity.warning': { zh: '警告', en: 'warning' },
  'severity.info': { zh: '提示', en: 'info' },
  'status.built': { zh: '已生成', en: 'built' },
  'status.failed': { zh: '失败', en: 'failed' },
  'status.unchanged': { zh: '未变', en: 'unchanged' },
  'status.current': { zh: '一致', en: 'current' },
  'status.stale': { zh: '过期', en: 'stale' },
  'status.checked': { zh: '已检查', en: 'checked' },
  'summary.build': { zh: '生成 {built} 份，失败 {failed} 份，未变 {unchanged} 份', en: '{built} built, {failed} failed, {unchanged} unchanged' },
  'summary.verify': { zh: '一致 {current} 份，过期 {stale} 份，失败 {failed} 份', en: '{current} current, {stale} stale, {failed} failed' },
  'summary.lint': { zh: '通过 {checked} 份，有错误 {failed} 份', en: '{checked} passed, {failed} with errors' },
  'summary.tail': { zh: '；错误 {errors} 个，警告 {warnings} 个；用时 {seconds} 秒', en: ', {errors} errors, {warnings} warnings in {seconds}s' },
  'summary.interrupted': { zh: '（已中断）', en: ' (interrupted)' },
  'progress.built': { zh: '已生成 {n}', en: '{n} built' },
  'progress.failed': { zh: '失败 {n}', en: '{n} failed' },
  'progress.unchanged': { zh: '未变 {n}', en: '{n} unchanged' },
} as const satisfies Record<string, Message>;

export const MESSAGES = { ...CLI_MESSAGES, ...DIAGNOSTIC_MESSAGES } as const satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;
