// Every example validates without a diagnostic and renders to DOCX and PDF: they are the documentation
// users copy from, and the gallery transcriptions are the acceptance suite for the format's breadth.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateAnyFile } from '../src/validate/validate.js';
import { runCli } from './support/cli.js';

const examples = path.join(import.meta.dirname, '..', 'examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const meetings = files.filter((f) => !/\.(composition|organisation)\.yaml$/.test(f));
const out = mkdtempSync(path.join(tmpdir(), 'clu-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples', () => {
  it.each(files)('%s validates without a diagnostic', (file) => {
    const reporter = new Reporter('en');
    validateAnyFile(path.join(examples, file), reporter);
    expect(reporter.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code} ${d.message}`)).toEqual([]);
  });

  it.each(meetings)('%s renders to DOCX and PDF', async (file) => {
    const r = await runCli(['render', '--format', 'docx,pdf', '-o', path.join(out, path.dirname(file)), path.join(examples, file)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
