// The reference compte rendu reproduced: the text of the PDF and of the DOCX rendered from
// examples/clu-vienne-2021-05-06.yaml compared with the reference document's text, as sequences of words.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';
import { containsRun, referenceText, similarity, words } from './support/words.js';

const root = path.join(import.meta.dirname, '..');
// A copy of ../shared/reference/000_0f4267dd44522ad6.txt (the public minutes), so the suite runs from any clone.
const referenceFile = path.join(root, 'test', 'fixtures', 'reference', 'clu-vienne-2021-05-06.txt');
const example = path.join(root, 'examples', 'clu-vienne-2021-05-06.yaml');
const composition = readFileSync(path.join(root, 'examples', 'clu-vienne.composition.yaml'), 'utf8');

let reference: string;
let pdfText: string;
let docxText: string;

beforeAll(async () => {
  reference = referenceText(readFileSync(referenceFile, 'utf8'));
  const out = mkdtempSync(path.join(tmpdir(), 'clu-fidelity-'));
  const result = await runCli(['render', '--format', 'docx,pdf', '-o', out, example]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const pdf = await readPdf(readFileSync(path.join(out, 'clu-vienne-2021-05-06.pdf')));
  // The footer ("3 / 13") is page furniture, not text of the document.
  // The footer ("Page 3 / 13") and the running header (the title, from page 2 on) are page furniture.
  const spaces = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
  const title = spaces(String(pdf.info.Title));
  pdfText = pdf.pages
    .map((page, i) => {
      const text = spaces(page.text).replace(/\s*(Page )?\d+ \/ \d+\s*$/, '').trimEnd();
      return i > 0 && text.endsWith(title) ? text.slice(0, -title.length) : text;
    })
    .join('\n');
  docxText = openDocx(readFileSync(path.join(out, 'clu-vienne-2021-05-06.docx'))).paragraphs.map((p) => p.text).join('\n');
}, 120_000);

/** Paragraphs of the reference (one a line in the text file), each compared as a run of words. */
function referenceParagraphs(): string[][] {
  return reference
    .split('\n')
    .map((block) => words(block))
    .filter((w) => w.length >= 3);
}

for (const [format, text] of [
  ['PDF', () => pdfText],
  ['DOCX', () => docxText],
] as const) {
  describe(`${format} rendered from the reference example`, () => {
    it('matches the reference text at 98 % or more (words compared in order)', () => {
      const ratio = similarity(words(reference), words(text()));
      console.log(`${format} fidelity to the reference: ${(ratio * 100).toFixed(2)} %`);
      expect(ratio).toBeGreaterThanOrEqual(0.98);
    });

    it('contains every paragraph of the reference, but for the typing slips fixed on purpose', () => {
      const output = words(text());
      const missing = referenceParagraphs().filter((paragraph) => !containsRun(output, paragraph));
      // "Mme MILCENT Alice": the source reverses first name and surname once; clu writes "Mme Alice MILCENT".
      expect(missing.map((m) => m.join(' '))).toEqual([
        'm bruno pajot responsable de la communauté emmaüs naintré châtelleraut représenté par mme milcent alice',
      ]);
    });

    it('names every person of the composition', () => {
      const members = (parse(composition) as { membres: Record<string, { nom: string }> }).membres;
      const surnames = Object.values(members).map((m) => m.nom);
      expect(surnames.length).toBe(47);
      const output = text();
      expect(surnames.filter((s) => !output.includes(s.toLocaleUpperCase('fr-FR')))).toEqual([]);
    });

    it('keeps every number of the reference', () => {
      const numbers = (t: string) => new Set(words(t).filter((w) => /^\d+$/.test(w)));
      const produced = numbers(text());
      expect([...numbers(reference)].filter((n) => !produced.has(n))).toEqual([]);
    });
  });
}
