// PDF writer: renders the document tree with pdfkit as a tagged PDF (PDF/UA-1, or PDF/A-2a + PDF/UA-1).
//
// Inline layout is done here rather than with pdfkit's `continued: true` runs: pdfkit aligns each run of
// a centred or right-aligned paragraph on its own, advances lines by the height of whichever run ends
// them (a final superscript shrinks the line), and gives no way to measure mixed runs exactly. Laying out
// words ourselves keeps alignment right for mixed runs, gives exact heights for keep-with-next and
// widow/orphan control, and lets one tagged paragraph continue on the next page as a second marked-content
// sequence of the same structure element. Every line is drawn left to right with its spaces (never
// justified), so the tagged text reads in order with its spaces, U+00A0 and U+202F included.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Block, DocumentMeta, DocumentTree, Inline, ListMarker, TableCell } from '../document/tree.js';
import type { BlockStyle, FontFiles, FontVariant, StyleName, Stylesheet } from '../document/stylesheet.js';
import { createPdfDocument, type PdfDoc } from './pdfkit-compat.js';

export interface PdfWriterOptions {
  /** Claim PDF/A-2a (plus the PDF/UA-1 identifier) instead of PDF/UA-1 alone. */
  pdfa?: boolean;
  /** Directory that relative image paths are resolved against (default: the working directory). */
  baseDir?: string;
}

type StructElement = PDFKit.PDFStructureElement;
type ImageBlock = Extract<Block, { type: 'image' }>;
type TableBlock = Extract<Block, { type: 'table' }>;
type SignaturesBlock = Extract<Block, { type: 'signatures' }>;
type Align = BlockStyle['align'];

/** Fixed strings: the Info dictionary must not depend on the machine or the version being run. */
const PRODUCER = 'clu';

const FONT_NAMES: Record<FontVariant, string> = {
  regular: 'clu-regular',
  bold: 'clu-bold',
  italic: 'clu-italic',
  boldItalic: 'clu-bold-italic',
};

// Typographic constants, relative to the running font size (the stylesheet holds the sizes themselves).
/** Superscript size, as a fraction of the paragraph's size. */
const SUPERSCRIPT_SCALE = 0.65;
/** Superscript baseline shift, in ems of the paragraph's size. */
const SUPERSCRIPT_RISE = 0.33;
/** Gap between a list mark and the item text, and the least distance from mark to text, in ems. */
const LIST_MARK_GAP = 0.6;
const LIST_MIN_HANG = 1.5;
/** Underline position below the baseline and thickness, in ems. */
const UNDERLINE_OFFSET = 0.12;
const UNDERLINE_THICKNESS = 0.06;
/** The letterhead column (bloc-marque, services, contact), as a fraction of the page width. */
const LETTERHEAD_WIDTH = 0.45;
/** Table cell padding and rule width, in points. */
const CELL_PADDING = 3;
const RULE_WIDTH = 0.5;
/** Tolerance for floating-point comparisons of lengths, in points. */
const EPSILON = 0.01;

const TEXT_OPTIONS: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic' };

export async function writePdf(tree: DocumentTree, style: Stylesheet, options: PdfWriterOptions = {}): Promise<Buffer> {
  const baseDir = options.baseDir ?? process.cwd();
  const [fonts, images] = await Promise.all([loadFonts(style.fonts), loadImages(tree.blocks, baseDir)]);

  const doc = createPdfDocument({
    size: style.page.size,
    margins: { ...style.page.margins },
    pdfVersion: '1.7',
    subset: options.pdfa ? 'PDF/A-2a' : 'PDF/UA',
    tagged: true,
    lang: tree.meta.lang,
    displayTitle: true,
    bufferPages: true,
    font: null,
    info: documentInfo(tree.meta),
  });
  const output = collect(doc);

  for (const variant of FONT_VARIANTS) doc.registerFont(FONT_NAMES[variant], fonts[variant]);
  escapeXmpInfo(doc);
  if (options.pdfa) {
    // PDF/A-2a is claimed through `subset`; the PDF/UA-1 identifier is added by hand (one subset only).
    doc.appendXML(
      '<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>',
    );
  }

  const renderer = new PdfRenderer(doc, style, images);
  renderer.render(tree.blocks);
  // Headers first: the footer then ends each page's text, as readers and the tests expect.
  renderer.drawRunningHeaders(tree.meta.title);
  renderer.drawFooters();
  doc.end();
  return output;
}

const FONT_VARIANTS: readonly FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];

function documentInfo(meta: DocumentMeta): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Creator: PRODUCER,
    Producer: PRODUCER,
    CreationDate: meta.date,
  };
  // No ModDate: the XMP packet pdfkit writes has no xmp:ModifyDate to match it.
  if (meta.author) info.Author = meta.author;
  if (meta.subject) info.Subject = meta.subject;
  if (meta.keywords && meta.keywords.length > 0) info.Keywords = meta.keywords.join(', ');
  return info;
}

function collect(doc: PdfDoc): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * pdfkit copies the Info strings into the XMP packet without XML escaping, so "Conseil & Bureau" gives
 * an ill-formed packet. Escape them only while the packet is written: the Info dictionary has already
 * been written by then and keeps the plain strings.
 */
