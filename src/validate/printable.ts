// Characters the PDF cannot print: a text in Chinese or with an emoji, drawn with a font that has no
// glyph for it, comes out as empty boxes and is missing from the PDF's text (the DOCX keeps it, Word
// substitutes a font). Every text value of the files is checked against the font the PDF will embed and
// the fallback fonts (their glyph coverage, read with fontkit: Arabic and Hebrew have a fallback), and
// each one that has such characters is a warning at the line:col of the first, naming them.
import { isScalar, visit } from 'yaml';
import { defaultFonts } from '../document/stylesheet.js';
import { cmapCoverage } from '../document/font-cmap.js';
import { readRegularFile } from '../load/read-file.js';
import { splitByCoverage, type Coverage } from '../document/fallback-fonts.js';
import type { Reporter, Source } from './diagnostic.js';
import { visible } from '../text/visible.js';

/** Line breaks and tabs are layout, not glyphs. */
const LAYOUT = new Set([0x0a, 0x0d, 0x09]);
/** How many distinct characters a warning names. */
const NAMED = 8;

let defaultCoverage: Coverage | undefined;

/** What the regular font of the default stylesheet can draw (its character map, read once). */
function defaultPdfCoverage(): Coverage {
  defaultCoverage ??= cmapCoverage(readRegularFile(defaultFonts().regular, 'font'));
  return defaultCoverage;
}

/** Reports every text value of the sources that holds characters `font` cannot draw. */
export function checkPrintable(sources: Source[], reporter: Reporter, font: Coverage = defaultPdfCoverage()): void {
  const covered = new Map<number, boolean>();
  const codePointInMainFont = (codePoint: number) => {
    let known = covered.get(codePoint);
    if (known === undefined) covered.set(codePoint, (known = LAYOUT.has(codePoint) || font.hasGlyphForCodePoint(codePoint)));
    return known;
  };
  const inMainFont = (char: string) => codePointInMainFont(char.codePointAt(0)!);
  /** Most texts: every character in the main font, so nothing to cut into runs. */
  const allInMainFont = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (!codePointInMainFont(codePoint)) return false;
      if (codePoint > 0xffff) i++;
    }
    return true;
  };
  // What the PDF writer will do: the same cut into runs for the main font and the fallback fonts.
  const undrawable = (text: string) =>
    allInMainFont(text) ? [] : splitByCoverage(text, font).flatMap((run) => (run.fallback ? [] : [...run.text].filter((char) => !inMainFont(char))));
  for (const source of new Set(sources)) {
    if (!source.doc) continue;
    visit(source.doc, {
      Scalar(key, node) {
        if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        const missing = [...new Set(undrawable(node.value))];
        if (missing.length === 0) return;
        // The first missing character as written in the file (a quoted scalar may spell it as an escape).
        const at = source.text.indexOf(missing[0]!, node.range[0]);
        const offset = at !== -1 && at < node.range[1] ? at : node.range[0];
        const position = source.lineCounter.linePos(offset);
        reporter.add(
          'unprintable-characters',
          { characters: describe(missing, reporter.locale), count: missing.length },
          { file: source.file, start: { line: position.line, column: position.col } },
        );
      },
    });
  }
}

/**
 * “ب” (U+0628), “ش” (U+0634)… — the code point says what an invisible or unfamiliar character is. A
 * control character (ESC, BEL, a bidi override) is named by its escape, “\u001b”, never printed raw: the
 * message is shown on a terminal, and in every format.
 */
function describe(characters: string[], locale: Reporter['locale']): string {
  const quote = (c: string) => (locale === 'fr' ? `« ${visible(c)} »` : `“${visible(c)}”`);
  const named = characters.slice(0, NAMED).map((c) => `${quote(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  return characters.length > NAMED ? `${named.join(', ')}…` : named.join(', ');
}
