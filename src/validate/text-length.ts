// A paragraph of minutes is a few thousand characters. A text value far longer is a mistake (a pasted
// file, a runaway merge) that would take minutes and gigabytes to lay out: an error at its position,
// found by `clu validate` before rendering. The whole file is capped too (MAX_FILE_BYTES).
import { isScalar, visit } from 'yaml';
import type { Reporter, Source } from './diagnostic.js';

export const MAX_TEXT_CHARACTERS = 200_000;

/** Reports every text value longer than MAX_TEXT_CHARACTERS; returns true when there was none. */
export function checkTextLengths(sources: Source[], reporter: Reporter): boolean {
  let ok = true;
  for (const source of new Set(sources)) {
    if (!source.doc) continue;
    visit(source.doc, {
      Scalar(_key, node) {
        if (!isScalar(node) || typeof node.value !== 'string' || node.value.length <= MAX_TEXT_CHARACTERS) return;
        ok = false;
        const position = source.lineCounter.linePos(node.range?.[0] ?? 0);
        reporter.add(
          'text-too-long',
          { length: node.value.length, limit: MAX_TEXT_CHARACTERS },
          { file: source.file, start: { line: position.line, column: position.col } },
        );
      },
    });
  }
  return ok;
}
