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
  'help.term.file': { zh: '文件', en: 'file' },
  'help.choices': { zh: '（可选：{choices}）', en: ' (choices: {choices})' },

  // Mistakes on the command line, as commander finds them.
  'usage.unknown-option': { zh: 'report：没有“{option}”这个选项', en: "report: unknown option '{option}'" },
  'usage.did-you-mean': { zh: '（是不是要写 {suggestion}？）', en: '(Did you mean {suggestion}?)' },
  'usage.unknown-command': { zh: 'report：没有“{command}”这个命令', en: "report: unknown command '{command}'" },
  'usage.missing-option': { zh: 'report：缺少选项 {option}', en: "report: required option '{option}' not specified" },
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
  'option.jobs': {
    zh: '同时编译的报告数（默认：按报告数量和格式自动决定，最多为处理器核数）',
    en: 'reports compiled in parallel (default: chosen by the number of reports and formats, at most the number of cores)',
  },
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
  'option.reference-doc': {
    zh: '本县自己的版式：从这个 Word 文档（.docx）读出纸张、页边距、字体、字号、行距和页码位置，用于每一份报告；它没有规定的仍按 GB/T 9704（--layout 还可以逐项改）',
    en: "the county's house style: paper, margins, fonts, sizes, line spacing and page number position read from this Word document (.docx) and used for every report; what it does not set stays GB/T 9704 (--layout still overrides)",
  },
  'build.after': {
    zh: `
示例：
  report build                                 生成自带的示例，写入 out/
  report build data/ --out reports             data/ 下的每个 .yaml，按原结构写入 reports/
  report build "data/**/2025-*.yaml" -j 8      通配符，同时编译 8 份
  report build jinping-2025.yaml -f docx       一个乡镇，只要 Word 文档
  report build -l body_font=仿宋 -l grid=true    正文用仿宋，并加 22×28 文档网格
  report build --reference-doc 县样式.docx     按本县 Word 文档的纸张、字体、行距排版
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
  report build --reference-doc 县样式.docx     the paper, fonts and spacing of the county's Word document
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
  'init.year.invalid': { zh: '要写 2000 到 2100 之间的年份，如 2025', en: 'expected a year from 2000 to 2100, such as 2025' },
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
  'layout.type-area.width': {
    zh: '页边距太大：纸宽 {page} mm，左右页边距 {first} mm 和 {second} mm，版心宽不足 {min} mm',
    en: 'the margins are too wide: paper {page} mm wide, left and right margins {first} mm and {second} mm leave a type area less than {min} mm wide',
  },
  'layout.type-area.height': {
    zh: '页边距太大：纸高 {page} mm，上下页边距 {first} mm 和 {second} mm，版心高不足 {min} mm',
    en: 'the margins are too high: paper {page} mm high, top and bottom margins {first} mm and {second} mm leave a type area less than {min} mm high',
  },
  'reference-doc.read': { zh: '参考文档 {file} 的版式：{settings}', en: 'layout from the reference document {file}: {settings}' },
  'reference-doc.nothing': { zh: '参考文档 {file} 中没有找到版式设置，按默认版式生成', en: 'the reference document {file} sets no layout; the default layout is used' },
  'pattern.unknown': { zh: '--out-pattern 中的 {placeholders} 不认识；可用 {known}', en: 'unknown placeholder {placeholders} in --out-pattern; use {known}' },
  'pattern.no-ext': { zh: '--out-pattern 必须含 {ext}，否则各种格式会互相覆盖', en: '--out-pattern must contain {ext}, or the formats would overwrite each other' },
  'pattern.outside': { zh: '--out-pattern 必须留在输出文件夹之内', en: '--out-pattern must stay inside the output folder' },

  // report volume.
  'volume.description': {
    zh: '把各乡镇（街道）的报告编成一份汇编（Word 文档）：封面、目录，然后是各乡镇的报告，版式与 report build 生成的相同，每份另起一页，页码连续。数据文件有错误的乡镇不编入，其他乡镇照常编入。',
    en: 'Compile the townships’ reports into one volume (汇编, a Word file): a cover, the contents, then every township’s report laid out as report build lays it out, each on a new page, pages numbered through. A township whose data file has errors is left out; the others go in.',
  },
  'volume.inputs': { zh: '数据文件、存放数据文件的文件夹（连同其中的子文件夹）或通配符', en: 'data files, folders of them (searched recursively) or glob patterns' },
  'volume.out': { zh: '要写出的汇编：.docx 文件，或 .pdf 文件（需要安装 LibreOffice）', en: 'the volume to write: a .docx file, or a .pdf file (needs LibreOffice)' },
  'volume.title': {
    zh: '封面标题（默认由数据文件中的县（区）和年度写成，如“城口县2025年度乡镇（街道）法治政府建设年度报告汇编”）',
    en: 'the cover’s title (default made of the data files’ counties and years, as “城口县2025年度乡镇（街道）法治政府建设年度报告汇编”)',
  },
  'volume.pdf': {
    zh: '另用 LibreOffice 转换一份 PDF，写在 .docx 旁边（文件名相同，扩展名为 .pdf）',
    en: 'also convert it to PDF with LibreOffice, written beside the .docx (same name, extension .pdf)',
  },
  'volume.after': {
    zh: '\n示例：\n  report volume data/ --out 城口县2025年汇编.docx\n  report volume "data/*2025*.yaml" --out 汇编.docx --pdf\n  report volume data/ --out 汇编.pdf --title "城口县2025年度法治政府建设年度报告汇编"\n\n各报告按年度（新的在前）、县（区）、乡镇名称的拼音顺序排列。\n目录的页码已按 Word 的排版算好。Word 打开文件时询问是否更新域，\n选“是”即按本机的字体重新计算；在 WPS 中，可在目录上点右键更新域。',
    en: '\nExamples:\n  report volume data/ --out 城口县2025年汇编.docx\n  report volume "data/*2025*.yaml" --out 汇编.docx --pdf\n  report volume data/ --out 汇编.pdf --title "城口县2025年度法治政府建设年度报告汇编"\n\nReports go in by year (newest first), county, then township in pinyin order.\nThe contents’ page numbers are worked out as Word lays the pages out. Word\nasks to update the fields when it opens the file (yes works them out again\nwith this computer’s fonts); in WPS, right-click the contents to update them.',
  },
  'volume.out.invalid': { zh: 'report：--out 要写一个 .docx 或 .pdf 文件，例如 --out 汇编.docx，现在是“{out}”', en: 'report: --out takes a .docx or .pdf file, e.g. --out volume.docx; got “{out}”' },
  'volume.included': { zh: '编入 {input}', en: 'included {input}' },
  'volume.left-out': { zh: '未编入 {input}：数据文件有错误，改正后重新运行', en: 'left out {input}: its data file has errors; correct them and run again' },
  'volume.laying-out': { zh: '正在排版 {count} 份报告……', en: 'laying out {count} reports…' },
  'volume.years': {
    zh: '注意：编入的报告不是同一年度的（{years}）。汇编通常只收一个年度的报告：可以只写这一年度的数据文件，例如 "data/*{year}*.yaml"',
    en: 'note: the reports are not all of one year ({years}). A volume usually holds one year’s: name only that year’s data files, e.g. "data/*{year}*.yaml"',
  },
  'volume.none': { zh: 'report：没有可以编入汇编的报告，没有写出 {out}', en: 'report: no report could go into the volume; {out} was not written' },
  'volume.pdf-needs-libreoffice': {
    zh: 'report：转换 PDF 需要安装 LibreOffice（https://zh-cn.libreoffice.org），没有写出 {pdf}。也可以写出 .docx，用 WPS 或 Word 打开后另存为 PDF。',
    en: 'report: converting to PDF needs LibreOffice installed (https://www.libreoffice.org); {pdf} was not written. Or write the .docx and save it as PDF from WPS or Word.',
  },
  'volume.pdf-failed': {
    zh: 'report：LibreOffice 没能把汇编转换为 PDF，没有写出 {pdf}。可以写出 .docx，用 WPS 或 Word 打开后另存为 PDF。',
    en: 'report: LibreOffice could not convert the volume to PDF; {pdf} was not written. Write the .docx and save it as PDF from WPS or Word.',
  },
  'volume.write-failed': { zh: 'report：无法写出 {path}：{message}', en: 'report: cannot write {path}: {message}' },
  'volume.done': {
    zh: '已写出 {files}：编入 {included} 份，未编入 {left} 份；错误 {errors} 个，警告 {warnings} 个；用时 {seconds} 秒',
    en: 'wrote {files}: {included} included, {left} left out, {errors} errors, {warnings} warnings in {seconds}s',
  },
  'volume.not-written': {
    zh: '未写出汇编：编入 {included} 份，未编入 {left} 份；错误 {errors} 个，警告 {warnings} 个；用时 {seconds} 秒',
    en: 'no volume written: {included} included, {left} left out, {errors} errors, {warnings} warnings in {seconds}s',
  },

  // report preview.
  'preview.description': {
    zh: '在本机的浏览器中预览一份报告：数据文件、模板或报告引用的文件一保存，页面就自动更新，检查结果显示在报告旁边。',
    en: 'Preview one report in a browser on this computer: the page updates itself whenever the data file, a template or a file the report uses is saved, with the check results beside the report.',
  },
  'preview.input': { zh: '数据文件（.yaml）', en: 'data file (.yaml)' },
  'preview.port': { zh: '端口（默认：{port}；写 0 则自动选一个空闲的端口）', en: 'port (default: {port}; 0 picks a free one)' },
  'preview.port.invalid': { zh: '要写 0 到 65535 之间的整数', en: 'expected a whole number from 0 to 65535' },
  'preview.after': {
    zh: '\n示例：\n  report preview 金坪乡-2025.yaml\n  report preview 金坪乡-2025.yaml --port 0\n\n在浏览器中打开显示的地址。只有本机能打开，其他电脑打不开。按 Ctrl+C 结束。',
    en: '\nExamples:\n  report preview 金坪乡-2025.yaml\n  report preview 金坪乡-2025.yaml --port 0\n\nOpen the address shown in a browser; only this computer can. Ctrl+C stops it.',
  },
  'preview.url': { zh: '预览：{url} （按 Ctrl+C 结束）', en: 'preview: {url} (Ctrl+C to stop)' },
  'preview.port-busy': {
    zh: 'report：端口 {port} 已被占用：用 --port 换一个端口，或写 --port 0 自动选择',
    en: 'report: port {port} is in use; choose another with --port, or --port 0 for any free one',
  },
  'preview.listen-failed': { zh: 'report：无法开始预览：{message}', en: 'report: cannot start the preview: {message}' },
  'preview.not-a-file': { zh: 'report：{path} 不是文件：预览一次只能打开一个数据文件', en: 'report: {path} is not a file: a preview shows one data file' },
  'preview.rebuilt': { zh: '已更新 {file} 的预览：错误 {errors} 个，警告 {warnings} 个', en: 'updated the preview of {file}: {errors} errors, {warnings} warnings' },
  'preview.not-found': { zh: '没有这个页面', en: 'Not found' },
  'preview.page.title': { zh: '预览：{file}', en: 'Preview: {file}' },
  'preview.page.clean': { zh: '没有发现问题。', en: 'No problems found.' },
  'preview.page.counts': {
    zh: '错误 {errors} 个，警告 {warnings} 个。报告中标有相同编号的段落，就是问题所在的地方；点击可来回跳转。',
    en: '{errors} errors, {warnings} warnings. The paragraph of the report marked with the same number is where the problem is; click either to go to the other.',
  },
  'preview.page.failed': {
    zh: '有 {errors} 个错误，报告没有生成。改正并保存后，页面自动更新。',
    en: '{errors} errors: the report was not built. Correct them and save, and the page updates itself.',
  },
  'preview.page.failed-last': {
    zh: '有 {errors} 个错误，报告没有生成；下面灰色的是上次生成的报告。改正并保存后，页面自动更新。',
    en: '{errors} errors: the report was not built; below, greyed, is the last one that was. Correct them and save, and the page updates itself.',
  },
  'preview.page.offline': {
    zh: '与预览程序的连接断开了；重新运行 report preview 后，页面会自动恢复。',
    en: 'Lost the connection to the preview; run report preview again and the page recovers by itself.',
  },

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
  'option.figures': {
    zh: '县里的数字表格（summary.csv 或 summary.xlsx 的格式）：表中的数字优先于数据文件',
    en: 'the county’s spreadsheet of figures (the layout of summary.csv or summary.xlsx): its figures win over the data files',
  },
  'option.roster': { zh: '县里的乡镇名单（.csv 或 .xlsx）：列出还没有交报告的乡镇', en: 'the county’s roster (.csv or .xlsx): name the townships that have not submitted' },
  'import.description': {
    zh: '从已有的报告（Word、WPS、网页、文本、Markdown）生成数据文件：保留原文的标题、结构和句子，并把其中的数字标注出来。',
    en: 'Make a data file from an existing report (Word, WPS, a web page, text, Markdown): its headings, structure and sentences kept, its figures marked.',
  },
  'import.input': { zh: '报告文件：.docx .doc .wps .html .txt .md', en: 'the report: .docx .doc .wps .html .txt .md' },
  'import.out': { zh: '写到哪个数据文件（默认：{township}-{year}.yaml，在当前文件夹）', en: 'the data file to write (default: {township}-{year}.yaml in the working folder)' },
  'import.force': { zh: '数据文件已存在时覆盖', en: 'overwrite the data file if it exists' },
  'import.township-option': { zh: '原文没有写乡镇（街道）名称时用这个，如 金坪乡', en: 'the township, when the report does not name it, e.g. 金坪乡' },
  'import.county-option': { zh: '原文没有写所属县（区）时用这个，如 城口县', en: 'the county, when the report does not name it, e.g. 城口县' },
  'import.kind': { zh: '不认识“{ext}”这种文件：能导入 .docx .doc .wps .html .txt .md', en: 'Cannot import a “{ext}” file: .docx .doc .wps .html .txt .md can be imported' },
  'import.docx-broken': {
    zh: '这个 Word 文件打不开（文件损坏，或不是 .docx）：在 Word 或 WPS 中打开后另存为 .docx 再导入',
    en: 'This Word file cannot be opened (damaged, or not a .docx): open it in Word or WPS, save it as .docx and import that',
  },
  'import.docx-too-large': { zh: '这个 Word 文件解压后超过 {mb} MB，不像一份报告', en: 'This Word file unpacks to more than {mb} MB, which no report does' },
  'import.docx-text-too-large': {
    zh: '这个 Word 文件的文字部分解压后超过 {mb} MB，不像一份报告',
    en: 'The text of this Word file unpacks to more than {mb} MB, which no report’s does',
  },
  'import.too-long': {
    zh: '这个文件里的文字超过 {mb} MB，不像一份报告（一份报告通常不到 0.1 MB）',
    en: 'This file holds more than {mb} MB of text, which no report does (one is usually under 0.1 MB)',
  },
  'import.too-deep': { zh: '这个文件的层次套了上千层（标签或引用一层套一层），不像一份报告', en: 'This file nests thousands of levels deep (tags or quotes one inside another), which no report does' },
  'import.md-emphasis': {
    zh: '这个 Markdown 文件里的 * 和 _ 超过 {n} 处，不像一份报告：另存为 .txt 再导入',
    en: 'This Markdown file has more than {n} runs of * and _, which no report has: save it as .txt and import that',
  },
  'import.doc-failed': { zh: 'LibreOffice 没能转换这个文件：在 Word 或 WPS 中另存为 .docx 再导入', en: 'LibreOffice could not convert this file: save it as .docx in Word or WPS and import that' },
  'import.doc-needs-libreoffice': {
    zh: '读 .doc 和 .wps 文件需要安装 LibreOffice；也可以在 Word 或 WPS 中另存为 .docx 再导入',
    en: 'Reading .doc and .wps files needs LibreOffice installed; or save the file as .docx in Word or WPS and import that',
  },
  'import.exists': { zh: 'report：{file} 已经存在；换一个 --out，或加 --force 覆盖', en: 'report: {file} already exists; choose another --out, or add --force to overwrite it' },
  'import.failed': { zh: '没能导入 {file}：{why}', en: 'Could not import {file}: {why}' },
  'import.empty': { zh: '{file} 里没有找到报告的正文', en: 'No report text found in {file}' },
  'import.placeholder.township': { zh: '某某乡', en: '某某乡' },
  'import.placeholder.county': { zh: '某某县', en: '某某县' },
  'import.header': { zh: '由 report import 从“{from}”导入。', en: 'Imported by report import from “{from}”.' },
  'import.header.check': {
    zh: '原文的文字没有改动；数字已在原文中标注，如 [63|disputes.total]。注释写明了导入时的判断，请逐一核对。',
    en: 'The text is as it was; figures are marked where they are written, as in [63|disputes.total]. Comments say what the import decided: check each one.',
  },
  'import.note.township': { zh: '请核对：原文没有写乡镇（街道）名称，请改为本乡镇的名称', en: 'Check: the report does not name the township; write its name here' },
  'import.note.township-given': { zh: '原文没有写乡镇（街道）名称，取自命令行的 --township', en: 'The report does not name the township: taken from --township' },
  'import.note.county': { zh: '请核对：原文没有写所属县（区），请改为本乡镇所属的县（区）', en: 'Check: the report does not name the county; write it here' },
  'import.note.county-given': { zh: '原文没有写所属县（区），取自命令行的 --county', en: 'The report does not name the county: taken from --county' },
  'import.note.county-page': { zh: '请核对：所属县（区）取自网页上的“{county}”', en: 'Check: the county is taken from “{county}” on the page' },
  'import.note.year-opening': { zh: '请核对：标题没有写年度，取自开头段', en: 'Check: the title gives no year; taken from the opening' },
  'import.note.year-date': { zh: '请核对：标题没有写年度，按成文日期的上一年', en: 'Check: the title gives no year; the year before the 成文日期' },
  'import.note.year': { zh: '请核对：原文没有写年度', en: 'Check: the report gives no year' },
  'import.note.date-page': { zh: '请核对：成文日期取自网页的发布日期', en: 'Check: the 成文日期 is the date the page was published' },
  'import.note.date': { zh: '原文没有成文日期：定稿时加一行 date: 2026-02-05', en: 'The report has no 成文日期: add a line date: 2026-02-05 when it is final' },
  'import.note.part': { zh: '按标题“{heading}”判断为{name}', en: 'Taken for {name} by its heading “{heading}”' },
  'import.note.part-untitled': { zh: '原文没有一级标题，判断为{name}', en: 'The report has no part headings: taken for {name}' },
  'part.1': { zh: '第一部分（主要举措和成效）', en: 'part one (measures and results)' },
  'part.2': { zh: '第二部分（不足和原因）', en: 'part two (shortcomings and causes)' },
  'part.3': { zh: '第三部分（党政主要负责人履行第一责任人职责）', en: 'part three (the leaders’ duties)' },
  'part.4': { zh: '第四部分（下一年度安排）', en: 'part four (next year’s plans)' },
  'part.5': { zh: '第五部分（其他）', en: 'part five (other matters)' },
  'import.done': { zh: '已导入 {from} → {out}', en: 'Imported {from} → {out}' },
  'import.identity': { zh: '  {government}，{kind}，{year} 年；所属县（区）：{county}；成文日期：{date}', en: '  {government}, {kind}, {year}; county: {county}; 成文日期: {date}' },
  'import.none': { zh: '无', en: 'none' },
  'import.check-this': { zh: '{value}（请核对）', en: '{value} (check)' },
  'import.structure': {
    zh: '  结构：开头 {opening} 段，{parts} 个部分，{sections} 个小节，共 {paragraphs} 段；去掉网页栏目、分享和页脚 {dropped} 行',
    en: '  Structure: opening {opening} paragraphs, {parts} parts, {sections} sections, {paragraphs} paragraphs in all; {dropped} lines of the web page (menus, sharing, footer) left out',
  },
  'import.part': { zh: '    {number}、{heading} → {name}', en: '    {number}. {heading} → {name}' },
  'import.figures': {
    zh: '  数字：找到 {found} 个，对应数字目录 {catalogue} 个，按原文命名 {custom} 个，未标注 {none} 个',
    en: '  Figures: {found} found, {catalogue} catalogue fields, {custom} under the report’s own names, {none} left unmarked',
  },
  'import.figures.catalogue': { zh: '  对应数字目录：', en: '  Catalogue fields:' },
  'import.figures.custom': { zh: '  按原文命名（汇总中单列）：', en: '  Under the report’s own names (columns of their own in the roll-up):' },
  'import.figures.none': { zh: '  未标注（需要记录的请自己标注）：', en: '  Left unmarked (mark those that should be recorded):' },
  'import.figure': { zh: '    {written} → {name}：“{context}”', en: '    {written} → {name}: “{context}”' },
  'import.figure.none': { zh: '    {written}：“{context}”', en: '    {written}: “{context}”' },
  'import.checked': {
    zh: '  检查：错误 {errors} 个，警告 {warnings} 个；运行“{report} check {out}”看详情，“{report} fix {out}”改正半角标点',
    en: '  Check: {errors} errors, {warnings} warnings; run “{report} check {out}” for details, “{report} fix {out}” to correct half-width punctuation',
  },
  'import.next': {
    zh: '  请核对数据文件中写着“请核对”的注释，以及数字的名称；然后运行“{report} build {out}”',
    en: '  Check the comments that say “Check” and the figures’ names in the data file; then run “{report} build {out}”',
  },
} as const satisfies Record<string, Message>;

export const MESSAGES = { ...CLI_MESSAGES, ...DIAGNOSTIC_MESSAGES } as const satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;
