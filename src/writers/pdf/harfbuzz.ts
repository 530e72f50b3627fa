// Text shaping by HarfBuzz (the harfbuzzjs package: HarfBuzz compiled to WebAssembly) in place of
// fontkit's own OpenType engine, which ran every lookup of the font in JavaScript for every new word and
// was most of the time spent writing a PDF. HarfBuzz is the shaper of browsers and of LibreOffice; it
// also applies a few kerning pairs fontkit missed (digits before a period or a comma, in Inter).
// fontkit still parses the font for pdfkit: glyph metrics, code points for the text layer, subsetting.
import type { Font, Glyph } from 'fontkit';
import { tuneWebAssembly } from '../../cli/v8-tuning.js';
import { currentAddressSpaceLimit, trapHandlerOff } from '../../cli/address-space.js';

type HarfBuzz = typeof import('harfbuzzjs');

/** HarfBuzz once loaded; 'fontkit' where this process cannot run WebAssembly (fontkit's own shaping then). */
let harfbuzz: HarfBuzz | 'fontkit' | undefined;

/**
 * Loads the WebAssembly module once per process (a few milliseconds); call before shapeWithHarfBuzz.
 * Where WebAssembly cannot run, fonts keep fontkit's own shaping, the one the PDF writer used before
 * HarfBuzz: the same glyphs, hence the same text and, for the reference meeting, the same line breaks
 * (test/environment.test.ts); only a few kerning pairs differ (a line's width by a point or so). That is
 * under `node --jitless` (no WebAssembly global) and where V8 cannot reserve the module's memory (an
 * address-space limit, `ulimit -v`, that bin/clu could not relaunch Node for: see src/cli/address-space.ts).
 */
export async function loadHarfBuzz(): Promise<void> {
  if (harfbuzz) return;
  if (typeof WebAssembly === 'undefined') {
    harfbuzz = 'fontkit';
    return;
  }
  tuneWebAssembly(trapHandlerOff() ? currentAddressSpaceLimit() : undefined);
  try {
    harfbuzz = await importQuietly();
  } catch (error) {
    // Emscripten rejects with a WebAssembly.RuntimeError («Aborted(RangeError: … Out of memory …)»).
    if (!(error instanceof WebAssembly.RuntimeError || error instanceof RangeError)) throw error;
    harfbuzz = 'fontkit';
  }
}

/**
 * harfbuzzjs, without the lines Emscripten prints with console.error when the module cannot start
 * («failed to asynchronously prepare wasm», «Aborted(…)»): what is printed while it loads is printed
 * once it has loaded, dropped if it failed. Emscripten keeps the console.error it found (bound): this
 * one, which prints as the real one once loading is over.
 */
async function importQuietly(): Promise<HarfBuzz> {
  const print = console.error;
  let held: unknown[][] | undefined = [];
  console.error = (...args: unknown[]) => (held ? held.push(args) : print.apply(console, args));
  try {
    const loaded = await import('harfbuzzjs');
    for (const args of held) print.apply(console, args);
    return loaded;
  } finally {
    held = undefined;
    console.error = print;
  }
}

/** One glyph's placement, in font units (pdfkit scales it in place, hence plain fields). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** What pdfkit reads of fontkit's GlyphRun: the glyphs, their positions and the run's advance. */
class ShapedRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

