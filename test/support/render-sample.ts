// Renders the PDF test documents for a look by eye (not part of the suite). There is no TypeScript runner
// among the dependencies, so compile it first:
//   npx tsc --outDir node_modules/.cache/clu-pdf-sample --rootDir . --module nodenext --target es2022 \
//     --strict --skipLibCheck --esModuleInterop --types node test/support/render-sample.ts
//   node node_modules/.cache/clu-pdf-sample/test/support/render-sample.js [outDir]
// It writes sample.pdf, sample-pdfa.pdf, long.pdf and table.pdf to outDir (default /tmp/pdf-sample); then
// `pdftoppm -png -r 60`, `pdffonts`, `pdftotext` and `pdfinfo -struct-text` (poppler-utils) show the result.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultStylesheet } from '../../src/document/stylesheet.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { fixtureDir } from './kitchen-sink.js';
import { longTree, pdfKitchenSink, signInSheet } from './pdf-fixtures.js';

export async function renderSample(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const baseDir = fixtureDir();
  const style = defaultStylesheet();
  const files: [string, Buffer][] = [
    ['sample.pdf', await writePdf(pdfKitchenSink(), style, { baseDir })],
    ['sample-pdfa.pdf', await writePdf(pdfKitchenSink(), style, { baseDir, pdfa: true })],
    ['long.pdf', await writePdf(longTree(300), style, {})],
    ['table.pdf', await writePdf(signInSheet(60), style, {})],
  ];
  return files.map(([name, data]) => {
    const file = path.join(outDir, name);
    writeFileSync(file, data);
    return file;
  });
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const file of await renderSample(process.argv[2] ?? '/tmp/pdf-sample')) console.log(file);
}
