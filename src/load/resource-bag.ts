// The resource bag (pandoc's MediaBag): every picture a document shows (logo, content images, a
// template's <img>) is found, read and checked once, before any writer runs; the writers take its bytes
// from here and never read the disk. A picture shown by several documents of a run is read once.
import path from 'node:path';
import { UsageError } from '../cli/errors.js';
import type { Block } from '../document/tree.js';
import type { ImageInfo } from './image-check.js';
import { loadImage, resourceReason } from './resources.js';

export interface ImageResource {
  bytes: Buffer;
  info: ImageInfo;
}

/** What one document's writers may ask for. */
export interface DocumentResources {
  /** The picture of an image block of this document (its path as the tree gives it). */
  image(block: { path: string }): ImageResource;
}

export class ResourceBag {
  /** By absolute path. */
  private readonly images = new Map<string, ImageResource>();

  /**
   * Reads and checks every picture of a tree whose relative paths start from `baseDir`; throws
   * UsageError for the first one that cannot be used. With `within`, a picture outside those folders
   * (once links are followed) is refused unread.
   */
  gather(blocks: readonly Block[], baseDir: string, within?: readonly string[]): DocumentResources {
    for (const block of imageBlocks(blocks)) {
      const file = path.resolve(baseDir, block.path);
      if (this.images.has(file)) continue;
      try {
        const { bytes, info } = loadImage(file, within);
        this.images.set(file, { bytes, info });
      } catch (error) {
        throw new UsageError(
          `${file}: the image cannot be used: ${resourceReason(error, 'en')} (give a complete PNG or JPEG file)`,
          `${file} : image inutilisable : ${resourceReason(error, 'fr')} (donnez un fichier PNG ou JPEG complet)`,
        );
      }
    }
    return {
      image: (block) => {
        const found = this.images.get(path.resolve(baseDir, block.path));
        // A writer asked for a picture the tree did not have when it was gathered: a bug, not the user's.
        if (!found) throw new Error(`image not gathered before writing: ${block.path}`);
        return found;
      },
    };
  }
}

/** The image blocks of a tree, in document order (divisions hold the letterhead's logo). */
function imageBlocks(blocks: readonly Block[]): Extract<Block, { type: 'image' }>[] {
  const found: Extract<Block, { type: 'image' }>[] = [];
  const walk = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'image') found.push(block);
      else if (block.type === 'division') walk(block.children);
    }
  };
  walk(blocks);
  return found;
}

/** The resources of one tree read on the spot: for a writer called on its own, outside the pipeline. */
export function resourcesOf(blocks: readonly Block[], baseDir: string): DocumentResources {
  return new ResourceBag().gather(blocks, baseDir);
}
