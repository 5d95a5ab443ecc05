/**
 * report init: a new data file with every field, each commented in Chinese,
 * that compiles as it is (sections without data are left out).
 */
import { t } from '../i18n/index.js';
import { existsSync, mkdirSync } from 'node:fs';
import { safeName } from '../batch/paths.js';
import { printable, quote } from '../diagnostics/index.js';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../batch/write.js';
import { unwrap as unwrapSchema } from '../load/index.js';
import { reportSchema } from '../load/schema.js';
import { PACKAGE_ROOT } from '../version.js';
import { EXIT, type Io } from './index.js';

export interface InitFlags {
  township?: string;
  kind?: string;
  county?: string;
  year?: number;
  out?: string;
  force?: boolean;
}

const KINDS = ['乡', '镇', '街道'];

const unwrap = (s: z.ZodType): z.ZodType => unwrapSchema(s) ?? s;

const describe = (s: z.ZodType) => (s.meta() as { description?: string } | undefined)?.description ?? '';

/** Can this block be left with all its fields empty and still validate? */
function emptyOk(s: z.ZodType): boolean {
  const u = unwrap(s);
  if (!(u instanceof z.ZodObject)) return false;
  return Object.values(u.shape as Record<string, z.ZodType>).every((f) => f instanceof z.ZodDefault || f instanceof z.ZodOptional || f instanceof z.ZodNullable);
}

const EXAMPLES: Record<string, string> = {
  heading: '强化组织领导，压实法治建设责任',
  problem: '行政执法保障有待加强',
  text: '……',
  total: '51',
  part: '1',
  body: '全年召开领导小组专题会议[3次|leadership.group_meetings]……',
  sections: '（二级小节：heading 和 body）',
};

/** An example of a block that cannot be left empty, as commented-out lines. */
function example(s: z.ZodType, indent: string): string[] {
  const u = unwrap(s);
  if (u instanceof z.ZodArray) {
    const el = unwrap(u.element as z.ZodType);
    if (el instanceof z.ZodObject) {
      const keys = Object.keys(el.shape);
      return keys.map((k, i) => `${indent}# ${i === 0 ? '- ' : '  '}${k}: ${EXAMPLES[k] ?? '……'}`);
    }
    return [`${indent}# - ……`];
  }
  // overrides: names a section and its template; a breakdown names an item and its figure.
  if (u instanceof z.ZodRecord) return [unwrap(u.valueType as z.ZodType) instanceof z.ZodString ? `${indent}#   responsibility: 我乡第一责任人.md` : `${indent}#   名称: 数字`];
  if (u instanceof z.ZodObject) {
    return Object.entries(u.shape as Record<string, z.ZodType>).flatMap(([k, f]) => {
      const inner = unwrap(f);
      if (inner instanceof z.ZodRecord) return [`${indent}#   ${k}:`, `${indent}#     精神障碍患者: 17`, `${indent}#     社区矫正对象: 1`];
      if (inner instanceof z.ZodArray) return [`${indent}#   ${k}:`, ...example(inner, `${indent}    `).map((l) => l.replace(/^(\s*)# /, `${indent}#   `))];
      return [`${indent}#   ${k}: ${EXAMPLES[k] ?? '……'}`];
    });
  }
  return [];
}

function lines(shape: Record<string, z.ZodType>, indent: string, values: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const d = describe(field);
    const comment = d ? `  # ${d}` : '';
    const u = unwrap(field);
    if (key in values) {
      out.push(`${indent}${key}: ${values[key]}${comment}`);
    } else if (u instanceof z.ZodObject && emptyOk(u)) {
      out.push(`${indent}${key}:${comment}`);
      out.push(...lines(u.shape as Record<string, z.ZodType>, `${indent}  `, {}));
    } else if (u instanceof z.ZodObject || u instanceof z.ZodArray || u instanceof z.ZodRecord) {
      out.push(`${indent}${key}:${comment}`);
      out.push(...example(u, indent));
    } else {
      out.push(`${indent}${key}:${comment}`);
    }
  }
  return out;
}

/** The text of a new data file for a township: every field, commented in Chinese. */
export function initText(opts: { township: string; kind: string; county: string; year: number; schemaRef: string }): string {
  const shape = reportSchema.shape as Record<string, z.ZodType>;
  const identity = unwrap(shape['township']!) as z.ZodObject;
  const header = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    `# ${opts.township}${opts.year}年法治政府建设年度报告的数据文件。`,
    '# 填写方法：冒号后空一格填写；不需要的项目留空即可，留空的部分不出现在报告中。',
    '# 数字可写 63、200余、约300、95%以上；叙述文字按原样输出，空一行分段。',
    '# 写好后运行 report check 本文件 检查，report build 本文件 生成报告（在 township-report 文件夹中运行时，前面加 npx）。',
    '',
  ];
  const body: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const d = describe(field);
    if (key === 'township') {
      body.push(`township:  # ${d}`);
      body.push(...lines(identity.shape as Record<string, z.ZodType>, '  ', { name: opts.township, kind: opts.kind, county: opts.county }));
    } else if (key === 'year') {
      body.push(`year: ${opts.year}  # ${d}`);
    } else if (key === 'date') {
      // The 成文日期 is the clerk's to give when the report is final: `check` reminds them until then.
      body.push(`date:  # ${d}`);
    } else if (key === 'sealed') {
      body.push(`sealed: false  # ${d}`);
    } else {
      body.push('', ...lines({ [key]: field }, '', {}));
    }
  }
  return [...header, ...body, ''].join('\n');
}

/** `report init`: writes a new data file; gives the exit code. */
export async function runInit(opts: InitFlags, io: Io): Promise<number> {
  const kind = opts.kind ?? '乡';
  if (!KINDS.includes(kind)) {
    io.err(t('init.kind.invalid', { kinds: KINDS.join('、'), kind: printable(kind) }));
    return EXIT.usage;
  }
  const year = opts.year ?? new Date().getFullYear() - 1;
  const township = opts.township ?? `某某${kind}`;
  if (safeName(township) !== township || /\s/.test(township)) {
    io.err(t('init.township.invalid', { township: printable(quote(township)) }));
    return EXIT.usage;
  }
  const out = resolve(io.cwd, opts.out ?? `${township}-${year}.yaml`);
  if (existsSync(out) && !opts.force) {
    io.err(t('init.exists', { file: relative(io.cwd, out) }));
    return EXIT.failed;
  }
  const schemaRef = relative(dirname(out), join(PACKAGE_ROOT, 'schema', 'report.schema.json'))
    .split('\\')
    .join('/');
  mkdirSync(dirname(out), { recursive: true });
  writeAtomic(out, initText({ township, kind, county: opts.county ?? '某某县', year, schemaRef }));
  io.err(t('init.wrote', { file: relative(io.cwd, out), report: io.env['npm_command'] === 'exec' ? 'npx report' : 'report' }));
  return EXIT.ok;
}
