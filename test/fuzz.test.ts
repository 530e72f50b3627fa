// "Never crashes": whatever a clerk's editor leaves in the file, clu validate answers with diagnostics
// that point inside the file, never with an exception.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateAnyFile } from '../src/validate/validate.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const base = readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', path.join(fixtures, 'invalid', '_composition.yaml'));
const lines = base.split('\n');

/** One edit a person could make by mistake: delete, duplicate or re-indent a line, type a character. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(lines.length - 1), by: fc.constantFrom('', ' ', '   ', '\t') }),
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(lines.length - 1),
    column: fc.nat(40),
    text: fc.constantFrom(': ', '"', "'", '- ', '@', '*', '&', '[', '{', '#', '!', '|', '\\', 'é', '\u00A0', '\0', 'x'),
  }),
);

function apply(edits: unknown[]): string {
  const out = [...lines];
  for (const e of edits as { kind: string; line: number; by?: string; column?: number; text?: string }[]) {
    const at = Math.min(e.line, out.length - 1);
    if (e.kind === 'delete') out.splice(at, 1);
    else if (e.kind === 'duplicate') out.splice(at, 0, out[at] ?? '');
    else if (e.kind === 'indent') out[at] = `${e.by}${(out[at] ?? '').trimStart()}`;
    else {
      const line = out[at] ?? '';
      const column = Math.min(e.column ?? 0, line.length);
      out[at] = line.slice(0, column) + (e.text ?? '') + line.slice(column);
    }
  }
  return out.join('\n');
}

describe('clu validate never crashes', () => {
  it('on random edits of a valid meeting', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-fuzz-'));
    const file = path.join(dir, 'meeting.yaml');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(edits);
        writeFileSync(file, text);
        const reporter = new Reporter('fr');
        validateAnyFile(file, reporter);
        const lineCount = text.split('\n').length;
        for (const d of reporter.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          if (d.file === file) {
            expect(d.start.line).toBeGreaterThanOrEqual(1);
            expect(d.start.line).toBeLessThanOrEqual(lineCount);
            expect(d.start.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
