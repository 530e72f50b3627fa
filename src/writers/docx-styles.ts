// word/styles.xml: real, editable Word styles made from the stylesheet. The document defaults carry the
// body style (so Normal and everything based on it inherit it), Title and Heading1..4 are Word's own
// styles restyled, and every other paragraph style of the tree is a custom "clu …" style based on Normal.
import type { BlockStyle, Stylesheet } from '../document/stylesheet.js';
import type { ListMarker, ParagraphStyle } from '../document/tree.js';
import { BOX_TITLE_STYLE_ID, CAPTION_STYLE_ID, type ContentUse } from './docx-content.js';
import type { Numbering } from './docx-numbering.js';
import { paragraphPropertiesXml, runPropertiesXml, styleProps, type StyleProps } from './docx-properties.js';
import { ROOT, XML_DECLARATION_STANDALONE, escapeXml, halfPoints } from './docx-xml.js';

/** Word style id of a tree paragraph style: 'body' is Normal, the others are custom "clu …" styles. */
export function paragraphStyleId(name: ParagraphStyle): string {
  return name === 'body' ? 'Normal' : `Clu${pascal(name)}`;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Every ParagraphStyle, in a fixed order (the order of the styles in styles.xml). A Record, so that a
 * style added to tree.ts without a Word style here breaks the build.
 */
const PARAGRAPH_STYLE_SET: Record<ParagraphStyle, true> = {
  body: true,
  bodyKeep: true,
  marque: true,
  devise: true,
  service: true,
  contact: true,
  dateline: true,
  label: true,
  category: true,
  attendee: true,
  presentation: true,
  intertitle: true,
  question: true,
  exchange: true,
  noQuestion: true,
  counts: true,
  vote: true,
  closing: true,
  signatureQualite: true,
  signatureName: true,
  annexHeader: true,
  small: true,
};
export const PARAGRAPH_STYLES = Object.keys(PARAGRAPH_STYLE_SET) as ParagraphStyle[];

/** Numbering references and the paragraph style that carries each list marker. */
export const LISTS: Record<ListMarker, { reference: string; styleId: string; styleName: string }> = {
  check: { reference: 'clu-check', styleId: 'ListBullet', styleName: 'List Bullet' },
  dash: { reference: 'clu-dash', styleId: 'CluListDash', styleName: 'clu List Dash' },
  bullet: { reference: 'clu-bullet', styleId: 'CluListBullet', styleName: 'clu List Bullet' },
  number: { reference: 'clu-number', styleId: 'ListNumber', styleName: 'List Number' },
  numberParen: { reference: 'clu-number-paren', styleId: 'CluListNumberParen', styleName: 'clu List Number Paren' },
  alpha: { reference: 'clu-alpha', styleId: 'CluListAlpha', styleName: 'clu List Alpha' },
  roman: { reference: 'clu-roman', styleId: 'CluListRoman', styleName: 'clu List Roman' },
};
/** The lists every document defines; the others only when used (so that other documents keep their bytes). */
export const LIST_MARKERS: readonly ListMarker[] = ['check', 'dash', 'bullet', 'number'];
const MORE_LIST_MARKERS: readonly ListMarker[] = ['numberParen', 'alpha', 'roman'];
export const listMarkers = (use: ContentUse): ListMarker[] => [...LIST_MARKERS, ...MORE_LIST_MARKERS.filter((m) => use.markers.has(m))];

export const FOOTER_STYLE_ID = 'Footer';

/** Word paragraph style id → the stylesheet entry it was made from (for the spacing between paragraphs). */
export function blockStylesById(sheet: Stylesheet): Map<string, BlockStyle> {
  const map = new Map<string, BlockStyle>([['Title', sheet.styles.title]]);
  for (const name of PARAGRAPH_STYLES) map.set(paragraphStyleId(name), sheet.styles[name]);
  for (const level of [1, 2, 3, 4] as const) map.set(`Heading${level}`, sheet.styles[`heading${level}`]);
  for (const marker of [...LIST_MARKERS, ...MORE_LIST_MARKERS]) map.set(LISTS[marker].styleId, sheet.styles.listItem);
  map.set(CAPTION_STYLE_ID, sheet.styles.caption);
  map.set(BOX_TITLE_STYLE_ID, sheet.styles.boxTitle);
  return map;
}

interface StyleHead {
  id: string;
  name: string;
  basedOn: string;
  next?: boolean;
  quickFormat?: boolean;
}

function paragraphStyle(head: StyleHead, props: StyleProps): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${head.id}"><w:name w:val="${escapeXml(head.name)}"/><w:basedOn w:val="${head.basedOn}"/>` +
    `${head.next ? '<w:next w:val="Normal"/>' : ''}${head.quickFormat ? '<w:qFormat/>' : ''}` +
    `${paragraphPropertiesXml(props.paragraph)}${runPropertiesXml(props.run)}</w:style>`
  );
}

