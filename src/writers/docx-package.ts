// The package around the document: content types, relationships, document properties, settings, the
// endnotes Word expects, and the zip. Every part is fixed or made from the tree, never from the clock, a
// counter or a random source, so the same input gives the same bytes.
import type { DocumentMeta } from '../document/tree.js';
import type { EmbeddedFonts } from './docx-fonts.js';
import { FIRST_IMAGE_RELATIONSHIP, type MediaFile } from './docx-images.js';
import { headerXml } from './docx-headers.js';
import { THEME_XML } from './docx-theme.js';
import { ROOT, XML_DECLARATION, XML_DECLARATION_STANDALONE, escapeXml } from './docx-xml.js';
import { deflateEntry, zipEntries, type Deflated, type ZipEntry } from './zip.js';

const OFFICE = 'application/vnd.openxmlformats-officedocument';
const WORD = `${OFFICE}.wordprocessingml`;
const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  [
    ['image/png', 'png'],
    ['image/jpeg', 'jpeg'],
    ['image/jpeg', 'jpg'],
    ['image/bmp', 'bmp'],
    ['image/gif', 'gif'],
    ['image/svg+xml', 'svg'],
    ['application/vnd.openxmlformats-package.relationships+xml', 'rels'],
    ['application/xml', 'xml'],
    [`${OFFICE}.obfuscatedFont`, 'odttf'],
  ]
    .map(([type, extension]) => `<Default ContentType="${type}" Extension="${extension}"/>`)
    .join('') +
  [
    [`${WORD}.document.main+xml`, '/word/document.xml'],
    [`${WORD}.styles+xml`, '/word/styles.xml'],
    ['application/vnd.openxmlformats-package.core-properties+xml', '/docProps/core.xml'],
    [`${OFFICE}.custom-properties+xml`, '/docProps/custom.xml'],
    [`${OFFICE}.extended-properties+xml`, '/docProps/app.xml'],
    [`${WORD}.numbering+xml`, '/word/numbering.xml'],
    [`${WORD}.footnotes+xml`, '/word/footnotes.xml'],
    [`${WORD}.endnotes+xml`, '/word/endnotes.xml'],
    [`${WORD}.settings+xml`, '/word/settings.xml'],
    [`${WORD}.fontTable+xml`, '/word/fontTable.xml'],
    [`${OFFICE}.theme+xml`, '/word/theme/theme1.xml'],
    [`${WORD}.header+xml`, '/word/header1.xml'],
    [`${WORD}.header+xml`, '/word/header2.xml'],
    [`${WORD}.footer+xml`, '/word/footer1.xml'],
    [`${WORD}.footer+xml`, '/word/footer2.xml'],
  ]
    .map(([type, part]) => `<Override ContentType="${type}" PartName="${part}"/>`)
    .join('') +
  '</Types>';

const RELATIONSHIP_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  footnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  endnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  fontTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable',
} as const;

/** A relationships part; its ids are rId1, rId2… in the order given. */
function relationships(targets: [keyof typeof RELATIONSHIP_TYPE, string][]): string {
  const elements = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIP_TYPE[type]}" Target="${target}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"${elements === '' ? '/>' : `>${elements}</Relationships>`}`;
}

const NO_RELATIONSHIPS = relationships([]);

/** The document part's relationships: rId1…rId10 fixed, then the pictures, then the font table. */
const DOCUMENT_TARGETS: [keyof typeof RELATIONSHIP_TYPE, string][] = [
  ['styles', 'styles.xml'],
  ['numbering', 'numbering.xml'],
  ['footnotes', 'footnotes.xml'],
  ['endnotes', 'endnotes.xml'],
  ['settings', 'settings.xml'],
  ['header', 'header1.xml'],
  ['header', 'header2.xml'],
  ['footer', 'footer1.xml'],
  ['footer', 'footer2.xml'],
  ['theme', 'theme/theme1.xml'],
];
if (DOCUMENT_TARGETS.length + 1 !== FIRST_IMAGE_RELATIONSHIP) throw new Error('docx writer: the first picture relationship is miscounted');

/** The section's header and footer references (header1/footer1 from page 2 on, header2/footer2 on page 1). */
export const SECTION_REFERENCES =
  '<w:headerReference w:type="default" r:id="rId6"/><w:headerReference w:type="first" r:id="rId7"/>' +
  '<w:footerReference w:type="default" r:id="rId8"/><w:footerReference w:type="first" r:id="rId9"/>';

const SETTINGS =
  `${XML_DECLARATION_STANDALONE}${ROOT.settings}<w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:defaultTabStop w:val="720"/>` +
  // Hyphenation as the PDF writer does it; embedded fonts so that the layout does not depend on the reader's fonts.
  '<w:autoHyphenation/><w:evenAndOddHeaders w:val="false"/><w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>';

