// Markdown writer: the document tree as CommonMark + GFM tables, for review and `git diff`.
//
// Conventions (all deterministic, one block per paragraph, separated by one blank line):
// - title `#`, headings level 1–4 `##`–`#####`; strong `**…**`, emphasis `*…*`;
// - superscript as inline HTML `<sup>er</sup>`: it renders on GitHub and in every CommonMark viewer,
//   unlike pandoc's `^er^`, and a literal "<" in text is always escaped, so the tag cannot be confused
//   with text;
// - a line break inside a paragraph is a backslash at the end of the line (a hard break that editors
//   do not strip, unlike two trailing spaces); in table cells and headings it is `<br>`;
// - lists: `- ✓ ` (check, with the stylesheet-independent mark ✓), `- ` (dash, bullet), `1. ` (number),
//   `1) ` (numberParen), `- a) ` and `- i. ` (alpha, roman: CommonMark has no lettered lists, so the label
//   is kept as text); a nested list is indented under its item;
// - footnotes `[^1]` where they are called, their texts `[^1]: …` at the end of the document (GFM);
// - a boxed note as a block quote (its title in bold), a rule as `---`, a table's caption as an
//   emphasised paragraph above it, a picture's caption as one below it;
// - tables as GFM pipe tables (an empty header row when the table has no header cells);
// - images `![alt](path)`; signatures as one paragraph per signatory ("qualité" \ name);
// - the letterhead as plain lines of one paragraph; an annex after a `---` thematic break;
//   a page break as an HTML comment `<!-- pagebreak -->`.
// Text is escaped so that it reads back as the same text: `\ * _ [ ] < \` ~ |` always, `&` before
// something that looks like an entity, and `# > + - =` and "1." / "1)" at the start of a line.
import type { Block, DocumentTree, Inline, ListBlock, ListMarker } from '../document/tree.js';
import { footnotesOf } from '../document/footnotes.js';
import { listLabel } from '../document/list-labels.js';

function assertNever(value: never, what: string): never {
  throw new Error(`markdown writer: unhandled ${what}: ${JSON.stringify(value)}`);
}

const CHECK_MARK = '✓';

