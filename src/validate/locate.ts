// From a path inside the data to a line and column in the YAML source. Paths that do not exist (a
// missing key) resolve to the nearest existing ancestor, so every diagnostic has a position.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
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
      nextPair = pairOf(node, segment);
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

/** Each map's pairs by key, made the first time a diagnostic looks into it: a lookup per diagnostic stays O(1). */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of `map` whose key is `segment` (as the old linear search found it). */
function pairOf(map: YAMLMap, segment: string | number): Pair | undefined {
  const items = map.items as Pair[];
  const key = String(segment);
  if (items.length <= 8) return items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const item of items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!index.has(name)) index.set(name, item);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

/** The node at `path` (a scalar, a map or a list), or undefined when the path does not reach one: what `doc.getIn(path, true)` gives, in O(path) per call. */
export function nodeAt(source: Source, path: DataPath): Node | undefined {
  let node = (source.doc?.contents ?? null) as Node | null;
  for (const segment of path) {
    if (isMap(node)) node = (pairOf(node, segment)?.value as Node | null | undefined) ?? null;
    else if (isSeq(node) && typeof segment === 'number') node = (node.items[segment] as Node | null | undefined) ?? null;
    else return undefined;
    if (node === null) return undefined;
  }
  return node ?? undefined;
}

/** The source line of a position, for the caret excerpt. */
export function sourceLine(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

/** The lines of a text, found once: `sourceLine` for every diagnostic of a file without splitting it each time. */
export function sourceLines(text: string): (line: number) => string {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (line) => {
    const start = starts[line - 1];
    if (start === undefined) return '';
    const end = starts[line];
    return text.slice(start, end === undefined ? text.length : end - 1);
  };
}
