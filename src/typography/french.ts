// French typography for plain text (Imprimerie nationale usage, as in the project's French conventions):
// no-break spaces around punctuation and guillemets, typographic apostrophe, ellipsis, thousands
// grouping, civilities and hours. URLs, e-mail addresses and paths are never touched.
//
// Invariant the tree pass relies on: every rule only adds, removes or changes spaces (U+0020, U+00A0,
// U+202F), turns `"` into « », `'` into ’ or `...` into …. Nothing else in the text ever changes.

import { NBSP, NNBSP } from './spaces.js';

export { NBSP, NNBSP };

/** The horizontal spaces the rules work on (tabs and line breaks are left alone). */
const SP = String.raw`[ \u00A0\u202F]`;

/** Characters that can end a word before `; ! ? , .`: letters, digits, closing marks, placeholders. */
const WORD_END = String.raw`[\p{L}\p{N}\p{M})\]}»…%‰€’\uE000-\uF8FF]`;

const re = (source: string): RegExp => new RegExp(source, 'gu');

// ---------------------------------------------------------------------------------------------------
// Protected spans: URLs, e-mail addresses, domain names and Windows paths are swapped for one
// private-use character each while the rules run, then put back.

const PLACEHOLDER_FIRST = 0xe000;
const PLACEHOLDER_LAST = 0xf8ff;

