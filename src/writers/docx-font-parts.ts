// The DOCX's embedded font parts (word/fonts/fontN.odttf), deflated once: per process, and for the
// built-in fonts at build time (`npm run build` writes dist/docx-fonts/, read-only afterwards). A part is
// named by its font key, which is derived from the font's bytes (docx-fonts.ts), and is checked
// against the part's own CRC and size before use, so a stale or foreign file is never embedded.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deflateEntry, type Deflated } from './zip.js';

/** Where the build puts the precomputed parts: dist/docx-fonts, beside dist/writers and dist/bundle. */
const BUILT = new URL('../docx-fonts/', import.meta.url);

const deflatedParts = new Map<string, Deflated>();

/** The file name of a font part deflated at build time. */
export function builtPartName(fontKey: string): string {
  return `${fontKey.replace(/[{}-]/g, '').toLowerCase()}.deflate`;
}

/** A deflated part file: CRC (4 bytes, LE), original size (4 bytes, LE), then the DEFLATE data. */
export function encodeBuiltPart(part: Deflated): Uint8Array {
  const out = new Uint8Array(8 + part.deflated.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, part.crc, true);
  view.setUint32(4, part.size, true);
  out.set(part.deflated, 8);
  return out;
}

function readBuiltPart(fontKey: string, odttf: Uint8Array): Deflated | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL(builtPartName(fontKey), BUILT));
  } catch {
    return undefined;
  }
  if (bytes.length < 8) return undefined;
  const crc = bytes.readUInt32LE(0);
  const size = bytes.readUInt32LE(4);
  if (size !== odttf.length || crc !== crc32(odttf)) return undefined;
  return { crc, size, deflated: bytes.subarray(8) };
}

/** The obfuscated font part `odttf` (obfuscated with `fontKey`), deflated as a zip entry. */
export function deflatedFontPart(fontKey: string, odttf: Uint8Array): Deflated {
  let part = deflatedParts.get(fontKey);
  if (part === undefined || part.size !== odttf.length) {
    part = readBuiltPart(fontKey, odttf) ?? deflateEntry(odttf);
    deflatedParts.set(fontKey, part);
  }
  return part;
}
