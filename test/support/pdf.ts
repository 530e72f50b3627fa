// Reads a PDF Buffer with pdfjs-dist (the legacy build runs in Node without a canvas): text per page in
// content order, the page count, the document metadata, and each page's structure tree with the text
// of every tagged element.
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: StructNode[];
  /** The text of the marked content under this element, on this page, in content order. */
  text: string;
}

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in points from the top-left corner of the page. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPageContent {
  /** Page size in points. */
  width: number;
  height: number;
  /** Text items joined in content-stream order: spaces kept, "\n" where pdfjs sees an end of line. */
  text: string;
  /** The non-empty text items with their positions. */
  items: PdfTextItem[];
  /** The structure tree restricted to this page (pdfjs gives one per page); null if untagged. */
  struct: StructNode | null;
}

export interface PdfContent {
  pageCount: number;
  pages: PdfPageContent[];
  /** All pages' text joined with form feeds. */
  text: string;
  info: Record<string, unknown>;
  /** The XMP packet as pdfjs parsed it (null when absent or unparsable). */
  xmp: { get(name: string): unknown } | null;
}

interface RawStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  children?: RawStructChild[];
}
interface RawStructContent {
  type: string;
  id: string;
}
type RawStructChild = RawStructNode | RawStructContent;

export async function readPdf(data: Uint8Array): Promise<PdfContent> {
  // pdfjs may transfer (detach) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: PdfPageContent[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // No normalisation: U+00A0 and U+202F must come back as they were written.
      const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
      const [, , width = 0, height = 0] = page.view;
      const items: PdfTextItem[] = [];
      let text = '';
      const byId = new Map<string, string>(); // marked-content id -> its text on this page
      const open: (string | null)[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          const piece = item.str + (item.hasEOL ? '\n' : '');
          text += piece;
          if (item.str) {
            const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
            items.push({ str: item.str, x: e, y: height - f, width: item.width, fontSize: Math.hypot(a, b) });
          }
          for (const id of open) if (id) byId.set(id, (byId.get(id) ?? '') + piece);
        } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push(item.id ?? null);
          if (item.id && !byId.has(item.id)) byId.set(item.id, '');
        } else if (item.type === 'endMarkedContent') {
          open.pop();
        }
      }
      const raw = (await page.getStructTree()) as RawStructNode | null;
      pages.push({ width, height, text, items, struct: raw ? (toNode(raw, byId) ?? emptyRoot(raw)) : null });
      page.cleanup();
    }
    const meta = await pdf.getMetadata();
    const xmp = (meta.metadata as unknown as { get(name: string): unknown } | null) ?? null;
    return {
      pageCount: pdf.numPages,
      pages,
      text: pages.map((p) => p.text).join('\f'),
      info: meta.info as Record<string, unknown>,
      xmp,
    };
  } finally {
    await pdf.destroy();
  }
}

/**
 * pdfjs's per-page tree also lists elements whose content is on other pages (the header row of a table
 * that continues, for one): keep only the elements with marked content on this page, and their ancestors.
 */
function toNode(raw: RawStructNode, byId: Map<string, string>): StructNode | null {
  const children: StructNode[] = [];
  let text = '';
  let ownsContent = false;
  for (const child of raw.children ?? []) {
    if ('type' in child && 'id' in child && !('role' in child)) {
      if (child.type === 'content' && byId.has(child.id)) {
        ownsContent = true;
        text += byId.get(child.id) ?? '';
      }
      continue;
    }
    const node = toNode(child as RawStructNode, byId);
    if (!node) continue;
    children.push(node);
    text += node.text;
  }
  if (!ownsContent && children.length === 0) return null;
  const node: StructNode = { role: raw.role ?? '', children, text };
  if (raw.alt !== undefined) node.alt = raw.alt;
  if (raw.lang !== undefined) node.lang = raw.lang;
  return node;
}

function emptyRoot(raw: RawStructNode): StructNode {
  return { role: raw.role ?? '', children: [], text: '' };
}

/**
 * Every character the fonts' ToUnicode maps can produce. Text extractors (pdfjs, poppler) turn U+00A0
 * and U+202F into plain spaces, so this is where to check that they were drawn as themselves.
 */
export function toUnicodeCharacters(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const decode = (hex: string): string => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', from);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    if (end < 0) break;
    from = end + 10;
    const body = pdf.subarray(start + 7, end);
    let cmap: string;
    try {
      cmap = inflateSync(body).toString('latin1');
    } catch {
      cmap = body.toString('latin1');
    }
    if (!cmap.includes('begincmap')) continue;
    for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, list] of (section[1] ?? '').matchAll(/<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*\[([^\]]*)\]/g)) {
        for (const [, hex] of (list ?? '').matchAll(/<([0-9a-fA-F]+)>/g)) for (const c of decode(hex ?? '')) chars.add(c);
      }
    }
    for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, hex] of (section[1] ?? '').matchAll(/<[0-9a-fA-F]+>\s*<([0-9a-fA-F]+)>/g)) {
        for (const c of decode(hex ?? '')) chars.add(c);
      }
    }
  }
  return chars;
}

/** Every element of a tree, depth first. */
export function structNodes(root: StructNode | null): StructNode[] {
  if (!root) return [];
  return [root, ...root.children.flatMap((child) => structNodes(child))];
}

/** Collapses every kind of white space (U+00A0 and U+202F included) to one ASCII space. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The XMP packet, as stored (pdfkit writes it uncompressed). */
export function xmpPacket(pdf: Buffer): string | null {
  const start = pdf.indexOf('<?xpacket begin=');
  const endMarker = '<?xpacket end="w"?>';
  const end = pdf.indexOf(endMarker, start);
  if (start < 0 || end < 0) return null;
  return pdf.subarray(start, end + endMarker.length).toString('utf8');
}

/**
 * A small XML well-formedness check (enough for an XMP packet): tags nest and close, attribute values
 * are quoted, character data holds no '<' and only known entity references.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, attributes, selfClosing, chars, stray] = match;
    if (stray) {
      problems.push(`stray '<' at ${match.index}`);
    } else if (chars !== undefined) {
      for (const entity of chars.matchAll(/&([^;\s]*);?/g)) {
        if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(entity[1] ?? '') || !entity[0].endsWith(';')) {
          problems.push(`bad entity "${entity[0]}" at ${(match.index ?? 0) + (entity.index ?? 0)}`);
        }
      }
    } else if (name) {
      if (attributes && /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attributes)) {
        problems.push(`bad entity in attributes of <${name}>`);
      }
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      } else if (!selfClosing) {
        stack.push(name);
      }
    } else if (!whole.startsWith('<?') && !whole.startsWith('<!--')) {
      problems.push(`unexpected markup at ${match.index}`);
    }
  }
  for (const open of stack) problems.push(`<${open}> is never closed`);
  return problems;
}
