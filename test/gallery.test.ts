// The gallery as the acceptance suite for the format's breadth: each transcription of a published
// document (examples/gallery/NN-….yaml) is rendered to PDF, its text extracted, and compared word by
// word, in order, with the published excerpt (../shared/gallery/excerpts/NN-….txt) by the shared tool.
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

describe.runIf(existsSync(tool))('the gallery of published minutes', () => {
  it('has a transcription for every excerpt', () => {
    const numbers = readdirSync(excerpts).map((f) => f.slice(0, 2)).sort();
    expect(transcriptions.map((f) => f.slice(0, 2))).toEqual(numbers);
  });

  it.each(transcriptions)('%s starts from a built-in house style', (file) => {
    const data = parse(readFileSync(path.join(gallery, file), 'utf8')) as { style?: { base?: string } };
    expect(HOUSE_STYLES).toContain(data.style?.base);
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
