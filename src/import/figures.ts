/**
 * The figures of an imported report: every number with a unit in the township's sentences
 * (排查调处矛盾纠纷95件, 1000余份, 约300人, 100%以上, 6000+), told apart from what only looks like
 * one (dates, 〔2025〕24号, 第3次, 12345热线, a range 1—2个, a name in 《》), and given a name: the
 * catalogue field it is, by the words before it (矛盾纠纷 → disputes.total), or else the
 * township's own words for it (反诈宣传活动), which the roll-up keeps as a figure of its own.
 */
import { parseFigure, type Figure } from '../load/figure.js';
import { catalogueField } from '../load/marks.js';
import { pathString } from '../yaml/index.js';

export interface Candidate {
  /** Place in the paragraph, in UTF-16 units. */
  start: number;
  end: number;
  /** The figure as written, qualifiers included: 1000余份, 约300人, 100%以上. */
  written: string;
  figure: Figure;
  /** The words of its clause before it, and after it. */
  before: string;
  after: string;
}

export type Decision = { kind: 'catalogue'; name: string } | { kind: 'custom'; name: string } | { kind: 'none' };

/** Measure words a count of the report's is written with; 万 before one is part of the number. */
const UNIT = '人次|场次|件次|户次|批次|班次|小时|平方米|公里|元|件|次|人|场|份|个|项|条|名|起|张|户|家|期|篇|天|支|处|部|本|册|幅|所|座|批|套|台|辆|位|宗|例|堂|轮|卷|亩|吨|间|%|％';
const FIGURE = new RegExp(`(约|近|超过|不低于)?(\\d+(?:\\.\\d+)?)(万)?(余|多)?(${UNIT})(以上)?|(\\d+)\\+(?![\\d+])`, 'gu');
/** What a number that opens a range ends with: a digit, or the last character of a unit or qualifier (3个到5个, 100余至200余人). */
const RANGE_FROM = new RegExp(`[\\d万余多${[...new Set(UNIT.split('|').map((u) => u.slice(-1)))].join('')}]`, 'u');
/** A number with no unit, closing its clause right after the words of a catalogue count (排查上报矛盾纠纷63，). */
const BARE = /(?<=\p{Script=Han})(\d+)(?=[，,。；;、])/gu;
/** What ends a clause: a figure's name is looked for inside its own clause only. */
const CLAUSE_END = /[，。；：、,;:！？!?\n（）()]/u;

/** The figures written in a paragraph, in order. */
export function findFigures(text: string): Candidate[] {
  const out: Candidate[] = [];
  // Where a title in 《》 is open: worked out once, not for every number (a paragraph may hold thousands).
  // Stryker disable next-line ArithmeticOperator: one place short, the last is read as 0, where no figure starts
  const inTitle = new Uint8Array(text.length + 1);
  for (let i = 0, open = 0; i < text.length; i++) {
    if (text[i] === '《') open = 1;
    else if (text[i] === '》') open = 0;
    // Stryker disable next-line ArithmeticOperator: two places off, a figure's start reads the state after its own first character, which differs only when that is a bracket
    inTitle[i + 1] = open;
  }
  const take = (start: number, written: string) => {
    const end = start + written.length;
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    // An ordinal (第3次), a part of a longer number, date or range (1—2个, 15%~30%), a document's number.
    if (prev === '第' || /[\d.．\-—–~～〕〔+]/u.test(prev)) return;
    // 至 and 到 end a range after a number (3到5个, 80%至90%, 3万至5万元), not after a verb (达到98%, 提高到95%).
    if (/[至到]/u.test(prev) && RANGE_FROM.test(text[start - 2] ?? '')) return;
    if (/[-—–~～至到]/u.test(next) && /\d/.test(text[end + 1] ?? '')) return;
    if (written.endsWith('个') && /[月工]/u.test(next)) return;
    // A change in percentage points (增长15个百分点) is no count.
    if (text.startsWith('百分点', end)) return;
    // A number inside a title: 《金坪乡2025年法治政府建设工作要点》.
    if (inTitle[start]) return;
    const parsed = parseFigure(written);
    if (!parsed.ok) return;
    out.push({ start, end, written, figure: parsed.figure, before: clauseBefore(text, start), after: clauseAfter(text, end) });
  };
  for (const m of text.matchAll(FIGURE)) take(m.index, m[0]);
  // A bare number is followed by a stop, so never by the unit of a figure found above.
  for (const m of text.matchAll(BARE)) take(m.index, m[0]);
  return out.sort((a, b) => a.start - b.start);
}

