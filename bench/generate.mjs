/** Synthetic townships for the benchmark: deterministic, varied figures, narrative from the examples. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

// A small deterministic generator, so every run builds the same townships.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const narrative = (() => {
  const text = readFileSync(join(ROOT, 'examples', 'tongle-2025.yaml'), 'utf8');
  return [...text.matchAll(/text: >-\n((?: {6,}.*\n)+)/g)].map((m) => m[1].replace(/\s+/g, ''));
})();

export function township(i) {
  const r = rng(i + 1);
  const n = (lo, hi) => lo + Math.floor(r() * (hi - lo));
  const pick = () => JSON.stringify(narrative[n(0, narrative.length)]);
  const total = n(20, 300);
  return `township:
  name: 第${i}镇
  kind: 镇
  county: 第${Math.floor(i / 30)}县
  city: 某某市
year: 2025
date: 2026-02-${String(n(1, 28)).padStart(2, '0')}
opening: ${pick()}
achievements:
  leadership:
    text: ${pick()}
    group_meetings: ${n(1, 9)}
    study_sessions: ${n(2, 12)}
  decisions:
    text: ${pick()}
    legality_reviews: ${n(1, 20)}
    legal_opinions: ${n(1, 30)}
  enforcement:
    text: ${pick()}
    inspections: ${n(50, 500)}
    penalties: ${n(10, 400)}
    fines: ${n(1, 9)}.${n(1, 9)}万余
  legal_education:
    text: ${pick()}
    campaigns: ${n(5, 40)}
    materials: ${n(5, 50) * 100}余
    exam_pass_rate: 100%
  disputes:
    text: ${pick()}
    total: ${total}
    resolved: ${total - n(0, 5)}
    items:
      - heading: 矛盾纠纷排查
        text: ${pick()}
      - heading: 人民调解
        text: ${pick()}
shortcomings:
  - problem: 行政执法精细化水平有待提升
    text: ${pick()}
  - problem: 普法宣传实效性有待增强
    text: ${pick()}
responsibility:
  party_secretary:
    text: ${pick()}
    meetings: ${n(2, 8)}
plans:
  items:
    - heading: 强化法治引领，压实工作责任
      text: ${pick()}
    - heading: 规范执法行为，提升执法效能
      text: ${pick()}
`;
}
