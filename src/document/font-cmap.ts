// A font's character map read straight from the font file's bytes: fontkit decodes the whole map object
// by object (a quarter of a second per font), and loading fontkit at all costs more than a validation.
// Reads the Unicode subtables of format 12 (full range) or, failing that, 4 (the basic plane).

/** Glyph id → the code points the character map sends to it, for glyphs with two or more. */
export function sharedGlyphs(font: Uint8Array): Map<number, number[]> {
  const byGlyph = new Map<number, number[]>();
  readCmap(font, (codePoint, glyph) => {
    const list = byGlyph.get(glyph);
    if (list) list.push(codePoint);
    else byGlyph.set(glyph, [codePoint]);
  });
  for (const [glyph, list] of byGlyph) if (list.length < 2) byGlyph.delete(glyph);
  return byGlyph;
}

/** The code points the font has a glyph for, as fontkit's hasGlyphForCodePoint answers. */
export function cmapCoverage(font: Uint8Array): { hasGlyphForCodePoint(codePoint: number): boolean } {
  const covered = new Set<number>();
  readCmap(font, (codePoint) => covered.add(codePoint));
  return { hasGlyphForCodePoint: (codePoint) => covered.has(codePoint) };
}

/** Calls `add` for every code point of the character map that has a glyph (other than .notdef). */
function readCmap(font: Uint8Array, add: (codePoint: number, glyph: number) => void): void {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const withGlyph = (codePoint: number, glyph: number): void => {
    if (glyph !== 0) add(codePoint, glyph);
  };
  const cmap = tableOffset(view, 'cmap');
  if (cmap === undefined) return;
  const subtable = unicodeSubtable(view, cmap);
  if (subtable !== undefined && view.getUint16(subtable) === 12) readFormat12(view, subtable, withGlyph);
  else if (subtable !== undefined && view.getUint16(subtable) === 4) readFormat4(view, subtable, withGlyph);
}

function tableOffset(view: DataView, tag: string): number | undefined {
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  return undefined;
}

/** The subtable fontkit uses: Windows full Unicode (format 12) first, then Unicode, then Windows BMP. */
function unicodeSubtable(view: DataView, cmap: number): number | undefined {
  const count = view.getUint16(cmap + 2);
  const found = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const offset = cmap + view.getUint32(record + 4);
    found.set(`${view.getUint16(record)}/${view.getUint16(record + 2)}/${view.getUint16(offset)}`, offset);
  }
  for (const key of ['3/10/12', '0/6/12', '0/4/12', '0/3/4', '3/1/4']) {
    const offset = found.get(key);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

function readFormat12(view: DataView, at: number, add: (codePoint: number, glyph: number) => void): void {
  const groups = view.getUint32(at + 12);
  for (let i = 0; i < groups; i++) {
    const group = at + 16 + 12 * i;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let codePoint = start; codePoint <= end; codePoint++) add(codePoint, glyph + codePoint - start);
  }
}

function readFormat4(view: DataView, at: number, add: (codePoint: number, glyph: number) => void): void {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (codePoint + delta) & 0xffff;
      else {
        const index = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      add(codePoint, glyph);
    }
  }
}
