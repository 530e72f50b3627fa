// Painting and tagging: laid-out lines drawn as the marked content of a structure element, the page
// breaks between them taken from the flow; underlines as layout artifacts.
import type { BlockStyle, FontVariant } from '../../document/stylesheet.js';
import type { Laid, Line } from './inline.js';
import type { Flow, Frame, LineNotes } from './flow.js';
import { SUPERSCRIPT_SCALE, type Measurer } from './measure.js';
import { showText, type PdfDoc } from './pdfkit-compat.js';

export type StructElement = PDFKit.PDFStructureElement;
export type Align = BlockStyle['align'];

/** Superscript baseline shift, in ems of the paragraph's size. */
const SUPERSCRIPT_RISE = 0.33;
/** Underline position below the baseline and thickness, in ems. */
const UNDERLINE_OFFSET = 0.12;
const UNDERLINE_THICKNESS = 0.06;
/** The thinnest underline, in points. */
const RULE_WIDTH = 0.5;

export interface Underline {
  x: number;
  y: number;
  width: number;
  thickness: number;
}

/** Where the footnotes called in a text go (footnotes.ts). */
export interface NotePlacer {
  lineNotes(laid: Laid): LineNotes | undefined;
}

export class Painter {
  /** Set once the document's structure root exists (index.ts). */
  notes: NotePlacer | undefined;

  constructor(
    readonly doc: PdfDoc,
    private readonly fonts: Measurer,
    private readonly flow: Flow,
  ) {}

  colour(style: BlockStyle): string {
    return hexColour(style.color);
  }

  /** One string at a baseline, in the style's colour (list marks, page furniture). */
  text(text: string, x: number, baseline: number, style: BlockStyle, variant: FontVariant = style.font): void {
    this.doc.fillColor(this.colour(style));
    this.fonts.setFont(variant, style.size);
    showText(this.doc, text, x, baseline);
  }

  /**
   * Draws laid-out lines as content of `element`, starting at the cursor, breaking pages between lines
   * as the flow decides. `beforeFirst` runs once, just before the first line is drawn, with the top of
   * that line (list marks use it).
   */
  drawLines(element: StructElement, laid: Laid, frame: Frame, align: Align, beforeFirst?: (top: number) => void): void {
    const { lines, pitch } = laid;
    const x = frame.x + laid.style.indent;
    const notes = this.notes?.lineNotes(laid);
    for (const [index, take, top] of this.flow.lineChunks(lines.length, pitch, notes)) {
      if (index === 0 && beforeFirst) beforeFirst(top);
      const chunk = lines.slice(index, index + take);
      const underlines: Underline[] = [];
      if (notes) {
        chunk.forEach((line, i) => this.drawLineWithCalls(element, line, laid, x, top + i * pitch, align, underlines));
      } else {
        element.add(() => {
          this.doc.fillColor(this.colour(laid.style));
          chunk.forEach((line, i) => this.drawLine(line, laid, x, top + i * pitch, align, underlines));
        });
      }
      this.drawUnderlines(underlines, laid.style);
    }
  }

  /** A line whose footnote calls are each tagged Reference, between the marked pieces of its text. */
  private drawLineWithCalls(element: StructElement, line: Line, laid: Laid, x: number, top: number, align: Align, underlines: Underline[]): void {
    let start = 0;
    const flush = (end: number): void => {
      if (end <= start) return;
      const part: Line = { segments: line.segments.slice(start, end), width: line.width };
      element.add(() => {
        this.doc.fillColor(this.colour(laid.style));
        this.drawLine(part, laid, x, top, align, [], line);
      });
    };
    line.segments.forEach((segment, i) => {
      if (!segment.note) return;
      flush(i);
      const reference = this.doc.struct('Reference');
      element.add(reference);
      reference.add(() => {
        this.doc.fillColor(this.colour(laid.style));
        this.drawLine({ segments: [segment], width: line.width }, laid, x, top, align, [], line);
      });
      reference.end();
      start = i + 1;
    });
    flush(line.segments.length);
    if (laid.style.underline) this.drawLine({ segments: [], width: line.width }, laid, x, top, align, underlines, line);
  }

  /** All the lines of a laid-out text at once, from `top`, in its own alignment (table cells: never split). */
  paintAll(laid: Laid, x: number, top: number, underlines: Underline[]): void {
    this.doc.fillColor(this.colour(laid.style));
    laid.lines.forEach((line, i) => this.drawLine(line, laid, x, top + i * laid.pitch, laid.style.align, underlines));
  }

  /** `whole`: the full line when `line` holds some of its segments (the alignment is the full line's). */
  /** `paintAll` as the content of `element`, its footnote calls tagged Reference (table cells). */
  paintTagged(element: StructElement, laid: Laid, x: number, top: number, underlines: Underline[]): void {
    if (!laid.lines.some((line) => line.segments.some((s) => s.note))) {
      element.add(() => this.paintAll(laid, x, top, underlines));
      return;
    }
    laid.lines.forEach((line, i) => this.drawLineWithCalls(element, line, laid, x, top + i * laid.pitch, laid.style.align, underlines));
  }

  private drawLine(line: Line, laid: Laid, x: number, top: number, align: Align, underlines: Underline[], whole: Line = line): void {
    const size = laid.style.size;
    let start = x;
    if (align === 'right') start += laid.width - whole.width;
    else if (align === 'center') start += (laid.width - whole.width) / 2;
    const baseline = top + laid.baseline;
    for (const segment of line.segments) {
      this.fonts.setFont(segment.run.variant, segment.run.sup ? size * SUPERSCRIPT_SCALE : size, segment.run.fallback);
      const y = segment.run.sup ? baseline - SUPERSCRIPT_RISE * size : baseline;
      showText(this.doc, segment.text, start + segment.x, y);
    }
    if (laid.style.underline && whole.width > 0 && (line === whole || line.segments.length === 0)) {
      underlines.push({
        x: start,
        y: baseline + UNDERLINE_OFFSET * size,
        width: whole.width,
        thickness: Math.max(UNDERLINE_THICKNESS * size, RULE_WIDTH),
      });
    }
  }

  /** Underlines are decoration: drawn after the text, as an artifact. */
  drawUnderlines(underlines: Underline[], style: BlockStyle): void {
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
}

export function hexColour(color: string): string {
  if (!/^[0-9a-fA-F]{6}$/.test(color)) throw new Error(`Invalid colour "${color}" in the stylesheet`);
  return `#${color}`;
}
