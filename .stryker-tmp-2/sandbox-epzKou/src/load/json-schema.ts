/** The data file's JSON Schema (draft-07), from the same schema that validates it. */
// @ts-nocheck

import { z } from 'zod';
import { figure, reportSchema } from './schema.js';

/** What a figure written as text looks like, for editors: 63, 200余, 约300, 95%以上, 0.7万余元. */
export const FIGURE_PATTERN = '^\\s*(约|近|超过|不低于)?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?\\s*(万|亿)?\\s*[%％]?\\s*(余|多|\\+|＋|左右|以上|以下)?\\s*[\\u4e00-\\u9fff·]{0,4}\\s*$';

/** The data file's JSON Schema (draft-07), for editors. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema !== figure) return;
      const description = ctx.jsonSchema.description;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
      Object.assign(ctx.jsonSchema, {
        ...(description ? { description } : {}),
        anyOf: [
          { type: 'number', minimum: 0 },
          { type: 'string', pattern: FIGURE_PATTERN },
        ],
      });
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema['$schema'],
    title: '法治政府建设年度报告数据文件',
    description: '一个乡镇（街道）一个年度的数据：身份、数字和叙述文字。township-report 的 report build 据此生成报告。',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
