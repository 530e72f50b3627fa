// PDF bookmarks: the outline lists the title and every heading, nested by level, each pointing at the
// page and height where the heading is drawn, and the PDF opens with the outline shown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';

const root = path.join(import.meta.dirname, '..');
const reference = path.join(root, 'examples', 'clu-vienne-2021-05-06.yaml');

interface OutlineNode {
  title: string;
  dest: unknown;
  items: OutlineNode[];
}

/** The outline as lines "depth title", depth first. */
function flatten(items: OutlineNode[], depth = 0): { depth: number; node: OutlineNode }[] {
  return items.flatMap((node) => [{ depth, node }, ...flatten(node.items, depth + 1)]);
}

describe('PDF bookmarks', () => {
  it('list the title and the headings of the reference, nested as the Markdown headings are, in outline view', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-outline-'));
    try {
      const r = await runCli(['render', '--format', 'pdf,md', '-o', dir, reference]);
      expect(r.code).toBe(0);
      // Expected: the Markdown headings; "#" (the title) and "##" are the top level, "###" under "##"…
      const expected = readFileSync(path.join(dir, 'clu-vienne-2021-05-06.md'), 'utf8')
        .split('\n')
        .filter((line) => /^#{1,5} /.test(line))
        .map((line) => {
          const hashes = /^(#+) /.exec(line)![1]!.length;
          return `${Math.max(0, hashes - 2)} ${line.slice(hashes + 1).trim()}`;
        });
      expect(expected.length).toBeGreaterThan(15);

      const bytes = readFileSync(path.join(dir, 'clu-vienne-2021-05-06.pdf'));
      const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
      try {
        expect(await pdf.getPageMode()).toBe('UseOutlines');
        const outline = flatten(((await pdf.getOutline()) ?? []) as OutlineNode[]);
        expect(outline.map(({ depth, node }) => `${depth} ${node.title}`)).toEqual(expected);

        // Each entry points at the page of its heading, at the heading's height.
        const content = await readPdf(bytes);
        for (const { node } of outline) {
          const dest = node.dest as [{ num: number; gen: number }, { name: string }, unknown, number, unknown];
          expect(dest[1].name).toBe('XYZ');
          expect(dest[2]).toBeNull();
          const pageIndex = await pdf.getPageIndex(dest[0]);
          const page = content.pages[pageIndex]!;
          const topFromTop = page.height - dest[3];
          const first = node.title.split(/\s/)[0]!;
          const line = page.items.find((item) => item.str.startsWith(first) && item.y >= topFromTop && item.y <= topFromTop + 30);
          expect(line, `${node.title}: page ${pageIndex + 1}, top ${topFromTop}`).toBeDefined();
        }
      } finally {
        await pdf.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
