// The template markup: a small, whitelisted XML vocabulary that templates emit and this module turns into
// the document tree. Documented in docs/templates.md; every element is covered by test/markup.test.ts.
//
//   <title>…</title>                 document title
//   <h1>…</h1> … <h4>…</h4>          section headings
//   <p class="STYLE">…</p>           paragraph; STYLE is a ParagraphStyle (default "body")
//   <ul class="check|dash|bullet|number|numberParen|alpha|roman"><li>…<ul>…</ul></li></ul>  (nested)
//   <b> <i> <sup> <br/>              inline
//   <note>…</note>                   inline: a footnote (numbered in document order)
//   <box><caption>…</caption>…</box> a boxed note with an optional title (paragraphs and lists inside)
//   <hr/>                            a horizontal rule
//   <figure><img …/><figcaption>…</figcaption></figure>   a picture with its caption
//   <div class="letterhead|annex|attendance|section">…</div>
//   <img src="…" width="60" alt="…"/>
//   <table columns="3,2,4"><caption>…</caption><tr><th>…</th><td>…</td></tr></table>
//   <signatures><signatory><qualite>…</qualite><name>…</name></signatory></signatures>
//   <pagebreak/>
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { inlineText, type Block, type DivisionRole, type Inline, type ListBlock, type ListMarker, type ParagraphStyle, type TableCell } from '../document/tree.js';

export class MarkupError extends Error {
  override readonly name = 'MarkupError';
}

const PARAGRAPH_STYLES: ReadonlySet<string> = new Set<ParagraphStyle>([
  'body', 'bodyKeep', 'marque', 'devise', 'service', 'contact', 'dateline', 'label', 'category', 'attendee', 'presentation',
  'intertitle', 'question', 'exchange', 'noQuestion', 'counts', 'vote', 'closing', 'signatureQualite', 'signatureName',
  'annexHeader', 'small',
]);
const LIST_MARKERS: ReadonlySet<string> = new Set<ListMarker>(['check', 'dash', 'bullet', 'number', 'numberParen', 'alpha', 'roman']);
const DIVISION_ROLES: ReadonlySet<string> = new Set<DivisionRole>(['letterhead', 'annex', 'attendance', 'section']);

/** Footnotes are numbered 1, 2, 3… in document order, per document. */
let footnoteCount = 0;

export function parseMarkup(markup: string): Block[] {
  const dom = parseDocument(markup, { xmlMode: true, decodeEntities: true });
  footnoteCount = 0;
  return blocks(dom.children);
}

function blocks(nodes: ChildNode[]): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim() !== '') throw new MarkupError(`text outside a block element: “${node.data.trim().slice(0, 40)}” (wrap it in <p>)`);
      continue;
    }
    if (node.type === 'comment' || node.type === 'directive') continue;
    if (node.type !== 'tag') throw new MarkupError(`unexpected ${node.type} in the markup`);
    out.push(block(node));
  }
  return out;
}

function block(el: Element): Block {
  switch (el.name) {
    case 'title':
      return { type: 'title', children: inlines(el) };
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
      return { type: 'heading', level: Number(el.name[1]) as 1 | 2 | 3 | 4, children: inlines(el) };
    case 'p': {
      const style = el.attribs.class ?? 'body';
      if (!PARAGRAPH_STYLES.has(style)) throw new MarkupError(`unknown paragraph class “${style}” (known: ${[...PARAGRAPH_STYLES].join(', ')})`);
      return { type: 'paragraph', style: style as ParagraphStyle, children: inlines(el) };
    }
    case 'ul':
      return list(el);
    case 'box': {
      const parts = el.children.filter((c) => !(c.type === 'tag' && c.name === 'caption'));
      const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
      const children = blocks(parts);
      for (const child of children) {
        if (child.type !== 'paragraph' && child.type !== 'list') throw new MarkupError(`<box> holds paragraphs and lists only, not ${child.type}`);
      }
      return { type: 'box', ...(caption ? { title: inlines(caption) } : {}), children };
    }
    case 'hr':
      return { type: 'rule' };
    case 'figure': {
      const parts = elements(el);
      const img = parts.find((p) => p.name === 'img');
      const caption = parts.find((p) => p.name === 'figcaption');
      if (!img || parts.some((p) => p.name !== 'img' && p.name !== 'figcaption')) throw new MarkupError('<figure> holds one <img> and an optional <figcaption>');
      const image = block(img);
      if (image.type !== 'image') return image;
      if (!caption) return { ...image, figure: true };
      const text = inlines(caption);
      // Without an alternative text of its own, a picture is described by its caption.
      return { ...image, alt: image.alt.trim() === '' ? inlineText(text) : image.alt, figure: true, caption: text };
    }
    case 'div': {
      const role = el.attribs.class ?? 'section';
      if (!DIVISION_ROLES.has(role)) throw new MarkupError(`unknown div class “${role}” (known: ${[...DIVISION_ROLES].join(', ')})`);
      return { type: 'division', role: role as DivisionRole, children: blocks(el.children) };
    }
    case 'img': {
      const width = Number(el.attribs.width ?? 60);
      if (!el.attribs.src) throw new MarkupError('<img> needs a src attribute');
      if (!Number.isFinite(width) || width <= 0) throw new MarkupError(`<img> width must be a positive number of points`);
      return { type: 'image', path: el.attribs.src, width, alt: el.attribs.alt ?? '' };
    }
    case 'table':
      return table(el);
    case 'signatures':
      return {
        type: 'signatures',
        signatories: elements(el).map((s) => {
          if (s.name !== 'signatory') throw new MarkupError(`<${s.name}> inside <signatures>: only <signatory> is allowed`);
          const parts = elements(s);
          const part = (name: string) => {
            const found = parts.find((p) => p.name === name);
            return found ? inlines(found) : [];
          };
          return { qualite: part('qualite'), name: part('name') };
        }),
      };
    case 'pagebreak':
      return { type: 'pageBreak' };
    default:
      throw new MarkupError(`unknown element <${el.name}> in the template output`);
  }
}

