// Text from the files (names, ids, keys, values, paths) shown on a terminal: every control character is
// replaced by a visible escape (ESC → \u001b), so that a name cannot move the cursor, change the colour,
// ring the bell, forge a line or turn the rest of the line around (Trojan Source, CVE-2021-42574).
// Applied to the data before clu adds its own colours, never to the final output: chalk's codes stay.
// JSON, SARIF and GitLab outputs do not need it (JSON.stringify escapes C0 itself) and keep the text as is.

/**
 * What is escaped: C0 (U+0000–U+001F, tab and line breaks included: a field is one line), DEL, C1
 * (U+0080–U+009F, U+009B is a one-byte CSI for some terminals), the line and paragraph separators
 * (U+2028, U+2029) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which reorder whatever follows them. The marks LRM, RLM and ALM (U+200E, U+200F,
 * U+061C) are kept: they cannot reorder letters, only neutral characters, and right-to-left names use them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ANY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** "\u001b" for U+001B: the JavaScript and JSON spelling, four lowercase hex digits. */
export function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The text with its control characters shown as escapes. `keep` lists characters left as they are
 * (e.g. "\n" for a message that is several lines by design, "\r\n" for a format that encodes them).
 */
export function visible(text: string, keep = ''): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : escapeChar(char)));
}

/** Whether the text holds a character that visible() would escape. */
export function hasControlCharacters(text: string): boolean {
  return ANY_UNSAFE.test(text);
}
