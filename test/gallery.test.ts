// The gallery as the acceptance suite for the format's breadth: each transcription of a published
// document (examples/gallery/NN-….yaml) is rendered to PDF, its text extracted, and compared word by
// word, in order, with the published excerpt (../shared/gallery/excerpts/NN-….txt) by the shared tool.
// Without ../shared (a clone on its own) the suite is skipped and says why; under CI it fails instead,
// since CI clones next to ../shared and a missing tool there would otherwise pass silently.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HOUSE_STYLES } from '../src/model/house-style-names.js';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';

const root = path.join(import.meta.dirname, '..');
const gallery = path.join(root, 'examples', 'gallery');
const shared = path.join(root, '..', 'shared');
const excerpts = path.join(shared, 'gallery', 'excerpts');
const tool = path.join(shared, 'tools', 'excerpt-fidelity.mjs');
const out = mkdtempSync(path.join(tmpdir(), 'clu-gallery-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Recall and precision the issue "House styles" asks of every excerpt. */
const MIN_RECALL = 0.97;
const MIN_PRECISION = 0.95;

const transcriptions = readdirSync(gallery).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort();
const available = existsSync(tool) && existsSync(excerpts);
const ci = isCi(process.env['CI']);

// Needs nothing from ../shared: runs in every clone.
describe('the gallery transcriptions', () => {
  it('are at least the 16 of the gallery', () => {
    expect(transcriptions.length).toBeGreaterThanOrEqual(16);
  });

  it.each(transcriptions)('%s starts from a built-in house style', (file) => {
    const data = parse(readFileSync(path.join(gallery, file), 'utf8')) as { style?: { base?: string } };
    expect(HOUSE_STYLES).toContain(data.style?.base);
  });
});

if (!available && ci) {
  describe('the gallery under CI', () => {
    it('finds ../shared (the excerpts and the fidelity tool)', () => {
      expect.fail(`CI is set but ${tool} or ${excerpts} is missing: CI must run next to ../shared`);
    });
  });
} else if (!available) {
  // Locally, without ../shared: one skipped test whose name says what is missing.
  describe('the gallery of published minutes', () => {
    it.skip(`is skipped: ${path.relative(root, tool)} not found (clone next to ../shared to run it; under CI it fails)`, () => {});
  });
}

describe.runIf(available)('the gallery of published minutes', () => {
  it('has a transcription for every excerpt', () => {
    const numbers = readdirSync(excerpts).map((f) => f.slice(0, 2)).sort();
    expect(numbers.length).toBeGreaterThanOrEqual(16);
    expect(transcriptions.map((f) => f.slice(0, 2))).toEqual(numbers);
  });

  it.each(transcriptions)('%s reproduces its excerpt', async (file) => {
    const excerpt = readdirSync(excerpts).find((f) => f.startsWith(file.slice(0, 3)))!;
    const r = await runCli(['render', '--format', 'pdf', '-o', out, path.join(gallery, file)]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(out, file.replace(/\.yaml$/, '.pdf'))));
    const textFile = path.join(out, file.replace(/\.yaml$/, '.txt'));
    writeFileSync(textFile, pdf.text); // the shared tool reads files
    const run = spawnSync(process.execPath, [tool, path.join(excerpts, excerpt), textFile, '--show'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [recall, precision] = run.stdout.trim().split('\n').at(-1)!.split(' ').map(Number);
    expect(recall, `${file}: ${run.stdout}`).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(precision, `${file}: ${run.stdout}`).toBeGreaterThanOrEqual(MIN_PRECISION);
  });
});

/** CI set to anything but an empty string, 0 or false, as CI services set it. */
function isCi(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
}
