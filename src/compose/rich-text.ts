// Rich text from the YAML (Markdown inline syntax and @mentions) to the template markup: **gras** →
// <b>, *italique* → <i>, @prempain → "M. PREMPAIN", ^[texte de la note] → <note> (a footnote, as in
// pandoc's inline notes). Everything else is escaped text: raw HTML typed by a user stays text.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { findMentions } from '../model/mentions.js';
import { escapeMarkup } from './markup-escape.js';

// Only emphasis, backslash escapes and line breaks: no links, images, HTML, code or typographer.
const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: true }).enable([
  'emphasis',
  'escape',
  'newline',
]);
md.inline.ruler.before('emphasis', 'inline_note', inlineNote);

/**
 * `^[texte]`: a footnote written where it is called (pandoc's inline note). Its text is rich text
 * too (emphasis, mentions), but holds no other note.
 */
function inlineNote(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  if (state.src.charCodeAt(start) !== 0x5e /* ^ */ || state.src.charCodeAt(start + 1) !== 0x5b /* [ */) return false;
  if ((state.env as { inNote?: boolean }).inNote) return false;
  const end = state.md.helpers.parseLinkLabel(state, start + 1, true);
  if (end < 0 || state.src.slice(start + 2, end).trim() === '') return false;
  if (!silent) {
    state.push('note_open', 'note', 1);
    state.pos = start + 2;
    state.posMax = end;
    (state.env as { inNote?: boolean }).inNote = true;
    state.md.inline.tokenize(state);
    (state.env as { inNote?: boolean }).inNote = false;
    state.push('note_close', 'note', -1);
  }
  state.pos = end + 1;
  state.posMax = max;
  return true;
}

/** Names a person in prose ("M. PREMPAIN"); undefined when the id is unknown (left as typed). */
export type NameOf = (id: string) => string | undefined;

/** Stands for an escaped "\@" while Markdown is parsed, so that it is never read as a mention. */
const LITERAL_AT = '\uE000';

export function richTextToMarkup(text: string, nameOf: NameOf): string {
  const tokens = md.parseInline(text.replaceAll('\\@', LITERAL_AT), {})[0]?.children ?? [];
  return tokens
    .map((token) => tokenToMarkup(token, nameOf))
    .join('')
    .replaceAll(LITERAL_AT, '@');
}

function tokenToMarkup(token: Token, nameOf: NameOf): string {
  switch (token.type) {
    case 'text':
      return textWithMentions(token.content, nameOf);
    case 'strong_open':
      return '<b>';
    case 'strong_close':
      return '</b>';
    case 'em_open':
      return '<i>';
    case 'em_close':
      return '</i>';
    case 'softbreak':
      return ' ';
    case 'hardbreak':
      return '<br/>';
    case 'note_open':
      return '<note>';
    case 'note_close':
      return '</note>';
    default:
      return escapeMarkup(token.content);
  }
}

function textWithMentions(text: string, nameOf: NameOf): string {
  let out = '';
  let last = 0;
  for (const mention of findMentions(text)) {
    const name = nameOf(mention.id);
    if (name === undefined) continue;
    out += escapeMarkup(text.slice(last, mention.index)) + escapeMarkup(name);
    last = mention.index + mention.length;
  }
  return out + escapeMarkup(text.slice(last));
}
