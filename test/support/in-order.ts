// Assertions on extracted document text.
import { expect } from 'vitest';

/** Asserts that each string occurs in `text`, in this order. */
export function expectInOrder(text: string, expected: string[]): void {
  let from = 0;
  for (const part of expected) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
