// Opens an image the way the writers will (PNG or JPEG, whole, of a sensible size) so that a missing,
// truncated, mislabelled or absurd image is a message before rendering, never a crash inside pdfkit.
import { inflateSync } from 'node:zlib';
import type { FsLocale } from '../output/fs-reason.js';

export interface ImageInfo {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** Largest side, and most extreme ratio of sides, of an image clu embeds (a logo is a few hundred px). */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_RATIO = 50;

type Problem = { en: string; fr: string };

export class ImageProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
  reason(locale: FsLocale): string {
    return this.problem[locale];
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Throws ImageProblem when the bytes are not a complete PNG or JPEG image of a sensible size. */
export function inspectImage(data: Buffer): ImageInfo {
  const info = data.subarray(0, 8).equals(PNG_SIGNATURE) ? inspectPng(data) : data[0] === 0xff && data[1] === 0xd8 ? inspectJpeg(data) : undefined;
  if (!info) throw new ImageProblem({ en: 'neither PNG nor JPEG', fr: 'ni PNG ni JPEG' });
  const { width, height } = info;
  if (width === 0 || height === 0) throw new ImageProblem({ en: 'the image has no pixels', fr: 'l’image n’a aucun pixel' });
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || Math.max(width / height, height / width) > MAX_IMAGE_RATIO) {
    throw new ImageProblem({
      en: `absurd size (${width} × ${height} pixels; at most ${MAX_IMAGE_SIDE} a side and a ratio of ${MAX_IMAGE_RATIO})`,
      fr: `taille aberrante (${width} × ${height} pixels ; au plus ${MAX_IMAGE_SIDE} de côté et un rapport de ${MAX_IMAGE_RATIO})`,
    });
  }
  return info;
}

const TRUNCATED: Problem = { en: 'the file is truncated or damaged', fr: 'le fichier est tronqué ou abîmé' };

/** Bits per pixel for each PNG colour type and the bit depths it allows. */
const PNG_COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

function inspectPng(data: Buffer): ImageInfo {
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | undefined;
  let palette = false;
  let ended = false;
  const compressed: Buffer[] = [];
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = offset + 8;
    if (body + length + 4 > data.length) throw new ImageProblem(TRUNCATED);
    const chunk = data.subarray(body, body + length);
    if (type === 'IHDR' && length === 13) {
      header = { width: chunk.readUInt32BE(0), height: chunk.readUInt32BE(4), depth: chunk[8]!, colour: chunk[9]!, interlaced: chunk[12] === 1 };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') compressed.push(chunk);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    if (!header) throw new ImageProblem(TRUNCATED);
    offset = body + length + 4;
  }
  if (!header || !ended || compressed.length === 0) throw new ImageProblem(TRUNCATED);
  const colour = PNG_COLOUR_TYPES[header.colour];
  if (!colour || !colour.depths.includes(header.depth) || (header.colour === 3 && !palette)) {
    throw new ImageProblem({ en: 'unsupported PNG colour format', fr: 'format de couleur PNG non pris en charge' });
  }
  const info: ImageInfo = { type: 'png', width: header.width, height: header.height };
  if (info.width === 0 || info.height === 0 || info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) return info;
  // The pixel data must inflate to what the header announces (bounded: a zip bomb stops at the cap).
  const rowBytes = Math.ceil((header.width * colour.channels * header.depth) / 8);
  const expected = header.height * (rowBytes + 1);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(compressed), { maxOutputLength: expected * 2 + 1024 });
  } catch {
    throw new ImageProblem(TRUNCATED);
  }
  if (!header.interlaced && pixels.length < expected) throw new ImageProblem(TRUNCATED);
  return info;
}

function inspectJpeg(data: Buffer): ImageInfo {
  let offset = 2;
  let frame: { width: number; height: number } | undefined;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) throw new ImageProblem(TRUNCATED);
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > data.length) throw new ImageProblem(TRUNCATED);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) throw new ImageProblem(TRUNCATED);
      frame = { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows, up to the end marker
    offset += 2 + length;
  }
  // The image ends with FF D9 (some cameras append a few bytes after it).
  const end = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
  if (!frame || end < offset || end < data.length - 1024) throw new ImageProblem(TRUNCATED);
  return { type: 'jpeg', ...frame };
}
