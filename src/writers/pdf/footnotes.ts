// Footnotes at the foot of the page that calls them, above the footer: the flow keeps room for them as
// lines with calls are placed (flow.ts), and they are drawn when the page is finished, under a short
// rule, each tagged Note (its call in the text is tagged Reference, paint.ts).
import type { Footnote } from '../../document/footnotes.js';
import { footnotesIn } from '../../document/footnotes.js';
import type { Inline } from '../../document/tree.js';
import { styleNamed } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { LineNotes } from './flow.js';
import type { Laid } from './inline.js';
import { hexColour, type StructElement, type Underline } from './paint.js';

/** Space above the notes of a page, for the rule that sets them off, in ems of the notes' size. */
const SEPARATOR = 1;
/** The rule above the notes, as a fraction of the column width. */
const SEPARATOR_LENGTH = 1 / 3;

export class PageNotes {
  /** The notes of the current page, in order. */
  private pending: Footnote[] = [];
  /** A note's text with its number in front, made once (layouts are cached by these arrays). */
  private readonly texts = new Map<Footnote, Inline[]>();

  constructor(
    private readonly ctx: PdfContext,
    private readonly root: StructElement,
  ) {}

  /** The room `notes` would add at the foot of the current page. */
  height(notes: Footnote[]): number {
    if (notes.length === 0) return 0;
    const style = styleNamed(this.ctx.style, 'footnote');
    let total = this.pending.length === 0 ? SEPARATOR * style.size : 0;
    for (const note of notes) {
      const laid = this.laid(note);
      total += style.spaceBefore + laid.lines.length * laid.pitch + style.spaceAfter;
    }
    return total;
  }

  /** Puts `notes` at the foot of the current page, keeping room for them. */
  place(notes: Footnote[]): void {
    if (notes.length === 0) return;
    this.ctx.flow.notesReserve += this.height(notes);
    this.pending.push(...notes);
  }

  /** The notes called in each line of a laid-out text, for the flow; undefined when there are none. */
  lineNotes(laid: Laid): LineNotes | undefined {
    const perLine = laid.lines.map((line) => line.segments.flatMap((s) => (s.note ? [s.note] : [])));
    if (perLine.every((notes) => notes.length === 0)) return undefined;
    const of = (from: number, to: number) => perLine.slice(from, to).flat();
    return { height: (from, to) => this.height(of(from, to)), place: (from, to) => this.place(of(from, to)) };
  }

  /** The notes called in some inlines (a table row's cells). */
  notesIn(inlines: Inline[][]): Footnote[] {
    return inlines.flatMap((i) => footnotesIn(i));
  }

  /** Draws the current page's notes in the room kept for them (called when the page is finished). */
  flush(): void {
    if (this.pending.length === 0) return;
    const { doc, flow, painter } = this.ctx;
    const style = styleNamed(this.ctx.style, 'footnote');
    const frame = flow.bodyFrame;
    const top = flow.maxY;
    const rule = this.ctx.style.layout.rule;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save();
    doc.lineWidth(rule.width).strokeColor(hexColour(rule.color));
    const ruleY = top + (SEPARATOR * style.size) / 2;
    doc.moveTo(frame.x, ruleY).lineTo(frame.x + frame.width * SEPARATOR_LENGTH, ruleY).stroke();
    doc.restore();
    doc.endMarkedContent();
    let y = top + SEPARATOR * style.size;
    for (const note of this.pending) {
      const laid = this.laid(note);
      y += style.spaceBefore;
      const element = doc.struct('Note');
      this.root.add(element);
      const underlines: Underline[] = [];
      const at = y;
      element.add(() => painter.paintAll(laid, frame.x + style.indent, at, underlines));
      element.end();
      painter.drawUnderlines(underlines, style);
      y += laid.lines.length * laid.pitch + style.spaceAfter;
    }
    this.pending = [];
  }

  private laid(note: Footnote): Laid {
    const style = styleNamed(this.ctx.style, 'footnote');
    return this.ctx.layout(this.text(note), style, this.ctx.flow.bodyFrame.width - style.indent);
  }

  private text(note: Footnote): Inline[] {
    let text = this.texts.get(note);
    if (!text) {
      text = [{ type: 'superscript', children: [{ type: 'text', value: String(note.number) }] }, { type: 'text', value: '\u00A0' }, ...note.children];
      this.texts.set(note, text);
    }
    return text;
  }
}