function customParagraphStyles(sheet: Stylesheet, use: ContentUse, numbering: Numbering): string {
  let xml = '';
  for (const name of PARAGRAPH_STYLES) {
    if (name === 'body') continue; // Normal: the document defaults carry the body style
    xml += paragraphStyle({ id: paragraphStyleId(name), name: `clu ${pascal(name)}`, basedOn: 'Normal', quickFormat: true }, styleProps(sheet.styles[name]));
  }
  // List styles: the listItem entry, plus the numbering that draws the marker.
  const item = styleProps(sheet.styles.listItem);
  for (const marker of listMarkers(use)) {
    const list = LISTS[marker];
    // The indent lives in the numbering level, so that Word's list tools keep working.
    const { indent: _indent, ...paragraph } = item.paragraph;
    xml += paragraphStyle(
      { id: list.styleId, name: list.styleName, basedOn: 'Normal', quickFormat: true },
      { run: item.run, paragraph: { ...paragraph, numbering: { numId: numbering.numId(list.reference), level: 0 } } },
    );
  }
  const small = sheet.styles.small;
  xml += paragraphStyle(
    { id: FOOTER_STYLE_ID, name: 'footer', basedOn: 'Normal' },
    { run: { size: halfPoints(small.size), color: small.color }, paragraph: { alignment: 'center', spacing: { after: 0, before: 0 } } },
  );
  if (use.captions) xml += paragraphStyle({ id: CAPTION_STYLE_ID, name: 'clu Caption', basedOn: 'Caption', quickFormat: true }, styleProps(sheet.styles.caption));
  if (use.boxes) xml += paragraphStyle({ id: BOX_TITLE_STYLE_ID, name: 'clu Box Title', basedOn: 'Normal', quickFormat: true }, styleProps(sheet.styles.boxTitle));
  return xml;
}

/** Word's footnote text style made from the stylesheet, when the document has footnotes. */
function footnoteTextStyle(sheet: Stylesheet): string {
  const props = styleProps(sheet.styles.footnote);
  return (
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/>' +
    `<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>${paragraphPropertiesXml(props.paragraph)}${runPropertiesXml(props.run)}</w:style>`
  );
}

/**
 * Word's "toc 1" … "toc 9" styles (for a table of contents a secretary adds): 5 pt after, each level
 * indented by the body's font size more than the one above, as Word adds them.
 */
function tableOfContentsStyles(bodyHalfPoints: number): string {
  const levelIndent = Math.round(bodyHalfPoints * 10);
  return Array.from({ length: 9 }, (_, i) => {
    const indent = i > 0 ? `<w:ind w:left="${i * levelIndent}"/>` : '';
    return (
      `<w:style w:type="paragraph" w:styleId="TOC${i + 1}"><w:name w:val="toc ${i + 1}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
      `<w:uiPriority w:val="39"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="100"/>${indent}</w:pPr></w:style>`
    );
  }).join('');
}

/** styles.xml. Call it after the body is written: list styles take their numbering after the body's lists. */
export function stylesXml(sheet: Stylesheet, use: ContentUse, numbering: Numbering, options: { lang: string; footnotes: boolean }): string {
  const body = styleProps(sheet.styles.body);
  const defaults =
    `<w:docDefaults><w:rPrDefault>${runPropertiesXml({ ...body.run, font: sheet.fonts.family, lang: options.lang })}</w:rPrDefault>` +
    // Widow and orphan control on, as the PDF writer does it.
    `<w:pPrDefault>${paragraphPropertiesXml({ ...body.paragraph, widowControl: true })}</w:pPrDefault></w:docDefaults>`;
  const headings = ([1, 2, 3, 4] as const)
    .map((level) =>
      paragraphStyle({ id: `Heading${level}`, name: `Heading ${level}`, basedOn: 'Normal', next: true, quickFormat: true }, styleProps(sheet.styles[`heading${level}`], { outlineLevel: level - 1, heading: true })),
    )
    .join('');
  return (
    XML_DECLARATION_STANDALONE +
    ROOT.styles +
    defaults +
    NORMAL_STYLES +
    paragraphStyle({ id: 'Title', name: 'Title', basedOn: 'Normal', next: true, quickFormat: true }, styleProps(sheet.styles.title)) +
    headings +
    WORD_STYLES_BEFORE_TOC +
    tableOfContentsStyles(halfPoints(sheet.styles.body.size)) +
    WORD_STYLES_BEFORE_FOOTNOTE_TEXT +
    (options.footnotes ? footnoteTextStyle(sheet) : DEFAULT_FOOTNOTE_TEXT) +
    WORD_STYLES_AFTER_FOOTNOTE_TEXT +
    customParagraphStyles(sheet, use, numbering) +
    '</w:styles>'
  );
}

/** Normal (the document defaults carry the body style) and the table style Word expects. */
const NORMAL_STYLES =
  '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:styleId="TableNormal" w:default="true"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>';
/** Word's built-in styles that clu does not restyle, as docx 9 declared them (Heading5 … Bibliography). */
const WORD_STYLES_BEFORE_TOC =
  '<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="Heading 5"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="Heading 6"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:semiHidden/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="44546A" w:themeColor="dark2"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="37"/><w:unhideWhenUsed/></w:style>';
/** Hyperlink and FootnoteReference, as docx 9 declared them. */
const WORD_STYLES_BEFORE_FOOTNOTE_TEXT =
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>';
/** Footnote text when the document has no footnotes (Word's own). */
const DEFAULT_FOOTNOTE_TEXT =
  '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>';
/** The rest of the built-in styles (FootnoteTextChar … LineNumber). */
const WORD_STYLES_AFTER_FOOTNOTE_TEXT =
  '<w:style w:type="character" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/><w:link w:val="EndnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="EndnoteTextChar"><w:name w:val="Endnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="EndnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="LineNumber"><w:name w:val="line number"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';
