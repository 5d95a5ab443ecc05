/**
 * Stage 2: derive what the figures imply and check that they agree.
 * Rates come from their counts when not stated; a breakdown without a total
 * gets one; contradictions are reported with the positions of both sides.
 */
import { lang, t } from '../i18n/index.js';
import { fieldName, fieldUnit } from '../load/labels.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { exact, formatFigure, isExact, isFigure, type Figure } from '../load/figure.js';
import type { Locator, Path } from '../yaml/positions.js';
import type { ReportData } from '../load/schema.js';

export interface Derived {
  data: ReportData;
  diagnostics: Diagnostic[];
}

const PERCENT_FIELDS = /(_rate|_weight)$/;

/** Units of things counted one by one: a figure in them is a whole number. */
const COUNTING_UNITS = /^(件|次|人|人次|名|场|份|个|项|条|起|户|家|批|期|所|套|本|册|篇|部|村|处|座)$/;

/**
 * Validated data with what its figures imply filled in (rates from counts, totals of breakdowns),
 * and the contradictions found. The data is filled in where it stands, not copied: the caller's
 * own (loadReport makes a new one for each compile).
 */
export function derive(file: string, data: ReportData, locator: Locator): Derived {
  const diagnostics: Diagnostic[] = [];
  const at = (path: Path) => locator.value(path);
  const report = (path: Path, init: Omit<Parameters<typeof diagnostic>[1], 'start' | 'end'>) => {
    const span = at(path);
    diagnostics.push(diagnostic(file, { ...init, start: span?.start, end: span?.end }));
  };
  const related = (path: Path, message: string) => {
    const span = at(path);
    return { file, ...(span ? { line: span.start.line, column: span.start.column } : {}), message };
  };

  // Percent fields hold percentages; count fields hold counts, in whole numbers.
  walkFigures(data, [], (f, path) => {
    const key = String(path[path.length - 1]);
    const percentField = PERCENT_FIELDS.test(key);
    // A figure of the township's own (figures: or a mark with a name of its own) is a count or a rate as written.
    if (path[0] === 'figures') {
      // Nothing to say of its kind.
    } else if (percentField && !f.percent) {
      if (f.unit) {
        report(path, {
          ruleId: 'data/invalid-figure',
          reason: t('figures.rate-with-unit', { field: fieldName(path), unit: f.unit }),
          note: t('figures.rate-with-unit.note'),
        });
      }
      f.percent = true;
    } else if (!percentField && f.percent) {
      report(path, {
        ruleId: 'data/invalid-figure',
        reason: t('figures.count-as-percent', { field: fieldName(path), value: formatFigure(f) }),
        note: t('figures.count-as-percent.note'),
      });
    } else if (!percentField && !f.magnitude && !Number.isInteger(f.number) && (f.unit === null || COUNTING_UNITS.test(f.unit))) {
      report(path, {
        ruleId: 'data/invalid-figure',
        reason: t('figures.not-whole', { field: fieldName(path), value: formatFigure(f) }),
        note: t('figures.not-whole.note'),
      });
    }
    if (f.percent && (f.value > 100 || (f.value === 100 && (f.bound === '以上' || f.bound === '超过')))) {
      report(path, {
        ruleId: 'figures/rate-range',
        reason: t('figures.rate-range', { field: fieldName(path), value: formatFigure(f) }),
        note: t(f.value === 100 ? 'figures.rate-range.hundred' : 'figures.rate-range.note'),
      });
    }
  });

  const disputes = data.achievements?.disputes;
  if (disputes) {
    const base: Path = ['achievements', 'disputes'];
    checkPart(disputes.resolved, disputes.total, [...base, 'resolved'], [...base, 'total']);
    checkPart(disputes.petitions_closed, disputes.petitions, [...base, 'petitions_closed'], [...base, 'petitions']);
    if (disputes.total && disputes.resolved && isExact(disputes.total) && isExact(disputes.resolved) && disputes.total.value > 0 && disputes.resolved.value <= disputes.total.value) {
      const computed = (disputes.resolved.value / disputes.total.value) * 100;
      const stated = disputes.resolution_rate;
      if (!stated) {
        disputes.resolution_rate = exact(Math.round(computed * 10) / 10, true);
      } else if (isExact(stated) && Math.abs(stated.value - computed) >= 0.5) {
        const span = at([...base, 'resolution_rate']);
        diagnostics.push(
          diagnostic(file, {
            ruleId: 'figures/rate-contradicts-counts',
            reason: t('figures.rate-contradicts', {
              field: fieldName([...base, 'resolution_rate']),
              stated: formatFigure(stated),
              resolved: formatFigure(disputes.resolved),
              total: formatFigure(disputes.total),
              computed: formatRate(computed),
            }),
            note: t('figures.rate-contradicts.note'),
            start: span?.start,
            end: span?.end,
            related: [related([...base, 'resolved'], t('figures.related.resolved')), related([...base, 'total'], t('figures.related.total'))],
          }),
        );
      }
    }
  }

  const licences = data.achievements?.enforcement?.licences;
  if (licences) checkBreakdown(licences, ['achievements', 'enforcement', 'licences']);
  const managed = data.achievements?.special_groups?.managed;
  if (managed) checkBreakdown(managed, ['achievements', 'special_groups', 'managed']);

  return { data, diagnostics };

  function checkPart(part: Figure | null, whole: Figure | null, partPath: Path, wholePath: Path): void {
    if (!part || !whole) return;
    // An approximate whole (200余) or one bounded below (200以上, 超过200, 不低于200) may exceed its number; only compare what is certain.
    const wholeMax = whole.approx || whole.bound === '以上' || whole.bound === '超过' || whole.bound === '不低于' ? Infinity : whole.value;
    const partMin = part.bound === '以下' || part.approx === '约' || part.approx === '近' ? 0 : part.value;
    if (partMin > wholeMax) {
      const span = at(partPath);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'figures/part-exceeds-total',
          reason: t('figures.part-exceeds', { part: fieldName(partPath), partValue: withUnit(part, partPath), whole: fieldName(wholePath), wholeValue: withUnit(whole, wholePath) }),
          note: t('figures.part-exceeds.note'),
          start: span?.start,
          end: span?.end,
          related: [related(wholePath, t('figures.related.whole', { value: formatFigure(whole) }))],
        }),
      );
    }
  }

  function checkBreakdown(b: { total: Figure | null; items: Record<string, Figure> }, path: Path): void {
    const parts = Object.values(b.items);
    if (parts.length === 0) return;
    const sum = parts.reduce((s, f) => s + f.value, 0);
    const allExact = parts.every(isExact);
    if (!b.total) {
      b.total = allExact ? exact(sum) : { ...exact(sum), approx: '余' };
      return;
    }
    // Stryker disable next-line EqualityOperator: the tolerance only absorbs floating-point error; a sum of written figures is never exactly 1e-9 off its total
    if (allExact && isExact(b.total) && Math.abs(sum - b.total.value) > 1e-9) {
      const span = at([...path, 'total']);
      diagnostics.push(
        diagnostic(file, {
          ruleId: 'figures/breakdown-sum',
          reason: t('figures.breakdown-sum', { field: fieldName([...path, 'total']), value: formatFigure(b.total), sum, list: parts.map((p) => formatFigure(p)).join(' + ') }),
          note: t('figures.breakdown-sum.note'),
          start: span?.start,
          end: span?.end,
          related: [related([...path, 'items'], t('figures.related.items'))],
        }),
      );
    }
  }
}

function formatRate(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

function walkFigures(node: unknown, path: (string | number)[], visit: (f: Figure, path: Path) => void): void {
  if (isFigure(node)) visit(node, path);
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) walkFigures(v, [...path, i], visit);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walkFigures(v, [...path, k], visit);
}

/** A figure as a Chinese message gives it, with its field's unit (212件); as written, in English. */
function withUnit(f: Figure, path: Path): string {
  return lang() === 'zh' ? formatFigure(f, fieldUnit(path)) : formatFigure(f);
}
