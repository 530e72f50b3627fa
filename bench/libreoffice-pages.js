// Checks that the DOCX keeps its look where Inter is not installed: LibreOffice (soffice --headless
// --convert-to pdf) must lay out every example's DOCX (the minutes, with both built-in templates; with
// --sheets, the sign-in sheets too) on as many pages as clu's own PDF.
// Usage: npm run build && node bench/libreoffice-pages.js [--sheets]
// Needs LibreOffice (e.g. `apt-get install libreoffice-writer-nogui`); it is not a dependency of clu.
// Exit 0 when every page count matches, 1 otherwise, 2 when LibreOffice is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const clu = path.join(root, 'bin', 'clu');

/** Every example meeting (the YAML files of examples/ that are not shared files), with both built-in templates. */
function exampleMeetings(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return exampleMeetings(file);
      return /\.ya?ml$/.test(entry.name) && !/\.(composition|organisation)\.ya?ml$/.test(entry.name) ? [path.relative(root, file)] : [];
    });
}
const sheets = process.argv.includes('--sheets');
const examples = exampleMeetings(path.join(root, 'examples')).flatMap((file) => [[file], [file, 'proces-verbal'], ...(sheets ? [[file, 'sheet']] : [])]);

if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('soffice (LibreOffice) not found: install it, e.g. apt-get install libreoffice-writer-nogui');
  process.exit(2);
}
// With Inter installed the check proves nothing: LibreOffice would use it instead of the embedded copy.
const installed = spawnSync('fc-list', [':family=Inter'], { encoding: 'utf8' }).stdout ?? '';
if (installed.trim() !== '') console.warn('warning: Inter is installed on this machine, so the embedded fonts are not what is being tested');

async function pageCount(file) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = pdf.numPages;
  await pdf.destroy();
  return pages;
}

const work = mkdtempSync(path.join(tmpdir(), 'clu-libreoffice-'));
let failed = 0;
try {
  for (const [index, [example, template]] of examples.entries()) {
    const out = path.join(work, String(index));
    const sheet = template === 'sheet';
    const command = sheet ? ['roster', '--sheet'] : ['render', ...(template ? ['--template', template] : [])];
    execFileSync(clu, [...command, '-o', out, path.join(root, example)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const stem = path.basename(example, '.yaml') + (sheet ? '.emargement' : '');
    const office = path.join(out, 'libreoffice');
    // A profile of its own, so that a running LibreOffice or another check does not get in the way.
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', office, path.join(out, `${stem}.docx`)], { stdio: 'ignore' });
    if (!readdirSync(office).includes(`${stem}.pdf`)) throw new Error(`LibreOffice did not convert ${example}`);
    const own = await pageCount(path.join(out, `${stem}.pdf`));
    const theirs = await pageCount(path.join(office, `${stem}.pdf`));
    const ok = own === theirs;
    if (!ok) failed += 1;
    const what = template === 'sheet' ? ' (sign-in sheet)' : template ? ` (--template ${template})` : '';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${example}${what}: clu PDF ${own} pages, LibreOffice ${theirs}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
