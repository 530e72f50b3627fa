// Run by bench/run.js, once per round in a fresh process: the CPU time that the libraries clu cannot do
// without take on the reference, the first time in a process, as a `clu` command runs them: yaml (parsing
// the three files, with positions) and zod (checking them), which every command runs, and fflate
// (deflating the XML parts of the reference's DOCX), which `render` runs. Their loading is not counted,
// nor anything of clu's own: these are floors under `clu validate` and `clu render --format docx`, which
// the benchmark adds to `node -e 0` and sets beside their budgets.
// Usage: node bench/library-floor.mjs REF.docx   Prints one line of JSON: {"yamlMs", "zodMs", "fflateMs"}.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { tuneV8 } from '../dist/cli/v8-tuning.js';

tuneV8(); // V8 as bin/clu sets it
// Every function compiled as it loads, as clu's code cache has them compiled: compiling is loading, not counted.
setFlagsFromString('--no-lazy');
const { LineCounter, parseAllDocuments } = await import('yaml');
const { deflateSync, unzipSync } = await import('fflate');
const { Composition, Meeting, Organisation } = await import('../dist/model/schema.js');
const { parseOptions } = await import('../dist/validate/schema-messages.js');

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const files = [
  ['clu-vienne-2021-05-06.yaml', Meeting],
  ['clu-vienne.composition.yaml', Composition],
  ['prefecture-vienne.organisation.yaml', Organisation],
].map(([name, schema]) => ({ text: readFileSync(path.join(examples, name), 'utf8'), schema }));

// The XML parts, deflated at the level src/writers/zip.ts uses (the fonts are deflated at build time).
const xmlParts = Object.entries(unzipSync(readFileSync(process.argv[2])))
  .filter(([name]) => /\.(xml|rels)$/.test(name))
  .map(([, bytes]) => bytes);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// The same calls and options as src/load/read-yaml.ts and src/load/load-meeting.ts.
let start = cpuMs();
const data = files.map(({ text }) => parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true })[0].toJS({ maxAliasCount: 100 }));
const yamlMs = cpuMs() - start;

start = cpuMs();
files.forEach(({ schema }, i) => {
  if (!schema.safeParse(data[i], parseOptions('fr')).success) throw new Error(`example ${i} is not valid`);
});
const zodMs = cpuMs() - start;

start = cpuMs();
for (const bytes of xmlParts) deflateSync(bytes, { level: 6 });
const fflateMs = cpuMs() - start;

process.stdout.write(`${JSON.stringify({ yamlMs, zodMs, fflateMs })}\n`);