/** Escapes text for inline Markdown (line-start rules are applied per line by `escapeLineStarts`). */
export function escapeMarkdownText(text: string): string {
  // `|` too, everywhere: lines of a paragraph could otherwise read as a GFM table.
  return text.replace(/[\\`*_[\]<~|]/g, '\\$&').replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/**
 * Escapes what would start a block at the beginning of a line: ATX headings, block quotes, list items,
 * setext underlines and thematic breaks. Only text can put these characters there: the writer's own
 * inline syntax starts with `*`, `\` or `<`.
 */
function escapeLineStarts(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

type Mode = 'block' | 'cell' | 'heading';

interface InlineState {
  strong: boolean;
  emphasis: boolean;
}

/** Inlines → Markdown. Leading/trailing spaces are moved outside the delimiters so they still parse. */
function inlines(nodes: Inline[], mode: Mode, state: InlineState = { strong: false, emphasis: false }): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        const lines = node.value.split(/\r\n|\r|\n/);
        out += lines.map((line) => escapeMarkdownText(line)).join(lineBreak(mode));
        break;
      }
      case 'strong':
        out += state.strong
          ? inlines(node.children, mode, state)
          : delimit('**', inlines(node.children, mode, { ...state, strong: true }));
        break;
      case 'emphasis':
        out += state.emphasis
          ? inlines(node.children, mode, state)
          : delimit('*', inlines(node.children, mode, { ...state, emphasis: true }));
        break;
      case 'superscript': {
        const inner = inlines(node.children, mode, state);
        out += inner === '' ? '' : `<sup>${inner}</sup>`;
        break;
      }
      case 'lineBreak':
        out += lineBreak(mode);
        break;
      case 'footnote':
        out += `[^${node.number}]`;
        break;
      default:
        assertNever(node, 'inline');
    }
  }
  return out;
}

function lineBreak(mode: Mode): string {
  return mode === 'block' ? '\\\n' : '<br>';
}

function delimit(mark: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core === '' ? inner : `${lead}${mark}${core}${mark}${trail}`;
}

/** A paragraph's Markdown, with line starts escaped on every line. */
function paragraphText(nodes: Inline[]): string {
  return inlines(nodes, 'block')
    .split('\n')
    .map(escapeLineStarts)
    .join('\n');
}

function headingText(nodes: Inline[]): string {
  // A run of `#` at the end of an ATX heading is a closing sequence: escape every `#` in headings.
  return inlines(nodes, 'heading').replace(/#/g, '\\#').trim();
}

function listMarker(marker: ListMarker, index: number): string {
  switch (marker) {
    case 'check':
      return `- ${CHECK_MARK} `;
    case 'dash':
    case 'bullet':
      return '- ';
    case 'number':
      return `${index + 1}. `;
    case 'numberParen':
      return `${index + 1}) `;
    case 'alpha':
    case 'roman':
      return `- ${listLabel(marker, index)} `;
    default:
      return assertNever(marker, 'list marker');
  }
}

function list(block: ListBlock): string {
  return block.items
    .map((item, index) => {
      const marker = listMarker(block.marker, index);
      // Continuation lines are indented to the item's content column (the ✓ or "a)" is part of the content).
      const contentIndent = ' '.repeat(/^- ./.test(marker) ? 2 : marker.length);
      const lines = paragraphText(item).split('\n');
      const sub = block.sublists?.[index];
      if (sub) lines.push(...list(sub).split('\n'));
      return lines.map((line, i) => (i === 0 ? `${marker}${line}` : `${contentIndent}${line}`)).join('\n');
    })
    .join('\n');
}

function table(block: Extract<Block, { type: 'table' }>): string {
  const columns = Math.max(1, block.columns.length, ...block.rows.map((row) => row.length));
  const row = (cells: string[]): string =>
    `|${Array.from({ length: columns }, (_, i) => cells[i] ?? '')
      .map((cell) => (cell === '' ? ' ' : ` ${cell} `))
      .join('|')}|`;
  const cellText = (cell: { children: Inline[] }): string => inlines(cell.children, 'cell').trim();
  const first = block.rows[0];
  const hasHeader = first !== undefined && first.length > 0 && first.every((cell) => cell.header === true);
  const header = hasHeader ? first.map(cellText) : [];
  const body = (hasHeader ? block.rows.slice(1) : block.rows).map((cells) => row(cells.map(cellText)));
  return [row(header), row(new Array<string>(columns).fill('---')), ...body].join('\n');
}

function imageDestination(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return /[\s()<>]/.test(slashed) ? `<${slashed.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : slashed;
}

/** A block's Markdown; chunks are separated by one blank line. */
interface Chunk {
  text: string;
  /** Set on lists: two adjacent lists of the same kind would merge into one. */
  list?: 'bullet' | 'ordered';
}

function blocks(list: Block[], out: Chunk[]): void {
  for (const block of list) blockChunks(block, out);
}

function blockChunks(block: Block, out: Chunk[]): void {
  const push = (text: string): void => {
    out.push({ text });
  };
  switch (block.type) {
    case 'title':
      push(`# ${headingText(block.children)}`);
      return;
    case 'heading':
      push(`${'#'.repeat(block.level + 1)} ${headingText(block.children)}`);
      return;
    case 'paragraph': {
      const text = paragraphText(block.children);
      if (text.trim() !== '') push(text);
      return;
    }
    case 'list':
      if (block.items.length === 0) return;
      {
        const kind = block.marker === 'number' || block.marker === 'numberParen' ? 'ordered' : 'bullet';
        if (out[out.length - 1]?.list === kind) push('<!-- -->');
        out.push({ text: list(block), list: kind });
      }
      return;
    case 'table':
      if (block.caption) push(paragraphText([{ type: 'emphasis', children: block.caption }]));
      if (block.rows.length > 0) push(table(block));
      return;
    case 'image':
      push(`![${escapeMarkdownText(block.alt)}](${imageDestination(block.path)})`);
      if (block.caption) push(paragraphText([{ type: 'emphasis', children: block.caption }]));
      return;
    case 'box': {
      const inner: Chunk[] = block.title ? [{ text: paragraphText([{ type: 'strong', children: block.title }]) }] : [];
      blocks(block.children, inner);
      push(inner.map((chunk) => chunk.text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')).join('\n>\n'));
      return;
    }
    case 'rule':
      push('---');
      return;
    case 'signatures':
      for (const s of block.signatories) {
        const lines = [paragraphText(s.qualite), paragraphText(s.name)].filter((line) => line.trim() !== '');
        if (lines.length > 0) push(lines.join('\\\n'));
      }
      return;
    case 'division':
      switch (block.role) {
        case 'annex':
          push('---');
          blocks(block.children, out);
          return;
        case 'letterhead': {
          // Consecutive paragraphs become the lines of one Markdown paragraph.
          let lines: string[] = [];
          const flush = () => {
            if (lines.length > 0) push(lines.join('\\\n'));
            lines = [];
          };
          for (const child of block.children) {
            if (child.type === 'paragraph') {
              const text = paragraphText(child.children);
              if (text.trim() !== '') lines.push(text);
            } else {
              flush();
              blockChunks(child, out);
            }
          }
          flush();
          return;
        }
        case 'attendance':
        case 'section':
          blocks(block.children, out);
          return;
        default:
          return assertNever(block.role, 'division role');
      }
    case 'pageBreak':
      push('<!-- pagebreak -->');
      return;
    default:
      return assertNever(block, 'block');
  }
}

function push(out: Chunk[], text: string): void {
  out.push({ text });
}

/** The document as Markdown, ending with one newline. */
export function writeMarkdown(tree: DocumentTree): string {
  const out: Chunk[] = [];
  blocks(tree.blocks, out);
  for (const note of footnotesOf(tree.blocks)) {
    // The note's further lines are indented, so that they stay in the note.
    push(out, `[^${note.number}]: ${paragraphText(note.children).split('\n').join('\n    ')}`);
  }
  return out.length === 0 ? '' : `${out.map((chunk) => chunk.text).join('\n\n')}\n`;
}
