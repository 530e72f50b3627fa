// Run by bench/run.js, once per round in a fresh process: the CPU time that the libraries clu cannot do
// without take on the reference, the first time in a process, as a `clu` command runs them — their
// loading not counted, nor anything of clu's own: floors under `clu validate` and `clu render --format
// docx`, which the benchmark adds to `node -e 0` and sets beside their budgets.
//   validate   yaml parsing the reference's three files with positions, then zod checking them (every
//              command does both);
//   yaml FILE  yaml parsing one large file with positions and making its data (the large-file budgets);
//   docx DIR   fflate deflating the XML parts of the reference's DOCX (unpacked into DIR by bench/run.js).
// One process per measure, so that neither collects the other's garbage.
// Usage: node bench/library-floor.mjs validate | yaml FILE | docx DIR   Prints one line of JSON: {"ms": …}.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { tuneV8 } from '../dist/cli/v8-tuning.js';

tuneV8(); // V8 as bin/clu sets it
// Every function compiled as it loads, as clu's code cache has them compiled: compiling is loading, not counted.
setFlagsFromString('--no-lazy');

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU milliseconds of one call. */
function timed(run) {
  const start = cpuMs();
  run();
  return cpuMs() - start;
}

async function validateFloor() {
  const { LineCounter, parseAllDocuments } = await import('yaml');
  const { Composition, Meeting, Organisation } = await import('../dist/model/schema.js');
  const { parseOptions } = await import('../dist/validate/schema-messages.js');
  const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
  const files = [
    ['clu-vienne-2021-05-06.yaml', Meeting],
    ['clu-vienne.composition.yaml', Composition],
    ['prefecture-vienne.organisation.yaml', Organisation],
  ].map(([name, schema]) => ({ text: readFileSync(path.join(examples, name), 'utf8'), schema }));
  let data = [];
  // The same calls and options as src/load/read-yaml.ts and src/load/load-meeting.ts.
  const parse = timed(() => {
    data = files.map(({ text }) => parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true })[0].toJS({ maxAliasCount: 100 }));
  });
  const check = timed(() => {
    files.forEach(({ schema }, i) => {
      if (!schema.safeParse(data[i], parseOptions('fr')).success) throw new Error(`example ${i} is not valid`);
    });
  });
  return parse + check;
}

async function yamlFloor(file) {
  const { LineCounter, parseAllDocuments } = await import('yaml');
  const text = readFileSync(file, 'utf8');
  // As src/load/read-yaml.ts calls it (duplicate keys found by clu's own pass, not counted here).
  return timed(() => parseAllDocuments(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false })[0].toJS({ maxAliasCount: 100 }));
}

async function docxFloor(dir) {
  const { deflateSync } = await import('fflate');
  const parts = readdirSync(dir)
    .sort()
    .map((name) => readFileSync(path.join(dir, name)));
  // At the level src/writers/zip.ts uses (the fonts are deflated at build time).
  return timed(() => parts.forEach((bytes) => deflateSync(bytes, { level: 6 })));
}

const [measure, dir] = process.argv.slice(2);
const ms = measure === 'validate' ? await validateFloor() : measure === 'yaml' && dir ? await yamlFloor(dir) : measure === 'docx' && dir ? await docxFloor(dir) : undefined;
if (ms === undefined) {
  console.error('usage: node bench/library-floor.mjs validate | yaml FILE | docx DIR');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify({ ms })}\n`);
