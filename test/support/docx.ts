// Test helper: open a DOCX buffer and read what Word would read (parts, paragraphs, styles), with
// fflate and htmlparser2 only, so tests run after `npm ci` without LibreOffice.
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';

export interface DocxParagraph {
  /** The w:pStyle id, undefined when the paragraph has none (Normal). */
  style: string | undefined;
  /** Concatenated w:t texts; w:br is "\n" (a page break, w:br w:type="page", is "\f"); w:tab is "\t". */
  text: string;
}

export interface DocxParagraphInfo extends DocxParagraph {
  /** w:pageBreakBefore in the paragraph's own properties. */
  pageBreakBefore: boolean;
  /** Inside a table cell. */
  inTable: boolean;
  /** w:numPr/w:numId of the paragraph itself (not of its style). */
  numId: string | undefined;
}

export interface DocxStyle {
  id: string;
  type: string;
  name: string | undefined;
  basedOn: string | undefined;
  /** w:outlineLvl of the style's own paragraph properties. */
  outlineLevel: number | undefined;
}

export interface OpenedDocx {
  /** Every part as text (binary parts such as images decoded as Latin-1, so do not compare them). */
  parts: Record<string, string>;
  /** Part names, in zip order. */
  names: string[];
  /** The XML of a part; throws if the part is missing. */
  part(name: string): string;
  /** Paragraphs of word/document.xml, in document order (table cells included). */
  paragraphs: DocxParagraph[];
  /** The same paragraphs with more detail. */
  paragraphInfo: DocxParagraphInfo[];
  /** Styles of word/styles.xml, in file order. */
  styles: DocxStyle[];
  /** A style by id; throws if missing. */
  style(id: string): DocxStyle;
}

type Attributes = Record<string, string>;

/** Runs a streaming XML parse with element open/close and text callbacks (entities decoded). */
export function walkXml(
  xml: string,
  handlers: {
    open?: (name: string, attributes: Attributes) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(name, attributes),
      onclosetag: (name) => handlers.close?.(name),
      ontext: (text) => handlers.text?.(text),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** Paragraphs (w:p) of a WordprocessingML part, in order. */
export function paragraphsOf(xml: string): DocxParagraphInfo[] {
  const out: DocxParagraphInfo[] = [];
  let current: DocxParagraphInfo | undefined;
  let depthInPPr = 0;
  let inText = false;
  let tableDepth = 0;
  // A paragraph inside a text box would nest; keep a stack so outer paragraphs resume.
  const stack: DocxParagraphInfo[] = [];
  walkXml(xml, {
    open(name, a) {
      switch (name) {
        case 'w:tbl':
          tableDepth += 1;
          break;
        case 'w:p':
          if (current) stack.push(current);
          current = { style: undefined, text: '', pageBreakBefore: false, inTable: tableDepth > 0, numId: undefined };
          out.push(current);
          break;
        case 'w:pPr':
          depthInPPr += 1;
          break;
        case 'w:pStyle':
          if (current && depthInPPr > 0) current.style = a['w:val'];
          break;
        case 'w:pageBreakBefore':
          if (current && depthInPPr > 0) current.pageBreakBefore = a['w:val'] !== 'false' && a['w:val'] !== '0';
          break;
        case 'w:numId':
          if (current && depthInPPr > 0) current.numId = a['w:val'];
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:br':
          if (current) current.text += a['w:type'] === 'page' ? '\f' : '\n';
          break;
        case 'w:tab':
          if (current && depthInPPr === 0) current.text += '\t';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'w:tbl':
          tableDepth -= 1;
          break;
        case 'w:p':
          current = stack.pop();
          break;
        case 'w:pPr':
          depthInPPr -= 1;
          break;
        case 'w:t':
          inText = false;
          break;
      }
    },
    text(t) {
      if (inText && current) current.text += t;
    },
  });
  return out;
}

/** Styles (w:style) of word/styles.xml. */
export function stylesOf(xml: string): DocxStyle[] {
  const out: DocxStyle[] = [];
  let current: DocxStyle | undefined;
  let inPPr = false;
  walkXml(xml, {
    open(name, a) {
      if (name === 'w:style') {
        current = { id: a['w:styleId'] ?? '', type: a['w:type'] ?? '', name: undefined, basedOn: undefined, outlineLevel: undefined };
        out.push(current);
      } else if (!current) {
        return;
      } else if (name === 'w:name') {
        current.name = a['w:val'];
      } else if (name === 'w:basedOn') {
        current.basedOn = a['w:val'];
      } else if (name === 'w:pPr') {
        inPPr = true;
      } else if (name === 'w:outlineLvl' && inPPr) {
        current.outlineLevel = Number(a['w:val']);
      }
    },
    close(name) {
      if (name === 'w:style') current = undefined;
      if (name === 'w:pPr') inPPr = false;
    },
  });
  return out;
}

/** The XML of one w:style element (for property checks), or undefined. */
export function styleXml(stylesXml: string, id: string): string | undefined {
  const match = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  return match?.[0];
}

export function openDocx(buffer: Uint8Array): OpenedDocx {
  const files = unzipSync(buffer);
  const names = Object.keys(files);
  const parts: Record<string, string> = {};
  for (const name of names) {
    const data = files[name];
    if (data === undefined) continue;
    parts[name] = strFromU8(data, !/\.(xml|rels)$/.test(name));
  }
  const part = (name: string): string => {
    const xml = parts[name];
    if (xml === undefined) throw new Error(`DOCX has no part ${name} (parts: ${names.join(', ')})`);
    return xml;
  };
  const paragraphInfo = paragraphsOf(part('word/document.xml'));
  const styles = stylesOf(part('word/styles.xml'));
  return {
    parts,
    names,
    part,
    paragraphs: paragraphInfo.map(({ style, text }) => ({ style, text })),
    paragraphInfo,
    styles,
    style(id) {
      const found = styles.find((s) => s.id === id);
      if (!found) throw new Error(`DOCX has no style ${id}`);
      return found;
    },
  };
}
