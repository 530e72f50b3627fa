// Reproducibility post-pass for DOCX files written by the `docx` package.
//
// `docx` leaves four sources of difference between two builds of the same document:
//   1. dcterms:created / dcterms:modified in docProps/core.xml are the clock;
//   2. zip entry timestamps are the clock, in local time;
//   3. <wp:docPr id> (and wps:cNvPr) and bookmark ids come from process-global counters;
//   4. some relationships get random (nanoid) ids such as "rIduyjmy-o6znp8".
// This pass pins or renumbers each of them and re-zips the parts in a fixed order, so that the same
// input gives the same bytes across runs, processes, time zones and Node versions.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** W3CDTF with seconds precision in UTC: 2021-06-14T00:00:00Z. */
export function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('normalizeDocx: invalid document date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A DOS timestamp of 1980-01-01 00:00, built from local components: fflate reads the local fields
 * (getFullYear…), so the bytes are the same in every time zone.
 */
const ZIP_MTIME = (): Date => new Date(1980, 0, 1);

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

/**
 * Makes a DOCX produced by `docx` reproducible: pins the core dates to `date`, renumbers drawing and
 * bookmark ids per document, renames random relationship ids, and re-zips with fixed entry order and
 * timestamps.
 */
export function normalizeDocx(bytes: Uint8Array, date: Date): Buffer {
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort(entryOrder);
  const text = new Map<string, string>();
  for (const name of names) {
    const data = files[name];
    if (data !== undefined && isXml(name)) text.set(name, strFromU8(data));
  }

  const core = text.get('docProps/core.xml');
  if (core !== undefined) text.set('docProps/core.xml', pinCoreDates(core, date));

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

  const mtime = ZIP_MTIME();
  const zippable: Zippable = {};
  for (const name of names) {
    const xml = text.get(name);
    const data = xml !== undefined ? strToU8(xml) : files[name];
    if (data === undefined) continue;
    // Media are already compressed: store them.
    zippable[name] = [data, { level: xml !== undefined ? 6 : 0, mtime }];
  }
  const zipped = zipSync(zippable, { mtime });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
