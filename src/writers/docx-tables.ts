// Tables as WordprocessingML (w:tbl): data tables (rules, a header row that repeats on each page, rows
// that do not split), the borderless signature table and the boxed note (a framed, shaded one-cell table).
import type { Stylesheet } from '../document/stylesheet.js';
import { tableRule } from '../document/layout.js';
import { twips } from './docx-xml.js';

export interface Border {
  val: 'single' | 'none';
  color: string;
  /** Eighths of a point. */
  sz: number;
}

export interface TableRowXml {
  /** The row stays on one page (w:cantSplit). */
  cantSplit: boolean;
  /** The row repeats at the top of each page (w:tblHeader). */
  header: boolean;
  /** Each cell's paragraphs, as XML. */
  cells: string[];
}

export interface TableXml {
  /** Column widths, twips. */
  widths: number[];
  border: Border;
  /** Space inside the cells, twips. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Background colour of the cells. */
  fill?: string;
  rows: TableRowXml[];
}

const borderXml = (side: string, b: Border): string => `<w:${side} w:val="${b.val}" w:color="${b.color}" w:sz="${Math.floor(b.sz)}"/>`;
const dxa = (side: string, twipsValue: number): string => `<w:${side} w:type="dxa" w:w="${Math.floor(twipsValue)}"/>`;

/** A table across the text width (w:tblW 100 %). */
export function tableXml(t: TableXml): string {
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => borderXml(side, t.border)).join('');
  const margins = t.margins ? `<w:tblCellMar>${dxa('top', t.margins.top)}${dxa('left', t.margins.left)}${dxa('bottom', t.margins.bottom)}${dxa('right', t.margins.right)}</w:tblCellMar>` : '';
  const shading = t.fill === undefined ? '' : `<w:shd w:fill="${t.fill}" w:color="auto" w:val="clear"/>`;
  const rows = t.rows
    .map((row) => {
      const properties = row.cantSplit || row.header ? `<w:trPr>${row.cantSplit ? '<w:cantSplit/>' : ''}${row.header ? '<w:tblHeader/>' : ''}</w:trPr>` : '';
      const cells = row.cells.map((content, i) => `<w:tc><w:tcPr>${dxa('tcW', t.widths[i] ?? 0)}${shading}</w:tcPr>${content}</w:tc>`).join('');
      return `<w:tr>${properties}${cells}</w:tr>`;
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders>${borders}</w:tblBorders>${margins}</w:tblPr>` +
    `<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${Math.floor(w)}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`
  );
}

/** Column widths in proportion to `weights`, adding up to `total` (the last column takes the rounding). */
export function proportionalWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  if (sum <= 0) return weights.map(() => Math.floor(total / Math.max(1, weights.length)));
  const widths = weights.map((w) => Math.floor(((w > 0 ? w : 0) / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/** Padding inside data table cells, twips: the PDF writer's 3 pt. */
const TABLE_CELL_PADDING = twips(3);

/** A data table's rules and padding. */
export function dataTableFrame(sheet: Stylesheet): Pick<TableXml, 'border' | 'margins'> {
  const rule = tableRule(sheet);
  return {
    // w:sz of a border is in eighths of a point.
    border: { val: 'single', color: rule.color, sz: Math.round(rule.width * 8) },
    // The PDF writer's cell padding (3 pt) on every side, so that rows are as tall; Word and LibreOffice
    // add the rule below a row to its height, the PDF draws it inside the padding: the bottom is less by it.
    margins: { top: TABLE_CELL_PADDING, bottom: TABLE_CELL_PADDING - twips(rule.width), left: TABLE_CELL_PADDING, right: TABLE_CELL_PADDING },
  };
}

export const NO_BORDER: Border = { val: 'none', color: 'auto', sz: 0 };

/** A boxed note: a one-cell table with the stylesheet's frame, background and inner space. */
export function boxTableXml(sheet: Stylesheet, textWidth: number, content: string): string {
  const box = sheet.layout.box;
  const padding = twips(box.padding);
  return tableXml({
    widths: [textWidth],
    border: { val: 'single', color: box.color, sz: Math.max(2, Math.round(box.width * 8)) },
    margins: { top: padding, bottom: padding, left: padding, right: padding },
    fill: box.fill,
    // A cell must end with a paragraph: an empty box, or one that ends with a table, gets an empty one.
    rows: [{ cantSplit: false, header: false, cells: [content === '' || content.endsWith('</w:tbl>') ? `${content}<w:p/>` : content] }],
  });
}
