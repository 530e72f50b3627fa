// The YAML parser's errors in the words of someone who writes minutes, not of a parser: what is wrong,
// and what to type instead. Only the first syntax error of a file is reported: the ones after it are
// almost always the same mistake seen again from further down.
import type { Locale } from '../validate/messages.js';

export interface YamlErrorText {
  detail: string;
  hint: string;
  /** Where to point instead of the parser's position (the line that must be fixed). */
  offset?: number;
}

type Words = Record<Locale, [detail: string, hint: string]>;

const WORDS: Record<string, Words> = {
  TAB_AS_INDENT: {
    en: ['a tab is used to indent this line; YAML indents with spaces only', 'replace the tab (shown as →) with spaces, 2 per level'],
    fr: ['une tabulation sert à indenter cette ligne ; YAML n’indente qu’avec des espaces', 'remplacez la tabulation (affichée →) par des espaces, 2 par niveau'],
  },
  BAD_SCALAR_START: {
    en: ['a text cannot start with this character ({char}) unless it is in quotes', 'put the whole text in double quotes: "{char}…"'],
    fr: ['un texte ne peut pas commencer par ce caractère ({char}) sans guillemets', 'mettez tout le texte entre guillemets droits : "{char}…"'],
  },
  COLON_IN_TEXT: {
    en: ['this text contains “: ”, which YAML reads as a new key', 'put the whole text in double quotes: key: "… : …"'],
    fr: ['ce texte contient « : », que YAML lit comme une nouvelle clé', 'mettez tout le texte entre guillemets droits : clé: "… : …"'],
  },
  INDENTATION: {
    en: ['this line is indented differently from the lines of the same block', 'align it with the keys above it (same number of spaces)'],
    fr: ['cette ligne n’est pas indentée comme les autres lignes du même bloc', 'alignez-la sur les clés au-dessus (même nombre d’espaces)'],
  },
  QUOTED_START: {
    en: ['this text starts with quotes that close before its end', 'put the quotes around the whole text: "…", or none at all'],
    fr: ['ce texte commence par des guillemets qui se ferment avant sa fin', 'mettez les guillemets autour de tout le texte : "…", ou n’en mettez pas'],
  },
  MISSING_CHAR: {
    en: ['a quote is opened here but never closed', 'close it at the end of the text, on the same line or the following ones'],
    fr: ['des guillemets sont ouverts ici mais jamais fermés', 'fermez-les à la fin du texte'],
  },
  OTHER: {
    en: ['YAML syntax error: {detail}', 'check the indentation and the quotes on this line'],
    fr: ['erreur de syntaxe YAML : {detail}', 'vérifiez l’indentation et les guillemets sur cette ligne'],
  },
};

export function explainYamlError(code: string, message: string, offset: number, text: string, locale: Locale): YamlErrorText {
  const fill = (words: Words, params: Record<string, string>, at?: number): YamlErrorText => {
    const [detail, hint] = words[locale];
    const put = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
    return { detail: put(detail), hint: put(hint), ...(at !== undefined ? { offset: at } : {}) };
  };
  switch (code) {
    case 'TAB_AS_INDENT':
    case 'MISSING_CHAR':
      return fill(WORDS[code]!, {});
    case 'BAD_SCALAR_START':
      return fill(WORDS.BAD_SCALAR_START!, { char: text[offset] ?? '' });
    case 'UNEXPECTED_TOKEN':
    case 'BAD_ALIAS':
    case 'UNRESOLVED_ALIAS': {
      // The value on this line starts with a character YAML reads specially: * & [ { ! | > or a quote.
      const start = valueStart(text, offset);
      const char = text[start] ?? '';
      if (char === '"' || char === "'") return fill(WORDS.QUOTED_START!, {}, start);
      if ('*&[{!|>%@`'.includes(char) && char !== '') return fill(WORDS.BAD_SCALAR_START!, { char }, start);
      return fill(WORDS.OTHER!, { detail: message });
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // Either the value on this line holds ": " (unquoted text), or the next line is indented too far.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const lineEnd = text.indexOf('\n', offset);
      const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      if (/:\s.*:(\s|$)/.test(line.replace(/^\s*-\s*/, ''))) return fill(WORDS.COLON_IN_TEXT!, {});
      const next = lineEnd === -1 ? -1 : nextContentLine(text, lineEnd + 1);
      return fill(WORDS.INDENTATION!, {}, next === -1 ? offset : next);
    }
    default:
      return fill(WORDS.OTHER!, { detail: message });
  }
}

/** Where the value of the line holding `offset` starts: after "- " and after "key: ". */
function valueStart(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const match = /^(\s*-\s+)?(\s*[\p{L}\p{N}_$-]+:\s+)?/u.exec(line);
  return lineStart + (match?.[0].length ?? 0);
}

function nextContentLine(text: string, from: number): number {
  let start = from;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? undefined : end);
    if (line.trim() !== '' && !line.trim().startsWith('#')) return start + (line.length - line.trimStart().length);
    if (end === -1) break;
    start = end + 1;
  }
  return -1;
}
