// DOCX writer: the document tree → a Word file with real, editable styles.
//
// Every paragraph carries a named style (Normal, Title, Heading1..4, List*, Clu*), so a secretary can
// restyle the whole document from Word's style gallery; sizes, spacing and colours come from the
// stylesheet only. The WordprocessingML is written directly as text, part by part (docx-*.ts), with no
// object model in between; the same tree and stylesheet always give the same bytes.
import path from 'node:path';
import type { Stylesheet } from '../document/stylesheet.js';
import type { DocumentTree } from '../document/tree.js';
import { resourcesOf, type DocumentResources } from '../load/resource-bag.js';
import { A4, blocksXml, type BodyContext } from './docx-body.js';
import { contentUse, numberingLevels } from './docx-content.js';
import { embeddedFonts } from './docx-fonts.js';
import { footerXml, headerXml } from './docx-headers.js';
import { Media } from './docx-images.js';
import { footnotesXml } from './docx-notes.js';
import { Numbering } from './docx-numbering.js';
import { SECTION_REFERENCES, packageBytes } from './docx-package.js';
import { LISTS, blockStylesById, listMarkers, stylesXml } from './docx-styles.js';
import { ROOT, XML_DECLARATION_STANDALONE, twips } from './docx-xml.js';

export interface DocxOptions {
  /** The document's pictures, read and checked before writing (the pipeline's resource bag). */
  resources?: DocumentResources;
  /** Without `resources`: the directory that relative image paths start from (default: the working directory). */
  baseDir?: string;
}

/** Renders the tree as a DOCX file; the same tree and stylesheet always give the same bytes. */
export async function writeDocx(tree: DocumentTree, style: Stylesheet, options: DocxOptions = {}): Promise<Buffer> {
  const margins = style.page.margins;
  const use = contentUse(tree.blocks);
  const numbering = new Numbering(listMarkers(use).map((marker) => ({ reference: LISTS[marker].reference, levels: numberingLevels(style, marker, use.nested) })));
  const ctx: BodyContext = {
    sheet: style,
    resources: options.resources ?? resourcesOf(tree.blocks, path.resolve(options.baseDir ?? '.')),
    numbering,
    media: new Media(),
    textWidth: A4.width - twips(margins.left) - twips(margins.right),
    rightIndent: 0,
    pageBreakPending: false,
    numberLists: 0,
    drawings: 0,
    blockStyles: blockStylesById(style),
    previousSpaceAfter: 0,
  };
  const body = blocksXml(ctx, tree.blocks);
  const section =
    `<w:sectPr>${SECTION_REFERENCES}<w:pgSz w:w="${A4.width}" w:h="${A4.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${twips(margins.top)}" w:right="${twips(margins.right)}" w:bottom="${twips(margins.bottom)}" w:left="${twips(margins.left)}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '<w:pgNumType/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>';
  const footnotes = footnotesXml(tree.blocks);
  // After the body: the list styles take their numbering instances after the body's lists.
  const styles = stylesXml(style, use, numbering, { lang: tree.meta.lang, footnotes: footnotes.any });
  const footer = footerXml(style);
  return packageBytes({
    meta: tree.meta,
    document: `${XML_DECLARATION_STANDALONE}${ROOT.document}<w:body>${body}${section}</w:body></w:document>`,
    styles,
    numbering: numbering.xml(),
    footnotes: footnotes.xml,
    header: headerXml(style.header.replaceAll('{title}', tree.meta.title)),
    footers: [footer, footer],
    fonts: embeddedFonts(style.fonts),
    media: ctx.media.all,
  });
}
