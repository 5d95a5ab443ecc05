/** The data file's JSON Schema (draft-07), from the same schema that validates it. */
import { z } from 'zod';
import { reportSchema } from './schema.js';

export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema['$schema'],
    title: '法治政府建设年度报告数据文件',
    description: '一个乡镇（街道）一个年度的数据：身份、数字和叙述文字。township-report 的 report build 据此生成报告。',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
