// Style is data: page setup, fonts, and one entry per paragraph style. Writers read sizes, fonts and
// spacing from here only; a template folder may ship its own `style.json` that overrides the defaults.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParagraphStyle } from './tree.js';

export type FontVariant = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFiles {
  /** Family name written into the DOCX (Word substitutes if absent); the PDF embeds the TTF files. */
  family: string;
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface BlockStyle {
  font: FontVariant;
  /** Points. */
  size: number;
  align: 'left' | 'right' | 'center';
  /** Points before and after the paragraph. */
  spaceBefore: number;
  spaceAfter: number;
  /** Left indent, points. */
  indent: number;
  /** Keep with the next paragraph (headings, labels). */
  keepWithNext: boolean;
  /** Hex colour without '#', e.g. "000091". */
  color: string;
  underline: boolean;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

export type StyleName =
  | ParagraphStyle
  | 'title'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'listItem'
  /** A table's or a picture's caption. */
  | 'caption'
  /** The text of a footnote, at the foot of the page. */
  | 'footnote'
  /** The title of a boxed note ("À retenir"). */
  | 'boxTitle';

export interface Stylesheet {
  page: {
    /** Only A4 is used by French administrations. */
    size: 'A4';
    /** Margins in points. */
    margins: { top: number; right: number; bottom: number; left: number };
  };
  fonts: FontFiles;
  /** Marks for lists: ✓ in the reference. */
  listMarks: { check: string; dash: string; bullet: string };
  /** Footer text; `{page}` and `{pages}` are replaced by the page number and the page count. */
  footer: string;
  /** Running header from page 2 on (page 1 has the letterhead); `{title}` is the document title. '' for none. */
  header: string;
  /** Layout decisions both writers express the same way (read through src/document/layout.ts). */
  layout: LayoutRules;
  styles: Record<StyleName, BlockStyle>;
}

export interface LayoutRules {
  /** The letterhead column (bloc-marque, services, contact), as a fraction of the page width. */
  letterheadWidth: number;
  /** The rules around table cells: width in points, hex colour without '#'. */
  tableRule: { width: number; color: string };
  /** A boxed note: its frame (width in points, colour), background colour, and the space inside, points. */
  box: { width: number; color: string; fill: string; padding: number };
  /** A horizontal rule, and the rule above the footnotes of a page: width in points, colour. */
  rule: { width: number; color: string };
}

const require = createRequire(import.meta.url);

/** Directory of the bundled open-licence TTF files (SIL OFL, from the npm registry). */
function interDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/inter/package.json'));
}

export function defaultFonts(): FontFiles {
  const dir = interDir();
  return {
    family: 'Inter',
    regular: path.join(dir, '400Regular', 'Inter_400Regular.ttf'),
    bold: path.join(dir, '700Bold', 'Inter_700Bold.ttf'),
    italic: path.join(dir, '400Regular_Italic', 'Inter_400Regular_Italic.ttf'),
    boldItalic: path.join(dir, '700Bold_Italic', 'Inter_700Bold_Italic.ttf'),
  };
}

const base: BlockStyle = {
  font: 'regular',
  size: 10,
  align: 'left',
  // Half the gap before and half after, so that a paragraph after a list or a table is spaced too.
  spaceBefore: 3,
  spaceAfter: 3,
  indent: 0,
  keepWithNext: false,
  color: '000000',
  underline: false,
  lineHeight: 1.2,
};

const style = (overrides: Partial<BlockStyle>): BlockStyle => ({ ...base, ...overrides });

export function defaultStylesheet(): Stylesheet {
  return {
    page: { size: 'A4', margins: { top: 57, right: 57, bottom: 57, left: 68 } },
    fonts: defaultFonts(),
    listMarks: { check: '✓', dash: '–', bullet: '•' },
    footer: 'Page {page} / {pages}',
    header: '{title}',
    layout: {
      letterheadWidth: 0.45,
      tableRule: { width: 0.5, color: '000000' },
      box: { width: 0.75, color: '000091', fill: 'F5F5FE', padding: 6 },
      rule: { width: 0.5, color: '000000' },
    },
    styles: {
      body: style({}),
      bodyKeep: style({ keepWithNext: true }),
      marque: style({ font: 'bold', size: 11, spaceBefore: 0, spaceAfter: 2, lineHeight: 1.1 }),
      devise: style({ font: 'italic', size: 8, spaceBefore: 0, spaceAfter: 8, lineHeight: 1.1 }),
      service: style({ font: 'bold', size: 8, spaceBefore: 0, spaceAfter: 6 }),
      contact: style({ size: 8, spaceBefore: 0, spaceAfter: 0 }),
      dateline: style({ align: 'right', spaceBefore: 12, spaceAfter: 18 }),
      title: style({ font: 'bold', size: 13, align: 'center', spaceBefore: 6, spaceAfter: 18, keepWithNext: true }),
      label: style({ font: 'bold', spaceBefore: 6, keepWithNext: true }),
      category: style({ underline: true, spaceBefore: 4, keepWithNext: true }),
      attendee: style({ spaceBefore: 0, spaceAfter: 2, indent: 14 }),
      heading1: style({ font: 'bold', size: 11.5, spaceBefore: 14, spaceAfter: 8, keepWithNext: true, color: '000091' }),
      heading2: style({ font: 'bold', size: 10.5, spaceBefore: 10, spaceAfter: 6, keepWithNext: true, indent: 14 }),
      heading3: style({ font: 'boldItalic', size: 10, spaceBefore: 8, spaceAfter: 6, keepWithNext: true, indent: 28 }),
      heading4: style({ font: 'italic', size: 10, spaceBefore: 6, spaceAfter: 6, keepWithNext: true, indent: 28 }),
      presentation: style({ font: 'italic', keepWithNext: true }),
      intertitle: style({ font: 'bold', spaceBefore: 4, keepWithNext: true }),
      listItem: style({ spaceBefore: 0, spaceAfter: 3, indent: 14 }),
      question: style({ keepWithNext: true }),
      exchange: style({}),
      noQuestion: style({ font: 'italic' }),
      counts: style({ font: 'bold' }),
      vote: style({ font: 'bold' }),
      // Kept with what follows, so the signature never stands alone at the top of a page.
      closing: style({ keepWithNext: true }),
      signatureQualite: style({ align: 'right', spaceBefore: 18, spaceAfter: 36, keepWithNext: true }),
      signatureName: style({ align: 'right', font: 'bold' }),
      annexHeader: style({ font: 'bold', align: 'center', spaceBefore: 0, spaceAfter: 2 }),
      small: style({ size: 8, spaceBefore: 0, spaceAfter: 0 }),
      caption: style({ font: 'italic', size: 9, align: 'center', spaceBefore: 3, spaceAfter: 6 }),
      footnote: style({ size: 8, spaceBefore: 0, spaceAfter: 1 }),
      boxTitle: style({ font: 'bold', spaceBefore: 0, spaceAfter: 3, keepWithNext: true, color: '000091' }),
    },
  };
}