function escapeXmpInfo(doc: PdfDoc): void {
  const original = doc._addInfo;
  const keys = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;
  doc._addInfo = function (this: PdfDoc): void {
    const saved = { ...this.info };
    for (const key of keys) {
      const value = this.info[key];
      if (value) this.info[key] = escapeXml(value);
    }
    try {
      original.call(this);
    } finally {
      Object.assign(this.info, saved);
    }
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function loadFonts(files: FontFiles): Promise<Record<FontVariant, Buffer>> {
  const entries = await Promise.all(
    FONT_VARIANTS.map(async (variant) => {
      const file = files[variant];
      try {
        return [variant, await readFile(file)] as const;
      } catch (error) {
        const reason = (error as Error).message;
        throw new Error(`Cannot read the ${variant} font file "${file}": ${reason}`, { cause: error });
      }
    }),
  );
  return Object.fromEntries(entries) as Record<FontVariant, Buffer>;
}

async function loadImages(blocks: Block[], baseDir: string): Promise<Map<ImageBlock, Buffer>> {
  const found: ImageBlock[] = [];
  const walk = (list: Block[]): void => {
    for (const block of list) {
      if (block.type === 'image') found.push(block);
      else if (block.type === 'division') walk(block.children);
    }
  };
  walk(blocks);
  const images = new Map<ImageBlock, Buffer>();
  for (const block of found) {
    const file = path.resolve(baseDir, block.path);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      throw new Error(`Cannot read the image "${block.path}" (${file}): ${reason}`, { cause: error });
    }
    const isPng = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const isJpeg = data[0] === 0xff && data[1] === 0xd8;
    if (!isPng && !isJpeg) throw new Error(`The image "${block.path}" (${file}) is neither PNG nor JPEG`);
    images.set(block, data);
  }
  return images;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled node: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------------
// Inline layout

interface RunStyle {
  variant: FontVariant;
  sup: boolean;
}

type Atom = { kind: 'text'; text: string; run: RunStyle } | { kind: 'break' };

interface Piece {
  text: string;
  run: RunStyle;
}

interface Word {
  pieces: Piece[];
  /** Advance width, trailing spaces included. */
  width: number;
  /** Width of the trailing spaces (they may hang past the line end). */
  trailing: number;
  /** A forced line break follows. */
  breakAfter: boolean;
}

interface Segment {
  text: string;
  run: RunStyle;
  /** Offset from the start of the line. */
  x: number;
}

interface Line {
  segments: Segment[];
  /** Inked width (trailing spaces excluded), for alignment. */
  width: number;
}

/** A paragraph laid out for one width. */
interface Laid {
  lines: Line[];
  style: BlockStyle;
  /** Distance between baselines. */
  pitch: number;
  /** From the top of a line to its baseline. */
  baseline: number;
  /** Available width (after the style's indent). */
  width: number;
}

interface Frame {
  x: number;
  width: number;
}

interface Flags {
  bold: boolean;
  italic: boolean;
  sup: boolean;
}

function variantOf(flags: Flags): FontVariant {
  if (flags.bold) return flags.italic ? 'boldItalic' : 'bold';
  return flags.italic ? 'italic' : 'regular';
}

function baseFlags(variant: FontVariant): Flags {
  return {
    bold: variant === 'bold' || variant === 'boldItalic',
    italic: variant === 'italic' || variant === 'boldItalic',
    sup: false,
  };
}

function flatten(inlines: Inline[], flags: Flags, out: Atom[]): Atom[] {
  for (const node of inlines) {
    switch (node.type) {
      case 'text': {
        const run: RunStyle = { variant: variantOf(flags), sup: flags.sup };
        const parts = node.value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
        parts.forEach((text, index) => {
          if (index > 0) out.push({ kind: 'break' });
          if (text) out.push({ kind: 'text', text, run });
        });
        break;
      }
      case 'strong':
        flatten(node.children, { ...flags, bold: true }, out);
        break;
      case 'emphasis':
        flatten(node.children, { ...flags, italic: true }, out);
        break;
      case 'superscript':
        flatten(node.children, { ...flags, sup: true }, out);
        break;
      case 'lineBreak':
        out.push({ kind: 'break' });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** Break opportunities: after a run of spaces, and after a hyphen between letters. */
const BREAK_AFTER = / +|(?<=\p{L})-(?=\p{L})/gu;

function sameRun(a: RunStyle, b: RunStyle): boolean {
  return a.variant === b.variant && a.sup === b.sup;
}

// ---------------------------------------------------------------------------------------------------
// Block-level layout and drawing

interface ParagraphLike {
  inlines: Inline[];
  style: BlockStyle;
  tag: string;
}

interface TableLayout {
  widths: number[];
  /** Per row, per column: the laid-out cell text. */
  cells: Laid[][];
  heights: number[];
  headerRows: number;
}

/** A block in document order, with the frame it is drawn in; 'break' stands for a forced page break. */
type Leaf = { block: Block; frame: Frame } | 'break';

interface Underline {
  x: number;
  y: number;
  width: number;
  thickness: number;
}

class PdfRenderer {
  private readonly widthCache = new Map<string, number>();
  private readonly tableCache = new Map<TableBlock, TableLayout>();
  private readonly imageCache = new Map<ImageBlock, PDFKit.Mixins.OpenedImage>();
  private leaves: Leaf[] = [];
  private readonly leafIndex = new Map<Block, number>();

  private y: number;
  private pageHasContent = false;
  private pendingBreak = false;
  private readonly root: StructElement;

  constructor(
    private readonly doc: PdfDoc,
    private readonly style: Stylesheet,
    private readonly images: Map<ImageBlock, Buffer>,
  ) {
    this.y = this.top;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get top(): number {
    return this.style.page.margins.top;
  }

  private get maxY(): number {
    return this.doc.page.height - this.style.page.margins.bottom;
  }

  private get bodyFrame(): Frame {
    const { left, right } = this.style.page.margins;
    return { x: left, width: this.doc.page.width - left - right };
  }

  render(blocks: Block[]): void {
    this.leaves = [];
    this.collectLeaves(blocks, this.bodyFrame);
    this.renderBlocks(blocks, this.root, this.bodyFrame);
    this.root.end();
  }

  // --- pages ---------------------------------------------------------------------------------------

  private newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.pageHasContent = false;
  }

  /** Called at the start of every block: honours a pending page break (never leaving a blank page). */
  private beginBlock(): void {
    if (this.pendingBreak) {
      if (this.pageHasContent) this.newPage();
      this.pendingBreak = false;
    }
  }

  /** Vertical space before a block; dropped at the top of a page. */
  private spaceBefore(space: number): void {
    if (this.pageHasContent) this.y += space;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  private ensureRoom(height: number): void {
    if (this.pageHasContent && this.y + height > this.maxY + EPSILON) this.newPage();
  }

  // --- fonts and measures --------------------------------------------------------------------------

  private setFont(variant: FontVariant, size: number): void {
    this.doc.font(FONT_NAMES[variant]).fontSize(size);
  }

  private measure(text: string, run: RunStyle, size: number): number {
    const actual = run.sup ? size * SUPERSCRIPT_SCALE : size;
    const key = `${run.variant}\u0000${actual}\u0000${text}`;
    let width = this.widthCache.get(key);
    if (width === undefined) {
      this.setFont(run.variant, actual);
      width = this.doc.widthOfString(text);
      this.widthCache.set(key, width);
    }
    return width;
  }

  private ascentDescent(variant: FontVariant, size: number): { ascent: number; descent: number } {
    this.setFont(variant, size);
    const font = this.doc._font;
    if (!font) throw new Error('No font selected');
    return { ascent: (font.ascender / 1000) * size, descent: (font.descender / 1000) * size };
  }

  private colour(style: BlockStyle): string {
    if (!/^[0-9a-fA-F]{6}$/.test(style.color)) throw new Error(`Invalid colour "${style.color}" in the stylesheet`);
    return `#${style.color}`;
  }

  // --- inline layout -------------------------------------------------------------------------------

  private layout(inlines: Inline[], style: BlockStyle, width: number): Laid {
    const size = style.size;
    const atoms = flatten(inlines, baseFlags(style.font), []);
    const words = this.words(atoms, size);
    const avail = Math.max(width, 1);

    const lineWords: Word[][] = [];
    let current: Word[] = [];
    let used = 0;
    for (let word of words) {
      const ink = word.width - word.trailing;
      if (current.length > 0 && used + ink > avail + EPSILON) {
        lineWords.push(current);
        current = [];
        used = 0;
      }
      if (current.length === 0 && word.width - word.trailing > avail + EPSILON) {
        const parts = this.splitWord(word, avail, size);
        word = parts.pop() ?? word;
        for (const part of parts) lineWords.push([part]);
      }
      current.push(word);
      used += word.width;
      if (word.breakAfter) {
        lineWords.push(current);
        current = [];
        used = 0;
      }
    }
    if (current.length > 0 || lineWords.length === 0) lineWords.push(current);

    const lines = lineWords.map((list) => this.toLine(list, size));
    // A forced line break draws nothing; an (invisible) trailing space keeps the two lines apart in the
    // tagged text, as "PRÉFET DE LA VIENNE" rather than "PRÉFETDE LA VIENNE".
    lineWords.forEach((list, index) => {
      const line = lines[index];
      const lastSegment = line?.segments[line.segments.length - 1];
      const forced = index < lineWords.length - 1 && list[list.length - 1]?.breakAfter === true;
      if (forced && lastSegment && !lastSegment.text.endsWith(' ')) lastSegment.text += ' ';
    });
    const { ascent, descent } = this.ascentDescent(style.font, size);
    const pitch = style.lineHeight * size;
    return { lines, style, pitch, baseline: (pitch - (ascent - descent)) / 2 + ascent, width: avail };
  }

  private words(atoms: Atom[], size: number): Word[] {
    const words: Word[] = [];
    let pieces: Piece[] = [];
    const finish = (breakAfter: boolean): void => {
      words.push(this.makeWord(pieces, breakAfter, size));
      pieces = [];
    };
    for (const atom of atoms) {
      if (atom.kind === 'break') {
        finish(true);
        continue;
      }
      let start = 0;
      for (const match of atom.text.matchAll(BREAK_AFTER)) {
        const end = (match.index ?? 0) + match[0].length;
        pieces.push({ text: atom.text.slice(start, end), run: atom.run });
        finish(false);
        start = end;
      }
      if (start < atom.text.length) pieces.push({ text: atom.text.slice(start), run: atom.run });
    }
    if (pieces.length > 0) finish(false);
    return words;
  }

  private makeWord(pieces: Piece[], breakAfter: boolean, size: number): Word {
    let width = 0;
    for (const piece of pieces) width += this.measure(piece.text, piece.run, size);
    const last = pieces[pieces.length - 1];
    let trailing = 0;
    if (last) {
      const trimmed = last.text.replace(/ +$/, '');
      if (trimmed.length !== last.text.length) {
        trailing = this.measure(last.text, last.run, size) - this.measure(trimmed, last.run, size);
      }
    }
    return { pieces, width, trailing, breakAfter };
  }

  /** Cuts a word wider than the line (a long address, say) into parts that fit, character by character. */
  private splitWord(word: Word, avail: number, size: number): Word[] {
    const parts: Word[] = [];
    let pieces: Piece[] = [];
    let used = 0;
    for (const piece of word.pieces) {
      for (const char of piece.text) {
        const width = this.measure(char, piece.run, size);
        if (used > 0 && used + width > avail + EPSILON && char !== ' ') {
          parts.push(this.makeWord(pieces, false, size));
          pieces = [];
          used = 0;
        }
        const last = pieces[pieces.length - 1];
        if (last && sameRun(last.run, piece.run)) last.text += char;
        else pieces.push({ text: char, run: piece.run });
        used += width;
      }
    }
    parts.push(this.makeWord(pieces, word.breakAfter, size));
    return parts;
  }

  private toLine(words: Word[], size: number): Line {
    const merged: Piece[] = [];
    for (const word of words) {
      for (const piece of word.pieces) {
        const last = merged[merged.length - 1];
        if (last && sameRun(last.run, piece.run)) last.text += piece.text;
        else merged.push({ text: piece.text, run: piece.run });
      }
    }
    const segments: Segment[] = [];
    let x = 0;
    for (const piece of merged) {
      segments.push({ text: piece.text, run: piece.run, x });
      x += this.measure(piece.text, piece.run, size);
    }
    const last = merged[merged.length - 1];
    let width = x;
    if (last) {
      const trimmed = last.text.replace(/ +$/, '');
      width -= this.measure(last.text, last.run, size) - this.measure(trimmed, last.run, size);
    }
    return { segments, width: Math.max(width, 0) };
  }

  // --- drawing lines -------------------------------------------------------------------------------

  /**
   * Draws laid-out lines as content of `element`, starting at the cursor, breaking pages between lines
   * (no single first or last line left alone when the paragraph has more). `beforeFirst` runs once,
   * just before the first line is drawn, with the top of that line (list marks use it).
   */
  private drawLines(
    element: StructElement,
    laid: Laid,
    frame: Frame,
    align: Align,
    beforeFirst?: (top: number) => void,
  ): void {
    const { lines, pitch } = laid;
    const x = frame.x + laid.style.indent;
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      let take = Math.min(remaining, Math.floor((this.maxY - this.y + EPSILON) / pitch));
      if (take < remaining) {
        if (remaining - take === 1 && take > 1) take -= 1; // no widow
        if (take === 1 && index === 0) take = 0; // no orphan
      }
      if (take <= 0) {
        if (this.pageHasContent) {
          this.newPage();
          continue;
        }
        take = 1; // a line taller than the page: draw it anyway
      }
      const top = this.y;
      if (index === 0 && beforeFirst) beforeFirst(top);
      const chunk = lines.slice(index, index + take);
      const underlines: Underline[] = [];
      element.add(() => {
        this.doc.fillColor(this.colour(laid.style));
        chunk.forEach((line, i) => this.drawLine(line, laid, x, top + i * pitch, align, underlines));
      });
      this.drawUnderlines(underlines, laid.style);
      this.y = top + take * pitch;
      this.pageHasContent = true;
      index += take;
      if (index < lines.length) this.newPage();
    }
  }

  private drawLine(line: Line, laid: Laid, x: number, top: number, align: Align, underlines: Underline[]): void {
    const size = laid.style.size;
    let start = x;
    if (align === 'right') start += laid.width - line.width;
    else if (align === 'center') start += (laid.width - line.width) / 2;
    const baseline = top + laid.baseline;
    for (const segment of line.segments) {
      this.setFont(segment.run.variant, segment.run.sup ? size * SUPERSCRIPT_SCALE : size);
      const y = segment.run.sup ? baseline - SUPERSCRIPT_RISE * size : baseline;
      this.doc.text(segment.text, start + segment.x, y, TEXT_OPTIONS);
    }
    if (laid.style.underline && line.width > 0) {
      underlines.push({
        x: start,
        y: baseline + UNDERLINE_OFFSET * size,
        width: line.width,
        thickness: Math.max(UNDERLINE_THICKNESS * size, RULE_WIDTH),
      });
    }
  }

  /** Underlines are decoration: drawn after the text, as an artifact. */
  private drawUnderlines(underlines: Underline[], style: BlockStyle): void {
    if (underlines.length === 0) return;
    const doc = this.doc;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save();
    doc.strokeColor(this.colour(style));
    for (const line of underlines) {
      doc.lineWidth(line.thickness);
      doc.moveTo(line.x, line.y).lineTo(line.x + line.width, line.y).stroke();
    }
    doc.restore();
    doc.endMarkedContent();
  }

  // --- look-ahead (keep with next) -----------------------------------------------------------------

  private collectLeaves(blocks: Block[], frame: Frame): void {
    for (const block of blocks) {
      if (block.type === 'division') {
        if (block.role === 'annex') this.leaves.push('break');
        this.collectLeaves(block.children, this.divisionFrame(block.role, frame));
      } else if (block.type === 'pageBreak') {
        this.leaves.push('break');
      } else {
        this.leafIndex.set(block, this.leaves.length);
        this.leaves.push({ block, frame });
      }
    }
  }

  private divisionFrame(role: Extract<Block, { type: 'division' }>['role'], frame: Frame): Frame {
    if (role !== 'letterhead') return frame;
    return { x: frame.x, width: Math.min(frame.width, this.doc.page.width * LETTERHEAD_WIDTH) };
  }

  /**
   * The height that must fit below the cursor for a keep-with-next block: the block, the blocks chained
   * to it by keep-with-next, and the first lines of the block that ends the chain.
   */
  private keepHeight(block: Block, frame: Frame): number {
    let index = this.leafIndex.get(block);
    let total = 0;
    let leaf: Leaf | undefined = { block, frame };
    while (leaf && leaf !== 'break') {
      const para = paragraphLike(leaf.block, this.style);
      if (!para || !para.style.keepWithNext) break;
      const laid = this.layout(para.inlines, para.style, leaf.frame.width - para.style.indent);
      total += para.style.spaceBefore + laid.lines.length * laid.pitch + para.style.spaceAfter;
      if (index === undefined) return total;
      index += 1;
      leaf = this.leaves[index];
    }
    if (leaf && leaf !== 'break') total += this.leadHeight(leaf.block, leaf.frame);
    return total;
  }

  /** The height of the start of a block that a preceding keep-with-next block must stay with. */
  private leadHeight(block: Block, frame: Frame): number {
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph': {
        const para = paragraphLike(block, this.style);
        if (!para) return 0;
        const laid = this.layout(para.inlines, para.style, frame.width - para.style.indent);
        return para.style.spaceBefore + Math.min(laid.lines.length, 2) * laid.pitch;
      }
      case 'list': {
        const first = block.items[0];
        if (!first) return 0;
        const style = styleNamed(this.style, 'listItem');
        const laid = this.layout(first, style, frame.width - style.indent - this.listHang(block, style));
        return style.spaceBefore + Math.min(laid.lines.length, 2) * laid.pitch;
      }
      case 'table': {
        const table = this.tableLayout(block, frame);
        const rows = table.heights.slice(0, table.headerRows + 1).reduce((sum, h) => sum + h, 0);
        return styleNamed(this.style, 'body').spaceAfter + rows;
      }
      case 'image':
        return this.imageSize(block, frame).height;
      case 'signatures':
        return this.signaturesHeight(block, frame);
      case 'division': {
        const first = block.children[0];
        return first && block.role !== 'annex' ? this.leadHeight(first, this.divisionFrame(block.role, frame)) : 0;
      }
      case 'pageBreak':
        return 0;
      default:
        return assertNever(block);
    }
  }

  // --- blocks --------------------------------------------------------------------------------------

  private renderBlocks(blocks: Block[], parent: StructElement, frame: Frame): void {
    for (const block of blocks) this.renderBlock(block, parent, frame);
  }

  private renderBlock(block: Block, parent: StructElement, frame: Frame): void {
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph': {
        const para = paragraphLike(block, this.style);
        if (para) this.renderParagraph(block, para, parent, frame);
        return;
      }
      case 'list':
        this.renderList(block, parent, frame);
        return;
      case 'table':
        this.renderTable(block, parent, frame);
        return;
      case 'image':
        this.renderImage(block, parent, frame);
        return;
      case 'signatures':
        this.renderSignatures(block, parent, frame);
        return;
      case 'division':
        this.renderDivision(block, parent, frame);
        return;
      case 'pageBreak':
        this.pendingBreak = true;
        return;
      default:
        assertNever(block);
    }
  }

  private renderParagraph(block: Block, para: ParagraphLike, parent: StructElement, frame: Frame): void {
    this.beginBlock();
    const { style } = para;
    if (style.keepWithNext) this.ensureRoom(this.keepHeight(block, frame));
    const laid = this.layout(para.inlines, style, frame.width - style.indent);
    this.spaceBefore(style.spaceBefore);
    const element = this.doc.struct(para.tag);
    parent.add(element);
    this.drawLines(element, laid, frame, style.align);
    element.end();
    this.y += style.spaceAfter;
  }

  private listHang(block: Extract<Block, { type: 'list' }>, style: BlockStyle): number {
    let widest = 0;
    block.items.forEach((_, index) => {
      const mark = this.listMark(block.marker, index);
      widest = Math.max(widest, this.measure(mark, { variant: style.font, sup: false }, style.size) / style.size);
    });
    return Math.max(widest + LIST_MARK_GAP, LIST_MIN_HANG) * style.size;
  }

  private listMark(marker: ListMarker, index: number): string {
    switch (marker) {
      case 'check':
        return this.style.listMarks.check;
      case 'dash':
        return this.style.listMarks.dash;
      case 'bullet':
        return this.style.listMarks.bullet;
      case 'number':
        return `${index + 1}.`;
      default:
        return assertNever(marker);
    }
  }

  private renderList(block: Extract<Block, { type: 'list' }>, parent: StructElement, frame: Frame): void {
    this.beginBlock();
    const style = styleNamed(this.style, 'listItem');
    const hang = this.listHang(block, style);
    const markX = frame.x + style.indent;
    const bodyFrame: Frame = { x: frame.x + hang, width: frame.width - hang };
    const list = this.doc.struct('L');
    parent.add(list);
    block.items.forEach((item, index) => {
      const laid = this.layout(item, style, bodyFrame.width - style.indent);
      this.spaceBefore(style.spaceBefore);
      const li = this.doc.struct('LI');
      list.add(li);
      const label = this.doc.struct('Lbl');
      li.add(label);
      const body = this.doc.struct('LBody');
      li.add(body);
      const mark = this.listMark(block.marker, index);
      this.drawLines(body, laid, bodyFrame, style.align, (top) => {
        label.add(() => {
          this.doc.fillColor(this.colour(style));
          this.setFont(style.font, style.size);
          this.doc.text(mark, markX, top + laid.baseline, TEXT_OPTIONS);
        });
      });
      li.end();
      this.y += style.spaceAfter;
    });
    list.end();
  }

  private tableLayout(block: TableBlock, frame: Frame): TableLayout {
    const cached = this.tableCache.get(block);
    if (cached) return cached;
    const count = Math.max(block.columns.length, ...block.rows.map((row) => row.length), 1);
    const given = block.columns.filter((w) => Number.isFinite(w) && w > 0);
    const fallback = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
    const relative = Array.from({ length: count }, (_, i) => {
      const w = block.columns[i];
      return w !== undefined && Number.isFinite(w) && w > 0 ? w : fallback;
    });
    const sum = relative.reduce((a, b) => a + b, 0);
    const widths = relative.map((w) => (w / sum) * frame.width);
    let headerRows = 0;
    while (headerRows < block.rows.length && isHeaderRow(block.rows[headerRows] ?? [])) headerRows += 1;
    const cells = block.rows.map((row) =>
      widths.map((width, i) => {
        const cell: TableCell = row[i] ?? { children: [] };
        const style = this.cellStyle(cell);
        return this.layout(cell.children, style, width - 2 * CELL_PADDING - style.indent);
      }),
    );
    const heights = cells.map(
      (row) => Math.max(...row.map((laid) => laid.lines.length * laid.pitch)) + 2 * CELL_PADDING,
    );
    const layout: TableLayout = { widths, cells, heights, headerRows };
    this.tableCache.set(block, layout);
    return layout;
  }

  private cellStyle(cell: TableCell): BlockStyle {
    const small = styleNamed(this.style, 'small');
    return cell.header ? { ...small, font: boldOf(small.font) } : small;
  }

  private renderTable(block: TableBlock, parent: StructElement, frame: Frame): void {
    this.beginBlock();
    const table = this.tableLayout(block, frame);
    const { heights, headerRows } = table;
    const gap = styleNamed(this.style, 'body').spaceAfter;
    // The header rows stay with the first body row.
    this.ensureRoom(gap + heights.slice(0, headerRows + 1).reduce((a, b) => a + b, 0));
    this.spaceBefore(gap);
    const element = this.doc.struct('Table');
    parent.add(element);
    block.rows.forEach((row, r) => {
      const height = heights[r] ?? 0;
      if (this.pageHasContent && this.y + height > this.maxY + EPSILON) {
        this.newPage();
        if (r >= headerRows && headerRows > 0) this.drawRepeatedHeader(table, frame);
      }
      const tr = this.doc.struct('TR');
      element.add(tr);
      let x = frame.x;
      const top = this.y;
      table.widths.forEach((width, c) => {
        const cell: TableCell = row[c] ?? { children: [] };
        const laid = table.cells[r]?.[c];
        const cellElement = this.doc.struct(cell.header ? 'TH' : 'TD', cell.header ? { scope: 'Column' } : {});
        tr.add(cellElement);
        if (laid) this.drawCell(cellElement, laid, x, top);
        cellElement.end();
        x += width;
      });
      tr.end();
      this.drawRowRules(table.widths, frame.x, top, height);
      this.y = top + height;
      this.pageHasContent = true;
    });
    element.end();
    this.y += gap;
  }

  private drawCell(element: StructElement, laid: Laid, x: number, top: number): void {
    const underlines: Underline[] = [];
    const inner = x + CELL_PADDING + laid.style.indent;
    element.add(() => this.drawCellText(laid, inner, top + CELL_PADDING, underlines));
    this.drawUnderlines(underlines, laid.style);
  }

  private drawCellText(laid: Laid, x: number, top: number, underlines: Underline[]): void {
    this.doc.fillColor(this.colour(laid.style));
    laid.lines.forEach((line, i) => this.drawLine(line, laid, x, top + i * laid.pitch, laid.style.align, underlines));
  }

  /** The header rows again at the top of a continuation page: a pagination artifact, not content. */
  private drawRepeatedHeader(table: TableLayout, frame: Frame): void {
    for (let r = 0; r < table.headerRows; r++) {
      const top = this.y;
      const height = table.heights[r] ?? 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      let x = frame.x;
      const underlines: Underline[] = [];
      table.widths.forEach((width, c) => {
        const laid = table.cells[r]?.[c];
        if (laid) this.drawCellText(laid, x + CELL_PADDING + laid.style.indent, top + CELL_PADDING, underlines);
        x += width;
      });
      this.doc.endMarkedContent();
      this.drawUnderlines(underlines, styleNamed(this.style, 'small'));
      this.drawRowRules(table.widths, frame.x, top, height);
      this.y = top + height;
    }
  }

  private drawRowRules(widths: number[], x0: number, top: number, height: number): void {
    const doc = this.doc;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save();
    doc.lineWidth(RULE_WIDTH).strokeColor(this.colour(styleNamed(this.style, 'small')));
    let x = x0;
    for (const width of widths) {
      doc.rect(x, top, width, height).stroke();
      x += width;
    }
    doc.restore();
    doc.endMarkedContent();
  }

  private imageSize(block: ImageBlock, frame: Frame): { width: number; height: number } {
    const image = this.openImage(block);
    const swap = (image.orientation ?? 1) > 4;
    const [w, h] = swap ? [image.height, image.width] : [image.width, image.height];
    const width = Math.min(block.width, frame.width);
    return { width, height: w > 0 ? (width * h) / w : 0 };
  }

  private openImage(block: ImageBlock): PDFKit.Mixins.OpenedImage {
    let image = this.imageCache.get(block);
    if (!image) {
      const data = this.images.get(block);
      if (!data) throw new Error(`Image not loaded: ${block.path}`);
      image = this.doc.openImage(data);
      this.imageCache.set(block, image);
    }
    return image;
  }

  private renderImage(block: ImageBlock, parent: StructElement, frame: Frame): void {
    this.beginBlock();
    const { width, height } = this.imageSize(block, frame);
    this.ensureRoom(height);
    const x = frame.x;
    const y = this.y;
    const draw = (): void => {
      this.doc.image(this.openImage(block), x, y, { width, height });
    };
    if (block.alt.trim()) {
      const bbox: [number, number, number, number] = [x, y, x + width, y + height];
      const figure = this.doc.struct('Figure', { alt: block.alt, bbox, placement: 'Block' });
      parent.add(figure);
      figure.add(draw);
      figure.end();
    } else {
      // No alternative text: a decorative image, left out of the structure.
      this.doc.markContent('Artifact', { type: 'Layout' });
      draw();
      this.doc.endMarkedContent();
    }
    this.y = y + height + styleNamed(this.style, 'body').spaceAfter;
    this.pageHasContent = true;
  }

  private signatureColumns(block: SignaturesBlock, frame: Frame): { frames: Frame[]; align: Align | null } {
    const count = block.signatories.length;
    if (count <= 1) return { frames: [{ x: frame.x + frame.width / 2, width: frame.width / 2 }], align: null };
    const width = frame.width / count;
    return { frames: block.signatories.map((_, i) => ({ x: frame.x + i * width, width })), align: 'center' };
  }

  private signaturesHeight(block: SignaturesBlock, frame: Frame): number {
    const { frames } = this.signatureColumns(block, frame);
    const q = styleNamed(this.style, 'signatureQualite');
    const n = styleNamed(this.style, 'signatureName');
    // The tallest quality, then the tallest name: names are aligned on one line (see renderSignatures).
    let quality = 0;
    let name = 0;
    block.signatories.forEach((signatory, i) => {
      const column = frames[i];
      if (!column) return;
      const a = this.layout(signatory.qualite, q, column.width - q.indent);
      const b = this.layout(signatory.name, n, column.width - n.indent);
      quality = Math.max(quality, q.spaceBefore + a.lines.length * a.pitch + q.spaceAfter);
      name = Math.max(name, n.spaceBefore + b.lines.length * b.pitch + n.spaceAfter);
    });
    return quality + name;
  }

  /** One signatory: the right half of the page; several: side by side in equal columns. Never split. */
  private renderSignatures(block: SignaturesBlock, parent: StructElement, frame: Frame): void {
    this.beginBlock();
    if (block.signatories.length === 0) return;
    this.ensureRoom(this.signaturesHeight(block, frame));
    const atTop = !this.pageHasContent;
    const { frames, align } = this.signatureColumns(block, frame);
    const q = styleNamed(this.style, 'signatureQualite');
    const n = styleNamed(this.style, 'signatureName');
    const start = this.y;
    // Names side by side sit on one line even when one quality line wraps: they start below the
    // tallest quality.
    const qualityHeight = Math.max(
      ...block.signatories.map((signatory, i) => {
        const column = frames[i];
        if (!column) return 0;
        const laid = this.layout(signatory.qualite, q, column.width - q.indent);
        return laid.lines.length * laid.pitch;
      }),
    );
    const namesTop = start + (atTop ? 0 : q.spaceBefore) + qualityHeight + q.spaceAfter;
    let bottom = start;
    block.signatories.forEach((signatory, i) => {
      const column = frames[i];
      if (!column) return;
      const parts = [
        { inlines: signatory.qualite, style: q, top: start + (atTop ? 0 : q.spaceBefore) },
        { inlines: signatory.name, style: n, top: namesTop + n.spaceBefore },
      ];
      for (const { inlines, style, top } of parts) {
        this.y = top;
        const laid = this.layout(inlines, style, column.width - style.indent);
        const element = this.doc.struct('P');
        parent.add(element);
        this.drawLines(element, laid, column, align ?? style.align);
        element.end();
        this.y += style.spaceAfter;
      }
      bottom = Math.max(bottom, this.y);
    });
    this.y = bottom;
  }

  private renderDivision(block: Extract<Block, { type: 'division' }>, parent: StructElement, frame: Frame): void {
    if (block.children.length === 0) return;
    if (block.role === 'annex') this.pendingBreak = true;
    const element = this.doc.struct(block.role === 'annex' ? 'Sect' : 'Div');
    parent.add(element);
    this.renderBlocks(block.children, element, this.divisionFrame(block.role, frame));
    element.end();
  }

  // --- footers -------------------------------------------------------------------------------------

  /** "page / pages" on every page, as a pagination artifact, written once the page count is known. */
  /** The running header from page 2 on (page 1 has the letterhead), right-aligned, as an artifact. */
  drawRunningHeaders(title: string): void {
    const doc = this.doc;
    const style = styleNamed(this.style, 'small');
    const range = doc.bufferedPageRange();
    const frame = this.bodyFrame;
    let text = this.style.header.replaceAll('{title}', title);
    if (text === '') return;
    const width = (s: string) => this.measure(s, { variant: style.font, sup: false }, style.size);
    // A long title is shortened with an ellipsis rather than wrapped into the text area.
    while (width(text) > frame.width && text.length > 1) text = `${text.slice(0, -2).trimEnd()}…`;
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const x = frame.x + frame.width - width(text);
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.fillColor(this.colour(style));
      this.setFont(style.font, style.size);
      doc.text(text, x, page.margins.top / 2 - style.size / 2, TEXT_OPTIONS);
      doc.endMarkedContent();
    }
  }

  drawFooters(): void {
    const doc = this.doc;
    const style = styleNamed(this.style, 'small');
    const range = doc.bufferedPageRange();
    const frame = this.bodyFrame;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const bottom = page.margins.bottom;
      // Writing below maxY makes pdfkit add pages: lift the bottom margin while the footer is written.
      page.margins.bottom = 0;
      const text = this.style.footer.replaceAll('{page}', String(i + 1)).replaceAll('{pages}', String(range.count));
      const width = this.measure(text, { variant: style.font, sup: false }, style.size);
      // Centred between the margins.
      const x = frame.x + (frame.width - width) / 2;
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      doc.fillColor(this.colour(style));
      this.setFont(style.font, style.size);
      doc.text(text, x, page.height - bottom / 2, TEXT_OPTIONS);
      doc.endMarkedContent();
      page.margins.bottom = bottom;
    }
  }
}

function paragraphLike(block: Block, style: Stylesheet): ParagraphLike | null {
  switch (block.type) {
    case 'title':
      return { inlines: block.children, style: styleNamed(style, 'title'), tag: 'H1' };
    case 'heading':
      return { inlines: block.children, style: styleNamed(style, `heading${block.level}`), tag: `H${block.level + 1}` };
    case 'paragraph':
      return { inlines: block.children, style: styleNamed(style, block.style), tag: 'P' };
    default:
      return null;
  }
}

/** A template's own stylesheet may lack a style: say which, rather than failing on `undefined`. */
function styleNamed(style: Stylesheet, name: StyleName): BlockStyle {
  const found: BlockStyle | undefined = style.styles[name];
  if (!found) throw new Error(`The stylesheet has no "${name}" style`);
  return found;
}

function isHeaderRow(row: TableCell[]): boolean {
  return row.length > 0 && row.every((cell) => cell.header === true);
}

function boldOf(variant: FontVariant): FontVariant {
  return variant === 'italic' || variant === 'boldItalic' ? 'boldItalic' : 'bold';
}
