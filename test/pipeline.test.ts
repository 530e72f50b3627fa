// The pipeline as a library: document kinds, the writers' registry and the resource bag, without the CLI.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateCache } from '../src/compose/template-cache.js';
import { defaultStylesheet } from '../src/document/stylesheet.js';
import type { DocumentTree } from '../src/document/tree.js';
import { minutes } from '../src/documents/minutes/index.js';
import { signInSheet } from '../src/documents/sign-in-sheet/index.js';
import { ResourceBag } from '../src/load/resource-bag.js';
import { render } from '../src/pipeline/render.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { FORMAT_IDS, WRITERS, writerFor } from '../src/writers/registry.js';
import { openDocx } from './support/docx.js';
import { pngBytes } from './support/kitchen-sink.js';

const reference = path.resolve('examples', 'clu-vienne-2021-05-06.yaml');
const env = { SOURCE_DATE_EPOCH: '1700000000' };

describe('render(): the pipeline without the command line', () => {
  it('writes each kind of document of a meeting in each format asked, named by its kind', async () => {
    const reporter = new Reporter('fr');
    const meeting = validateMeeting(reference, reporter);
    expect(reporter.errorCount).toBe(0);
    const out = mkdtempSync(path.join(tmpdir(), 'clu-pipeline-'));
    try {
      const written = await render([{ type: 'meeting', file: reference, meeting: meeting! }], {
        kinds: [minutes, signInSheet({ stylesheet: defaultStylesheet(), blankLines: 2 })],
        formats: ['docx', 'md'],
        out,
        context: { templates: new TemplateCache(false), env, cwd: process.cwd() },
      });
      expect(written.map((file) => path.basename(file))).toEqual([
        'clu-vienne-2021-05-06.docx',
        'clu-vienne-2021-05-06.md',
        'clu-vienne-2021-05-06.emargement.docx',
        'clu-vienne-2021-05-06.emargement.md',
      ]);
      const markdown = readFileSync(path.join(out, 'clu-vienne-2021-05-06.md'), 'utf8');
      expect(markdown).toContain('Comité Local des Usagers');
      const sheet = openDocx(readFileSync(path.join(out, 'clu-vienne-2021-05-06.emargement.docx')));
      expect(sheet.parts['word/document.xml']).toContain('Feuille d’émargement');
      expect(sheet.parts['word/document.xml']).toContain('Signature');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('writes nothing when one document cannot be made (a picture missing)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-pipeline-'));
    try {
      const tree: DocumentTree = { meta: { title: 't', lang: 'fr-FR', date: new Date(0) }, blocks: [{ type: 'image', path: 'absent.png', width: 40, alt: 'logo' }] };
      const kind = {
        id: 'test',
        plan: async () => [{ from: 'x.yaml', name: 'x', stylesheet: defaultStylesheet(), folder: dir, baseDir: dir, inputs: [], compose: () => tree }],
      };
      const source = { type: 'composition' as const, file: path.join(dir, 'x.yaml'), composition: {} as never, details: { date: '2026-01-01' } };
      await expect(render([source], { kinds: [kind], formats: ['md'], context: { templates: new TemplateCache(false), env, cwd: dir } })).rejects.toThrow(
        /absent\.png: the image cannot be used: no such file/,
      );
      expect(existsSync(path.join(dir, 'x.md'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the resource bag', () => {
  it('holds the pictures read before writing: a writer never reads the disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-bag-'));
    try {
      const png = pngBytes(3, 2);
      writeFileSync(path.join(dir, 'logo.png'), png);
      const tree: DocumentTree = { meta: { title: 't', lang: 'fr-FR', date: new Date(0) }, blocks: [{ type: 'image', path: 'logo.png', width: 40, alt: 'logo' }] };
      const resources = new ResourceBag().gather(tree.blocks, dir);
      rmSync(path.join(dir, 'logo.png'));
      const docx = openDocx(await writerFor('docx').write(tree, defaultStylesheet(), { resources }));
      expect(Object.keys(docx.parts)).toContain('word/media/image1.png');
      expect(resources.image({ path: 'logo.png' }).bytes.equals(png)).toBe(true);
      expect(resources.image({ path: 'logo.png' }).info).toMatchObject({ type: 'png', width: 3, height: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the writers registry', () => {
  it('lists every format once, with its extension, and --format is checked against it', () => {
    expect(FORMAT_IDS).toEqual(['docx', 'pdf', 'md']);
    expect(WRITERS.map((writer) => writer.extension)).toEqual(['docx', 'pdf', 'md']);
    expect(WRITERS.filter((writer) => writer.drawsFonts).map((writer) => writer.id)).toEqual(['pdf']);
  });
});
