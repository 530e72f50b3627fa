// The typography pass over the document tree: French rules on every text node, ordinals split into
// superscript nodes. Pure: returns new nodes and never mutates its input.
//
// The rules see each inline array as one string (text nodes joined, line breaks as "\n"), so a quote
// opened in one node and closed in another, or "Présidence " + ":" across nodes, come out right. The
// result is then cut back into the original nodes: frenchText only changes spaces, quote marks,
// apostrophes and dots (see french.ts), so the other characters line up one to one.

import type { Block, Inline, ListBlock, TableCell } from '../document/tree.js';
import { frenchText } from './french.js';
import { ordinalParts } from './ordinals.js';

function assertNever(value: never): never {
  throw new Error(`Unhandled node: ${JSON.stringify(value)}`);
}

/** Applies French typography to every text node of the blocks. */
export function applyTypography(blocks: Block[]): Block[] {
  return blocks.map(typesetBlock);
}

function typesetBlock(block: Block): Block {
  switch (block.type) {
    case 'title':
      return { ...block, children: typesetInlines(block.children) };
    case 'heading':
      return { ...block, children: typesetInlines(block.children) };
    case 'paragraph':
      return { ...block, children: typesetInlines(block.children) };
    case 'list':
      return typesetList(block);
    case 'table':
      return {
        ...block,
        columns: [...block.columns],
        rows: block.rows.map((row) => row.map(typesetCell)),
        ...(block.caption ? { caption: typesetInlines(block.caption) } : {}),
      };
    case 'box':
      return { ...block, ...(block.title ? { title: typesetInlines(block.title) } : {}), children: block.children.map(typesetBlock) };
    case 'rule':
      return { ...block };
    case 'signatures':
      return {
        ...block,
        signatories: block.signatories.map((s) => ({
          ...s,
          qualite: typesetInlines(s.qualite),
          name: typesetInlines(s.name),
        })),
      };
    case 'division':
      return { ...block, children: block.children.map(typesetBlock) };
    case 'image':
      return { ...block, ...(block.caption ? { caption: typesetInlines(block.caption) } : {}) };
    case 'pageBreak':
      return { ...block };
    default:
      return assertNever(block);
  }
}

function typesetList(block: ListBlock): ListBlock {
  return {
    ...block,
    items: block.items.map(typesetInlines),
    ...(block.sublists ? { sublists: block.sublists.map((sub) => (sub ? typesetList(sub) : undefined)) } : {}),
  };
}

function typesetCell(cell: TableCell): TableCell {
  return { ...cell, children: typesetInlines(cell.children) };
}

/** Owner of a character of the joined string: a text node's index, or LINE_BREAK. */
const LINE_BREAK = -1;

interface Joined {
  text: string;
  /** One owner per UTF-16 unit of `text`. */
  owners: number[];
  /** The original value of each text node, in document order. */
  leaves: string[];
}

function join(inlines: readonly Inline[], into: Joined = { text: '', owners: [], leaves: [] }): Joined {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        into.text += node.value;
        // A loop, not push(...array): a spread of a 100,000-character text overflows the stack.
        for (let i = 0; i < node.value.length; i++) into.owners.push(into.leaves.length);
        into.leaves.push(node.value);
        break;
      case 'lineBreak':
        into.text += '\n';
        into.owners.push(LINE_BREAK);
        break;
      case 'strong':
      case 'emphasis':
      case 'superscript':
        join(node.children, into);
        break;
      case 'footnote':
        // The note's text is a paragraph of its own (typeset apart); the call joins the text as nothing.
        break;
      default:
        assertNever(node);
    }
  }
  return into;
}

function typesetInlines(inlines: Inline[]): Inline[] {
  const joined = join(inlines);
  // One text node and no line break (most texts): the typeset string is all its own.
  const single = joined.leaves.length === 1 && joined.text === joined.leaves[0];
  const texts = single ? [frenchText(joined.text)] : (distribute(joined, frenchText(joined.text)) ?? joined.leaves.map(frenchText));
  return rebuild(inlines, texts, { next: 0 }, false);
}

// ---------------------------------------------------------------------------------------------------
// Cutting the typeset string back into text nodes.

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\u00A0' || ch === '\u202F';

/** The characters that stand for something else in skeleton(). */
const SKELETON_CHARS = '…«»’';