function list(el: Element): ListBlock {
  const marker = el.attribs.class ?? 'check';
  if (!LIST_MARKERS.has(marker)) throw new MarkupError(`unknown list class “${marker}” (known: ${[...LIST_MARKERS].join(', ')})`);
  const sublists: (ListBlock | undefined)[] = [];
  const items = elements(el).map((li) => {
    if (li.name !== 'li') throw new MarkupError(`<${li.name}> inside <ul>: only <li> is allowed`);
    // A nested <ul> ends the item: the item's text, then the list under it.
    const nested = li.children.filter((c): c is Element => c.type === 'tag' && c.name === 'ul');
    if (nested.length > 1) throw new MarkupError('<li> holds at most one nested <ul>');
    sublists.push(nested[0] ? list(nested[0]) : undefined);
    return inlinesOf(li.children.filter((c) => !(c.type === 'tag' && c.name === 'ul')));
  });
  return { type: 'list', marker: marker as ListMarker, items, ...(sublists.some(Boolean) ? { sublists } : {}) };
}

function table(el: Element): Block {
  const caption = el.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
  const rows: TableCell[][] = elements(el).filter((tr) => tr.name !== 'caption').map((tr) => {
    if (tr.name !== 'tr') throw new MarkupError(`<${tr.name}> inside <table>: only <tr> is allowed`);
    return elements(tr).map((cell) => {
      if (cell.name !== 'th' && cell.name !== 'td') throw new MarkupError(`<${cell.name}> inside <tr>: only <th> and <td> are allowed`);
      return { children: inlines(cell), ...(cell.name === 'th' ? { header: true } : {}) };
    });
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  const declared = (el.attribs.columns ?? '').split(',').filter(Boolean).map(Number);
  const columns = declared.length === width && declared.every((n) => n > 0) ? declared : Array.from({ length: width }, () => 1);
  return { type: 'table', columns, rows, ...(caption ? { caption: inlines(caption) } : {}) };
}

function elements(el: Element): Element[] {
  return el.children.filter((c): c is Element => {
    if (c.type === 'text' && c.data.trim() !== '') throw new MarkupError(`text directly inside <${el.name}>: “${c.data.trim().slice(0, 40)}”`);
    return c.type === 'tag';
  });
}

/** Inline content with whitespace collapsed as in HTML: template indentation never reaches the output. */
function inlines(el: Element): Inline[] {
  return inlinesOf(el.children);
}

function inlinesOf(nodes: ChildNode[]): Inline[] {
  return trimEdges(mergeText(inlineNodes(nodes)));
}

function inlineNodes(nodes: ChildNode[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', value: node.data.replace(/[ \t\n\r]+/g, ' ') });
      continue;
    }
    if (node.type !== 'tag') continue;
    switch (node.name) {
      case 'b':
        out.push({ type: 'strong', children: inlineNodes(node.children) });
        break;
      case 'i':
        out.push({ type: 'emphasis', children: inlineNodes(node.children) });
        break;
      case 'sup':
        out.push({ type: 'superscript', children: inlineNodes(node.children) });
        break;
      case 'br':
        out.push({ type: 'lineBreak' });
        break;
      case 'note':
        // Numbered before its text: a note inside a note would come after it (and is not expected).
        out.push({ type: 'footnote', number: ++footnoteCount, children: trimEdges(mergeText(inlineNodes(node.children))) });
        break;
      default:
        throw new MarkupError(`<${node.name}> is not allowed inside a paragraph (inline elements: b, i, sup, br, note)`);
    }
  }
  return out;
}

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: (previous.value + node.value).replace(/ {2,}/g, ' ') };
    } else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'superscript' || node.type === 'footnote') {
      out.push({ ...node, children: mergeText(node.children) });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** Drops the spaces at the start and end of a paragraph, and around line breaks. */
function trimEdges(nodes: Inline[]): Inline[] {
  const trimmed = nodes.map((node, i) => {
    if (node.type !== 'text') return node;
    let value = node.value;
    if (i === 0 || nodes[i - 1]?.type === 'lineBreak') value = value.replace(/^ +/, '');
    if (i === nodes.length - 1 || nodes[i + 1]?.type === 'lineBreak') value = value.replace(/ +$/, '');
    return { ...node, value };
  });
  return trimmed.filter((node) => node.type !== 'text' || node.value !== '');
}
