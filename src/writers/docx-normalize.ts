// Reproducibility post-pass for DOCX files written by the `docx` package.
//
// `docx` leaves four sources of difference between two builds of the same document:
//   1. dcterms:created / dcterms:modified in docProps/core.xml are the clock;
//   2. zip entry timestamps are the clock, in local time;
//   3. <wp:docPr id> (and wps:cNvPr) and bookmark ids come from process-global counters;
//   4. some relationships get random (nanoid) ids such as "rIduyjmy-o6znp8";
//   5. each embedded font is obfuscated with a random key (w:fontKey, ECMA-376 Part 1 §17.8.1).
// This pass pins or renumbers each of them and re-zips the parts in a fixed order, so that the same
// input gives the same bytes across runs, processes, time zones and Node versions.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipEntries, type ZipEntry } from './zip.js';
import { deflatedFontPart } from './docx-font-parts.js';

/** What docx cannot write into docProps: the language (dc:language) and the producing application. */
export interface DocxProperties {
  /** BCP 47 tag, such as "fr-FR". */
  lang?: string;
  /** docProps/app.xml Application, such as "clu". */
  application?: string;
}

/** W3CDTF with seconds precision in UTC: 2021-06-14T00:00:00Z. */
export function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('normalizeDocx: invalid document date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** [Content_Types].xml first (as Office writes it), then the package rels, then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  return a < b ? -1 : a > b ? 1 : 0;
}

const isXml = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

/** The rels part of a part: word/document.xml → word/_rels/document.xml.rels. */
function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pins the core dates. */
function pinCoreDates(xml: string, date: Date): string {
  const stamp = w3cdtf(date);
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
  );
}

/**
 * Renames the relationships whose id is not of the form rIdN, in order of first appearance in the
 * part (then in the rels file), to rIdN numbers after the largest existing one; rewrites both files
 * and sorts the rels file by id, so that its order cannot depend on the random names.
 */
function renameRandomRelIds(part: string, rels: string): { part: string; rels: string } {
  const ids = [...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]*)"/g)].map((m) => m[1] ?? '');
  const random = ids.filter((id) => !/^rId\d+$/.test(id));
  if (random.length === 0) return { part, rels };
  let next = Math.max(0, ...ids.filter((id) => /^rId\d+$/.test(id)).map((id) => Number(id.slice(3)))) + 1;

  const position = (id: string): number => {
    const at = part.indexOf(`"${id}"`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const ordered = random
    .map((id, relsIndex) => ({ id, at: position(id), relsIndex }))
    .sort((a, b) => a.at - b.at || a.relsIndex - b.relsIndex);
  const renames = new Map<string, string>();
  for (const { id } of ordered) renames.set(id, `rId${next++}`);

  const rewrite = (xml: string): string => {
    if (renames.size === 0) return xml;
    const pattern = new RegExp(`"(${[...renames.keys()].map(escapeRegExp).join('|')})"`, 'g');
    return xml.replace(pattern, (_m, id: string) => `"${renames.get(id) ?? id}"`);
  };

  const newRels = rewrite(rels);
  const elements = [...newRels.matchAll(/<Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/Relationship>)/g)];
  const first = elements[0];
  const last = elements[elements.length - 1];
  if (first === undefined || last === undefined || first.index === undefined || last.index === undefined) {
    return { part: rewrite(part), rels: newRels };
  }
  const idOf = (el: string): number => Number(/\bId="rId(\d+)"/.exec(el)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const sorted = elements.map((m) => m[0]).sort((a, b) => idOf(a) - idOf(b));
  const sortedRels = newRels.slice(0, first.index) + sorted.join('') + newRels.slice(last.index + last[0].length);
  return { part: rewrite(part), rels: sortedRels };
}

/** Adds dc:language to the core properties (docx has no option for it). */
function addLanguage(xml: string, lang: string): string {
  if (xml.includes('<dc:language>')) return xml;
  return xml.replace('</cp:coreProperties>', `<dc:language>${escapeXml(lang)}</dc:language></cp:coreProperties>`);
}

/** Adds the Application field to the extended properties (docx writes an empty Properties element). */
function addApplication(xml: string, application: string): string {
  if (xml.includes('<Application>')) return xml;
  const field = `<Application>${escapeXml(application)}</Application><DocSecurity>0</DocSecurity>`;
  if (/<Properties\b[^>]*\/>/.test(xml)) return xml.replace(/<Properties\b([^>]*)\/>/, `<Properties$1>${field}</Properties>`);
  return xml.replace('</Properties>', `${field}</Properties>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * XORs the first 32 bytes of a font with its key, as ECMA-376 Part 1 §17.8.1 obfuscates embedded fonts
 * (the GUID's 16 bytes, read from its last hex pair to its first, twice). Its own inverse.
 */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`normalizeDocx: not a font key: ${fontKey}`);
  const key = (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
  const out = new Uint8Array(data); // a copy (Buffer.prototype.slice would share the memory)
  for (let i = 0; i < Math.min(32, out.length); i += 1) out[i] = (out[i] ?? 0) ^ (key[i % 16] ?? 0);
  return out;
}

/** A GUID made from the font's own bytes: the same font always gets the same key. */
export function fontKeyOf(font: Uint8Array): string {
  const hex = createHash('sha256').update(font).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * Replaces the random key of every embedded font with one derived from the font, re-obfuscating its
 * .odttf part with it. Returns the new font table; the new parts are written into `files`.
 */
function pinFontKeys(fontTable: string, rels: string, files: Record<string, Uint8Array>, pinnedKeys: Map<string, string>): string {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, `word/${target.replace(/^\.?\//, '')}`);
  }
  return fontTable.replace(/<w:embed(Regular|Bold|Italic|BoldItalic)\b[^>]*\/>/g, (element) => {
    const id = /\br:id="([^"]*)"/.exec(element)?.[1];
    const key = /\bw:fontKey="([^"]*)"/.exec(element)?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    const data = part === undefined ? undefined : files[part];
    if (key === undefined || part === undefined || data === undefined) return element;
    const font = obfuscateFont(data, key);
    const pinned = fontKeyOf(font);
    files[part] = obfuscateFont(font, pinned);
    pinnedKeys.set(part, pinned);
    return element.replace(`w:fontKey="${key}"`, `w:fontKey="${pinned}"`);
  });
}

