/**
 * What a field is called in the data file's own words: the Chinese label and unit its schema
 * describes (“成功化解（件）” → 成功化解, 件), so that a message names a field as a clerk knows it,
 * 矛盾纠纷 “成功化解”（achievements.disputes.resolved）, and a figure with its unit.
 */
import { z } from 'zod';
import { lang, t } from '../i18n/index.js';
import { pathString, unwrap, type Path } from '../yaml/index.js';
import { reportSchema } from './schema.js';

function description(s: z.ZodType | undefined): string | undefined {
  for (let cur = s; cur; ) {
    if (cur.description) return cur.description;
    const inner = cur instanceof z.ZodDefault || cur instanceof z.ZodNullable || cur instanceof z.ZodOptional ? (cur.unwrap() as z.ZodType) : undefined;
    if (inner === cur) break;
    cur = inner;
  }
  return undefined;
}

/** The schema nodes along a path, wrappers kept (their descriptions are on them). */
function nodes(path: Path): (z.ZodType | undefined)[] {
  const out: (z.ZodType | undefined)[] = [];
  let s: z.ZodType | undefined = reportSchema;
  for (const k of path) {
    const u = unwrap(s);
    if (u instanceof z.ZodObject) s = (u.shape as Record<string, z.ZodType>)[String(k)];
    else if (u instanceof z.ZodArray) s = u.element as z.ZodType;
    else s = undefined;
    out.push(s);
  }
  return out;
}

/** What the schema says of the field at a path: whether it has one, and its description. */
interface Described {
  found: boolean;
  text: string | undefined;
}
const described = new Map<string, Described>();
/** Most paths a batch asks about are the same for every township: at most this many are kept. */
const KEPT = 5000;

/** The schema's node at a path, looked up once per path (the roll-up of a county asks for each figure of each township). */
function at(path: Path): Described {
  // JSON: a key of the data file may hold any character, so no separator could tell the paths apart.
  const key = JSON.stringify(path);
  let found = described.get(key);
  // Stryker disable next-line ConditionalExpression: looking a path up again gives the same answer, only later
  if (!found) {
    const node = nodes(path).at(-1);
    found = { found: node !== undefined, text: description(node) };
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: forgetting the paths looked up changes only the time taken and the memory kept
    if (described.size >= KEPT) described.clear();
    described.set(key, found);
  }
  return found;
}

/** A label from a description: the words before its first comma or colon, without a unit in brackets at the end. */
export function labelOf(text: string): string {
  return text
    .split(/[，：,:;；]| \(/)[0]!
    .replace(/（[^（）]*）$/, '')
    .trim();
}

/** The Chinese label of the field at a path: 成功化解 for achievements.disputes.resolved; a breakdown item's own name; undefined when the schema has none. */
export function fieldLabel(path: Path): string | undefined {
  // Stryker disable next-line ConditionalExpression: the empty path has no node and no description, so the lines below give undefined too
  if (path.length === 0) return undefined;
  const field = at(path);
  const last = path[path.length - 1]!;
  // A breakdown item (licences.items.农业审批) is named by its key.
  if (!field.found && typeof last === 'string' && path[path.length - 2] === 'items') return last;
  const d = field.text;
  if (!d) return undefined;
  const label = labelOf(d);
  // 合计 says little alone: 实施行政许可合计.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only a breakdown's total is labelled 合计, and it is never at the top
  if (label === '合计' && path.length > 1) return `${fieldLabel(path.slice(0, -1)) ?? ''}合计`;
  return label;
}

/** The unit a field's figures are counted in (件 for achievements.disputes.resolved), from the brackets ending its label; '' when it has none (化解（调解）成功率（%） has none). */
export function fieldUnit(path: Path): string {
  const d = at(path).text;
  const m = d ? /（([^（）%]{1,3})）$/.exec(d.split(/[，：,:;；]/)[0] ?? '') : null;
  return m?.[1] ?? '';
}

/** A field as a message names it: “成功化解”（achievements.disputes.resolved） in Chinese, `achievements.disputes.resolved` in English. */
export function fieldName(path: Path): string {
  if (path.length === 0) return t('field.top');
  const key = pathString(path);
  if (lang() === 'en') return `\`${key}\``;
  const label = fieldLabel(path);
  return label ? `“${label}”（${key}）` : `\`${key}\``;
}

/** A key the data file does not know, as a message names it: “totl” in Chinese (the block it is in is named beside it), `achievements.disputes.totl` in English. */
export function keyName(path: Path, key: string): string {
  return lang() === 'en' ? `\`${pathString([...path, key])}\`` : `“${key}”`;
}
