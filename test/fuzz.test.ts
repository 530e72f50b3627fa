// "Never crashes": whatever a clerk's editor leaves in the file, clu validate answers with diagnostics
// that point inside the file, never with an exception; and every mutant that validates renders to DOCX,
// PDF and Markdown, or stops with a clean "could not run" message (UsageError), never an exception.
// The suite renders a few hundred mutants; `npm run fuzz` renders 10,000 (CLU_FUZZ_RUNS).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateAnyFile, validateMeeting } from '../src/validate/validate.js';
import { composeDocument } from '../src/compose/compose.js';
import { builtinTemplateDir, loadTemplate } from '../src/compose/template.js';
import { applyStyle } from '../src/compose/style-file.js';
import { writeDocx } from '../src/writers/docx.js';
import { writePdf } from '../src/writers/pdf/index.js';
import { writeMarkdown } from '../src/writers/markdown.js';
import { UsageError } from '../src/cli/errors.js';

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

/** Edits that keep the YAML valid more often: text typed inside a quoted paragraph or a name. */
const textEdit = fc.record({
  kind: fc.constant('insert' as const),
  line: fc.constantFrom(...lines.flatMap((l, i) => (/"[^"]*"|prenom: |titre: /.test(l) ? [i] : []))),
  column: fc.integer({ min: 0, max: 60 }),
  text: fc.oneof(
    fc.constantFrom('**gras**', '*it*', '^e^', '@alice', '@bruno ', '<b>', '&amp;', '{{x}}', '1er', 'n°', 'M.', ' : ', '« »', '—', '\t', '\u202F', '\u200B'),
    fc.constantFrom('مرحبا', 'שלום', 'Ωμέγα', 'Жанна', 'Nguyễn', '中文', '🙂', '\u0301', '\uFFFD', 'x'.repeat(3000)),
    fc.string({ unit: 'grapheme', maxLength: 12 }).filter((t) => !/["\\\n]/.test(t)),
  ),
});

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
    // Mutants the validator found a problem in, located in the file: a validator that reported nothing
    // would pass every check below.
    let located = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(edits);
        writeFileSync(file, text);
        const reporter = new Reporter('fr');
        validateAnyFile(file, reporter, { root: '/' });
        const lineCount = text.split('\n').length;
        if (reporter.diagnostics.some((d) => d.file === file)) located++;
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
    expect(located).toBeGreaterThan(300 / 2);
  });
});

/** Share of the validating mutants that must be written (the rest may stop on a limit, with a UsageError). */
const MIN_WRITTEN = 0.95;

describe('clu render never crashes', () => {
  const runs = Number(process.env.CLU_FUZZ_RUNS ?? 200);
  it(`on ${runs} mutants of a valid meeting that validate`, { timeout: Math.max(120_000, runs * 1_000) }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-fuzz-render-'));
    const file = path.join(dir, 'meeting.yaml');
    const template = loadTemplate(builtinTemplateDir('compte-rendu'));
    const style = applyStyle(template.style);
    // Mutants that validated, and of those the ones written in all three formats; a run where every
    // render threw a UsageError (or nothing validated) must not pass.
    let validated = 0;
    let written = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(textEdit, textEdit, edit), { minLength: 1, maxLength: 3 }), async (edits) => {
        writeFileSync(file, apply(edits));
        const reporter = new Reporter('fr');
        const meeting = validateMeeting(file, reporter, { root: '/' });
        fc.pre(meeting !== undefined && reporter.errorCount === 0);
        validated++;
        try {
          const tree = composeDocument(meeting!, template, {});
          const [docx, pdf, md] = await Promise.all([writeDocx(tree, style, { baseDir: dir }), writePdf(tree, style, { baseDir: dir }), writeMarkdown(tree)]);
          expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(md.length).toBeGreaterThan(0);
          written++;
        } catch (error) {
          // A clean "could not run" message is allowed (a limit reached); anything else is a bug.
          if (!(error instanceof UsageError)) throw error;
          expect(error.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: runs, seed: 20261130, maxSkipsPerRun: 1000 },
    );
    expect(validated).toBe(runs);
    expect(written).toBeGreaterThanOrEqual(Math.ceil(runs * MIN_WRITTEN));
  });
});
