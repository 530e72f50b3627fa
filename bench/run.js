// The benchmark: clu against bare Node, pandoc and LibreOffice, interleaved in one run (every round runs
// every command once, so that the machine's load weighs on all alike), CPU time (user + system) medians,
// peak memory; then growth with the reference repeated 10 and 100 times, and a batch of 50 meetings; then
// validation of large hostile files (bench/hostile.js: one id repeated to 1 MB and to the size cap, a list of
// a million items), which must stay linear in the size of the input (issue 17).
// Prints each ratio beside its budget (issue 9), and under the validate and DOCX budgets the floors that
// the libraries alone set (bench/library-floor.mjs).
// Usage: npm run bench [-- --rounds N] [-- --baseline DIR]   (pandoc and LibreOffice are used when installed)
// --baseline DIR: also runs the clu of another built checkout (DIR/bin/clu), interleaved in the same
// rounds, and prints before/after for each clu command.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaledReference } from './generate.js';
import { hostileMeeting } from './hostile.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const clu = path.join(root, 'bin', 'clu');
const preload = path.join(root, 'bench', 'cpu-usage.cjs');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 11;
const baselineArg = process.argv.indexOf('--baseline');
const baseline = baselineArg > 0 ? path.join(path.resolve(process.argv[baselineArg + 1]), 'bin', 'clu') : undefined;
if (baseline && !existsSync(baseline)) throw new Error(`--baseline: no ${baseline}`);
const work = mkdtempSync(path.join(tmpdir(), 'clu-bench-'));
const usageFile = path.join(work, 'usage.txt');

/** A command to time: Node ones report their own CPU time (bench/cpu-usage.cjs); others go through GNU time. */
function nodeCommand(name, args, status = 0) {
  return { name, kind: 'node', argv: [process.execPath, '--require', preload, ...args], status };
}
function toolCommand(name, argv) {
  return { name, kind: 'tool', argv };
}
/** bench/library-floor.mjs: what some libraries alone take of a clu command, measured inside its process. */
function floorCommand(name, ...args) {
  return { name, kind: 'floor', argv: [process.execPath, path.join(root, 'bench', 'library-floor.mjs'), ...args] };
}

