// Images of the PDF: read and checked (PNG or JPEG) before anything is drawn, opened once, sized to fit.
import { readRegularFile } from '../../load/read-file.js';
import path from 'node:path';
import type { Block } from '../../document/tree.js';
import type { Frame } from './flow.js';
import type { PdfDoc } from './pdfkit-compat.js';

export type ImageBlock = Extract<Block, { type: 'image' }>;

export async function loadImages(blocks: Block[], baseDir: string): Promise<Map<ImageBlock, Buffer>> {
  const found: ImageBlock[] = [];
  const walk = (list: Block[]): void => {
    for (const block of list) {
      if (block.type === 'image') found.push(block);
      else if (block.type === 'division') walk(block.children);
    }
  };
  walk(blocks);
  const images = new Map<ImageBlock, Buffer>();
  for (const block of found) {
    const file = path.resolve(baseDir, block.path);
    let data: Buffer;
    try {
      data = readRegularFile(file, 'image');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      throw new Error(`Cannot read the image "${block.path}" (${file}): ${reason}`, { cause: error });
    }
    const isPng = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const isJpeg = data[0] === 0xff && data[1] === 0xd8;
    if (!isPng && !isJpeg) throw new Error(`The image "${block.path}" (${file}) is neither PNG nor JPEG`);
    images.set(block, data);
  }
  return images;
}

export class Images {
  private readonly opened = new Map<ImageBlock, PDFKit.Mixins.OpenedImage>();

  constructor(
    private readonly doc: PdfDoc,
    private readonly data: Map<ImageBlock, Buffer>,
  ) {}

  open(block: ImageBlock): PDFKit.Mixins.OpenedImage {
    let image = this.opened.get(block);
    if (!image) {
      const data = this.data.get(block);
      if (!data) throw new Error(`Image not loaded: ${block.path}`);
      image = this.doc.openImage(data);
      this.opened.set(block, image);
    }
    return image;
  }

  /** The drawn size: the block's width at most the frame's, the height in proportion. */
  size(block: ImageBlock, frame: Frame): { width: number; height: number } {
    const image = this.open(block);
    const swap = (image.orientation ?? 1) > 4;
    const [w, h] = swap ? [image.height, image.width] : [image.width, image.height];
    const width = Math.min(block.width, frame.width);
    return { width, height: w > 0 ? (width * h) / w : 0 };
  }
}
