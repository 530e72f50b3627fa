// A composition or organisation file shared by the meetings of a batch is parsed once per process while
// its bytes stay the same (src/load/load-meeting.ts, loadInclude): each meeting still gets data of its
// own, a changed file is read again, and a file with a problem is parsed, and reported, every time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting } from '../src/load/load-meeting.js';
import { Reporter } from '../src/validate/diagnostic.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');

/** A folder with a meeting and its own copy of the shared composition. */
function project(): { meeting: string; composition: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-includes-'));
  const composition = path.join(dir, 'composition.yaml');
  writeFileSync(composition, readFileSync(path.join(fixtures, 'invalid', '_composition.yaml')));
  const meeting = path.join(dir, 'meeting.yaml');
  writeFileSync(meeting, readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', 'composition.yaml'));
  return { meeting, composition };
}

const codes = (reporter: Reporter) => reporter.diagnostics.map((d) => `${d.code} ${path.basename(d.file)} ${d.start.line}:${d.start.column}`);

describe('a file included by several meetings', () => {
  it('is parsed once, and each meeting gets data of its own', () => {
    const { meeting } = project();
    const reporter = new Reporter('en');
    const first = loadMeeting(meeting, reporter);
    const second = loadMeeting(meeting, reporter);
    expect(codes(reporter)).toEqual([]);
    expect(second?.sources.composition).toBe(first?.sources.composition);
    expect(second?.composition).toEqual(first?.composition);
    expect(second?.composition).not.toBe(first?.composition);
    // What a meeting does with its data leaves the next one's alone.
    first!.composition.categories!['a'] = 'changed';
    expect(loadMeeting(meeting, reporter)?.composition.categories!['a']).toBe('Collège A');
  });

  it('is read again when its bytes change', () => {
    const { meeting, composition } = project();
    expect(codes((() => { const r = new Reporter('en'); loadMeeting(meeting, r); return r; })())).toEqual([]);
    writeFileSync(composition, readFileSync(composition, 'utf8').replace('  a: Collège A\n', '  a: Collège A\n  a: Collège A bis\n'));
    const reporter = new Reporter('en');
    expect(loadMeeting(meeting, reporter)).toBeUndefined();
    expect(codes(reporter)).toEqual(['yaml-duplicate-key composition.yaml 7:3']);
  });

  it('with a problem, reports it in every run, after a run that met it twice', () => {
    const { meeting, composition } = project();
    writeFileSync(composition, `${readFileSync(composition, 'utf8')}---\nsecond: document\n`);
    const twice = new Reporter('en');
    loadMeeting(meeting, twice);
    loadMeeting(meeting, twice);
    expect(codes(twice)).toEqual(['yaml-multi-document composition.yaml 15:1']);
    const next = new Reporter('en');
    loadMeeting(meeting, next);
    expect(codes(next)).toEqual(['yaml-multi-document composition.yaml 15:1']);
    expect(next.sources.get(path.join(path.dirname(meeting), 'composition.yaml'))).toBeDefined();
  });
});
