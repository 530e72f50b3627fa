// The content kinds of real minutes in Word's own constructs: list numbering with levels for nested
// lists, a boxed note as a one-cell table (frame and shading), a rule as a paragraph's bottom border,
// captions in Word's "Caption" style, footnotes in word/footnotes.xml. What a document does not use adds
// nothing to the file, so documents without these kinds keep their bytes.
import { AlignmentType, BorderStyle, LevelFormat, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import type { IBaseParagraphStyleOptions } from 'docx';
import type { Stylesheet } from '../document/stylesheet.js';
import { footnotesOf } from '../document/footnotes.js';
import type { Block, Inline, ListBlock, ListMarker } from '../document/tree.js';

/** Points → twips (twentieths of a point). */
const twips = (points: number): number => Math.round(points * 20);

/** What of the content kinds a document uses. */
export interface ContentUse {
  markers: Set<ListMarker>;
  /** Some list is nested in another. */
  nested: boolean;
  captions: boolean;
  boxes: boolean;
}

export function contentUse(blocks: Block[]): ContentUse {
  const use: ContentUse = { markers: new Set(), nested: false, captions: false, boxes: false };
  const list = (b: ListBlock, depth: number): void => {
    use.markers.add(b.marker);
    if (depth > 0) use.nested = true;
    for (const sub of b.sublists ?? []) if (sub) list(sub, depth + 1);
  };
  const walk = (bs: Block[]): void => {
    for (const b of bs) {
      if (b.type === 'list') list(b, 0);
      else if ((b.type === 'table' || b.type === 'image') && b.caption) use.captions = true;
      else if (b.type === 'division') walk(b.children);
      else if (b.type === 'box') {
        use.boxes = true;
        walk(b.children);
      }
    }
  };
  walk(blocks);
  return use;
}

/** Nesting levels a list numbering defines when a document has nested lists (Word allows nine). */
export const LIST_LEVELS = 4;

const NUMBERED_FORMATS = {
  number: { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1}.` },
  numberParen: { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1})` },
  alpha: { format: LevelFormat.LOWER_LETTER, text: (l: number) => `%${l + 1})` },
  roman: { format: LevelFormat.LOWER_ROMAN, text: (l: number) => `%${l + 1}.` },
} as const;

/**
 * The levels of one list numbering: level 0 as lists have always been written; deeper levels, when
 * the document nests lists, each further in by the width of a number.
 */
export function numberingLevels(sheet: Stylesheet, marker: ListMarker, nested: boolean) {
  const item = sheet.styles.listItem;
  const markerWidth = twips(item.size * 1.4);
  const numberWidth = twips(item.size * 2);
  const numbered = marker === 'number' || marker === 'numberParen' || marker === 'alpha' || marker === 'roman';
  const width = numbered ? numberWidth : markerWidth;
  const levels = nested ? LIST_LEVELS : 1;
  return Array.from({ length: levels }, (_, level) => ({
    level,
    ...(numbered
      ? { format: NUMBERED_FORMATS[marker].format, text: NUMBERED_FORMATS[marker].text(level) }
      : { format: LevelFormat.BULLET, text: sheet.listMarks[marker as 'check' | 'dash' | 'bullet'] }),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: twips(item.indent) + level * numberWidth + width, hanging: width } } },
  }));
}

/** A boxed note: a one-cell table with the stylesheet's frame, background and inner space. */
export function boxTable(sheet: Stylesheet, textWidth: number, children: (Paragraph | Table)[]): Table {
  const box = sheet.layout.box;
  // w:sz of a border is in eighths of a point.
  const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(box.width * 8)), color: box.color } as const;
  const padding = twips(box.padding);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [textWidth],
    margins: { top: padding, bottom: padding, left: padding, right: padding },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        children: [new TableCell({ shading: { type: ShadingType.CLEAR, color: 'auto', fill: box.fill }, children: children.length > 0 ? children : [new Paragraph({})] })],
      }),
    ],
  });
}

/** A horizontal rule: an empty paragraph with a bottom border. */
export function ruleParagraph(sheet: Stylesheet): Paragraph {
  const rule = sheet.layout.rule;
  return new Paragraph({
    style: 'Normal',
    border: { bottom: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(rule.width * 8)), color: rule.color, space: 1 } },
  });
}

/** The footnotes of the document for docx's `footnotes` option: id → the note's paragraphs. */
export function documentFootnotes(
  blocks: Block[],
  paragraphOf: (inlines: Inline[]) => Paragraph,
): Record<string, { children: Paragraph[] }> | undefined {
  const notes = footnotesOf(blocks);
  if (notes.length === 0) return undefined;
  return Object.fromEntries(notes.map((note) => [String(note.number), { children: [paragraphOf(note.children)] }]));
}

type StyleProps = (s: Stylesheet['styles'][keyof Stylesheet['styles']]) => IBaseParagraphStyleOptions;

/** Word's footnote text style made from the stylesheet, when the document has footnotes. */
export function footnoteStyle(sheet: Stylesheet, hasFootnotes: boolean, styleProps: StyleProps): { footnoteText?: IBaseParagraphStyleOptions } {
  return hasFootnotes ? { footnoteText: { ...styleProps(sheet.styles.footnote), basedOn: 'Normal' } } : {};
}

/** Style ids of captions and box titles (each based on Word's own style, added only when used). */
export const CAPTION_STYLE_ID = 'CluCaption';
export const BOX_TITLE_STYLE_ID = 'CluBoxTitle';

export function contentParagraphStyles(sheet: Stylesheet, use: ContentUse, styleProps: StyleProps) {
  return [
    ...(use.captions ? [{ id: CAPTION_STYLE_ID, name: 'clu Caption', basedOn: 'Caption', quickFormat: true, ...styleProps(sheet.styles.caption) }] : []),
    ...(use.boxes ? [{ id: BOX_TITLE_STYLE_ID, name: 'clu Box Title', basedOn: 'Normal', quickFormat: true, ...styleProps(sheet.styles.boxTitle) }] : []),
  ];
}