/** What a character stands for once spaces, quote styles, apostrophes and ellipses are set aside. */
function skeleton(ch: string): string[] {
  switch (ch) {
    case '…':
      return ['.', '.', '.'];
    case '«':
    case '»':
      return ['"'];
    case '’':
      return ["'"];
    default:
      return [ch];
  }
}

interface Unit {
  key: string;
  /** Index of the source character in the joined string. */
  pos: number;
}

function sourceUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let pos = 0; pos < text.length; pos++) {
    const ch = text[pos]!;
    if (isSpace(ch)) continue;
    if (!SKELETON_CHARS.includes(ch)) units.push({ key: ch, pos });
    else for (const key of skeleton(ch)) units.push({ key, pos });
  }
  return units;
}

/**
 * Splits the typeset string into one string per text node, or null if it does not line up with the
 * source (then each node is typeset on its own).
 */
function distribute(source: Joined, typeset: string): string[] | null {
  const units = sourceUnits(source.text);
  const texts = source.leaves.map(() => '');
  let k = 0; // next source unit
  let j = 0; // next character of the typeset string
  while (j < typeset.length) {
    const ch = typeset[j]!;
    if (isSpace(ch)) {
      let end = j;
      while (isSpace(typeset[end])) end++;
      const owner = spaceOwner(source, units, k, typeset[end]);
      if (owner !== LINE_BREAK) texts[owner] += typeset.slice(j, end);
      j = end;
      continue;
    }
    // Most characters stand for themselves: no array for them (this loop runs once per character).
    const keys = SKELETON_CHARS.includes(ch) ? skeleton(ch) : undefined;
    if (keys ? keys.some((key, n) => units[k + n]?.key !== key) : units[k]?.key !== ch) return null;
    const owner = source.owners[units[k]!.pos]!;
    if (owner !== LINE_BREAK) texts[owner] += ch;
    k += keys ? keys.length : 1;
    j++;
  }
  return k === units.length ? texts : null;
}

/**
 * The text node that gets a run of spaces found between source units k-1 and k: the node that held
 * spaces there in the source, else the node of the mark the space belongs to (before `: ; ! ? » %`,
 * the following one; otherwise the preceding one).
 */
function spaceOwner(source: Joined, units: readonly Unit[], k: number, nextChar: string | undefined): number {
  const prev = units[k - 1];
  const next = units[k];
  const from = prev ? prev.pos + 1 : 0;
  const to = next ? next.pos : source.text.length;
  for (let pos = from; pos < to; pos++) {
    if (isSpace(source.text[pos])) return source.owners[pos]!;
  }
  const prevOwner = prev ? source.owners[prev.pos]! : LINE_BREAK;
  const nextOwner = next ? source.owners[next.pos]! : LINE_BREAK;
  const beforeMark = nextChar !== undefined && ':;!?»%‰€'.includes(nextChar);
  const [first, second] = beforeMark || prevOwner === LINE_BREAK ? [nextOwner, prevOwner] : [prevOwner, nextOwner];
  return first !== LINE_BREAK ? first : second;
}

/** The original inline tree with each text node replaced by its typeset text, ordinals raised. */
function rebuild(inlines: readonly Inline[], texts: readonly string[], leaf: { next: number }, raised: boolean): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    switch (node.type) {
      case 'text': {
        const value = texts[leaf.next++] ?? node.value;
        for (const piece of raised ? plainText(value) : withOrdinals(value)) out.push(piece);
        break;
      }
      case 'lineBreak':
        out.push({ type: 'lineBreak' });
        break;
      case 'strong':
        out.push({ type: 'strong', children: rebuild(node.children, texts, leaf, raised) });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: rebuild(node.children, texts, leaf, raised) });
        break;
      case 'superscript':
        // Already raised: no ordinal splitting inside.
        out.push({ type: 'superscript', children: rebuild(node.children, texts, leaf, true) });
        break;
      case 'footnote':
        out.push({ ...node, children: typesetInlines(node.children) });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** Empty text nodes (a stray space that was removed) are dropped. */
function plainText(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'text', value }];
}

function withOrdinals(value: string): Inline[] {
  return ordinalParts(value).map(
    (part): Inline =>
      part.superscript
        ? { type: 'superscript', children: [{ type: 'text', value: part.text }] }
        : { type: 'text', value: part.text },
  );
}
