// The suite's temporary folders live in one folder of the run, removed at the end: a run leaves nothing
// behind in the system temp directory, whatever a test forgets. Workers start after this setup, so
// os.tmpdir() (which reads TMPDIR) points every test, and every clu it spawns, into that folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const system = tmpdir();
  const root = mkdtempSync(path.join(system, 'clu-test-run-'));
  process.env['TMPDIR'] = root;
  process.env['CLU_TEST_TMP_ROOT'] = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    process.env['TMPDIR'] = system;
  };
}