/** Runs a command once; returns its CPU seconds and peak memory in MB. */
function measure(command) {
  rmSync(usageFile, { force: true });
  const [exe, ...args] = command.kind === 'tool' ? ['/usr/bin/time', '-f', '%U %S %M', '-o', usageFile, ...command.argv] : command.argv;
  const result = spawnSync(exe, args, { cwd: work, env: { ...process.env, CLU_BENCH_USAGE: usageFile, LANG: 'C.UTF-8' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== (command.status ?? 0)) throw new Error(`${command.name} failed (${result.status}): ${result.stderr || result.stdout}`);
  if (command.kind === 'floor') {
    return { cpu: JSON.parse(result.stdout).ms / 1000, mb: 0 };
  }
  const line = readFileSync(usageFile, 'utf8').trim().split('\n').pop() ?? '';
  if (command.kind === 'tool') {
    const [user, system, kb] = line.split(' ').map(Number);
    return { cpu: user + system, mb: kb / 1024 };
  }
  const [micros, kb] = line.split(' ').map(Number);
  return { cpu: micros / 1e6, mb: kb / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Interleaved rounds: each round runs every command once, in order. */
function interleaved(commands, count) {
  const samples = new Map(commands.map((c) => [c.name, []]));
  for (let round = 0; round < count; round++) {
    for (const command of commands) samples.get(command.name).push(measure(command));
    process.stderr.write(`\r  round ${round + 1}/${count}`);
  }
  process.stderr.write('\n');
  return new Map(
    [...samples].map(([name, list]) => [name, { cpu: median(list.map((s) => s.cpu)), mb: Math.max(...list.map((s) => s.mb)) }]),
  );
}

function has(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

// --- inputs ------------------------------------------------------------------------------------------

const reference = path.join(examples, 'clu-vienne-2021-05-06.yaml');
const out = path.join(work, 'out');
const x1 = scaledReference(examples, path.join(work, 'scaled'), 1);
const x10 = scaledReference(examples, path.join(work, 'scaled'), 10);
const x100 = scaledReference(examples, path.join(work, 'scaled'), 100);
// The anchors read the same document: its Markdown (for pandoc) and its DOCX (for LibreOffice).
spawnSync(process.execPath, [clu, 'render', '--format', 'md,docx', '-o', work, reference], { encoding: 'utf8' });
const markdown = path.join(work, 'clu-vienne-2021-05-06.md');
const docx = path.join(work, 'clu-vienne-2021-05-06.docx');
// The DOCX's XML parts, one file each, for bench/library-floor.mjs (which then times fflate on them alone).
const docxXmlParts = path.join(work, 'docx-xml');
mkdirSync(docxXmlParts);
Object.entries(unzipSync(readFileSync(docx)))
  .filter(([name]) => /\.(xml|rels)$/.test(name))
  .forEach(([name, bytes], i) => writeFileSync(path.join(docxXmlParts, `${String(i).padStart(2, '0')}-${path.basename(name)}`), bytes));
// 50 meetings: the example meetings, copied in turn, each beside its composition and organisation.
const batchDir = path.join(work, 'batch');
cpSync(examples, batchDir, { recursive: true });
const meetings = readdirSync(batchDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml') && !/\.(composition|organisation)\.yaml$/.test(f))
  .sort();
const batch = Array.from({ length: 50 }, (_, i) => {
  const source = path.join(batchDir, meetings[i % meetings.length]);
  const copy = source.replace(/\.yaml$/, `-${String(i).padStart(2, '0')}.yaml`);
  copyFileSync(source, copy);
  return copy;
});

// Large files: one id listed again and again, to 1 MB and to just under the size cap (8 MB), and a list
// of a million items (3 MB); the first two exit 1 (every repeat is an error).
const hostileDir = path.join(work, 'hostile');
const capBytes = 8 * 1024 * 1024 - 4096;
const repeated1 = hostileMeeting(examples, hostileDir, 'repeated-present', 1_000_000).file;
const repeated8 = hostileMeeting(examples, hostileDir, 'repeated-present', capBytes).file;
const millionItems = hostileMeeting(examples, hostileDir, 'million-items', capBytes).file;

// --- runs --------------------------------------------------------------------------------------------

const pandoc = has('pandoc');
const office = has('soffice') && existsSync('/usr/bin/time');
const gnuTime = existsSync('/usr/bin/time');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`clu benchmark — Node ${process.version}, ${cpus().length} CPUs, load ${load()} (1, 5, 15 min), ${rounds} interleaved rounds`);
console.log('CPU time = user + system of the process, median of the rounds; Node commands report their own, others through GNU time (10 ms resolution).');

const startCommands = [
  nodeCommand('node -e 0', ['-e', '0']),
  nodeCommand('clu --version', [clu, '--version']),
  nodeCommand('clu validate REF', [clu, 'validate', reference]),
  nodeCommand('clu render REF --format docx', [clu, 'render', '--format', 'docx', '-o', out, reference]),
  nodeCommand('clu render REF (docx + pdf)', [clu, 'render', '-o', out, reference]),
  nodeCommand('clu render REF --format pdf', [clu, 'render', '--format', 'pdf', '-o', out, reference]),
];
/** The same clu commands run by the baseline's clu, named "before: …". */
function withBaseline(commands) {
  if (!baseline) return commands;
  return commands.flatMap((c) => (c.kind === 'node' && c.argv.includes(clu) ? [c, { ...c, name: `before: ${c.name}`, argv: c.argv.map((a) => (a === clu ? baseline : a)) }] : [c]));
}
startCommands.splice(0, startCommands.length, ...withBaseline(startCommands));
const floorValidate = 'yaml + zod alone on REF, first call';
const floorDocx = 'fflate alone on REF.docx\'s XML, first call';
startCommands.push(floorCommand(floorValidate, 'validate'), floorCommand(floorDocx, 'docx', docxXmlParts));
if (pandoc && gnuTime) startCommands.push(toolCommand('pandoc REF.md → DOCX', ['pandoc', markdown, '-o', path.join(work, 'pandoc.docx')]));
if (office) {
  startCommands.push(
    toolCommand('LibreOffice REF.docx → PDF', ['soffice', '--headless', '--norestore', `-env:UserInstallation=file://${work}/lo-profile`, '--convert-to', 'pdf', '--outdir', path.join(work, 'lo'), docx]),
  );
  measure(startCommands[startCommands.length - 1]); // first start creates the profile: not counted
}
console.error('start-up, validate, render and the anchors:');
const main = interleaved(startCommands, rounds);

console.error('growth (reference ×1, ×10, ×100) and a batch of 50:');
const growthCommands = withBaseline([
  nodeCommand('clu render REF×1', [clu, 'render', '-o', out, x1]),
  nodeCommand('clu render REF×10', [clu, 'render', '-o', out, x10]),
  nodeCommand('clu render REF×100', [clu, 'render', '-o', out, x100]),
  nodeCommand('clu render 50 meetings', [clu, 'render', '-o', out, ...batch]),
]);
const growth = interleaved(growthCommands, Math.max(1, Math.min(3, rounds)));

console.error('large files (repeated ids, 1 MB and 8 MB; a million list items):');
const hostileCommands = withBaseline([
  nodeCommand('clu validate 1 MB of repeated ids', [clu, 'validate', '--format', 'json', repeated1], 1),
  nodeCommand('clu validate 8 MB of repeated ids', [clu, 'validate', '--format', 'json', repeated8], 1),
  nodeCommand('clu validate a million list items', [clu, 'validate', millionItems]),
]);
const floorYaml1 = 'yaml alone on the 1 MB file, first call';
hostileCommands.push(floorCommand(floorYaml1, 'yaml', repeated1));
const large = interleaved(hostileCommands, Math.max(1, Math.min(2, rounds)));

// --- report ------------------------------------------------------------------------------------------

const rows = [];
const cpu = (name) => main.get(name)?.cpu ?? growth.get(name)?.cpu ?? large.get(name)?.cpu;
const mb = (name) => main.get(name)?.mb ?? growth.get(name)?.mb ?? large.get(name)?.mb;
function row(name, value, budget, pass) {
  rows.push({ name, value, budget, status: pass === undefined ? '' : pass ? 'ok' : 'OVER' });
}
const ratio = (a, b) => cpu(a) / cpu(b);
const node0 = 'node -e 0';
row('clu --version / node -e 0', `${ratio('clu --version', node0).toFixed(2)}×`, '≤ 1.3×', ratio('clu --version', node0) <= 1.3);
row('clu validate REF / node -e 0', `${ratio('clu validate REF', node0).toFixed(2)}×`, '≤ 1.5×', ratio('clu validate REF', node0) <= 1.5);
// The libraries' own work, with nothing of clu's and no loading: a floor under the line above.
const validateFloor = cpu(node0) + cpu(floorValidate);
row('  its floor: node -e 0 + yaml + zod', `${(validateFloor / cpu(node0)).toFixed(2)}×`, '≤ 1.5×', validateFloor / cpu(node0) <= 1.5);
const pandocName = 'pandoc REF.md → DOCX';
if (main.has(pandocName)) {
  row('render --format docx / pandoc', `${ratio('clu render REF --format docx', pandocName).toFixed(2)}×`, '≤ 1.5×', ratio('clu render REF --format docx', pandocName) <= 1.5);
  const docxFloor = (validateFloor + cpu(floorDocx)) / cpu(pandocName);
  row('  its floor: … + fflate', `${docxFloor.toFixed(2)}×`, '≤ 1.5×', docxFloor <= 1.5);
  row('render (docx + pdf) / pandoc', `${ratio('clu render REF (docx + pdf)', pandocName).toFixed(2)}×`, '≤ 2×', ratio('clu render REF (docx + pdf)', pandocName) <= 2);
} else {
  row('render / pandoc', 'skipped: pandoc is not installed', '', undefined);
}
const officeName = 'LibreOffice REF.docx → PDF';
if (main.has(officeName)) {
  const faster = cpu(officeName) / cpu('clu render REF (docx + pdf)');
  row('LibreOffice DOCX → PDF / render (docx + pdf)', `${faster.toFixed(2)}× faster`, '≥ 4× faster', faster >= 4);
  const pdfOnly = cpu(officeName) / cpu('clu render REF --format pdf');
  row('LibreOffice DOCX → PDF / render --format pdf', `${pdfOnly.toFixed(2)}× faster`, '', undefined);
} else {
  row('render / LibreOffice', 'skipped: LibreOffice (soffice) or GNU time is not installed', '', undefined);
}
const perDocument = (cpu('clu render 50 meetings') / 50) * 1000;
row('batch of 50 meetings, per document', `${perDocument.toFixed(0)} ms`, '≤ 60 ms', perDocument <= 60);
const g10 = ratio('clu render REF×10', 'clu render REF×1');
const g100 = ratio('clu render REF×100', 'clu render REF×1');
row('REF×10 time / REF×1 time', `${g10.toFixed(1)}×`, '', undefined);
row('REF×100 time / REF×1 time', `${g100.toFixed(1)}×`, '≤ 100×', g100 <= 100);
row('REF×100 peak memory', `${mb('clu render REF×100').toFixed(0)} MB`, '< 500 MB', mb('clu render REF×100') < 500);
// Issue 17: validation linear in the size of the input (CPU seconds of bin/clu, user + system).
const seconds = (name, plus = 0) => `${(cpu(name) + plus).toFixed(2)} s`;
row('validate 1 MB of repeated ids', seconds('clu validate 1 MB of repeated ids'), '≤ 2 s CPU', cpu('clu validate 1 MB of repeated ids') <= 2);
// The parser's own work on that file: what is left for clu's checks is the difference.
row('  its floor: node -e 0 + yaml alone', seconds(floorYaml1, cpu(node0)), '', undefined);
row('validate 8 MB of repeated ids', seconds('clu validate 8 MB of repeated ids'), '≤ 15 s CPU', cpu('clu validate 8 MB of repeated ids') <= 15);
row('validate a million list items (3 MB)', seconds('clu validate a million list items'), '≤ 15 s CPU', cpu('clu validate a million list items') <= 15);
const perMB = cpu('clu validate 8 MB of repeated ids') / cpu('clu validate 1 MB of repeated ids');
row('8 MB time / 1 MB time (linear: ≤ 8.4×)', `${perMB.toFixed(1)}×`, '', undefined);

console.log('\ncommand'.padEnd(45), 'CPU s'.padStart(8), 'peak MB'.padStart(9));
for (const [name, s] of [...main, ...growth, ...large]) console.log(name.padEnd(44), s.cpu.toFixed(3).padStart(8), (s.mb ? s.mb.toFixed(0) : '').padStart(9));
console.log('\nmeasure'.padEnd(45), 'value'.padEnd(20), 'budget'.padEnd(13), 'status');
for (const r of rows) console.log(r.name.padEnd(44), r.value.padEnd(20), r.budget.padEnd(13), r.status);
if (baseline) {
  console.log(`\nbefore (${path.relative(process.cwd(), baseline) || baseline}) and after, same rounds`.padEnd(45), 'before s'.padStart(9), 'after s'.padStart(9), 'after/before'.padStart(13));
  for (const [name, s] of [...main, ...growth, ...large]) {
    const before = main.get(`before: ${name}`) ?? growth.get(`before: ${name}`) ?? large.get(`before: ${name}`);
    if (before) console.log(name.padEnd(44), before.cpu.toFixed(3).padStart(9), s.cpu.toFixed(3).padStart(9), `${(s.cpu / before.cpu).toFixed(2)}×`.padStart(13));
  }
}
console.log(`\nload at the end: ${load()} (1, 5, 15 min)`);
rmSync(work, { recursive: true, force: true });
