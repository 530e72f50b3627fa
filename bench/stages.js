// Benchmark: each stage of `clu render` on the reference meeting, measured side by side in one run: its
// first call in the process (cold: the stage's functions compiled and run for the first time, as in a
// `clu` command) and the median of the rounds after it (warm, as in a batch).
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
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run bench:stages [-- ROUNDS]   (ROUNDS: a whole number of rounds, 10 by default)');
  process.exit(2);
}

const template = loadTemplate(builtinTemplateDir('compte-rendu'));
const style = applyStyle(template.style);
const validate = () => validateMeeting(file, new Reporter('en'));

/** Milliseconds that one call takes, and what it returns. */
async function timed(run) {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

// The stages that later ones read from are first called here, in pipeline order: those are their cold calls.
const firstValidate = await timed(validate);
const resolved = firstValidate.value;
const firstCompose = await timed(() => composeDocument(resolved, template, {}));
const tree = firstCompose.value;
const firstCalls = new Map([
  ['validate (load + schema + cross-checks)', firstValidate.ms],
  ['compose (template + markup + typography)', firstCompose.ms],
]);

const stages = {
  'validate (load + schema + cross-checks)': () => validate(),
  'compose (template + markup + typography)': () => composeDocument(resolved, template, {}),
  'write DOCX': () => writeDocx(tree, style, {}),
  'write PDF': () => writePdf(tree, style, {}),
  'write Markdown': () => writeMarkdown(tree),
};

const results = [];
for (const [name, run] of Object.entries(stages)) {
  const cold = firstCalls.get(name) ?? (await timed(run)).ms;
  const times = [];
  for (let i = 0; i < rounds; i++) times.push((await timed(run)).ms);
  times.sort((a, b) => a - b);
  results.push({ name, cold, median: times[Math.floor(times.length / 2)], min: times[0] });
}
const base = results[0].median;
console.log(`clu render stages on ${path.relative(process.cwd(), file)} — ${rounds} rounds, Node ${process.version}`);
console.log('stage'.padEnd(44), 'first ms'.padStart(9), 'median ms'.padStart(10), 'min ms'.padStart(9), '× validate'.padStart(11));
for (const r of results) {
  console.log(r.name.padEnd(44), r.cold.toFixed(1).padStart(9), r.median.toFixed(1).padStart(10), r.min.toFixed(1).padStart(9), (r.median / base).toFixed(2).padStart(11));
}
