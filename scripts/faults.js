// `npm run faults`: every fault-injection scenario of docs/reliability.md against the built CLI, then a
// table tried / held. Scenarios that need root (a real full tmpfs, a read-only mount) run when root.
// Usage: npm run faults [-- --rounds N] [-- --only WORD]   (exit 1 when a scenario did not hold)
import { isRoot, scenarios } from './faults/scenarios.js';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 50) || 50;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const rows = [];
for (const scenario of scenarios) {
  if (only && !scenario.name.includes(only) && scenario.group !== only) continue;
  const started = Date.now();
  let result;
  if (scenario.needs === 'root' && !isRoot) {
    result = { held: undefined, detail: 'skipped: needs root (the injected variant runs instead)' };
  } else {
    try {
      result = await scenario.run({ rounds });
    } catch (error) {
      result = { held: false, detail: `the scenario itself failed: ${error.message}` };
    }
  }
  const row = { group: scenario.group, name: scenario.name, held: result.held, detail: result.detail, seconds: (Date.now() - started) / 1000 };
  rows.push(row);
  process.stderr.write(`${row.held === undefined ? '-' : row.held ? '✓' : '✗'} ${scenario.name} (${row.seconds.toFixed(1)} s)\n`);
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\n${'group'.padEnd(8)} ${'scenario'.padEnd(width)}  held   detail`);
for (const r of rows) {
  const held = r.held === undefined ? 'skip' : r.held ? 'yes' : 'NO';
  console.log(`${r.group.padEnd(8)} ${r.name.padEnd(width)}  ${held.padEnd(5)}  ${r.detail}`);
}
const tried = rows.filter((r) => r.held !== undefined);
const held = tried.filter((r) => r.held);
console.log(`\n${tried.length} tried, ${held.length} held${rows.length > tried.length ? `, ${rows.length - tried.length} skipped` : ''}`);
process.exitCode = held.length === tried.length ? 0 : 1;
