// From a path inside the data to a line and column in the YAML source. Paths that do not exist (a
// missing key) resolve to the nearest existing ancestor, so every diagnostic has a position.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Position, Source } from './diagnostic.js';

export type DataPath = (string | number)[];

export interface Located {
  start: Position;
  end?: Position;
  /** How many path segments were found (less than the path length when the tail is missing). */
  found: number;
}

export function locate(source: Source, path: DataPath, options: { key?: boolean } = {}): Located {
  const doc = source.doc;
  const pos = (offset: number): Position => {
    const p = source.lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (!doc || !doc.contents) return { start: { line: 1, column: 1 }, found: 0 };

  let node: Node | null = doc.contents as Node;
  let pair: Pair | undefined;
  let found = 0;
  for (const segment of path) {
    let next: Node | null | undefined;
    let nextPair: Pair | undefined;
    if (isMap(node)) {
      nextPair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair | undefined;
      next = nextPair ? ((nextPair.value as Node | null) ?? null) : undefined;
      if (nextPair && next === null) {
        // `key:` with no value: point at the key.
        pair = nextPair;
        node = null;
        found++;
        break;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
      nextPair = undefined;
    }
    if (next === undefined) break;
    node = next;
    pair = nextPair;
    found++;
  }

  // A missing key is reported at its parent's key ("seance:"), the place where it must be added.
  const missingTail = found < path.length;
  const useKey = (options.key || node === null || missingTail) && pair && isScalar(pair.key);
  const range = useKey ? (pair!.key as Node).range : node?.range;
  if (!range) return { start: { line: 1, column: 1 }, found };
  return { start: pos(range[0]), end: pos(range[1]), found };
}

/** The source line of a position, for the caret excerpt. */
export function sourceLine(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}