const PROTECTED_SPANS = [
  String.raw`\b(?:https?|ftps?|file|mailto):[^\s<>«»"]+`,
  String.raw`\bwww\.[^\s<>«»"]+`,
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`,
  String.raw`\b[A-Za-z]:\\[^\s<>«»"]*`,
  String.raw`(?<![\p{L}\p{N}@.…\-])[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:fr|com|org|net|eu|info|io)\b(?:/[^\s<>«»"]*)?`,
  // A private-use character already in the input is protected too, so placeholders stay unambiguous.
  String.raw`[\uE000-\uF8FF]`,
].join('|');
const PROTECTED = re(PROTECTED_SPANS);
const WHOLE_PROTECTED_SPAN = new RegExp(`^(?:${PROTECTED_SPANS})$`, 'u');

/**
 * Splits a matched URL into the URL and the sentence punctuation that follows it: trailing `.,;:`
 * always, an unbalanced `)`, and `!?` unless the URL has a path or query ("https://x.y/a?b=c!" is kept).
 */
function splitTrailingPunctuation(token: string): [string, string] {
  const core = token.replace(/^[a-z]+:\/\//i, '').replace(/[.,;:!?)]+$/, '');
  const hasPath = /[/?#]/.test(core);
  let end = token.length;
  while (end > 0) {
    const ch = token[end - 1]!;
    const head = token.slice(0, end);
    const unbalanced = ch === ')' && head.split('(').length < head.split(')').length;
    if ('.,;:'.includes(ch) || (!hasPath && '!?'.includes(ch)) || unbalanced) end--;
    else break;
  }
  return [token.slice(0, end), token.slice(end)];
}

/** What every protected span holds (a colon, an at sign, "www.", a domain ending, a placeholder). */
const MAY_HOLD_PROTECTED_SPAN = /[:@\uE000-\uF8FF]|www\.|\.(?:fr|com|org|net|eu|info|io)/;

/** The text with its protected spans swapped for placeholders; null if there are too many of them. */
function protect(text: string): { text: string; spans: string[] } | null {
  const spans: string[] = [];
  if (!MAY_HOLD_PROTECTED_SPAN.test(text)) return { text, spans };
  let overflow = false;
  const replaced = text.replace(PROTECTED, (match) => {
    if (PLACEHOLDER_FIRST + spans.length > PLACEHOLDER_LAST) {
      overflow = true;
      return match;
    }
    const [span, rest] = /^[\uE000-\uF8FF]$/u.test(match) ? [match, ''] : splitTrailingPunctuation(match);
    // What is left once the punctuation is cut off must still be a URL ("www.:" is not).
    if (!WHOLE_PROTECTED_SPAN.test(span)) return match;
    spans.push(span);
    return String.fromCharCode(PLACEHOLDER_FIRST + spans.length - 1) + rest;
  });
  return overflow ? null : { text: replaced, spans };
}

function restore(text: string, spans: readonly string[]): string {
  return text.replace(/[\uE000-\uF8FF]/g, (ch) => spans[ch.charCodeAt(0) - PLACEHOLDER_FIRST] ?? ch);
}

// ---------------------------------------------------------------------------------------------------
// Punctuation, quotes, apostrophes.

/** `...` → `…`. */
function ellipsis(s: string): string {
  return s.replace(/\.\.\./g, '…');
}

/** An apostrophe between letters: l'ordre, aujourd'hui, PIMM'S. A `'` elsewhere is not one. */
function apostrophes(s: string): string {
  return s.replace(/(?<=[\p{L}\p{M}])'(?=\p{L})/gu, '’');
}

/**
 * Straight double quotes → « ». A quote after a space and before a word opens, one after a word and
 * before a space or punctuation closes; an ambiguous one alternates with the previous quote.
 */
function straightQuotes(s: string): string {
  let open = false;
  return s.replace(/"/g, (_quote, offset: number) => {
    const before = s[offset - 1];
    const after = s[offset + 1];
    const opens = before === undefined || /[\s([{\u2013\u2014/]/u.test(before);
    const closes = after === undefined || /[\s.,;:!?)\]}…»]/u.test(after);
    open = opens === closes ? !open : opens;
    return open ? '«' : '»';
  });
}

const OPENING_GUILLEMET = re(String.raw`«${SP}*(?=\S)`);
const CLOSING_GUILLEMET = re(String.raw`(?<=\S)${SP}*»`);

/** A no-break space inside « », replacing any space there. */
function guillemetSpaces(s: string): string {
  return s.replace(OPENING_GUILLEMET, `«${NBSP}`).replace(CLOSING_GUILLEMET, `${NBSP}»`);
}

// Also before ":" and "»", which get a space of their own later (keeps the pass idempotent).
const STRAY_SPACE = re(String.raw`(?<=${WORD_END})${SP}+(?=[,.](?:[\s:»]|$))`);

/** A typing slip: "ROSE , directeur" → "ROSE, directeur", "2020 ." → "2020.". */
function spaceBeforeCommaOrPeriod(s: string): string {
  return s.replace(STRAY_SPACE, '');
}

const COLON = re(String.raw`(?<=[^\s:])${SP}*:(?=[\s»]|$)`);

/** NBSP before a colon that ends a phrase ("Tél : 05"), never in "14:30", "https://" or "C:\". */
function colon(s: string): string {
  return s.replace(COLON, `${NBSP}:`);
}

const SPACE_BEFORE_HIGH_MARK = re(String.raw`(?<=\S)${SP}+(?=[;!?])`);
const NO_SPACE_BEFORE_HIGH_MARK = re(String.raw`(?<=${WORD_END})(?=[;!?]+(?:[\s»)\]}…,.:]|$))`);

/**
 * NNBSP before `; ! ?`: an existing space is replaced, a missing one inserted when the mark ends a
 * phrase (so "a?b" stays); "?!" gets a single space, before the first mark.
 */
function highPunctuation(s: string): string {
  return s.replace(SPACE_BEFORE_HIGH_MARK, NNBSP).replace(NO_SPACE_BEFORE_HIGH_MARK, NNBSP);
}

// ---------------------------------------------------------------------------------------------------
// Numbers.

const PHONE_NUMBER = re(
  [
    // 05 49 55 69 16, +33 5 49 55 69 16, +33 (0)5 49 55 69 16
    String.raw`(?<![\p{L}\p{N}+])(?:\+\d{2,3}${SP}?(?:\(0\)${SP}?)?\d|0\d)(?:${SP}\d{2}){4}(?!\p{N})`,
    // 0 800 123 456
    String.raw`(?<![\p{L}\p{N}])0${SP}?[89]\d{2}(?:${SP}\d{3}){2}(?!\p{N})`,
  ].join('|'),
);

/** Phone numbers are left as typed, their spaces made unbreakable (NBSP, not a thousands NNBSP). */
function phoneNumbers(s: string): string {
  return s.replace(PHONE_NUMBER, (phone) => phone.replace(/[ \u202F]/g, NBSP));
}

/** Numbers after these words are references, not quantities: never grouped. */
const REFERENCE_CONTEXT =
  /(?:^|[^\p{L}])(?:n°|no|nos|num(?:éro)?s?\.?|art(?:icle)?s?\.?|pages?|p\.|siret|siren|rna|bp|cs|cedex|t[ée]l\.?|fax|code postal)\s*:?\s*$/iu;

function inReferenceContext(s: string, offset: number): boolean {
  return REFERENCE_CONTEXT.test(s.slice(Math.max(0, offset - 24), offset));
}

// Not after a digit and a NBSP: that is the tail of a phone number.
const GROUPED_NUMBER = re(String.raw`(?<![\p{L}\p{N}\p{M}.,/+#@_\-]|\p{N}\u00A0)[1-9]\d{0,2}(?:${SP}\d{3})+(?!\p{N})`);

/** A number grouped with spaces gets NNBSPs: "109 016", "2 068" (the user grouped it: kept). */
function groupedThousands(s: string): string {
  return s.replace(GROUPED_NUMBER, (number, offset: number) =>
    inReferenceContext(s, offset) ? number : number.replace(/[ \u00A0]/g, NNBSP),
  );
}

const BARE_NUMBER = re(
  String.raw`(?<![\p{L}\p{N}\p{M}.,/+#@_\-]|\p{N}${SP})[1-9]\d{4,}(?![\p{L}\p{N}\p{M}/_\-]|\.\p{N}|${SP}\p{N})`,
);
// A town after the code, maybe after a dash or comma: "86000 Poitiers", "30900 – Nîmes", "30900, Nîmes".
const TOWN_AFTER = new RegExp(String.raw`^(?:${SP}*[,–—-])?${SP}+\p{Lu}`, 'u');

/**
 * Runs of 5+ digits get an NNBSP every three digits: "109016" → "109 016". Left alone: leading
 * zeros, decimal parts, references ("n° 12345", SIRET), a postal code before a town ("86000
 * Poitiers", "30900 – Nîmes"), and runs next to another number (ambiguous). Years (4 digits) are never touched.
 */
function bareThousands(s: string): string {
  return s.replace(BARE_NUMBER, (digits, offset: number) => {
    const postalCode = digits.length === 5 && TOWN_AFTER.test(s.slice(offset + digits.length));
    if (postalCode || inReferenceContext(s, offset)) return digits;
    return digits.replace(/\B(?=(?:\d{3})+$)/g, NNBSP);
  });
}

const BEFORE_UNIT_SYMBOL = re(String.raw`(?<=\p{N})${SP}*(?=[%‰€])`);

/** NBSP between a number and `%`, `‰` or `€`: "103,43%" → "103,43 %". */
function percentAndCurrency(s: string): string {
  return s.replace(BEFORE_UNIT_SYMBOL, NBSP);
}

// ---------------------------------------------------------------------------------------------------
// Words that must not be separated from what follows.

const CIVILITY = re(
  String.raw`(?<![\p{L}\p{N}.])(MM\.|Mmes|Mme|Mlles|Mlle|M\.)${SP}+(?=\p{Lu}|(?:le|la|les|de|du|des)${SP}|[ld][’']\p{L})`,
);

/**
 * NBSP after "M.", "Mme", "MM.", "Mmes", "Mlle(s)" before a name or title: "M. PREMPAIN", "M. le Maire",
 * "M. de LA TOUR".
 */
function civilities(s: string): string {
  return s.replace(CIVILITY, `$1${NBSP}`);
}

const NUMERO = re(String.raw`(?<![\p{L}\p{N}])(n°|N°|nos?\.?)${SP}+(?=\d)`);

/** NBSP between "n°" and its number: "délibération n° 2024-030". */
function numero(s: string): string {
  return s.replace(NUMERO, `$1${NBSP}`);
}

const SPACED_HOUR = re(String.raw`(?<![\p{L}\p{N},.])(\d{1,2})${SP}+h(?:${SP}+([0-5]\d))?(?![\p{L}\p{N}])`);

/** "14 h 30" and "14 h" get NBSPs; "14h30" is a style choice and stays as typed. */
function spacedHours(s: string): string {
  return s.replace(SPACED_HOUR, (_match, h: string, minutes: string | undefined) =>
    minutes === undefined ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${minutes}`,
  );
}

/**
 * A rule run only on a text holding what every one of its matches needs: most texts hold no quote, no
 * number, no « ; », and a plain test is much cheaper than the rule's expressions (same result).
 */
const when =
  (needs: RegExp, rule: (s: string) => string) =>
  (s: string): string =>
    needs.test(s) ? rule(s) : s;

// Order matters: quotes before the spaces around them, phone numbers before thousands.
const RULES: ReadonlyArray<(s: string) => string> = [
  when(/\.\.\./, ellipsis),
  when(/'/, apostrophes),
  when(/"/, straightQuotes),
  when(/[«»]/, guillemetSpaces),
  when(/[,.]/, spaceBeforeCommaOrPeriod),
  when(/:/, colon),
  when(/[;!?]/, highPunctuation),
  when(/\d/, phoneNumbers),
  when(/\d/, groupedThousands),
  when(/\d/, bareThousands),
  when(/[%‰€]/, percentAndCurrency),
  when(/M/, civilities),
  when(/[nN]°|no/, numero),
  when(/\d[ \u00A0\u202F]+h/, spacedHours),
];

/**
 * Applies the French typographic rules to plain text. Idempotent. A text with more than 6,400 URLs
 * and e-mail addresses (more than there are placeholders) is returned unchanged.
 */
export function frenchText(text: string): string {
  const prepared = protect(text);
  if (!prepared) return text;
  const typeset = RULES.reduce((s, rule) => rule(s), prepared.text);
  return prepared.spans.length > 0 ? restore(typeset, prepared.spans) : typeset;
}
