// Mentions of people inside prose: "@prempain demande si …" renders "M. PREMPAIN demande si …".
// An @ preceded by a letter, digit, dot or another @ is not a mention (e-mail addresses stay as typed),
// nor one written \@ (a literal "@prefet86" account name, say).

export const MENTION_PATTERN = /(?<![\p{L}\p{N}._@\\-])@([a-z][a-z0-9_]*(?:-[a-z0-9_]+)*)/gu;

export interface MentionMatch {
  id: string;
  /** Offset of the "@" in the text. */
  index: number;
  length: number;
}

export function findMentions(text: string): MentionMatch[] {
  return [...text.matchAll(MENTION_PATTERN)].map((m) => ({ id: m[1]!, index: m.index, length: m[0].length }));
}

/** "@Dupont": looks like a mention but ids are lower case; the validator suggests the right one. */
export function findCapitalisedMentions(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}._@\\-])@(\p{Lu}[\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*)/gu)].map((m) => m[1]!);
}