/** A clause is read this far at most: a sentence's clause is a few dozen characters, and a text without stops may hold thousands of figures. */
const CLAUSE_MAX = 200;

function clauseBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < CLAUSE_MAX && !CLAUSE_END.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

function clauseAfter(text: string, at: number): string {
  let i = at;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end of the text the slice below ends at the end all the same
  while (i < text.length && i - at < CLAUSE_MAX && !CLAUSE_END.test(text[i]!)) i++;
  return text.slice(at, i);
}

const PERCENT = 'percent';
/** The catalogue's figures and the words that name them in a report, the most particular first; each field is given to the first figure that fits. */
const KEYWORDS: readonly [field: string, words: RegExp, unit: RegExp | typeof PERCENT][] = [
  ['disputes.resolution_rate', /化解率|调解成功率|化解成功率|调处成功率/u, PERCENT],
  ['legal_education.exam_pass_rate', /合格率|通过率/u, PERCENT],
  ['legal_education.exam_participation_rate', /参考率/u, PERCENT],
  ['leadership.assessment_weight', /占比|权重|比重/u, PERCENT],
  ['disputes.screenings', /排查/u, /^次$/u],
  ['disputes.resolved', /成功化解|化解(各类)?(矛盾)?纠纷|调解成功/u, /^(件|起)$/u],
  ['disputes.total', /矛盾纠纷|纠纷/u, /^(件|起|)$/u],
  ['disputes.petitions_closed', /办结/u, /^件$/u],
  ['disputes.petitions', /信访(案件|件|事项)/u, /^(件|起)$/u],
  ['leadership.group_meetings', /领导小组.{0,8}(会议|专题会)/u, /^次$/u],
  ['leadership.study_sessions', /(中心组|班子).{0,10}学(法|习)|专题学法|会前学法/u, /^次$/u],
  ['leadership.issues_resolved', /重难点问题|重大问题|难点问题/u, /^(项|个|件)$/u],
  ['decisions.legality_reviews', /合法性审查/u, /^(次|件|项)$/u],
  ['decisions.legal_opinions', /法律意见|意见建议/u, /^(条|份|项)$/u],
  ['decisions.adviser_consultations', /法律顾问/u, /^次$/u],
  ['decisions.contracts_reviewed', /合同/u, /^(件|份|件次)$/u],
  ['decisions.documents_repealed', /废止/u, /^(件|份|个)$/u],
  ['decisions.documents_revised', /修订|修改/u, /^(件|份|个)$/u],
  ['enforcement.penalties', /处罚/u, /^(件|起)$/u],
  ['enforcement.fines', /罚没|罚款/u, /元$/u],
  ['enforcement.inspections', /执法检查|监督检查/u, /^次$/u],
  ['enforcement.matters', /执法事项/u, /^项$/u],
  ['enforcement.officer_training', /执法人员.{0,8}(培训|考试)|培训.{0,6}执法/u, /^(人次|人)$/u],
  ['enforcement.officers', /执法人员|执法证/u, /^(人|名)$/u],
  ['legal_education.legal_informants', /法律明白人/u, /^(名|人)$/u],
  ['legal_education.lectures', /讲座|法治课|宣讲/u, /^(场|次|期|堂)$/u],
  ['legal_education.consultations', /法律咨询/u, /^(场次|次|人次)$/u],
  ['legal_education.materials', /资料|手册|宣传册|读本/u, /^(份|册|本)$/u],
  ['legal_education.posters', /海报|标语/u, /^(张|幅)$/u],
  ['legal_education.campaigns', /普法.{0,6}活动|法治宣传(教育)?活动/u, /^(场|次|场次)$/u],
  ['legal_education.reach', /覆盖|受众|惠及|受教育/u, /^(人次|人)$/u],
  ['services.service_points', /便民服务(点|站)/u, /^个$/u],
  ['services.disclosures', /公开.{0,6}信息|政府信息|政务信息/u, /^条$/u],
  ['services.matters_streamlined', /审批.{0,6}事项|服务事项/u, /^(项|个)$/u],
];

const fits = (unit: RegExp | typeof PERCENT, f: Figure) => (unit === PERCENT ? f.percent : !f.percent && unit.test(f.unit ?? ''));

