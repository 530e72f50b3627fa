// The suite leaves nothing behind: every temporary folder of a test is inside the run's own folder,
// which the global setup removes at the end (test/support/global-temp.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './support/cli.js';

it('gives every test a temp directory inside the run’s folder, which the run removes', () => {
  const root = process.env['CLU_TEST_TMP_ROOT'];
  expect(root).toBeDefined();
  expect(path.basename(root!)).toMatch(/^clu-test-run-/);
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-probe-'));
  expect(path.dirname(dir)).toBe(root);
  rmSync(dir, { recursive: true });
});

it('a render into a temp folder writes only there', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'clu-probe-'));
  const r = await runCli(['render', '--format', 'md', '-o', out, path.join(import.meta.dirname, 'fixtures', 'valid-base.yaml')]);
  expect(r.code).toBe(0);
  expect(r.stdout.trim().startsWith(out)).toBe(true);
  rmSync(out, { recursive: true });
});
