// Inline layout: a paragraph's inlines broken into lines for a width. Pure: the only thing it asks of
// the outside is the measure of a run of text and a font's vertical metrics.
//
// Words are laid out here rather than with pdfkit's `continued: true` runs: pdfkit aligns each run of a
// centred or right-aligned paragraph on its own, advances lines by the height of whichever run ends them
// (a final superscript shrinks the line), and gives no way to measure mixed runs exactly. Every line is
// later drawn left to right with its spaces (never justified), so the tagged text reads in order with its
// spaces, U+00A0 and U+202F included.
import type { Inline } from '../../document/tree.js';
import type { Footnote } from '../../document/footnotes.js';
import type { BlockStyle, FontVariant } from '../../document/stylesheet.js';
import { sameRun, type RunStyle } from './measure.js';
import { splitByCoverage, type Coverage } from '../../document/fallback-fonts.js';

/** Tolerance for floating-point comparisons of lengths, in points. */
export const EPSILON = 0.01;

export interface InlineFonts {
  width(text: string, run: RunStyle, size: number): number;
  ascentDescent(variant: FontVariant, size: number): { ascent: number; descent: number };
  /**
   * The width of the spaces ending `text`. Default: so many times the space's advance, so that a word is
   * measured once, with its spaces (shaping the word again without them would kern its last letter as
   * it ends no line: a bold period before a space differs by 0.3 pt; the tests compare line breaks).
   */
  trailingWidth?(text: string, run: RunStyle, size: number): number;
  /** What the font of a variant can draw; text it cannot draw goes to a fallback font. Default: all. */
  coverage?(variant: FontVariant): Coverage;
}

export interface Segment {
  text: string;
  run: RunStyle;
  /** Offset from the start of the line. */
  x: number;
  /** The call of a footnote (its number, raised): tagged Reference, its note placed on the same page. */
  note?: Footnote;
}

export interface Line {
  segments: Segment[];
  /** Inked width (trailing spaces excluded), for alignment. */
  width: number;
}

/** A paragraph laid out for one width. */
export interface Laid {
  lines: Line[];
  style: BlockStyle;
  /** Distance between baselines. */
  pitch: number;
  /** From the top of a line to its baseline. */
  baseline: number;
  /** Available width (after the style's indent). */
  width: number;
}

type Atom = { kind: 'text'; text: string; run: RunStyle; note?: Footnote } | { kind: 'break' };

interface Piece {
  text: string;
  run: RunStyle;
  note?: Footnote;
}

/** Two pieces are drawn as one segment when set alike and neither is a footnote's call. */
const joinable = (a: Piece, b: Piece): boolean => a.note === undefined && b.note === undefined && sameRun(a.run, b.run);

interface Word {
  pieces: Piece[];
  /** Advance width, trailing spaces included. */
  width: number;
  /** Width of the trailing spaces (they may hang past the line end). */
  trailing: number;
  /** A forced line break follows. */
  breakAfter: boolean;
}

interface Flags {
  bold: boolean;
  italic: boolean;
  sup: boolean;
}

/** Break opportunities: after a run of spaces, and after a hyphen between letters. */
const BREAK_AFTER = / +|(?<=\p{L})-(?=\p{L})/gu;

