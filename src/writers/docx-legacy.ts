// DOCX writer: the document tree → a Word file with real, editable styles.
//
// Every paragraph carries a named style (Normal, Title, Heading1..4, List*, Clu*), so a secretary can
// restyle the whole document from Word's style gallery; sizes, spacing and colours come from the
// stylesheet only. The bytes are made reproducible by the post-pass in docx-normalize.ts.
import { readRegularFile } from '../load/read-file.js';
import { inspectImage, type ImageInfo } from '../load/image-check.js';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  FileChild,
  Footer,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import type {
  IBaseParagraphStyleOptions,
  IParagraphStyleOptions,
  IParagraphStylePropertiesOptions,
  ITableBordersOptions,
} from 'docx';
import type { BlockStyle, Stylesheet } from '../document/stylesheet.js';
import { columnWeights, letterheadWidth, paragraphKeeps, signatureColumns, tableRule } from '../document/layout.js';
import type { Block, DocumentTree, Inline, ListBlock, ListMarker, ParagraphStyle, TableCell as TreeTableCell } from '../document/tree.js';
import { normalizeDocxParts } from './docx-normalize.js';
import {
  BOX_TITLE_STYLE_ID,
  CAPTION_STYLE_ID,
  boxTable,
  contentParagraphStyles,
  contentUse,
  documentFootnotes,
  footnoteStyle,
  numberingLevels,
  LIST_LEVELS,
  ruleParagraph,
  type ContentUse,
} from './docx-legacy-content.js';

export interface DocxOptions {
  /** Directory that relative image paths are resolved against (default: the current directory). */
  baseDir?: string;
}

/** A4 in twips (210 × 297 mm). */
const A4 = { width: 11906, height: 16838 } as const;

/** Points → twips (twentieths of a point). */
const twips = (points: number): number => Math.round(points * 20);
/** Points → half-points (w:sz). */
const halfPoints = (points: number): number => Math.round(points * 2);
/** Points → pixels at 96 dpi (the unit of ImageRun's transformation). */
const pixels = (points: number): number => Math.round((points * 96) / 72);

