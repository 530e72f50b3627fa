// Images of the PDF: taken from the resource bag (read and checked before any writer runs), opened once, sized to fit.
import type { DocumentResources } from '../../load/resource-bag.js';
import type { Block } from '../../document/tree.js';
import type { Frame } from './flow.js';
import type { PdfDoc } from './pdfkit-compat.js';

export type ImageBlock = Extract<Block, { type: 'image' }>;

/** The bytes of every image block of the tree, from the document's resources (read and checked before writing). */
export function imagesOf(blocks: Block[], resources: DocumentResources): Map<ImageBlock, Buffer> {
  const images = new Map<ImageBlock, Buffer>();
  const walk = (list: Block[]): void => {
    for (const block of list) {
      if (block.type === 'image') images.set(block, resources.image(block).bytes);
      else if (block.type === 'division') walk(block.children);
    }
  };
  walk(blocks);
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
