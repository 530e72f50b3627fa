// The output formats, one entry each: a new format is one writer module and one line here. `--format`, its
// check and the help's list come from this registry. Each writer is loaded only when its format is asked
// for (pdfkit alone takes a fifth of a second to load).
import type { Stylesheet } from '../document/stylesheet.js';
import type { DocumentTree } from '../document/tree.js';
import type { DocumentResources } from '../load/resource-bag.js';

/** What every writer is given besides the tree and the stylesheet. */
export interface WriteOptions {
  /** The pictures and fonts of this document, read and checked before any writer runs. */
  resources: DocumentResources;
  /** PDF: claim PDF/A-2a as well as PDF/UA-1. */
  pdfa?: boolean;
}

export interface Writer {
  /** The name given to --format. */
  id: string;
  /** The file name's extension, without the dot. */
  extension: string;
  /** Whether the writer draws text with the stylesheet's fonts (they are then opened and checked first). */
  drawsFonts: boolean;
  write(tree: DocumentTree, stylesheet: Stylesheet, options: WriteOptions): Promise<Buffer>;
}

export const WRITERS = [
  {
    id: 'docx',
    extension: 'docx',
    drawsFonts: false,
    write: async (tree, stylesheet, options) => (await import('./docx.js')).writeDocx(tree, stylesheet, { resources: options.resources }),
  },
  {
    id: 'pdf',
    extension: 'pdf',
    drawsFonts: true,
    write: async (tree, stylesheet, options) => (await import('./pdf/index.js')).writePdf(tree, stylesheet, { resources: options.resources, pdfa: Boolean(options.pdfa) }),
  },
  {
    id: 'md',
    extension: 'md',
    drawsFonts: false,
    write: async (tree) => Buffer.from((await import('./markdown.js')).writeMarkdown(tree), 'utf8'),
  },
] as const satisfies readonly Writer[];

export type FormatId = (typeof WRITERS)[number]['id'];
export const FORMAT_IDS: readonly FormatId[] = WRITERS.map((writer) => writer.id);

export function writerFor(id: FormatId): Writer {
  return WRITERS.find((writer) => writer.id === id)!;
}