/** Words that open a clause without naming what is counted, and words between the name and the number. */
const LEAD = /^(全年|全乡|全镇|全街道|全村|全体|今年|本年度|年内|年度内|其中|此外|同时|另外|累计|共计|共|先后|合计|总计|截至目前|目前|\d{4}年度?|\d{1,2}月份?|以来)+/u;
const TRAIL = /(达到|达|为|约|近|超过|超|计|共|了|的|均|总|累计|合计|高达|由|到|至)+$/u;
const VERB = /^(组织|开展|召开|举办|发放|张贴|悬挂|完成|实现|拍摄|通过|利用|依托|邀请|深入|积极|持续|不断|对|向|在|为|与|将|把|和)/u;
const NOT_NAME = /[“”"‘’'《》〈〉（）()[\]【】|｜\s*_`{}<>&]/gu;

/** A clause up to its last number, with the number's unit: what a name leaves out (对5个乡属站所 → 乡属站所, 2025年度 → ''). */
const AFTER_NUMBER = new RegExp(`^.*[\\d%％]+万?(?:余|多)?(?:${UNIT}|年度?|月份?|日|号)?(?:以上|左右)?`, 'u');

/** The township's own name for a figure: the words before it in its clause, or after it when those say nothing (对排查出的4条平安稳定隐患). */
function ownName(c: Candidate): string | null {
  const clean = (s: string) => s.replace(NOT_NAME, '').replace(LEAD, '').replace(TRAIL, '');
  // No number in a name: the words after the last number before the figure (拨打12348公共法律服务热线咨询 → 公共法律服务热线咨询,
  // 由80%提高到 → 提高), and those before the first number after it (5个乡属站所开展专项督查2次 → 乡属站所开展专项督查).
  let name = clean(c.before.replace(AFTER_NUMBER, ''));
  if ((name.match(/\p{Script=Han}/gu)?.length ?? 0) < 3 || /[出的对向与给把将从在]$/u.test(c.before)) {
    const after = clean(c.after.replace(/[\d%％].*$/u, '')).replace(/^(的|以上|左右)+/u, '');
    if ((after.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2) name = after;
  }
  // Too long a name loses the verbs at its start first (组织乡村两级干部开展反邪教专题学习), then what is farthest from the figure.
  while ([...name].length > 16 && VERB.test(name)) name = name.replace(VERB, '');
  name = [...name].slice(-16).join('');
  if ((name.match(/\p{Script=Han}/gu)?.length ?? 0) < 2) return null;
  return name;
}

/**
 * A name for each figure: a catalogue field where its words and unit fit one not yet taken, else
 * the township's own words, made unique (覆盖群众, 覆盖群众（二）) unless the same figure is meant.
 * `demoted` holds figures a check found wrong: 'custom' keeps the figure under its own name, 'none'
 * leaves it unmarked. `barred` holds catalogue fields no figure is to be given.
 */
export function decide(candidates: readonly Candidate[], demoted: ReadonlyMap<number, 'custom' | 'none'>, barred: ReadonlySet<string> = new Set()): Decision[] {
  // A field a check found wrong for figure after figure is given to none (each would take another round of checking).
  const taken = new Set<string>(barred);
  const own = new Map<string, string>();
  return candidates.map((c, i): Decision => {
    const level = demoted.get(i);
    if (level === 'none') return { kind: 'none' };
    const bare = c.figure.unit === null && !c.figure.percent && c.figure.approx === null;
    if (level !== 'custom') {
      for (const [field, words, unit] of KEYWORDS) {
        if (taken.has(field) || !fits(unit, c.figure)) continue;
        if (words.test(c.before) || (!bare && words.test(c.after))) {
          taken.add(field);
          return { kind: 'catalogue', name: field };
        }
      }
    }
    // A number without its unit is a figure only where a catalogue field names it.
    if (bare) return { kind: 'none' };
    const base = ownName(c);
    if (!base) return { kind: 'none' };
    const value = c.written;
    for (let n = 1; n < 50; n++) {
      const name = n === 1 ? base : `${base}（${n}）`;
      // A name the catalogue knows (排查调处矛盾纠纷) would record the catalogue's field.
      const field = catalogueField(name);
      if (field && (taken.has(pathString(field.slice(1))) || level === 'custom')) continue;
      const before = own.get(name);
      if (before !== undefined && before !== value) continue;
      own.set(name, value);
      if (field) taken.add(pathString(field.slice(1)));
      return { kind: 'custom', name };
    }
    return { kind: 'none' };
  });
}

/** The paragraph with its figures marked: 排查调处矛盾纠纷[95件|disputes.total]. */
export function markText(text: string, found: readonly Candidate[], decisions: readonly Decision[]): string {
  let out = '';
  let at = 0;
  found.forEach((c, i) => {
    const d = decisions[i]!;
    if (d.kind === 'none') return;
    out += `${text.slice(at, c.start)}[${c.written}|${d.name}]`;
    at = c.end;
  });
  return out + text.slice(at);
}
