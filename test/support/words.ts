// Text compared as sequences of words: case, punctuation and spacing normalised, so that what is compared
// is what the document says, not how it is laid out.

export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The reference text file with its layout artefacts undone: bold markers, ^{er}, words cut at line ends. */
export function referenceText(raw: string): string {
  return raw
    .replace(/\*\*/g, '')
    .replace(/\^\{(\w+)\}/g, '$1')
    .replace(/(\p{L})-\n\s*\n(\p{L})/gu, '$1$2');
}

/** Similarity of two word sequences, as difflib's ratio: 2 × longest common subsequence / total length. */
export function similarity(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

function lcsLength(a: string[], b: string[]): number {
  // Intern the words so the inner loop compares integers.
  const ids = new Map<string, number>();
  const intern = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const x = Int32Array.from(a, intern);
  const y = Int32Array.from(b, intern);
  let previous = new Uint32Array(y.length + 1);
  let current = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      current[j] = xi === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** Whether `needle` occurs as a contiguous run of words in `haystack` (both already normalised). */
export function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  const joined = ` ${haystack.join(' ')} `;
  return joined.includes(` ${needle.join(' ')} `);
}
