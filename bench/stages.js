// Benchmark: each stage of `clu render` on the reference meeting, measured side by side in one run.
// Usage: npm run bench:stages [-- ROUNDS]   (needs a build: npm run build)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reporter } from '../dist/validate/diagnostic.js';
import { validateMeeting } from '../dist/validate/validate.js';
import { composeDocument } from '../dist/compose/compose.js';
import { builtinTemplateDir, loadTemplate } from '../dist/compose/template.js';
import { applyStyle } from '../dist/compose/style-file.js';
import { writeDocx } from '../dist/writers/docx.js';
import { writePdf } from '../dist/writers/pdf/index.js';
import { writeMarkdown } from '../dist/writers/markdown.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'examples', 'clu-vienne-2021-05-06.yaml');
const rounds = Number(process.argv[2] ?? 10);

const template = loadTemplate(builtinTemplateDir('compte-rendu'));
const style = applyStyle(template.style);
const validate = () => validateMeeting(file, new Reporter('en'));
const resolved = validate();
const tree = composeDocument(resolved, template, {});

const stages = {
  'validate (load + schema + cross-checks)': () => validate(),
  'compose (template + markup + typography)': () => composeDocument(resolved, template, {}),
  'write DOCX': () => writeDocx(tree, style, {}),
  'write PDF': () => writePdf(tree, style, {}),
  'write Markdown': () => writeMarkdown(tree),
};

const results = [];
for (const [name, run] of Object.entries(stages)) {
  await run(); // warm-up
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  results.push({ name, median: times[Math.floor(times.length / 2)], min: times[0] });
}
const base = results[0].median;
console.log(`clu render stages on ${path.relative(process.cwd(), file)} — ${rounds} rounds, Node ${process.version}`);
console.log('stage'.padEnd(44), 'median ms'.padStart(10), 'min ms'.padStart(9), '× validate'.padStart(11));
for (const r of results) {
  console.log(r.name.padEnd(44), r.median.toFixed(1).padStart(10), r.min.toFixed(1).padStart(9), (r.median / base).toFixed(2).padStart(11));
}
