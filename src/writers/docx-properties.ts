// Paragraph and run properties (w:pPr, w:rPr) as XML, their children in the order of the schema
// (CT_PPr, CT_RPr), and the properties of a stylesheet entry: what a Word style or a paragraph carries.
import type { BlockStyle } from '../document/stylesheet.js';
import { paragraphKeeps } from '../document/layout.js';
import { escapeXml, halfPoints, twips } from './docx-xml.js';

export type Alignment = 'left' | 'right' | 'center';

export interface Spacing {
  after?: number;
  before?: number;
  line?: number;
  lineRule?: 'exact' | 'auto';
}

export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  numbering?: { numId: number; level: number };
  /** A bottom border (a rule): width in eighths of a point, colour. */
  borderBottom?: { size: number; color: string };
  spacing?: Spacing;
  indent?: { left?: number; right?: number; hanging?: number };
  alignment?: Alignment;
  outlineLevel?: number;
}

export interface RunProps {
  style?: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: boolean;
  superScript?: boolean;
  lang?: string;
}

const attribute = (name: string, value: number | string | undefined): string => (value === undefined ? '' : ` ${name}="${value}"`);

export function spacingXml(s: Spacing): string {
  return `<w:spacing${attribute('w:after', s.after)}${attribute('w:before', s.before)}${attribute('w:line', s.line)}${attribute('w:lineRule', s.lineRule)}/>`;
}

/** The w:pPr element, or '' when there is nothing to say. */
export function paragraphPropertiesXml(p: ParagraphProps): string {
  let xml = '';
  if (p.style !== undefined) xml += `<w:pStyle w:val="${escapeXml(p.style)}"/>`;
  if (p.keepNext) xml += '<w:keepNext/>';
  if (p.keepLines) xml += '<w:keepLines/>';
  if (p.pageBreakBefore) xml += '<w:pageBreakBefore/>';
  if (p.widowControl) xml += '<w:widowControl/>';
  if (p.numbering) xml += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.borderBottom) xml += `<w:pBdr><w:bottom w:val="single" w:color="${p.borderBottom.color}" w:sz="${p.borderBottom.size}" w:space="1"/></w:pBdr>`;
  if (p.spacing) xml += spacingXml(p.spacing);
  if (p.indent) xml += `<w:ind${attribute('w:left', p.indent.left)}${attribute('w:right', p.indent.right)}${attribute('w:hanging', p.indent.hanging)}/>`;
  if (p.alignment) xml += `<w:jc w:val="${p.alignment}"/>`;
  if (p.outlineLevel !== undefined) xml += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return xml === '' ? '' : `<w:pPr>${xml}</w:pPr>`;
}

/** The w:rPr element, or '' when there is nothing to say. */
export function runPropertiesXml(r: RunProps): string {
  let xml = '';
  if (r.style !== undefined) xml += `<w:rStyle w:val="${r.style}"/>`;
  if (r.font !== undefined) {
    const font = escapeXml(r.font);
    xml += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (r.bold) xml += '<w:b/><w:bCs/>';
  if (r.italics) xml += '<w:i/><w:iCs/>';
  if (r.color !== undefined) xml += `<w:color w:val="${r.color}"/>`;
  if (r.size !== undefined) xml += `<w:sz w:val="${r.size}"/>${r.size ? `<w:szCs w:val="${r.size}"/>` : ''}`;
  if (r.underline) xml += '<w:u w:val="single"/>';
  if (r.superScript) xml += '<w:vertAlign w:val="superscript"/>';
  if (r.lang !== undefined) xml += `<w:lang w:val="${escapeXml(r.lang)}"/>`;
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

/** What a stylesheet entry makes of a paragraph and its runs. */
export interface StyleProps {
  run: RunProps;
  paragraph: ParagraphProps;
}

export function styleProps(s: BlockStyle, extra: { outlineLevel?: number; heading?: boolean } = {}): StyleProps {
  const keeps = paragraphKeeps(s, extra.heading === true);
  return {
    run: {
      size: halfPoints(s.size),
      color: s.color,
      bold: s.font === 'bold' || s.font === 'boldItalic',
      italics: s.font === 'italic' || s.font === 'boldItalic',
      underline: s.underline,
    },
    paragraph: {
      alignment: s.align,
      // Exact, as the PDF writer sets lines (size × lineHeight): "auto" would multiply the font's own
      // line height (1.21 em for Inter) and Word or LibreOffice would need more pages than the PDF.
      spacing: { after: twips(s.spaceAfter), before: twips(s.spaceBefore), line: twips(s.lineHeight * s.size), lineRule: 'exact' },
      ...(s.indent !== 0 ? { indent: { left: twips(s.indent) } } : {}),
      keepNext: keeps.withNext,
      keepLines: keeps.together,
      ...(extra.outlineLevel !== undefined ? { outlineLevel: extra.outlineLevel } : {}),
    },
  };
}
