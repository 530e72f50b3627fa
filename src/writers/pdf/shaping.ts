// fontkit's OpenType shaping, made faster without changing a glyph. For every word, fontkit runs each of
// the font's lookups (Inter has hundreds, for `calt` and kerning) over every glyph, and finds a glyph in
// a coverage or class table by a linear search. Two changes to its private lookup processor, each giving
// exactly the answer fontkit gives (test/pdf-shaping.test.ts compares every word of the examples):
//  - a lookup none of whose subtables can start at any glyph of the run is skipped (a subtable first
//    asks whether the current glyph is in its coverage, and returns without effect when not);
//  - coverage and class tables are read through an array indexed by glyph id, built on first use.
import type { Font } from 'fontkit';

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number> | Lazy<number>;
  rangeRecords?: ArrayLike<Range> | Lazy<Range>;
}
interface ClassDef {
  version: number;
  classRangeRecord?: ArrayLike<Range> | Lazy<Range>;
}
interface Range {
  start: number;
  end: number;
  startCoverageIndex?: number;
  class?: number;
}
interface Lazy<T> {
  toArray(): T[];
}
interface Lookup {
  lookupType: number;
  subTables: ArrayLike<SubTable> | Lazy<SubTable>;
}
interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  coverages?: ArrayLike<Coverage> | Lazy<Coverage>;
  inputCoverage?: ArrayLike<Coverage> | Lazy<Coverage>;
}
interface GlyphInfo {
  id: number;
}
interface Processor {
  glyphIterator: { cur: GlyphInfo };
  currentFeature: string | null;
  applyLookups(lookups: { feature: string; lookup: Lookup }[], glyphs: GlyphInfo[], positions: unknown[]): void;
  coverageIndex(coverage: Coverage, glyph?: number | null): number;
  getClassID(glyph: number, classDef: ClassDef): number;
}

const list = <T>(items: ArrayLike<T> | Lazy<T> | undefined): T[] =>
  items === undefined || items === null ? [] : Array.isArray(items) ? items : 'toArray' in items ? items.toArray() : Array.from(items);

let patched = false;

/** Speeds up the shaping of every fontkit font of the process (once; `font` is any font with GSUB or GPOS). */
export function speedUpShaping(font: Font): void {
  if (patched) return;
  font.layout('a'); // makes fontkit create its lookup processors, whose prototype is patched
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GSUBProcessor?: object; GPOSProcessor?: object } } })._layoutEngine?.engine;
  const sample = engine?.GSUBProcessor ?? engine?.GPOSProcessor;
  if (!sample) return;
  const base = Object.getPrototypeOf(Object.getPrototypeOf(sample)) as Processor;
  const gpos = engine?.GPOSProcessor ? (Object.getPrototypeOf(engine.GPOSProcessor) as object) : undefined;
  const methods = [base.applyLookups, base.coverageIndex, base.getClassID];
  if (methods.some((method) => typeof method !== 'function')) return;
  patched = true;
  patchLookupSkipping(base, gpos);
  patchTableIndexes(base);
}

/** A lookup's possible first glyphs (the union of its subtables' first coverages), or null: any glyph. */
type FirstGlyphs = Uint8Array | null;
const FIRST_GLYPHS = Symbol('clu first glyphs');

function patchLookupSkipping(base: Processor, gposPrototype: object | undefined): void {
  const applyLookups = base.applyLookups;
  base.applyLookups = function (this: Processor, lookups, glyphs, positions) {
    const isGpos = gposPrototype !== undefined && Object.getPrototypeOf(this) === gposPrototype;
    applyLookups.call(this, [], glyphs, positions); // the processor's state, as fontkit sets it up
    for (const entry of lookups) {
      const lookup = entry.lookup as Lookup & { [FIRST_GLYPHS]?: FirstGlyphs };
      const first = lookup[FIRST_GLYPHS] === undefined ? (lookup[FIRST_GLYPHS] = lookupFirstGlyphs(lookup, isGpos)) : lookup[FIRST_GLYPHS];
      if (first !== null && !glyphs.some((glyph) => first[glyph.id] === 1)) continue;
      applyLookups.call(this, [entry], glyphs, positions);
    }
    const last = lookups[lookups.length - 1];
    if (last) this.currentFeature = last.feature;
  };
}