export function layoutInlines(inlines: Inline[], style: BlockStyle, width: number, fonts: InlineFonts): Laid {
  const size = style.size;
  const widthOf = (text: string, run: RunStyle): number => fonts.width(text, run, size);
  const measure: Measure = Object.assign(widthOf, {
    trailing: (text: string, run: RunStyle): number =>
      fonts.trailingWidth ? fonts.trailingWidth(text, run, size) : (text.length - text.replace(/ +$/, '').length) * widthOf(' ', run),
  });
  const words = toWords(withFallbacks(flatten(inlines, baseFlags(style.font), []), fonts), measure);
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
      const parts = splitWord(word, avail, measure);
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

  const lines = lineWords.map((list) => toLine(list, measure, style.align !== 'left'));
  // A forced line break draws nothing; an (invisible) trailing space keeps the two lines apart in the
  // tagged text, as "PRÉFET DE LA VIENNE" rather than "PRÉFETDE LA VIENNE".
  lineWords.forEach((list, index) => {
    const line = lines[index];
    const lastSegment = line?.segments[line.segments.length - 1];
    const forced = index < lineWords.length - 1 && list[list.length - 1]?.breakAfter === true;
    if (forced && lastSegment && !lastSegment.text.endsWith(' ')) lastSegment.text += ' ';
  });
  const { ascent, descent } = fonts.ascentDescent(style.font, size);
  const pitch = style.lineHeight * size;
  return { lines, style, pitch, baseline: (pitch - (ascent - descent)) / 2 + ascent, width: avail };
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
      case 'footnote':
        out.push({ kind: 'text', text: String(node.number), run: { variant: variantOf(flags), sup: true }, note: node });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** Text the stylesheet's font cannot draw, cut out into runs of a fallback font (fallback-fonts.ts). */
function withFallbacks(atoms: Atom[], fonts: InlineFonts): Atom[] {
  if (!fonts.coverage) return atoms;
  return atoms.flatMap((atom): Atom[] =>
    atom.kind === 'break'
      ? [atom]
      : splitByCoverage(atom.text, fonts.coverage!(atom.run.variant)).map((part) => ({
          kind: 'text',
          text: part.text,
          run: part.fallback ? { ...atom.run, fallback: part.fallback } : atom.run,
          ...(atom.note ? { note: atom.note } : {}),
        })),
  );
}

/**
 * Words of a right-to-left script (Arabic, Hebrew) read from right to left: each run of them in a line,
 * with the spaces between, gets its positions mirrored inside the room it takes. Each word is shaped and
 * ordered by fontkit; the segments keep their logical order, so the tagged text does too.
 */
function placeRightToLeft(segments: Segment[], measure: Measure): void {
  const rtl = (segment: Segment | undefined) => segment?.run.fallback?.rtl === true;
  for (let i = 0; i < segments.length; i++) {
    if (!rtl(segments[i])) continue;
    let j = i;
    while (rtl(segments[j + 1]) || (segments[j + 1]?.text.trim() === '' && rtl(segments[j + 2]))) j += rtl(segments[j + 1]) ? 1 : 2;
    if (j > i) {
      const start = segments[i]!.x;
      const end = segments[j]!.x + measure(segments[j]!.text, segments[j]!.run);
      for (const segment of segments.slice(i, j + 1)) segment.x = start + end - segment.x - measure(segment.text, segment.run);
    }
    i = j;
  }
}

type Measure = ((text: string, run: RunStyle) => number) & { trailing(text: string, run: RunStyle): number };

function toWords(atoms: Atom[], measure: Measure): Word[] {
  const words: Word[] = [];
  let pieces: Piece[] = [];
  const finish = (breakAfter: boolean): void => {
    words.push(makeWord(pieces, breakAfter, measure));
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
    if (start < atom.text.length) pieces.push({ text: atom.text.slice(start), run: atom.run, ...(atom.note ? { note: atom.note } : {}) });
  }
  if (pieces.length > 0) finish(false);
  return words;
}

function makeWord(pieces: Piece[], breakAfter: boolean, measure: Measure): Word {
  let width = 0;
  for (const piece of pieces) width += measure(piece.text, piece.run);
  const last = pieces[pieces.length - 1];
  const trailing = last ? trailingWidth(last, measure) : 0;
  return { pieces, width, trailing, breakAfter };
}

function trailingWidth(piece: Piece, measure: Measure): number {
  return piece.text.endsWith(' ') ? measure.trailing(piece.text, piece.run) : 0;
}

/** Cuts a word wider than the line (a long address, say) into parts that fit, character by character. */
function splitWord(word: Word, avail: number, measure: Measure): Word[] {
  const parts: Word[] = [];
  let pieces: Piece[] = [];
  let used = 0;
  for (const piece of word.pieces) {
    for (const char of piece.text) {
      const width = measure(char, piece.run);
      if (used > 0 && used + width > avail + EPSILON && char !== ' ') {
        parts.push(makeWord(pieces, false, measure));
        pieces = [];
        used = 0;
      }
      const last = pieces[pieces.length - 1];
      if (last && last.note === piece.note && sameRun(last.run, piece.run)) last.text += char;
      else pieces.push({ text: char, run: piece.run, ...(piece.note ? { note: piece.note } : {}) });
      used += width;
    }
  }
  parts.push(makeWord(pieces, word.breakAfter, measure));
  return parts;
}

/**
 * A line's segments and inked width. A centred or right-aligned line is placed by its inked width: its
 * last word is measured again without its spaces there, since a letter can kern with the space after it
 * (a bold period by 0.3 pt); line breaking never needs that second measure.
 */
function toLine(words: Word[], measure: Measure, exactEnd: boolean): Line {
  const merged: Piece[] = [];
  for (const word of words) {
    for (const piece of word.pieces) {
      const last = merged[merged.length - 1];
      if (last && joinable(last, piece)) last.text += piece.text;
      else merged.push({ text: piece.text, run: piece.run, ...(piece.note ? { note: piece.note } : {}) });
    }
  }
  const segments: Segment[] = [];
  let x = 0;
  for (const piece of merged) {
    segments.push({ text: piece.text, run: piece.run, x, ...(piece.note ? { note: piece.note } : {}) });
    x += measure(piece.text, piece.run);
  }
  placeRightToLeft(segments, measure);
  const last = merged[merged.length - 1];
  let trailing = 0;
  if (last && last.text.endsWith(' ')) {
    trailing = exactEnd ? measure(last.text, last.run) - measure(last.text.replace(/ +$/, ''), last.run) : trailingWidth(last, measure);
  }
  return { segments, width: Math.max(x - trailing, 0) };
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled node: ${JSON.stringify(value)}`);
}
