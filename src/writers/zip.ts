// A reproducible zip writer: the bytes fflate's zipSync writes (same headers, same DEFLATE), in one pass,
// with entries that may come already compressed — the DOCX's embedded fonts are deflated once per
// process (or at build time) rather than for every document.
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

/** An entry compressed beforehand: its DEFLATE data with the CRC and size of the original bytes. */
export interface Deflated {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

export type ZipEntry = { name: string; data: Uint8Array; level: 0 | 6 } | ({ name: string } & Deflated);

/** Deflates bytes for a zip entry, as zipSync would at that level. */
export function deflateEntry(data: Uint8Array, level: 6 = 6): Deflated {
  return { deflated: deflateSync(data, { level }), crc: crc32(data), size: data.length };
}

/** DOS time of 1980-01-01 00:00, the timestamp of every entry (the same bytes in every time zone). */
const DOS_1980 = (0 << 25) | (1 << 21) | (1 << 16);

/** Writes the entries in order, as zipSync(…, { mtime: new Date(1980, 0, 1) }) writes them. */
export function zipEntries(entries: ZipEntry[]): Uint8Array {
  const files = entries.map((entry) => {
    const name = strToU8(entry.name);
    const utf8 = name.length !== entry.name.length;
    if ('deflated' in entry) return { name, utf8, method: 8, data: entry.deflated, crc: entry.crc, size: entry.size };
    if (entry.level === 0) return { name, utf8, method: 0, data: entry.data, crc: crc32(entry.data), size: entry.data.length };
    const deflated = deflateEntry(entry.data, entry.level);
    return { name, utf8, method: 8, data: deflated.deflated, crc: deflated.crc, size: deflated.size };
  });
  const localSize = files.reduce((sum, f) => sum + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  // Local header, then central directory entry: the fields both share, from "version needed" on.
  const common = (f: (typeof files)[number], b: number): number => {
    view.setUint16(b, 20, true);
    view.setUint16(b + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(b + 4, f.method, true);
    view.setUint32(b + 6, DOS_1980, true);
    view.setUint32(b + 10, f.crc, true);
    view.setUint32(b + 14, f.data.length, true);
    view.setUint32(b + 18, f.size, true);
    view.setUint16(b + 22, f.name.length, true);
    view.setUint16(b + 24, 0, true);
    return b + 26;
  };
  for (const f of files) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at = common(f, at + 4);
    out.set(f.name, at);
    out.set(f.data, at + f.name.length);
    at += f.name.length + f.data.length;
  }
  const central = at;
  files.forEach((f, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0, MS-DOS
    at = common(f, at + 6);
    view.setUint16(at, 0, true); // comment length
    view.setUint32(at + 2, 0, true); // disk number, internal attributes
    view.setUint32(at + 6, 0, true); // external attributes
    view.setUint32(at + 10, offsets[i]!, true);
    out.set(f.name, at + 14);
    at += 14 + f.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
