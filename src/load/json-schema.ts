/** The data file's JSON Schema (draft-07), from the same schema that validates it. */
import { z } from 'zod';
import { labelOf } from './labels.js';
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
  titled(schema);
  return {
    $schema: schema['$schema'],
    title: '法治政府建设年度报告数据文件',
    description: '一个乡镇（街道）一个年度的数据：身份、数字和叙述文字。township-report 的 report build 据此生成报告。',
    // Stryker disable next-line all: $schema again would be the same value, in the place it already has
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** Gives every field a Chinese title (its label: 成功化解), which editors show on hover and in completion beside the description. */
function titled(node: unknown): void {
  // Stryker disable next-line BlockStatement: an array left to the code below is walked all the same (Object.values of an array is its items)
  if (Array.isArray(node)) {
    for (const n of node) titled(n);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const properties = record['properties'];
  // Stryker disable next-line LogicalOperator,ConditionalExpression: zod writes properties only as an object, never null
  if (properties && typeof properties === 'object') {
    for (const field of Object.values(properties as Record<string, Record<string, unknown>>)) {
      const description = field['description'];
      // Stryker disable next-line ConditionalExpression,StringLiteral: every field zod writes has a description and no title of its own
      if (typeof description === 'string' && field['title'] === undefined) field['title'] = labelOf(description);
    }
  }
  for (const value of Object.values(record)) titled(value);
}