/**
 * Makes a DOCX produced by `docx` reproducible: pins the core dates to `date`, renumbers drawing and
 * bookmark ids per document, renames random relationship ids, and re-zips with fixed entry order and
 * timestamps.
 */
export function normalizeDocx(bytes: Uint8Array, date: Date, properties: DocxProperties = {}): Buffer {
  return normalizeDocxParts(new Map(Object.entries(unzipSync(bytes))), date, properties);
}

/**
 * The same, from the package's parts before they are zipped (docx's compiler gives XML parts as text):
 * the package is zipped once, here.
 */
export function normalizeDocxParts(parts: Map<string, string | Uint8Array>, date: Date, properties: DocxProperties = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  const text = new Map<string, string>();
  for (const [name, data] of parts) {
    if (isXml(name)) text.set(name, typeof data === 'string' ? data : strFromU8(data));
    else files[name] = typeof data === 'string' ? strToU8(data) : data;
  }
  const names = [...parts.keys()].sort(entryOrder);

  const core = text.get('docProps/core.xml');
  if (core !== undefined) {
    const dated = pinCoreDates(core, date);
    text.set('docProps/core.xml', properties.lang === undefined ? dated : addLanguage(dated, properties.lang));
  }
  const app = text.get('docProps/app.xml');
  if (app !== undefined && properties.application !== undefined) text.set('docProps/app.xml', addApplication(app, properties.application));

  const fontTable = text.get('word/fontTable.xml');
  const fontRels = text.get('word/_rels/fontTable.xml.rels');
  const pinnedKeys = new Map<string, string>();
  if (fontTable !== undefined && fontRels !== undefined) text.set('word/fontTable.xml', pinFontKeys(fontTable, fontRels, files, pinnedKeys));

  // Drawing ids must be unique in the whole document (body, headers, footers, notes): one counter.
  let drawingId = 0;
  const bookmarkIds = new Map<string, number>();
  for (const name of names) {
    const xml = text.get(name);
    if (xml === undefined || !name.startsWith('word/') || name.endsWith('.rels')) continue;
    const renumbered = xml
      .replace(/(<(?:wp:docPr|wps:cNvPr)\b[^>]*?\bid=")(\d+)(")/g, (_m, head: string, _id: string, tail: string) => {
        drawingId += 1;
        return `${head}${drawingId}${tail}`;
      })
      .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(-?\d+)(")/g, (_m, head: string, id: string, tail: string) => {
        let renamed = bookmarkIds.get(id);
        if (renamed === undefined) {
          renamed = bookmarkIds.size;
          bookmarkIds.set(id, renamed);
        }
        return `${head}${renamed}${tail}`;
      });
    text.set(name, renumbered);
  }

  for (const name of names) {
    if (name.endsWith('.rels') || !isXml(name)) continue;
    const relsName = relsOf(name);
    const part = text.get(name);
    const rels = text.get(relsName);
    if (part === undefined || rels === undefined) continue;
    const renamed = renameRandomRelIds(part, rels);
    text.set(name, renamed.part);
    text.set(relsName, renamed.rels);
  }

  const entries: ZipEntry[] = [];
  for (const name of names) {
    const xml = text.get(name);
    const data = files[name];
    const fontKey = pinnedKeys.get(name);
    if (xml !== undefined) entries.push({ name, data: strToU8(xml), level: 6 });
    // Fonts are deflated once per process (or at build time); media are already compressed: stored.
    else if (data !== undefined && fontKey !== undefined) entries.push({ name, ...deflatedFontPart(fontKey, data) });
    else if (data !== undefined) entries.push({ name, data, level: name.endsWith('.odttf') ? 6 : 0 });
  }
  const zipped = zipEntries(entries);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