const LETTER = /\p{L}/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** The first character of a script of its own (what HarfBuzz's guessSegmentProperties reads the direction from). */
const SCRIPTED = /[^\p{Script=Zyyy}\p{Script=Zinh}\p{Cn}]/u;
const RIGHT_TO_LEFT = /[\p{Script=Arab}\p{Script=Hebr}\p{Script=Syrc}\p{Script=Thaa}\p{Script=Nkoo}\p{Script=Samr}\p{Script=Mand}\p{Script=Adlm}\p{Script=Rohg}]/u;

type Features = string[] | Record<string, boolean> | undefined;

/**
 * Makes `font.layout` (what pdfkit calls to shape a word) shape with HarfBuzz, from the same font file.
 * Each glyph is fontkit's glyph object for the id HarfBuzz chose, given the characters of its cluster
 * (a ligature gets all of them, the text layer stays the text), as fontkit's own layout does.
 */
export function shapeWithHarfBuzz(font: Font, bytes: Uint8Array): void {
  const hb = harfbuzz;
  if (!hb) throw new Error('loadHarfBuzz() must be awaited before shaping');
  if (hb === 'fontkit') return;
  const shaper = new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
  const buffer = new hb.Buffer();
  const nominal = (codePoint: number) => shaper.nominalGlyph(codePoint);
  // A combining mark keeps a cluster of its own (clusters still grow in reading order; a ligature still
  // merges them): fontkit keeps the first characters a glyph is asked for, so a base letter given its
  // mark too would carry it into every later use of that letter in the text layer.
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  // Default ignorables (zero-width space, soft hyphen, joiners…) draw nothing: HarfBuzz drops their
  // glyphs after shaping (they still join Arabic letters), and the text layer leaves them out (below).
  buffer.setFlags(hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
  const layout = (text: string, features?: Features): ShapedRun => {
    buffer.clearContents();
    buffer.addText(text);
    // Digits and punctuation alone belong to no script: set them as the Latin text around them is (the
    // font's default script would lose the kerning of « 7. » or « 6, »).
    if (!LETTER.test(text)) buffer.setScript('Latn');
    buffer.guessSegmentProperties();
    hb.shape(shaper, buffer, featureList(hb, features));
    const infos = buffer.getGlyphInfos();
    const scripted = SCRIPTED.exec(text);
    const codePoints = clusterCodePoints(text, infos, scripted !== null && RIGHT_TO_LEFT.test(scripted[0]), nominal);
    return new ShapedRun(
      infos.map((info, i) => font.getGlyph(info.codepoint, codePoints[i])),
      buffer.getGlyphPositions(),
    );
  };
  (font as unknown as { layout: typeof layout }).layout = layout;
}

/**
 * The characters each glyph stands for: those of its cluster (from its first UTF-16 index to the next
 * cluster's), given to the first glyph of the cluster in reading order; the others get none — unless the
 * cluster has one glyph per character, each the font's own glyph for one of them (Hebrew marks that
 * HarfBuzz reorders share a cluster): then each glyph gets its character. HarfBuzz's clusters grow in
 * reading order; right-to-left runs come out in visual order (read from the text: a one-letter word
 * drawn with two glyphs, « ب » as a body and a dot, has one cluster).
 */
function clusterCodePoints(text: string, infos: readonly GlyphInfo[], rtl: boolean, nominal: (codePoint: number) => number | undefined): number[][] {
  const count = infos.length;
  const at = (k: number) => (rtl ? count - 1 - k : k);
  const result: number[][] = new Array<number[]>(count);
  let k = 0;
  while (k < count) {
    const start = infos[at(k)]!.cluster;
    let next = k + 1;
    while (next < count && infos[at(next)]!.cluster === start) next++;
    const codePoints = visibleCodePoints(text, start, next < count ? infos[at(next)]!.cluster : text.length);
    const glyphs = Array.from({ length: next - k }, (_, m) => at(k + m));
    const own = glyphs.length > 1 && glyphs.length === codePoints.length ? eachOwn(glyphs.map((i) => infos[i]!.codepoint), codePoints, nominal) : undefined;
    glyphs.forEach((i, m) => (result[i] = own ? own[m]! : m === 0 ? codePoints : []));
    k = next;
  }
  return result;
}

interface GlyphInfo {
  cluster: number;
  /** The glyph id, once shaped. */
  codepoint: number;
}

/** The code points of text[start, end), without default ignorables (they have no glyph of their own). */
function visibleCodePoints(text: string, start: number, end: number): number[] {
  const codePoints: number[] = [];
  for (let i = start; i < end; i++) {
    const codePoint = text.codePointAt(i)!;
    // Given to the glyph before it, an ignorable would follow that glyph into every later use of it.
    if (codePoint < 0xad || !IGNORABLE.test(String.fromCodePoint(codePoint))) codePoints.push(codePoint);
    if (codePoint > 0xffff) i++;
  }
  return codePoints;
}

/** Each glyph's own character, when every glyph is the font's glyph for a different one of them. */
function eachOwn(glyphs: number[], codePoints: number[], nominal: (codePoint: number) => number | undefined): number[][] | undefined {
  const left = [...codePoints];
  const own: number[][] = [];
  for (const glyph of glyphs) {
    const index = left.findIndex((codePoint) => nominal(codePoint) === glyph);
    if (index < 0) return undefined;
    own.push(left.splice(index, 1));
  }
  return own;
}

/** fontkit's ways of naming features (a list of tags to turn on, or tag → on/off) as HarfBuzz's. */
function featureList(hb: HarfBuzz, features: Features): InstanceType<HarfBuzz['Feature']>[] | undefined {
  if (!features) return undefined;
  const entries: [string, boolean][] = Array.isArray(features) ? features.map((tag) => [tag, true]) : Object.entries(features);
  return entries.map(([tag, on]) => new hb.Feature(tag, on ? 1 : 0));
}
