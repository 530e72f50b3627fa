// The format-neutral document tree: what the templates produce and what every writer consumes.
// A short, closed list of node types (after pandoc's AST). Adding a node type must break the build of
// every writer that lacks a handler for it, so writers switch on `type` with an exhaustive `never` check.

/** Inline content: text runs and their emphasis. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'superscript'; children: Inline[] }
  | { type: 'lineBreak' }
  /**
   * A footnote: the call where it stands, its text at the foot of the page (PDF), in the footnotes part
   * (DOCX) or after the document (Markdown). Numbered 1, 2, 3… in document order by the markup parser.
   */
  | { type: 'footnote'; number: number; children: Inline[] };

/**
 * Paragraph styles are names looked up in the stylesheet (src/document/stylesheet.ts); the tree never
 * carries a size, a font or a colour.
 */
export type ParagraphStyle =
  | 'body'
  | 'bodyKeep' // body text kept on the page of what follows (the last paragraph before a vote result)
  | 'marque' // the institution in the bloc-marque: "PRÉFET / DE LA VIENNE"
  | 'devise' // "Liberté / Égalité / Fraternité"
  | 'service' // issuing service hierarchy
  | 'contact' // "Affaire suivie par :" block
  | 'dateline' // "Poitiers, le 14 juin 2021", right-aligned
  | 'label' // "Présidence :", "Participants :", "Excusés(es) :"
  | 'category' // "Représentants des services de l'Etat :"
  | 'attendee' // one person in an attendance list
  | 'presentation' // "Présentation par Mme SAUVAIRE (Diaporama page 5)"
  | 'intertitle' // a small heading inside a section's prose
  | 'question' // a question: kept on the same page as what follows (the answer)
  | 'exchange' // a remark or an answer
  | 'noQuestion' // "Aucune observation ou question n'est formulée."
  | 'counts' // "En exercice : 27 – Présents : 19 – Votants : 25"
  | 'vote' // the result of a vote
  | 'closing' // conclusion paragraphs
  | 'signatureQualite' // "La préfète,"
  | 'signatureName' // "Chantal CASTELNOT"
  | 'annexHeader' // the lines above an annex title
  | 'small'; // footnotes, table cells of sign-in sheets

/** List marks: ✓, –, •, "1.", "1)", "a)", "i.". */
export type ListMarker = 'check' | 'dash' | 'bullet' | 'number' | 'numberParen' | 'alpha' | 'roman';

export interface TableCell {
  children: Inline[];
  /** Header cells are tagged TH in PDF and repeat on each page in DOCX. */
  header?: boolean;
}

export type Block =
  /** The document title (one per document). */
  | { type: 'title'; children: Inline[] }
  /** Section headings: level 1 "I – …", level 2 "a) …", level 3 and deeper for sub-sub-sections. */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; children: Inline[] }
  | { type: 'paragraph'; style: ParagraphStyle; children: Inline[] }
  /** Each item is a list of inlines (one paragraph per item). */
  | ListBlock
  /** `caption`: a title above the table ("Tableau : …"), tagged Caption in PDF. */
  | { type: 'table'; columns: number[]; rows: TableCell[][]; caption?: Inline[] }
  /**
   * A user-supplied image (the logo, a picture of the content): path resolved and read by the writer.
   * `figure`: a picture of the content (centred in the column), with an optional `caption` below it.
   */
  | { type: 'image'; path: string; width: number; alt: string; figure?: true; caption?: Inline[] }
  /** A boxed note ("À retenir"): an optional title and paragraphs or lists, drawn in a frame. */
  | { type: 'box'; title?: Inline[]; children: Block[] }
  /** A horizontal rule across the text column. */
  | { type: 'rule' }
  /**
   * Signatures: one or several side by side. Each signatory has a quality line ("La préfète,") and a
   * name, with room to sign between them.
   */
  | { type: 'signatures'; signatories: { qualite: Inline[]; name: Inline[] }[] }
  /**
   * A group of blocks with a role that writers may lay out specially: 'letterhead' (bloc-marque,
   * services and contact, top left of page 1), 'annex' (starts on a new page).
   */
  | { type: 'division'; role: DivisionRole; children: Block[] }
  | { type: 'pageBreak' };

/**
 * A list. `sublists[i]`, when set, is a list nested under item i (one level deeper, drawn further in).
 */
export interface ListBlock {
  type: 'list';
  marker: ListMarker;
  items: Inline[][];
  sublists?: (ListBlock | undefined)[];
}

export type DivisionRole = 'letterhead' | 'annex' | 'attendance' | 'section';

/** Document-level metadata: PDF Info/XMP and DOCX core properties. */
export interface DocumentMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language tag, "fr-FR". */
  lang: string;
  /**
   * The date stamped into the files (creation/modification). Comes from the meeting or
   * SOURCE_DATE_EPOCH, never from the clock, so the same input gives the same bytes.
   */
  date: Date;
}

export interface DocumentTree {
  meta: DocumentMeta;
  blocks: Block[];
}

/** Plain text of inlines (for metadata, tests and the Markdown writer's alt texts). */
export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'lineBreak':
          return '\n';
        case 'strong':
        case 'emphasis':
        case 'superscript':
          return inlineText(node.children);
        case 'footnote':
          return '';
      }
    })
    .join('');
}
