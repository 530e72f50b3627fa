// PDF writer: renders the document tree with pdfkit as a tagged PDF (PDF/UA-1, or PDF/A-2a + PDF/UA-1).
// The work is in pieces, as typesetters do it: inline layout (inline.ts, pure: words → lines), the flow
// down the pages with keep-with-next and widows/orphans (flow.ts, keep.ts), painting and tagging
// (paint.ts), and the block kinds (blocks.ts, lists.ts, tables.ts, signatures.ts, furniture.ts).
import type { DocumentMeta, DocumentTree } from '../../document/tree.js';
import type { Stylesheet } from '../../document/stylesheet.js';
import { BlockRenderer } from './blocks.js';
import { PdfContext } from './context.js';
import { PageNotes } from './footnotes.js';
import { forgetAllGlyphsWithoutText, loadFonts } from './fonts.js';
import { drawFooters, drawRunningHeaders } from './furniture.js';
import { imagesOf } from './images.js';
import { resourcesOf, type DocumentResources } from '../../load/resource-bag.js';
import { FONT_NAMES, FONT_VARIANTS } from './measure.js';
import { createPdfDocument, type PdfDoc } from './pdfkit-compat.js';

export interface PdfWriterOptions {
  /** Claim PDF/A-2a (plus the PDF/UA-1 identifier) instead of PDF/UA-1 alone. */
  pdfa?: boolean;
  /** The document's pictures, read and checked before writing (the pipeline's resource bag). */
  resources?: DocumentResources;
  /** Without `resources`: the directory that relative image paths start from (default: the working directory). */
  baseDir?: string;
}

/** Fixed strings: the Info dictionary must not depend on the machine or the version being run. */
const PRODUCER = 'clu';

export async function writePdf(tree: DocumentTree, style: Stylesheet, options: PdfWriterOptions = {}): Promise<Buffer> {
  const resources = options.resources ?? resourcesOf(tree.blocks, options.baseDir ?? process.cwd());
  const images = imagesOf(tree.blocks, resources);
  const fonts = await loadFonts(style.fonts);

  const doc = createPdfDocument({
    size: style.page.size,
    margins: { ...style.page.margins },
    pdfVersion: '1.7',
    subset: options.pdfa ? 'PDF/A-2a' : 'PDF/UA',
    tagged: true,
    lang: tree.meta.lang,
    displayTitle: true,
    bufferPages: true,
    font: null,
    info: documentInfo(tree.meta),
  });
  const output = collect(doc);

  // pdfkit takes the parsed font (its typings only know file names and buffers).
  for (const variant of FONT_VARIANTS) doc.registerFont(FONT_NAMES[variant], fonts[variant].font as unknown as Buffer);
  escapeXmpInfo(doc);
  if (options.pdfa) {
    // PDF/A-2a is claimed through `subset`; the PDF/UA-1 identifier is added by hand (one subset only).
    doc.appendXML(
      '<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>',
    );
  }

  const ctx = new PdfContext(doc, style, fonts, images);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const notes = new PageNotes(ctx, root);
  ctx.notes = notes;
  ctx.painter.notes = notes;
  ctx.flow.onPageEnd = () => notes.flush();
  new BlockRenderer(ctx, tree.blocks).render(tree.blocks, root, ctx.flow.bodyFrame);
  notes.flush();
  root.end();
  // Headers first: the footer then ends each page's text, as readers and the tests expect.
  drawRunningHeaders(ctx, tree.meta.title);
  drawFooters(ctx);
  doc.end();
  const bytes = await output;
  forgetAllGlyphsWithoutText(fonts);
  return bytes;
}

function documentInfo(meta: DocumentMeta): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Creator: PRODUCER,
    Producer: PRODUCER,
    CreationDate: meta.date,
  };
  // No ModDate: the XMP packet pdfkit writes has no xmp:ModifyDate to match it.
  if (meta.author) info.Author = meta.author;
  if (meta.subject) info.Subject = meta.subject;
  if (meta.keywords && meta.keywords.length > 0) info.Keywords = meta.keywords.join(', ');
  return info;
}

function collect(doc: PdfDoc): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * pdfkit copies the Info strings into the XMP packet without XML escaping, so "Conseil & Bureau" gives
 * an ill-formed packet. Escape them only while the packet is written: the Info dictionary has already
 * been written by then and keeps the plain strings.
 */
function escapeXmpInfo(doc: PdfDoc): void {
  const original = doc._addInfo;
  const keys = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;
  doc._addInfo = function (this: PdfDoc): void {
    const saved = { ...this.info };
    for (const key of keys) {
      const value = this.info[key];
      if (value) this.info[key] = escapeXml(value);
    }
    try {
      original.call(this);
    } finally {
      Object.assign(this.info, saved);
    }
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
