// Fonts are parsed once per process and shared, with their shaping and width caches, by every PDF
// written in it: a batch writes each document as it would alone, and shapes each word once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFonts, defaultStylesheet } from '../src/document/stylesheet.js';
import { loadFonts } from '../src/writers/pdf/fonts.js';
import { cmapCoverage, sharedGlyphs } from '../src/document/font-cmap.js';
import { FALLBACK_FONTS } from '../src/document/fallback-fonts.js';
import { create } from 'fontkit';
import { writePdf } from '../src/writers/pdf/index.js';
import { longTree, pdfKitchenSink } from './support/pdf-fixtures.js';
import { fixtureDir } from './support/kitchen-sink.js';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'clu');
const examples = path.join(root, 'examples');

describe('fonts shared by the documents of a process', () => {
  it('know which glyphs draw two characters, as fontkit reads the character map', () => {
    for (const file of [defaultFonts().regular, defaultFonts().bold]) {
      const bytes = readFileSync(file);
      const font = create(bytes);
      if (!('characterSet' in font)) throw new Error('not a single font');
      const expected = new Map<number, number[]>();
      for (const codePoint of font.characterSet) {
        const id = font.glyphForCodePoint(codePoint).id;
        expected.set(id, [...(expected.get(id) ?? []), codePoint]);
      }
      for (const [id, list] of expected) if (list.length < 2) expected.delete(id);
      const found = sharedGlyphs(bytes);
      expect(found).toEqual(expected);
      // The right single quote and the modifier apostrophe share one glyph in Inter.
      expect([...found.values()]).toContainEqual([0x2bc, 0x2019]);
    }
  });

  it('cover the characters fontkit says they have a glyph for (validation reads the map without fontkit)', () => {
    for (const file of [defaultFonts().regular, defaultFonts().boldItalic, ...FALLBACK_FONTS.map((f) => f.files.regular)]) {
      const bytes = readFileSync(file);
      const font = create(bytes);
      if (!('characterSet' in font)) throw new Error('not a single font');
      const coverage = cmapCoverage(bytes);
      for (let codePoint = 0; codePoint < 0x10000; codePoint++) {
        if (coverage.hasGlyphForCodePoint(codePoint) !== font.hasGlyphForCodePoint(codePoint)) expect.fail(`${file}: U+${codePoint.toString(16)}`);
      }
      for (const codePoint of font.characterSet) expect(coverage.hasGlyphForCodePoint(codePoint), `${file}: U+${codePoint.toString(16)}`).toBe(font.hasGlyphForCodePoint(codePoint));
    }
  });

  it('are parsed once, and again when the file changes', async () => {
    const first = await loadFonts(defaultFonts());
    const again = await loadFonts(defaultFonts());
    expect(again.regular).toBe(first.regular);
    expect(again.bold.runs).toBe(first.bold.runs);

    const dir = mkdtempSync(path.join(tmpdir(), 'clu-fonts-'));
    const copy = path.join(dir, 'regular.ttf');
    copyFileSync(defaultFonts().regular, copy);
    const files = { ...defaultFonts(), regular: copy };
    const before = (await loadFonts(files)).regular;
    expect((await loadFonts(files)).regular).toBe(before);
    utimesSync(copy, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect((await loadFonts(files)).regular).not.toBe(before);
  });

  it('shape each word once: never the same text twice, and nothing again for a second document', async () => {
    const fonts = await loadFonts(defaultFonts());
    const shaped: string[] = [];
    const restore = Object.values(fonts).map((shared) => {
      const layout = shared.font.layout.bind(shared.font);
      shared.font.layout = ((text: string, ...rest: never[]) => {
        shaped.push(`${shared.font.postscriptName}\u0000${text}`);
        return layout(text, ...rest);
      }) as typeof shared.font.layout;
      return () => {
        delete (shared.font as { layout?: unknown }).layout;
      };
    });
    try {
      // A document no other test writes, so that its words are new to the process.
      const tree = longTree(40);
      tree.blocks.push({ type: 'paragraph', style: 'body', children: [{ type: 'text', value: 'Zythum xérophile quetzalcoatl, wapiti kumquat.' }] });
      await writePdf(tree, defaultStylesheet());
      expect(shaped.some((key) => key.endsWith('quetzalcoatl, '))).toBe(true);
      expect(new Set(shaped).size).toBe(shaped.length);
      shaped.length = 0;
      await writePdf(tree, defaultStylesheet());
      expect(shaped).toEqual([]);
      await writePdf(pdfKitchenSink(), defaultStylesheet(), { baseDir: fixtureDir() });
      shaped.length = 0;
      await writePdf(pdfKitchenSink(), defaultStylesheet(), { baseDir: fixtureDir() });
      expect(shaped).toEqual([]);
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('leave each document of a batch as it would be alone (same bytes as from a fresh process)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'clu-batch-'));
    const alone = path.join(out, 'alone');
    const batch = path.join(out, 'batch');
    const last = path.join(examples, 'conseil-municipal', 'conseil-2024-03-28.yaml');
    const run = (args: string[]) => spawnSync(process.execPath, [bin, 'render', '--format', 'pdf', ...args], { encoding: 'utf8' });
    expect(run(['-o', alone, last]).status).toBe(0);
    // Documents written first fill the shared caches (and meet the shared glyphs first).
    expect(run(['-o', batch, path.join(examples, 'clu-vienne-2021-05-06.yaml'), path.join(examples, 'association', 'ag-2025-04-12.yaml'), last]).status).toBe(0);
    const name = 'conseil-2024-03-28.pdf';
    expect(readFileSync(path.join(batch, name)).equals(readFileSync(path.join(alone, name)))).toBe(true);
  });
});
