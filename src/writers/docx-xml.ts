// WordprocessingML as text: escaping, the XML declaration, the namespace declarations of each part's root
// element, and the unit conversions every DOCX part uses. The DOCX writer builds its parts as strings with
// these (no object model), in the byte layout docx 9 wrote, so that documents kept their bytes.

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const XML_DECLARATION_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text or an attribute value made safe for XML: the five markup characters as entities, and the characters
 * XML 1.0 cannot hold dropped (controls below U+0020 but tab, line feed and carriage return; U+FFFE, U+FFFF).
 */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (char) => ESCAPES[char] ?? '');
}

/** Points → twips (twentieths of a point). */
export const twips = (points: number): number => Math.round(points * 20);
/** Points → half-points (w:sz). */
export const halfPoints = (points: number): number => Math.round(points * 2);

const NAMESPACES = {
  wpc: 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  o: 'urn:schemas-microsoft-com:office:office',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  v: 'urn:schemas-microsoft-com:vml',
  wp14: 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  w10: 'urn:schemas-microsoft-com:office:word',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  wpi: 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  wne: 'http://schemas.microsoft.com/office/word/2006/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  cx: 'http://schemas.microsoft.com/office/drawing/2014/chartex',
  cx1: 'http://schemas.microsoft.com/office/drawing/2015/9/8/chartex',
  cx2: 'http://schemas.microsoft.com/office/drawing/2015/10/21/chartex',
  cx3: 'http://schemas.microsoft.com/office/drawing/2016/5/9/chartex',
  cx4: 'http://schemas.microsoft.com/office/drawing/2016/5/10/chartex',
  cx5: 'http://schemas.microsoft.com/office/drawing/2016/5/11/chartex',
  cx6: 'http://schemas.microsoft.com/office/drawing/2016/5/12/chartex',
  cx7: 'http://schemas.microsoft.com/office/drawing/2016/5/13/chartex',
  cx8: 'http://schemas.microsoft.com/office/drawing/2016/5/14/chartex',
  aink: 'http://schemas.microsoft.com/office/drawing/2016/ink',
  am3d: 'http://schemas.microsoft.com/office/drawing/2017/model3d',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16: 'http://schemas.microsoft.com/office/word/2018/wordml',
  w16sdtdh: 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  w16se: 'http://schemas.microsoft.com/office/word/2015/wordml/symex',
} as const;
type Prefix = keyof typeof NAMESPACES;

const declarations = (prefixes: readonly Prefix[]): string => prefixes.map((p) => `xmlns:${p}="${NAMESPACES[p]}"`).join(' ');

/** The namespaces of most WordprocessingML parts. */
const BASE: readonly Prefix[] = ['wpc', 'mc', 'o', 'r', 'm', 'v', 'wp14', 'wp', 'w10', 'w', 'w14', 'w15', 'wpg', 'wpi', 'wne', 'wps'];
const CHARTS: readonly Prefix[] = ['cx', 'cx1', 'cx2', 'cx3', 'cx4', 'cx5', 'cx6', 'cx7', 'cx8'];
const IGNORABLE = 'mc:Ignorable="w14 w15 wp14"';

/** The opening tag of each part's root element. */
export const ROOT = {
  document: `<w:document ${IGNORABLE} ${declarations([...BASE, ...CHARTS, 'aink', 'am3d', 'w16cex', 'w16cid', 'w16', 'w16sdtdh', 'w16se'])}>`,
  numbering: `<w:numbering ${IGNORABLE} ${declarations(BASE)}>`,
  footnotes: `<w:footnotes ${declarations(BASE)} ${IGNORABLE}>`,
  endnotes: `<w:endnotes ${declarations(BASE)} ${IGNORABLE}>`,
  settings: `<w:settings ${declarations(BASE)} ${IGNORABLE}>`,
  /** Without its closing ">": an empty header is a self-closing element. */
  header: `<w:hdr ${declarations([...BASE, ...CHARTS, 'w16cid', 'w16se'])}`,
  footer: `<w:ftr ${declarations(BASE)}`,
  fonts: `<w:fonts ${declarations(['mc', 'r', 'w', 'w14', 'w15', 'w16cex', 'w16cid', 'w16', 'w16sdtdh', 'w16se'])} mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh">`,
  styles: `<w:styles mc:Ignorable="w14 w15" ${declarations(['mc', 'r', 'w', 'w14', 'w15'])}>`,
} as const;