const endnoteSeparator = (type: 'separator' | 'continuationSeparator', id: number): string =>
  `<w:endnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
  `<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r><w:r><w:${type}/></w:r></w:p></w:endnote>`;
const ENDNOTES = `${XML_DECLARATION}${ROOT.endnotes}${endnoteSeparator('separator', -1)}${endnoteSeparator('continuationSeparator', 0)}</w:endnotes>`;

const APP =
  `${XML_DECLARATION_STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>clu</Application><DocSecurity>0</DocSecurity></Properties>';
const CUSTOM =
  `${XML_DECLARATION_STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

/** W3CDTF with seconds precision in UTC: 2021-06-14T00:00:00Z. */
export function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('docx writer: invalid document date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** docProps/core.xml: title, subject, author, keywords, language, and the document's date (never the clock). */
function coreXml(meta: DocumentMeta): string {
  const element = (name: string, value: string | undefined): string => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const stamp = w3cdtf(meta.date);
  return (
    `${XML_DECLARATION_STANDALONE}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author ?? 'Un-named') +
    element('cp:keywords', meta.keywords?.join(', ')) +
    element('dc:description', meta.subject ?? meta.title) +
    '<cp:lastModifiedBy>clu</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${escapeXml(meta.lang)}</dc:language></cp:coreProperties>`
  );
}

export interface DocumentParts {
  meta: DocumentMeta;
  document: string;
  styles: string;
  numbering: string;
  footnotes: string;
  /** header1: the running header of pages 2 and after (page 1's, header2, is empty). */
  header: string;
  /** footer1 (pages 2…), footer2 (page 1). */
  footers: [string, string];
  fonts: EmbeddedFonts;
  media: MediaFile[];
}

/** [Content_Types].xml first (as Office writes it), then the package rels, then the rest by name. */
function entryOrder(a: ZipEntry, b: ZipEntry): number {
  const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The parts that are the same in every document, deflated once per process (a batch deflates them once). */
const fixedParts = new Map<string, Deflated>();

function fixedEntry(name: string, text: string): ZipEntry {
  let part = fixedParts.get(text);
  if (part === undefined) {
    part = deflateEntry(Buffer.from(text, 'utf8'));
    fixedParts.set(text, part);
  }
  return { name, ...part };
}

const PACKAGE_RELATIONSHIPS = relationships([['officeDocument', 'word/document.xml'], ['core', 'docProps/core.xml'], ['app', 'docProps/app.xml'], ['custom', 'docProps/custom.xml']]);
const EMPTY_HEADER = headerXml('');

/** The zipped package: XML parts deflated, fonts deflated beforehand, pictures stored (already compressed). */
export function packageBytes(p: DocumentParts): Buffer {
  const made: [string, string][] = [
    ['docProps/core.xml', coreXml(p.meta)],
    ['word/_rels/document.xml.rels', relationships([...DOCUMENT_TARGETS, ...p.media.map((m): [keyof typeof RELATIONSHIP_TYPE, string] => ['image', m.name.slice('word/'.length)]), ['fontTable', 'fontTable.xml']])],
    ['word/_rels/fontTable.xml.rels', p.fonts.fontTableRels],
    ['word/document.xml', p.document],
    ['word/fontTable.xml', p.fonts.fontTable],
    ['word/footer1.xml', p.footers[0]],
    ['word/footer2.xml', p.footers[1]],
    ['word/footnotes.xml', p.footnotes],
    ['word/header1.xml', p.header],
    ['word/numbering.xml', p.numbering],
    ['word/styles.xml', p.styles],
  ];
  const fixed: [string, string][] = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELATIONSHIPS],
    ['docProps/app.xml', APP],
    ['docProps/custom.xml', CUSTOM],
    ...['endnotes', 'footer1', 'footer2', 'footnotes', 'header1', 'header2'].map((part): [string, string] => [`word/_rels/${part}.xml.rels`, NO_RELATIONSHIPS]),
    ['word/endnotes.xml', ENDNOTES],
    ['word/header2.xml', EMPTY_HEADER],
    ['word/settings.xml', SETTINGS],
    ['word/theme/theme1.xml', THEME_XML],
  ];
  const deflated = new Map<string, Deflated>();
  const entries: ZipEntry[] = [
    ...made.map(([name, text]): ZipEntry => {
      // The two footers are the same text: deflated once.
      let part = deflated.get(text);
      if (part === undefined) deflated.set(text, (part = deflateEntry(Buffer.from(text, 'utf8'))));
      return { name, ...part };
    }),
    ...fixed.map(([name, text]) => fixedEntry(name, text)),
    ...p.fonts.parts.map(({ name, part }): ZipEntry => ({ name, ...part })),
    ...p.media.map(({ name, data }): ZipEntry => ({ name, data, level: 0 })),
  ].sort(entryOrder);
  const zipped = zipEntries(entries);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
