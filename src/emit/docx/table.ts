/** A Markdown table to a DOCX table across the type area, with a repeated header row. */
import type { Table } from 'docx';
import type { Table as MdTable } from 'mdast';
import { plainText } from '../../markdown/index.js';
import { runs } from './inline.js';
import { docx } from './lib.js';
import { docxParagraph } from './shapes.js';
import type { State } from './state.js';
import { geometry, STYLE } from './styles.js';

/** A table node and the state → one DOCX table whose columns are as wide as their longest cells suggest. */
export function table(node: MdTable, state: State): Table {
  const { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, WidthType } = docx();
  const g = geometry(state.layout);
  const columns = Math.max(...node.children.map((r) => r.children.length), 1);
  // Columns share the type area in proportion to their longest cell, within bounds.
  const weights = Array.from({ length: columns }, (_, c) => Math.min(12, Math.max(2, ...node.children.map((r) => [...plainText(r.children[c])].length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((g.typeWidth * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                children: [docxParagraph({ style: STYLE.tableCell }, runs(row.children[c]?.children ?? [], state, r === 0 ? { bold: true } : {}))],
              }),
          ),
        }),
    ),
  });
}