function lookupFirstGlyphs(lookup: Lookup, isGpos: boolean): FirstGlyphs {
  const coverages: Coverage[] = [];
  for (const table of list(lookup.subTables)) {
    const coverage = firstCoverage(lookup.lookupType, table, isGpos);
    if (coverage === undefined) return null;
    coverages.push(coverage);
  }
  const ranges = coverages.flatMap(coverageRanges);
  const set = new Uint8Array(ranges.reduce((max, [, end]) => Math.max(max, end + 1), 0));
  for (const [start, end] of ranges) set.fill(1, start, end + 1);
  return set;
}

/** The coverage the current glyph must be in for the subtable to do anything; undefined: unknown. */
function firstCoverage(type: number, table: SubTable, isGpos: boolean): Coverage | undefined {
  const extension = isGpos ? 9 : 7;
  const context = isGpos ? 7 : 5;
  const chaining = isGpos ? 8 : 6;
  if (type === extension) return table.lookupType !== undefined && table.extension ? firstCoverage(table.lookupType, table.extension, isGpos) : undefined;
  if (type === context || type === chaining) {
    if (table.version === 1 || table.version === 2) return table.coverage;
    if (table.version === 3) return list(type === chaining ? table.inputCoverage : table.coverages)[0];
    return undefined;
  }
  if (isGpos) {
    if (type === 1 || type === 2 || type === 3) return table.coverage;
    if (type === 4 || type === 5) return table.markCoverage;
    if (type === 6) return table.mark1Coverage;
    return undefined;
  }
  return type >= 1 && type <= 4 ? table.coverage : undefined;
}

/** The glyph ranges of a coverage table, [start, end] inclusive. */
function coverageRanges(coverage: Coverage): [number, number][] {
  if (coverage.version === 1) return list(coverage.glyphs).map((glyph) => [glyph, glyph]);
  if (coverage.version === 2) return list(coverage.rangeRecords).map((range) => [range.start, range.end]);
  return [];
}

/** Where a table keeps its array: a symbol property, faster to reach than a WeakMap on a hot path. */
const INDEXES = Symbol('clu glyph indexes');
type Indexed = { [INDEXES]?: Int32Array };

function patchTableIndexes(base: Processor): void {
  const getClassID = base.getClassID;
  base.coverageIndex = function (this: Processor, coverage, glyph) {
    const id = glyph ?? this.glyphIterator.cur.id;
    const indexes = (coverage as Indexed)[INDEXES] ?? ((coverage as Indexed)[INDEXES] = coverageIndexes(coverage));
    // Past the array: above every glyph the table covers (or a format fontkit does not read), -1 as from fontkit.
    return id < indexes.length ? indexes[id]! : -1;
  };
  base.getClassID = function (this: Processor, glyph, classDef) {
    if (classDef.version !== 2) return getClassID.call(this, glyph, classDef);
    const classes = (classDef as Indexed)[INDEXES] ?? ((classDef as Indexed)[INDEXES] = classIndexes(classDef));
    return glyph < classes.length ? classes[glyph]! : 0;
  };
}

/** Glyph id → coverage index (-1: not covered), as fontkit's linear search finds it (the first match). */
function coverageIndexes(coverage: Coverage): Int32Array {
  if (coverage.version === 1) {
    const glyphs = list(coverage.glyphs);
    const indexes = new Int32Array(Math.max(0, ...glyphs) + 1).fill(-1);
    for (let i = glyphs.length - 1; i >= 0; i--) indexes[glyphs[i]!] = i;
    return indexes;
  }
  if (coverage.version === 2) {
    const ranges = list(coverage.rangeRecords);
    const indexes = new Int32Array(ranges.reduce((max, range) => Math.max(max, range.end + 1), 0)).fill(-1);
    for (let k = ranges.length - 1; k >= 0; k--) {
      const range = ranges[k]!;
      for (let id = range.start; id <= range.end; id++) indexes[id] = (range.startCoverageIndex ?? 0) + id - range.start;
    }
    return indexes;
  }
  return new Int32Array(0);
}

/** Glyph id → class (0: none) of a class table of format 2, as fontkit's linear search finds it. */
function classIndexes(classDef: ClassDef): Int32Array {
  const ranges = list(classDef.classRangeRecord);
  const classes = new Int32Array(ranges.reduce((max, range) => Math.max(max, range.end + 1), 0));
  for (let k = ranges.length - 1; k >= 0; k--) {
    const range = ranges[k]!;
    classes.fill(range.class ?? 0, range.start, range.end + 1);
  }
  return classes;
}
