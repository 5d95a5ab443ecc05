/**
 * Which part of Art. 25 a part of a report is, by its heading: the loader takes it for a part that
 * does not say (`part:`), and `report import` for every part it reads.
 */
/** By the words of the heading (不足 → 2, 第一责任人 → 3, 安排 → 4, 其他 → 5), else 1. */
export function partOf(heading: string | null): number {
  // Stryker disable next-line StringLiteral: any text without the words below is part 1, as no heading is
  const h = heading ?? '';
  if (/第一责任人|主要负责人|履行.*职责/u.test(h)) return 3;
  if (/不足|短板|差距|原因|存在.{0,4}问题/u.test(h)) return 2;
  if (/计划|安排|打算|思路|下一步|下步|展望/u.test(h)) return 4;
  if (/其他/u.test(h)) return 5;
  return 1;
}