function assertNever(value: never, what: string): never {
  throw new Error(`docx writer: unhandled ${what}: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------------
// Style ids

/** Word style id of a tree paragraph style: 'body' is Normal, the others are custom "clu …" styles. */
export function paragraphStyleId(name: ParagraphStyle): string {
  return name === 'body' ? 'Normal' : `Clu${pascal(name)}`;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Every ParagraphStyle, in a fixed order (the order of the styles in styles.xml). A Record, so that a
 * style added to tree.ts without a Word style here breaks the build.
 */
const PARAGRAPH_STYLE_SET: Record<ParagraphStyle, true> = {
  body: true,
  bodyKeep: true,
  marque: true,
  devise: true,
  service: true,
  contact: true,
  dateline: true,
  label: true,
  category: true,
  attendee: true,
  presentation: true,
  intertitle: true,
  question: true,
  exchange: true,
  noQuestion: true,
  counts: true,
  vote: true,
  closing: true,
  signatureQualite: true,
  signatureName: true,
  annexHeader: true,
  small: true,
};
const PARAGRAPH_STYLES = Object.keys(PARAGRAPH_STYLE_SET) as ParagraphStyle[];

/** Numbering references and the paragraph style that carries each list marker. */
const LISTS: Record<ListMarker, { reference: string; styleId: string; styleName: string }> = {
  check: { reference: 'clu-check', styleId: 'ListBullet', styleName: 'List Bullet' },
  dash: { reference: 'clu-dash', styleId: 'CluListDash', styleName: 'clu List Dash' },
  bullet: { reference: 'clu-bullet', styleId: 'CluListBullet', styleName: 'clu List Bullet' },
  number: { reference: 'clu-number', styleId: 'ListNumber', styleName: 'List Number' },
  numberParen: { reference: 'clu-number-paren', styleId: 'CluListNumberParen', styleName: 'clu List Number Paren' },
  alpha: { reference: 'clu-alpha', styleId: 'CluListAlpha', styleName: 'clu List Alpha' },
  roman: { reference: 'clu-roman', styleId: 'CluListRoman', styleName: 'clu List Roman' },
};
/** The lists every document defines; the others only when used (so that other documents keep their bytes). */
const LIST_MARKERS: readonly ListMarker[] = ['check', 'dash', 'bullet', 'number'];
const MORE_LIST_MARKERS: readonly ListMarker[] = ['numberParen', 'alpha', 'roman'];
const listMarkers = (use: ContentUse): ListMarker[] => [...LIST_MARKERS, ...MORE_LIST_MARKERS.filter((m) => use.markers.has(m))];

const FOOTER_STYLE_ID = 'Footer';

// ---------------------------------------------------------------------------------------------------
// Stylesheet → Word styles

const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;

/** Run and paragraph properties of one stylesheet entry. */
function styleProps(s: BlockStyle, extra: { outlineLevel?: number; heading?: boolean } = {}): IBaseParagraphStyleOptions {
  const keeps = paragraphKeeps(s, extra.heading === true);
  const bold = s.font === 'bold' || s.font === 'boldItalic';
  const italics = s.font === 'italic' || s.font === 'boldItalic';
  return {
    run: {
      size: halfPoints(s.size),
      color: s.color,
      ...(bold ? { bold: true } : {}),
      ...(italics ? { italics: true } : {}),
      ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    },
    paragraph: {
      alignment: ALIGN[s.align],
      spacing: {
        before: twips(s.spaceBefore),
        after: twips(s.spaceAfter),
        // Exact, as the PDF writer sets lines (size × lineHeight): "auto" would multiply the font's own
        // line height (1.21 em for Inter) and Word or LibreOffice would need more pages than the PDF.
        line: twips(s.lineHeight * s.size),
        lineRule: LineRuleType.EXACT,
      },
      ...(s.indent !== 0 ? { indent: { left: twips(s.indent) } } : {}),
      ...(keeps.withNext ? { keepNext: true } : {}),
      ...(keeps.together ? { keepLines: true } : {}),
      ...(extra.outlineLevel !== undefined ? { outlineLevel: extra.outlineLevel } : {}),
    },
  };
}

function headingStyle(s: BlockStyle, level: number): IBaseParagraphStyleOptions {
  const props = styleProps(s, { outlineLevel: level, heading: true });
  return { ...props, basedOn: 'Normal', next: 'Normal', quickFormat: true };
}

function customParagraphStyles(sheet: Stylesheet, use: ContentUse): IParagraphStyleOptions[] {
  const styles: IParagraphStyleOptions[] = [];
  for (const name of PARAGRAPH_STYLES) {
    if (name === 'body') continue; // Normal: the document defaults carry the body style
    styles.push({
      id: paragraphStyleId(name),
      name: `clu ${pascal(name)}`,
      basedOn: 'Normal',
      quickFormat: true,
      ...styleProps(sheet.styles[name]),
    });
  }
  // List styles: the listItem entry, plus the numbering that draws the marker.
  const item = styleProps(sheet.styles.listItem);
  for (const marker of listMarkers(use)) {
    const list = LISTS[marker];
    styles.push({
      id: list.styleId,
      name: list.styleName,
      basedOn: 'Normal',
      quickFormat: true,
      run: item.run,
      paragraph: {
        ...item.paragraph,
        // The indent lives in the numbering level, so that Word's list tools keep working.
        indent: undefined,
        numbering: { reference: list.reference, level: 0 },
      },
    });
  }
  const small = sheet.styles.small;
  styles.push({
    id: FOOTER_STYLE_ID,
    name: 'footer',
    basedOn: 'Normal',
    run: { size: halfPoints(small.size), color: small.color },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
  });
  styles.push(...contentParagraphStyles(sheet, use, (s) => styleProps(s)));
  return styles;
}

function numberingConfig(sheet: Stylesheet, use: ContentUse) {
  return listMarkers(use).map((marker) => ({ reference: LISTS[marker].reference, levels: numberingLevels(sheet, marker, use.nested) }));
}

// ---------------------------------------------------------------------------------------------------
// Inlines

interface RunFormat {
  bold?: true;
  italics?: true;
  superScript?: true;
}

/**
 * Inlines → runs. A line break becomes `break` on the following run (or on an empty run at the end),
 * never a raw "\n" in w:t; a tab becomes a w:tab.
 */
type Run = TextRun | FootnoteReferenceRun;

function runs(inlines: Inline[], base: RunFormat = {}): Run[] {
  const out: Run[] = [];
  let pendingBreaks = 0;

  const pushText = (text: string, format: RunFormat): void => {
    if (text === '') return;
    const pieces = text.split('\t');
    const children: (string | Tab)[] = [];
    pieces.forEach((piece, i) => {
      if (i > 0) children.push(new Tab());
      if (piece !== '') children.push(piece);
    });
    out.push(new TextRun({ ...format, ...(pendingBreaks > 0 ? { break: pendingBreaks } : {}), children }));
    pendingBreaks = 0;
  };

  const walk = (nodes: Inline[], format: RunFormat): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          node.value.split(/\r\n|\r|\n/).forEach((line, i) => {
            if (i > 0) pendingBreaks += 1;
            pushText(line, format);
          });
          break;
        case 'strong':
          walk(node.children, { ...format, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...format, italics: true });
          break;
        case 'superscript':
          walk(node.children, { ...format, superScript: true });
          break;
        case 'lineBreak':
          pendingBreaks += 1;
          break;
        case 'footnote':
          // The note's text is in word/footnotes.xml under its number (documentFootnotes).
          out.push(new FootnoteReferenceRun(node.number));
          break;
        default:
          assertNever(node, 'inline');
      }
    }
  };

  walk(inlines, base);
  // Breaks that end a paragraph: the PDF writer starts no line after the last one, Word does; one fewer
  // keeps the two formats the same height (the sign-in sheet's signature cells are made of breaks).
  if (pendingBreaks > 1) out.push(new TextRun({ ...base, break: pendingBreaks - 1 }));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Blocks

interface Context {
  sheet: Stylesheet;
  baseDir: string;
  /** Width between the margins, twips. */
  textWidth: number;
  /** Inside the letterhead: the right indent that narrows its paragraphs to the letterhead column, twips. */
  rightIndent: number;
  /** Set by an annex: the next paragraph starts a new page. */
  pageBreakPending: boolean;
  /** Number lists seen so far: each one is a new numbering instance, so it restarts at 1. */
  numberLists: number;
  /** The stylesheet entry of each Word paragraph style used in the flow, for the spacing between paragraphs. */
  blockStyles: Map<string, BlockStyle>;
  /** Space after the previous paragraph of the flow, points (0 after a table or an image). */
  previousSpaceAfter: number;
}

/** Word paragraph style id → the stylesheet entry it was made from. */
function blockStylesById(sheet: Stylesheet): Map<string, BlockStyle> {
  const map = new Map<string, BlockStyle>([['Title', sheet.styles.title]]);
  for (const name of PARAGRAPH_STYLES) map.set(paragraphStyleId(name), sheet.styles[name]);
  for (const level of [1, 2, 3, 4] as const) map.set(`Heading${level}`, sheet.styles[`heading${level}`]);
  for (const marker of [...LIST_MARKERS, ...MORE_LIST_MARKERS]) map.set(LISTS[marker].styleId, sheet.styles.listItem);
  map.set(CAPTION_STYLE_ID, sheet.styles.caption);
  map.set(BOX_TITLE_STYLE_ID, sheet.styles.boxTitle);
  return map;
}

/**
 * Word (and LibreOffice reading a DOCX) puts the larger of "space after" and the next paragraph's "space
 * before" between two paragraphs; the PDF writer adds them. When both are set, the paragraph gets their
 * sum as its own space before, so that both formats space (and paginate) alike.
 */
function spaceBeforeAsInPdf(ctx: Context, style: string, pageBreakBefore: boolean): { before: number } | undefined {
  const block = ctx.blockStyles.get(style);
  const previous = ctx.previousSpaceAfter;
  ctx.previousSpaceAfter = block?.spaceAfter ?? 0;
  if (block === undefined || pageBreakBefore || previous === 0 || block.spaceBefore === 0) return undefined;
  return { before: twips(previous + block.spaceBefore) };
}

type ParagraphExtra = { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; spacing?: { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType] } };

/** A paragraph in a named style; takes a pending page break. */
function paragraph(
  ctx: Context,
  style: string,
  children: (Run | ImageRun)[],
  extra: ParagraphExtra & { numbering?: { reference: string; level: number; instance?: number }; keepNext?: boolean } = {},
): Paragraph {
  const pageBreakBefore = ctx.pageBreakPending;
  ctx.pageBreakPending = false;
  const indent = ctx.rightIndent > 0 ? { indent: { right: ctx.rightIndent } } : {};
  const before = spaceBeforeAsInPdf(ctx, style, pageBreakBefore);
  const spacing = before || extra.spacing ? { spacing: { ...extra.spacing, ...before } } : {};
  return new Paragraph({ style, children, ...extra, ...indent, ...spacing, ...(pageBreakBefore ? { pageBreakBefore: true } : {}) });
}

/** Before a table: a pending page break needs a paragraph of its own (w:pageBreakBefore is ignored in cells). */
function flushPageBreak(ctx: Context): Paragraph[] {
  return ctx.pageBreakPending ? [paragraph(ctx, 'Normal', [])] : [];
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function proportionalWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  if (sum <= 0) return weights.map(() => Math.floor(total / Math.max(1, weights.length)));
  const widths = weights.map((w) => Math.floor(((w > 0 ? w : 0) / sum) * total));
  // Give the rounding remainder to the last column so the grid adds up to the text width.
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/** Padding inside table cells, twips: the PDF writer's 3 pt. */
const TABLE_CELL_PADDING = twips(3);

function table(ctx: Context, block: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const columnCount = Math.max(block.columns.length, ...block.rows.map((r) => r.length));
  // Word cannot open a table without rows or cells: an empty table writes nothing.
  if (columnCount === 0 || block.rows.length === 0) return [];
  const weights = columnWeights(block.columns, columnCount);
  const rule = tableRule(ctx.sheet);
  // w:sz of a border is in eighths of a point.
  const border = { style: BorderStyle.SINGLE, size: Math.round(rule.width * 8), color: rule.color } as const;
  // Only the leading rows made of header cells can repeat at the top of each page.
  let inHeader = true;
  const rows = block.rows.map((row) => {
    inHeader = inHeader && row.length > 0 && row.every((cell) => cell.header === true);
    const cells: TreeTableCell[] = Array.from({ length: columnCount }, (_, i) => row[i] ?? { children: [] });
    return new TableRow({
      cantSplit: true,
      ...(inHeader ? { tableHeader: true } : {}),
      children: cells.map(
        (cell) =>
          new TableCell({
            // Table cells use the "small" style, as in the PDF writer.
            children: [new Paragraph({ style: paragraphStyleId('small'), children: runs(cell.children, cell.header ? { bold: true } : {}) })],
          }),
      ),
    });
  });
  const breakBefore = flushPageBreak(ctx);
  ctx.previousSpaceAfter = 0;
  return [
    ...breakBefore,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: proportionalWidths(weights, ctx.textWidth),
      // The PDF writer's cell padding (3 pt) on every side, so that rows are as tall; Word and LibreOffice
      // add the rule below a row to its height, the PDF draws it inside the padding: the bottom is less by it.
      margins: { top: TABLE_CELL_PADDING, bottom: TABLE_CELL_PADDING - twips(rule.width), left: TABLE_CELL_PADDING, right: TABLE_CELL_PADDING },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    }),
  ];
}

/** One column per signatory; a single signatory sits in the right half of the page. */
function signatures(ctx: Context, block: Extract<Block, { type: 'signatures' }>): (Paragraph | Table)[] {
  if (block.signatories.length === 0) return [];
  const { columns, first, centred } = signatureColumns(block.signatories.length);
  const extra: ParagraphExtra = centred ? { alignment: AlignmentType.CENTER } : {};
  const signatoryCell = (s: { qualite: Inline[]; name: Inline[] }) =>
    new TableCell({
      children: [
        new Paragraph({ style: paragraphStyleId('signatureQualite'), children: runs(s.qualite), ...extra }),
        new Paragraph({ style: paragraphStyleId('signatureName'), children: runs(s.name), ...extra }),
      ],
    });
  const empty = Array.from({ length: first }, () => new TableCell({ children: [new Paragraph({ style: 'Normal', children: [] })] }));
  const cells = [...empty, ...block.signatories.map(signatoryCell)];
  const breakBefore = flushPageBreak(ctx);
  ctx.previousSpaceAfter = 0;
  return [
    ...breakBefore,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: proportionalWidths(new Array<number>(columns).fill(1), ctx.textWidth),
      borders: NO_BORDERS,
      rows: [new TableRow({ cantSplit: true, children: cells })],
    }),
  ];
}

async function image(ctx: Context, block: Extract<Block, { type: 'image' }>): Promise<Paragraph> {
  const file = path.resolve(ctx.baseDir, block.path);
  let data: Buffer;
  try {
    data = readRegularFile(file, 'image');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'Image file not found' : 'Cannot read image file';
    throw new Error(`${reason}: ${file}`, { cause: error });
  }
  // The type from the bytes, not the name: a PNG saved as logo.jpg or logo.img is still a PNG.
  let size: ImageInfo;
  try {
    size = inspectImage(data);
  } catch (error) {
    throw new Error(`Unsupported image (PNG or JPEG expected): ${file}: ${(error as Error).message}`, { cause: error });
  }
  const type = size.type === 'png' ? 'png' : 'jpg';
  // A picture is never wider than the text column (the PDF writer narrows it so too).
  const width = pixels(Math.min(block.width, ctx.textWidth / 20));
  const height = Math.max(1, Math.round((width * size.height) / Math.max(1, size.width)));
  // An image needs a line as tall as itself: the exact line height of Normal would cut it.
  return paragraph(ctx, 'Normal', [
    new ImageRun({
      type,
      data,
      transformation: { width, height },
      altText: { name: path.basename(block.path), title: block.alt, description: block.alt },
    }),
  ], { spacing: { line: 240, lineRule: LineRuleType.AUTO }, ...(block.figure ? { alignment: AlignmentType.CENTER } : {}) });
}

/**
 * A list's items, and under an item the list nested in it, one numbering level deeper. Every numbered
 * list (nested ones too) gets its own numbering instance, so that each one restarts at 1 (or a).
 */
function list(ctx: Context, b: ListBlock, depth: number): Paragraph[] {
  const style = LISTS[b.marker];
  const numbered = b.marker === 'number' || b.marker === 'numberParen' || b.marker === 'alpha' || b.marker === 'roman';
  const level = Math.min(depth, LIST_LEVELS - 1);
  const numbering = numbered ? { reference: style.reference, level, instance: ++ctx.numberLists } : depth > 0 ? { reference: style.reference, level } : undefined;
  return b.items.flatMap((item, i) => {
    const sub = b.sublists?.[i];
    return [paragraph(ctx, style.styleId, runs(item), numbering ? { numbering } : {}), ...(sub ? list(ctx, sub, depth + 1) : [])];
  });
}

async function blocks(ctx: Context, list: Block[]): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) out.push(...(await block(ctx, b)));
  return out;
}

async function block(ctx: Context, b: Block): Promise<(Paragraph | Table)[]> {
  switch (b.type) {
    case 'title':
      return [paragraph(ctx, 'Title', runs(b.children))];
    case 'heading':
      return [paragraph(ctx, `Heading${b.level}`, runs(b.children))];
    case 'paragraph':
      return [paragraph(ctx, paragraphStyleId(b.style), runs(b.children))];
    case 'list':
      return list(ctx, b, 0);
    case 'table':
      return [...(b.caption ? [paragraph(ctx, CAPTION_STYLE_ID, runs(b.caption), { keepNext: true })] : []), ...table(ctx, b)];
    case 'image':
      return [await image(ctx, b), ...(b.caption ? [paragraph(ctx, CAPTION_STYLE_ID, runs(b.caption))] : [])];
    case 'box': {
      const breakBefore = flushPageBreak(ctx);
      ctx.previousSpaceAfter = 0;
      const inside = [...(b.title ? [paragraph(ctx, BOX_TITLE_STYLE_ID, runs(b.title))] : []), ...(await blocks(ctx, b.children))];
      ctx.previousSpaceAfter = 0;
      return [...breakBefore, boxTable(ctx.sheet, ctx.textWidth, inside)];
    }
    case 'rule':
      ctx.previousSpaceAfter = 0;
      return [ruleParagraph(ctx.sheet)];
    case 'signatures':
      return signatures(ctx, b);
    case 'division':
      switch (b.role) {
        case 'annex':
          ctx.pageBreakPending = true;
          return blocks(ctx, b.children);
        case 'letterhead': {
          // The letterhead is a column at the left, as wide as the stylesheet says (the PDF draws it so).
          const pageWidth = A4.width / 20;
          const textWidth = ctx.textWidth / 20;
          const saved = ctx.rightIndent;
          ctx.rightIndent = twips(textWidth - letterheadWidth(ctx.sheet, pageWidth, textWidth));
          try {
            return await blocks(ctx, b.children);
          } finally {
            ctx.rightIndent = saved;
          }
        }
        case 'attendance':
        case 'section':
          return blocks(ctx, b.children);
        default:
          return assertNever(b.role, 'division role');
      }
    case 'pageBreak':
      ctx.pageBreakPending = false;
      return [new Paragraph({ style: 'Normal', children: [new PageBreak()] })];
    default:
      return assertNever(b, 'block');
  }
}

// ---------------------------------------------------------------------------------------------------
// Footer

/** The stylesheet's footer text with {page} and {pages} as PAGE and NUMPAGES fields. */
function footer(sheet: Stylesheet): Footer {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const piece of sheet.footer.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') children.push(PageNumber.CURRENT);
    else if (piece === '{pages}') children.push(PageNumber.TOTAL_PAGES);
    else if (piece !== '') children.push(piece);
  }
  return new Footer({ children: [new Paragraph({ style: FOOTER_STYLE_ID, children: [new TextRun({ children })] })] });
}

/** The running header of pages 2 and after (the first page has the letterhead instead). */
function runningHeader(sheet: Stylesheet, title: string): Header {
  const text = sheet.header.replaceAll('{title}', title);
  return new Header({
    children: text === '' ? [] : [new Paragraph({ style: FOOTER_STYLE_ID, alignment: AlignmentType.RIGHT, children: [new TextRun(text)] })],
  });
}

// ---------------------------------------------------------------------------------------------------

/** The four faces of the stylesheet's font, read for embedding. */
async function embeddedFont(fonts: Stylesheet['fonts']): Promise<{ name: string; data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer }> {
  const [data, bold, italic, boldItalic] = [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic].map((file) => readRegularFile(file, 'font'));
  return { name: fonts.family, data: data!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}

/** Renders the tree as a DOCX file; the same tree and stylesheet always give the same bytes. */
export async function writeDocx(tree: DocumentTree, style: Stylesheet, options: DocxOptions = {}): Promise<Buffer> {
  const margins = style.page.margins;
  const ctx: Context = {
    sheet: style,
    baseDir: path.resolve(options.baseDir ?? '.'),
    textWidth: A4.width - twips(margins.left) - twips(margins.right),
    rightIndent: 0,
    pageBreakPending: false,
    numberLists: 0,
    blockStyles: blockStylesById(style),
    previousSpaceAfter: 0,
  };
  const children: FileChild[] = await blocks(ctx, tree.blocks);
  const use = contentUse(tree.blocks);
  const footnotes = documentFootnotes(tree.blocks, (inlines) => new Paragraph({ style: 'FootnoteText', children: runs(inlines) }));
  const body = styleProps(style.styles.body);
  const { meta } = tree;
  // docx's typings omit widowControl from the document defaults, but it writes it (<w:widowControl/> in
  // w:pPrDefault); without it Word and LibreOffice leave widow/orphan control off. A typed variable,
  // not a literal, so the extra property passes the excess-property check.
  const defaultParagraph: IParagraphStylePropertiesOptions & { widowControl: boolean } = {
    ...body.paragraph,
    widowControl: true,
  };

  const doc = new Document({
    // The document's fonts travel inside it (Word's embedded TrueType fonts), so that Word and
    // LibreOffice lay it out as the PDF is even where the font is not installed.
    fonts: [await embeddedFont(style.fonts)],
    title: meta.title,
    ...(meta.subject !== undefined ? { subject: meta.subject } : {}),
    ...(meta.author !== undefined ? { creator: meta.author } : {}),
    ...(meta.keywords !== undefined && meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    description: meta.subject ?? meta.title,
    lastModifiedBy: 'clu',
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        // The document defaults are the body style, so Normal (and everything based on it) inherits it.
        document: {
          run: { ...body.run, font: style.fonts.family, language: { value: meta.lang } },
          paragraph: defaultParagraph,
        },
        title: { ...styleProps(style.styles.title), basedOn: 'Normal', next: 'Normal', quickFormat: true },
        heading1: headingStyle(style.styles.heading1, 0),
        heading2: headingStyle(style.styles.heading2, 1),
        heading3: headingStyle(style.styles.heading3, 2),
        heading4: headingStyle(style.styles.heading4, 3),
        ...footnoteStyle(style, footnotes !== undefined, (s) => styleProps(s)),
      },
      paragraphStyles: customParagraphStyles(style, use),
    },
    numbering: { config: numberingConfig(style, use) },
    ...(footnotes ? { footnotes } : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: twips(margins.top),
              right: twips(margins.right),
              bottom: twips(margins.bottom),
              left: twips(margins.left),
            },
          },
        },
        headers: { first: new Header({ children: [] }), default: runningHeader(style, meta.title) },
        footers: { first: footer(style), default: footer(style) },
        children,
      },
    ],
  });

  return normalizeDocxParts(packageParts(doc), meta.date, { lang: meta.lang, application: 'clu' });
}

/**
 * The package's parts, unzipped: what Packer.toBuffer zips, from the compiler it zips with (a static
 * member docx does not document; test/writer-docx.test.ts checks that it gives the bytes Packer gave), so
 * that the package is zipped once, by normalizeDocxParts, instead of zipped, unzipped and zipped again.
 */
function packageParts(doc: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler: { compile(file: Document): Map<string, string | Uint8Array> } }).compiler;
  return compiler.compile(doc);
}
