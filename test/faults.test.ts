// The fault-injection scenarios of `npm run faults` (scripts/faults/scenarios.js) that need no
// privileges: injected full disk, read-only file system and failing disk, planted links, devices and
// FIFOs, user mistakes (run in-process, on the sources), and kills at random moments and concurrent
// runs (separate processes of the built CLI, bin/clu). Each must hold: right exit code, one-line
// message, previous outputs intact, nothing left behind, nothing read or written outside the project.
import { describe, expect, it } from 'vitest';
import { scenarios, useRunner } from '../scripts/faults/scenarios.js';
import { injectFault } from '../scripts/faults/inject.js';
import { main } from '../src/cli/main.js';

/** Kills and concurrent runs: a few rounds here; `npm run faults` does 50. */
const ROUNDS = 2;

useRunner(async (args, { cwd, env = {}, fault }) => {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const restore = fault ? injectFault(fault) : () => {};
  try {
    const code = await main(args, {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      env: { LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env },
      cwd: cwd ?? process.cwd(),
    });
    return { code, stdout, stderr, ms: Date.now() - started };
  } finally {
    restore();
  }
});

describe('clu holds under faults (npm run faults)', () => {
  for (const scenario of scenarios.filter((s) => s.needs !== 'root')) {
    it(`${scenario.group}: ${scenario.name}`, { timeout: 180_000 }, async () => {
      const result = await scenario.run({ rounds: ROUNDS });
      expect(result.held, result.detail).toBe(true);
    });
  }
});
