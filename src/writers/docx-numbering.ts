// word/numbering.xml: one abstract numbering per list marker (its levels: format, text, indents), and the
// concrete numberings (w:num) that paragraphs and list styles point at. A concrete numbering is made the
// first time a list instance is used — body paragraphs in document order, then the list styles — and
// numbered from 2 (1 is Word's default bullet list, which every document declares).
import { ROOT, XML_DECLARATION_STANDALONE, escapeXml } from './docx-xml.js';

export type LevelFormat = 'bullet' | 'decimal' | 'lowerLetter' | 'lowerRoman';

export interface NumberingLevel {
  level: number;
  format: LevelFormat;
  /** The marker, or the number pattern such as "%1.". */
  text: string;
  /** Twips. */
  left: number;
  hanging: number;
}

export interface NumberingDefinition {
  reference: string;
  levels: NumberingLevel[];
}

const levelXml = (l: NumberingLevel): string =>
  `<w:lvl w:ilvl="${l.level}" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="${l.format}"/>${l.text ? `<w:lvlText w:val="${escapeXml(l.text)}"/>` : ''}` +
  `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${l.left}" w:hanging="${l.hanging}"/></w:pPr></w:lvl>`;

const abstractXml = (id: number, levels: NumberingLevel[]): string =>
  `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels.map(levelXml).join('')}</w:abstractNum>`;

const numXml = (numId: number, abstractId: number, levels: number[]): string =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${levels
    .map((l) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="1"/></w:lvlOverride>`)
    .join('')}</w:num>`;

/** Word's default bullet list (abstract 1, num 1): nine levels, half an inch apart. */
const DEFAULT_BULLETS = abstractXml(
  1,
  ['●', '○', '■', '●', '○', '■', '●', '●', '●'].map((text, level) => ({ level, format: 'bullet', text, left: 720 * (level + 1), hanging: 360 })),
);

export class Numbering {
  private readonly abstractIds = new Map<string, number>();
  private readonly nums = new Map<string, { numId: number; abstractId: number; levels: number[] }>();

  constructor(private readonly definitions: NumberingDefinition[]) {
    definitions.forEach((d, i) => this.abstractIds.set(d.reference, i + 2));
  }

  /** The w:numId of one instance of a list (instance 0: the list style's own), made on first use. */
  numId(reference: string, instance = 0): number {
    const key = `${reference}-${instance}`;
    let num = this.nums.get(key);
    if (num === undefined) {
      const abstractId = this.abstractIds.get(reference);
      if (abstractId === undefined) throw new Error(`docx writer: unknown numbering ${reference}`);
      const levels = this.definitions[abstractId - 2]!.levels.map((l) => l.level);
      num = { numId: this.nums.size + 2, abstractId, levels };
      this.nums.set(key, num);
    }
    return num.numId;
  }

  xml(): string {
    return (
      XML_DECLARATION_STANDALONE +
      ROOT.numbering +
      DEFAULT_BULLETS +
      this.definitions.map((d, i) => abstractXml(i + 2, d.levels)).join('') +
      numXml(1, 1, [0]) +
      [...this.nums.values()].map((n) => numXml(n.numId, n.abstractId, n.levels)).join('') +
      '</w:numbering>'
    );
  }
}
