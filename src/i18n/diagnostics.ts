/**
 * The texts of diagnostics: reasons and notes, by message id, in Chinese and English. A reason
 * says what is wrong, naming the field by its Chinese label and its key and quoting the value; a
 * note says what to write instead.
 */
import type { Message } from './messages.js';

export const DIAGNOSTIC_MESSAGES = {
  // The data file (src/load).
  'data.empty': { zh: '数据文件是空的', en: 'The data file is empty' },
  'data.empty.note': {
    zh: '可以复制 examples/ 中的一个文件改成本乡镇的，或运行“report init”新建一个（见 README“数据文件”）。',
    en: 'Start from one of the files in examples/ and fill in your township (see README: The data file).',
  },
  'data.unknown-key': { zh: '数据文件没有{field}这个字段', en: '{field} is not a field the data file knows' },
  'data.unknown-key.under': { zh: '{parent}下没有{field}这个字段', en: '{field} is not a field the data file knows under {parent}' },
  'data.did-you-mean': { zh: '是不是要写 {guess}？', en: 'Did you mean {guess}?' },
  'data.known-fields': { zh: '这里可以写的字段：{list}。', en: 'Known fields here: {list}.' },
  'data.remove-key': { zh: '删去这一项。', en: 'Remove this key.' },
  'data.missing': { zh: '缺少必填字段{field}', en: 'Required field {field} is missing' },
  'data.missing.note': { zh: '加上 `{key}:`，写{what}。', en: 'Add `{key}:` with {what}.' },
  'data.wrong-type': { zh: '{field}写的是{value}（{kind}），应当写{what}', en: '{field} is {value} ({kind}), but it should be {what}' },
  'data.invalid': { zh: '{field}写的是{value}：{reason}', en: '{field} is {value}: {reason}' },
  'data.invalid.figure': { zh: '{field}写的是{value}：{reason}', en: '{field} is {value}: figure {reason}' },
  'data.one-of': { zh: '只能写 {values} 之一', en: 'expected one of {values}' },
  'data.not-empty': { zh: '不能空着', en: 'must not be empty' },
  'data.out-of-range': { zh: '超出了这个字段允许的范围（{detail}）', en: 'outside the range this field allows ({detail})' },
  'data.figure.note': { zh: '数字写成 63、200余、约300、1000余份 或 95%以上：最多一个修饰词。', en: 'Write a figure as 63, 200余, 约300, 1000余份 or 95%以上: one qualifier at most.' },
  'data.write': { zh: '请写{what}。', en: 'Write {what}.' },
  'data.not-decimal': { zh: '{field}写成“{source}”，YAML 会读作 {read}', en: '{field} is written “{source}”, which YAML reads as {read}' },
  'data.not-decimal.none': { zh: '非数字', en: 'no number' },
  'data.not-decimal.note': { zh: '数字请用十进制写（如 95、2025）；如果是文字，加上引号。', en: 'Write numbers in decimal digits (95, 2025), or put the value in quotes if it is text.' },
  'data.too-expanded': {
    zh: '把别名（*名称）逐个展开后，各项内容超过 {millions} 百万字',
    en: 'With every alias (*name) written out, the values come to more than {millions} million characters',
  },
  'data.too-expanded.note': { zh: '每项内容在它该在的地方写一次，不要用 *名称 重复长段文字。', en: 'Write each value once, where it belongs, rather than repeating a long one with *name.' },
  'data.control': {
    zh: '{field}中有文档不能容纳的字符（{codes}），已经去掉',
    en: '{field} holds characters no document may hold ({codes}); they were left out',
  },
  'data.control.one': { zh: '{field}中有文档不能容纳的字符（{codes}），已经去掉', en: '{field} holds a character no document may hold ({codes}); it was left out' },
  'data.control.key': { zh: '键{field}中有文档不能容纳的字符（{codes}），已经去掉', en: 'The key {field} holds characters no document may hold ({codes}); they were left out' },
  'data.control.note': {
    zh: '这类字符是从别的程序粘贴文字时带进来的（U+000B 是 Word 中的手动换行）。请把这段文字重新打一遍，或删掉这一行重打。',
    en: 'Such characters come with text pasted from another program (U+000B is a line break in Word). Retype the text around them, or delete and retype the line.',
  },
  'data.bidi': {
    zh: '{field}中有改变文字方向的控制字符（{code}）：显示的顺序与实际内容不同',
    en: '{field} holds a direction override character ({code}): the text is shown in another order than it is stored',
  },
  'data.bidi.note': { zh: '删去这个字符；中文不需要它。', en: 'Delete the character; Chinese text needs none.' },

  // What the figures imply (src/derive).
  'figures.rate-with-unit': { zh: '{field}是比率，却写了单位“{unit}”', en: '{field} is a rate, but it is written with the unit “{unit}”' },
  'figures.rate-with-unit.note': { zh: '写成 95% 或 95%以上 这样的百分数。', en: 'Write a percentage such as 95% or 95%以上.' },
  'figures.count-as-percent': { zh: '{field}是计数，却写成了百分数（{value}）', en: '{field} counts things, but it is written as a percentage ({value})' },
  'figures.count-as-percent.note': { zh: '写件数（如 63）；比率另有以 _rate 结尾的字段。', en: 'Write the count (e.g. 63); rates have their own fields ending in _rate.' },
  'figures.not-whole': { zh: '{field}是计数，{value}不是整数', en: '{field} counts things, but {value} is not a whole number' },
  'figures.not-whole.note': { zh: '写整数（如 4）；3.5万元、1.5小时这样的量带上单位。', en: 'Write a whole number (e.g. 4); amounts such as 3.5万元 or 1.5小时 keep their unit.' },
  'figures.rate-range': { zh: '{field}为{value}，比率不能超过 100%', en: '{field} is {value}, but a rate cannot exceed 100%' },
  'figures.rate-range.hundred': { zh: '只写 100%：“100%以上”是不可能的。', en: 'Write 100% on its own: “100%以上” is not possible.' },
  'figures.rate-range.note': { zh: '请核对算出这个比率的件数。', en: 'Check the counts the rate comes from.' },
  'figures.rate-contradicts': {
    zh: '{field}写的是{stated}，但{total}件中化解{resolved}件，算出来是{computed}',
    en: '{field} is {stated}, but {resolved} resolved of {total} is {computed}',
  },
  'figures.rate-contradicts.note': { zh: '改正比率或件数；也可以不写比率，由件数算出。', en: 'Correct the rate or the counts, or leave the rate out and it is worked out from the counts.' },
  'figures.related.resolved': { zh: '化解数', en: 'resolved' },
  'figures.related.total': { zh: '总数', en: 'total' },
  'figures.part-exceeds': { zh: '{part}为{partValue}，多于{whole}的{wholeValue}', en: '{part} ({partValue}) is larger than {whole} ({wholeValue})' },
  'figures.part-exceeds.note': { zh: '部分不能多于总数，请核对这两个数。', en: 'A part cannot exceed its whole: correct one of the two figures.' },
  'figures.related.whole': { zh: '总数 {value}', en: 'the total {value}' },
  'figures.breakdown-sum': { zh: '{field}为{value}，但各分项相加是{sum}（{list}）', en: '{field} is {value}, but its items add up to {sum} ({list})' },
  'figures.breakdown-sum.note': { zh: '改正合计或分项；也可以不写合计，由分项相加得出。', en: 'Correct the total or the items; leave the total out and it is worked out from the items.' },
  'figures.related.items': { zh: '各分项', en: 'the items' },

  // The regulation, year on year and the writing (src/lint).
  'lint.missing-part': {
    zh: '缺少第{part}部分{title}：《法治政府建设与责任落实督察工作规定》第二十五条要求报告这一部分',
    en: 'Part {part}{title} is missing: Art. 25 of 《法治政府建设与责任落实督察工作规定》 requires it',
  },
  'lint.missing-part.responsibility': {
    zh: '加上 `responsibility:`，写党委书记和乡镇长（街道办事处主任）履行推进法治建设第一责任人职责的情况。',
    en: 'Add `responsibility:` with what the Party secretary and the head of government did as 第一责任人.',
  },
  'lint.missing-part.note': { zh: '补上这一部分的内容。', en: 'Add the data for this part.' },
  'lint.date-before-year-end': { zh: '成文日期 {date} 早于报告年度（{year}年）的年末', en: '成文日期 {date} is before the end of the year the report covers ({year})' },
  'lint.date-before-year-end.note': { zh: '{year}年的报告在{next}年成文，如 {example}。', en: 'A report on {year} is dated in {next}, e.g. {example}.' },
  'lint.late-date': {
    zh: '成文日期 {date} 已到或晚于报送{year}年度报告的期限（{month}月{day}日）',
    en: '成文日期 {date} is on or after the {month}月{day}日 deadline for reporting on {year}',
  },
  'lint.late-date.note': { zh: '第二十三条：乡镇应于每年 3 月 1 日前向县报告。请核对日期。', en: 'Art. 23: townships report to the county before 1 March. Check the date.' },
  'lint.year-on-year.more': {
    zh: '{label}为{now}，是上年（{file}）{before}的 {ratio} 倍',
    en: "{label} is {now}, {ratio} times last year's {before} ({file})",
  },
  'lint.year-on-year.less': {
    zh: '{label}为{now}，只有上年（{file}）{before}的 {ratio} 分之一',
    en: "{label} is {now}, {ratio} times less than last year's {before} ({file})",
  },
  'lint.year-on-year.note': { zh: '请核对这个数字：一年之间变化这么大并不常见。', en: 'Check the figure; a change this large is unusual from one year to the next.' },
  'lint.half-width': { zh: '{field}中文之间有半角的“{mark}”（“{snippet}”）', en: '{field} has a half-width “{mark}” between Chinese characters (“{snippet}”)' },
  'lint.half-width.note': { zh: '改为全角的“{full}”。', en: 'Write the full-width “{full}”.' },
  'lint.numbering': { zh: '{field}用“{number}”编号', en: '{field} numbers with “{number}”' },
  'lint.numbering.note': { zh: 'GB/T 9704 用“1.”（半角点）编号，或写成 一是……二是……。', en: 'GB/T 9704 numbers with “1.” (half-width point), or write the items as 一是……二是…….' },
  'lint.mixed': { zh: '{field}在同一组列举中混用了 一是/二是 和 {word}', en: '{field} mixes 一是/二是 with {word} in one enumeration' },
  'lint.mixed.note': { zh: '只用一种：一是……二是……三是…… 或 首先……其次……最后……。', en: 'Use one style: 一是……二是……三是…… or 首先……其次……最后…….' },
  'lint.numbered-heading': { zh: '{field}以自己的序号“{number}”开头', en: '{field} starts with its own number “{number}”' },
  'lint.numbered-heading.note': {
    zh: '标题不写序号：程序会自动编号，删去某一节时也会重新编号。',
    en: 'Write headings without numbers: the compiler numbers them, and renumbers when a section is left out.',
  },

  // Kinds of value, as a message names what was written.
  'kind.list': { zh: '列表', en: 'a list' },
  'kind.empty': { zh: '空值', en: 'empty' },
  'kind.block': { zh: '字段块', en: 'a block of fields' },
  'kind.text': { zh: '文字', en: 'text' },
  'kind.number': { zh: '数字', en: 'a number' },
  'kind.boolean': { zh: '真假值（true/false）', en: 'true/false' },
  // What a field takes, as a message says what to write.
  'what.date': { zh: '2026-02-05 这样的日期', en: 'a date such as 2026-02-05' },
  'what.value': { zh: '一个值', en: 'a value' },
  'what.block': { zh: '一组字段（{keys}）', en: 'a block of fields ({keys})' },
  'what.list': { zh: '一个列表（每行以“- ”开头）', en: 'a list (lines starting with "- ")' },
  'what.record': { zh: '若干行“名称: 数字”', en: 'a block of “name: number” lines' },
  'what.one-of': { zh: '{values} 之一', en: 'one of {values}' },
  'what.boolean': { zh: ' true 或 false', en: 'true or false' },
  'what.year': { zh: '2025 这样的整数', en: 'a whole number such as 2025' },
  'what.figure': { zh: '63、200余 或 95%以上 这样的数字', en: 'a figure such as 63, 200余 or 95%以上' },
  'what.text': { zh: '文字', en: 'text' },
  'fix.quote': { zh: '如果是文字，请加引号："{value}"。', en: 'Put the value in quotes if it is meant as text: "{value}".' },
  'fix.number': { zh: '只写数字：{digits}。', en: 'Write the number alone: {digits}.' },
  'fix.number-alone': { zh: '只写数字，不带单位。', en: 'Write the number alone, without units.' },
  'fix.indent': { zh: '把 {field} 的各个字段缩进写在它下面几行。', en: 'Indent the fields of {field} on the lines below it.' },

  // Figures as written (src/load/figure.ts).
  'figure.hint': {
    zh: '要写 63 这样的数字、200余 或 约300 这样的约数，或 95%以上 这样的界限',
    en: 'expected a number such as 63, an approximate number such as 200余 or 约300, or a bound such as 95%以上',
  },
  'date.hint': { zh: '要写 2026-02-05（或 2026年2月5日）这样的日期', en: 'expected a date such as 2026-02-05 (or 2026年2月5日)' },
  'date.not-in-calendar': { zh: '日历上没有这一天', en: 'not a day of the calendar' },
  'field.top': { zh: '整个数据文件', en: 'the file' },
  'figure.not-finite': { zh: '不是有限的数字', en: 'is not a finite number' },
  'figure.negative': { zh: '是负数；数字是计数，不能小于 0', en: 'is negative; figures count things and cannot be below 0' },
  'figure.empty': { zh: '是空的', en: 'is empty' },
  'figure.no-number': { zh: '该写数字的地方没有数字', en: 'does not contain a number where one is expected' },
  'figure.not-unit': { zh: '数字后面的“{rest}”不是“件”“人次”这样的单位', en: 'has “{rest}” after the number, which is not a unit such as 件 or 人次' },
  'figure.stacked': { zh: '带了两个修饰词（{a}和{b}）；只写一个，如 200余 或 约200', en: 'carries two qualifiers ({a} and {b}); write one, e.g. 200余 or 约200' },
} as const satisfies Record<string, Message>;
