// The content kinds of real minutes in Word's own constructs: list numbering with levels for nested
// lists, captions and box titles in styles of their own. What a document does not use adds nothing to the
// file, so documents without these kinds keep their bytes.
import type { Stylesheet } from '../document/stylesheet.js';
import type { Block, ListBlock, ListMarker } from '../document/tree.js';
import type { LevelFormat, NumberingLevel } from './docx-numbering.js';
import { twips } from './docx-xml.js';

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

const NUMBERED_FORMATS: Record<'number' | 'numberParen' | 'alpha' | 'roman', { format: LevelFormat; text: (l: number) => string }> = {
  number: { format: 'decimal', text: (l) => `%${l + 1}.` },
  numberParen: { format: 'decimal', text: (l) => `%${l + 1})` },
  alpha: { format: 'lowerLetter', text: (l) => `%${l + 1})` },
  roman: { format: 'lowerRoman', text: (l) => `%${l + 1}.` },
};

/**
 * The levels of one list numbering: level 0 as lists have always been written; deeper levels, when
 * the document nests lists, each further in by the width of a number.
 */
export function numberingLevels(sheet: Stylesheet, marker: ListMarker, nested: boolean): NumberingLevel[] {
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
      : { format: 'bullet' as const, text: sheet.listMarks[marker as 'check' | 'dash' | 'bullet'] }),
    left: twips(item.indent) + level * numberWidth + width,
    hanging: width,
  }));
}

/** Style ids of captions and box titles (each based on Word's own style, added only when used). */
export const CAPTION_STYLE_ID = 'CluCaption';
export const BOX_TITLE_STYLE_ID = 'CluBoxTitle';
