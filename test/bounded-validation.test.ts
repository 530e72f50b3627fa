// Validation stays linear (or n·log n) in the size of the input: a file at the size cap with one id
// listed hundreds of thousands of times, a list of a million items, and the other shapes of bench/hostile.js
// validate, with the right diagnostics. The time is measured in `npm run bench` (budgets: the 8 MB file
// ≤ 15 s of CPU, 1 MB ≤ 2 s); here a quadratic regression would run past the test's timeout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileMeeting } from '../bench/hostile.js';
import { MAX_FILE_BYTES } from '../src/load/read-yaml.js';
import { MAX_DIAGNOSTICS_PER_CODE } from '../src/validate/diagnostic.js';
import { runCli } from './support/cli.js';

const examples = path.join(import.meta.dirname, '..', 'examples');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clu-bounded-'));
});

interface Row {
  code: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

async function validateJson(shape: string, bytes: number) {
  const made = hostileMeeting(examples, dir, shape, bytes);
  const result = await runCli(['validate', '--format', 'json', made.file]);
  const report = JSON.parse(result.stdout) as { ok: boolean; errors: number; warnings: number; diagnostics: Row[] };
  const byCode = (code: string) => report.diagnostics.filter((d) => d.code === code);
  return { ...made, ...result, report, byCode };
}

/** The "… and N more" line of a code: its count, read from the English words. */
function more(rows: Row[], code: string): number {
  const line = rows.find((d) => d.code === 'more-diagnostics' && d.message.includes(`“${code}”`));
  const count = line ? /… and ([\d,]+) more/.exec(line.message)?.[1] : undefined;
  return count ? Number(count.replace(/,/g, '')) : 0;
}

describe('validation of large files is bounded', () => {
  it('a file just under the size cap listing one id 750,000 times: every repeat counted, the first ones shown at their place', async () => {
    const bytes = MAX_FILE_BYTES - 4096;
    const { code, report, byCode, line } = await validateJson('repeated-present', bytes);
    expect(code).toBe(1);
    const twice = byCode('listed-twice');
    expect(twice).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    // The first inserted "- rose" is the first listing; the next line is the first repeat.
    expect(twice[0]).toMatchObject({ line: line + 1, column: 7, severity: 'error' });
    expect(twice[0]!.message).toBe('M. Eric ROSE is listed twice in « presents »');
    // Every repeat is an error: each inserted line of 11 bytes but the first, and the reference's own "- rose".
    expect(report.errors).toBeGreaterThan(700_000);
    expect(report.errors).toBeLessThan(bytes / 11);
    expect(more(report.diagnostics, 'listed-twice')).toBe(report.errors - MAX_DIAGNOSTICS_PER_CODE);
    expect(report.diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
  }, 120_000);

  it('a list of a million items is valid', async () => {
    const made = hostileMeeting(examples, dir, 'million-items', MAX_FILE_BYTES - 4096);
    const result = await runCli(['validate', made.file]);
    expect(result.stderr).toContain('✓ 1 file valid');
    expect(result.code).toBe(0);
  }, 120_000);

  it('1 MB of one id in a one-line list, in French: the summary line counts them all', async () => {
    const made = hostileMeeting(examples, dir, 'flow-present', 1_000_000);
    const result = await runCli(['validate', made.file], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.code).toBe(1);
    const total = Number(/(\d+) erreurs, 0 avertissement \(1 fichier\)/.exec(result.stderr)?.[1]);
    expect(total).toBeGreaterThan(100_000);
    const omitted = /… et ([\d\s\u00a0\u202f]+) autres erreurs « listed-twice » dans ce fichier \(les 50 premières sont affichées\) \[more-diagnostics\]/.exec(result.stderr)?.[1];
    expect(Number(omitted?.replace(/\D/g, ''))).toBe(total - MAX_DIAGNOSTICS_PER_CODE);
    expect(result.stderr.match(/\[listed-twice\]/g)).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
  }, 60_000);

  it('one id listed as present, excused and absent many times: both kinds of problem, bounded', async () => {
    const { code, byCode, report } = await validateJson('repeated-everywhere', 400_000);
    expect(code).toBe(1);
    expect(byCode('listed-twice')).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(byCode('attendance-conflict')).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(more(report.diagnostics, 'listed-twice') + more(report.diagnostics, 'attendance-conflict') + 2 * MAX_DIAGNOSTICS_PER_CODE).toBe(report.errors);
  }, 60_000);

  it('thousands of unknown ids: each an error, the first ones at their place', async () => {
    const { code, byCode, report, line } = await validateJson('unknown-ids', 400_000);
    expect(code).toBe(1);
    const unknown = byCode('unknown-id');
    expect(unknown).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(unknown[0]).toMatchObject({ line, column: 7 });
    expect(more(report.diagnostics, 'unknown-id')).toBe(report.errors - MAX_DIAGNOSTICS_PER_CODE);
  }, 60_000);

  it('the same key thousands of times in a block: each duplicate at its line', async () => {
    const { code, byCode, report, line } = await validateJson('duplicate-keys', 400_000);
    expect(code).toBe(1);
    const duplicates = byCode('yaml-duplicate-key');
    expect(duplicates).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(duplicates[0]).toMatchObject({ line: line + 1, column: 3 });
    expect(duplicates[0]!.message).toContain('“doublon”');
    expect(more(report.diagnostics, 'yaml-duplicate-key')).toBe(report.errors - MAX_DIAGNOSTICS_PER_CODE);
  }, 60_000);

  it('thousands of guests with a misspelt key, and of excused entries without an id', async () => {
    const people = await validateJson('many-people', 400_000);
    expect(people.code).toBe(1);
    expect(people.byCode('schema-unknown-key')[0]).toMatchObject({ line: people.line, column: 30 });
    expect(people.byCode('schema-unknown-key')[0]!.message).toContain('fonctoin');
    expect(people.byCode('schema-unknown-key')[0]!.message).toContain('did you mean “fonction”');
    const missing = await validateJson('missing-keys', 400_000);
    expect(missing.code).toBe(1);
    expect(missing.byCode('schema-missing')).toHaveLength(MAX_DIAGNOSTICS_PER_CODE);
    expect(more(missing.report.diagnostics, 'schema-missing')).toBe(missing.report.errors - MAX_DIAGNOSTICS_PER_CODE);
  }, 60_000);

  it('named voters, mentions, points and aliases', async () => {
    const voters = await validateJson('named-voters', 400_000);
    expect(voters.code).toBe(1);
    expect(voters.byCode('listed-twice')[0]).toMatchObject({ line: voters.line + 10, column: 19 });
    expect(voters.byCode('vote-names-mismatch')).toHaveLength(1);
    const mentions = await validateJson('mentions', 400_000);
    expect(mentions.code).toBe(1);
    expect(mentions.byCode('unknown-id')[0]).toMatchObject({ line: mentions.line + 2, column: 10 });
    expect(mentions.byCode('mention-not-present')).toHaveLength(1);
    const points = await validateJson('many-points', 400_000);
    expect(points.report.errors).toBe(0);
    expect(points.code).toBe(0);
    const aliases = await validateJson('aliases', 400_000);
    expect(aliases.code).toBe(0);
  }, 60_000);
});
