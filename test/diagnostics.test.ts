// One fixture per diagnostic code (test/fixtures/invalid/<code>.yaml), with the exact diagnostics it
// must produce: code and line:col. File-level problems (binary, encoding, size, depth, aliases) are
// generated in test/bad-input.test.ts.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { MESSAGE_CODES } from '../src/validate/messages.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'invalid');
/** Meetings written to a temporary folder include the shared fixture by absolute path: the whole disk is their project. */
const OUTSIDE_FIXTURES = { root: '/' };

const expected: Record<string, string[]> = {
  'attendance-conflict': ['attendance-conflict 10:20'],
  'attendance-missing': ['attendance-missing 8:1'],
  'chair-not-present': ['chair-not-present 7:15'],
  'departure-before-arrival': ['departure-before-arrival 12:44'],
  'document-before-meeting': ['document-before-meeting 2:19'],
  'duplicate-person': ['duplicate-person 17:10'],
  'empty-annex': ['empty-annex 17:12'],
  'empty-section': ['empty-section 16:12'],
  'end-before-start': ['end-before-start 6:8'],
  'guest-is-member': ['guest-is-member 12:13'],
  'image-not-found': ['image-not-found 16:18'],
  'include-not-found': ['include-not-found 1:14'],
  'include-not-yaml': ['include-not-yaml 1:14'],
  'include-outside-project': ['include-outside-project 1:14'],
  'listed-twice': ['listed-twice 8:24'],
  'logo-not-found': ['logo-not-found 5:20'],
  'mention-capitalised': ['mention-capitalised 16:24'],
  'mention-not-present': ['mention-not-present 16:24'],
  'moment-outside-session': ['moment-outside-session 12:29'],
  'moment-without-point': ['moment-without-point 12:28'],
  'not-a-member': ['not-a-member 9:47'],
  'officer-not-present': ['officer-not-present 9:37'],
  'point-not-found': ['point-not-found 12:29'],
  'proxy-on-leave-without-departure': ['proxy-on-leave-without-departure 12:31'],
  'presenter-not-present': ['presenter-not-present 14:26'],
  'proxy-holder-multiple': ['proxy-holder-multiple 12:30'],
  'proxy-holder-not-member': ['proxy-holder-not-member 11:31'],
  'proxy-holder-not-present': ['proxy-holder-not-present 11:31'],
  'representative-not-present': ['representative-not-present 11:36'],
  'quorum-not-reached': ['quorum-not-reached 18:17'],
  'represented-and-proxy': ['represented-and-proxy 11:7'],
  'schema-block': ['schema-block 16:9'],
  'schema-invalid': ['schema-invalid 4:9'],
  'schema-missing': ['schema-missing 3:1'],
  'schema-type': ['schema-type 14:14'],
  'schema-unknown-key': ['schema-unknown-key 7:3'],
  'schema-value': ['schema-value 7:13'],
  'secretary-not-present': ['secretary-not-present 8:17'],
  'self-reference': ['self-reference 11:31'],
  'signatory-not-present': ['signatory-not-present 17:17'],
  'slide-range-backwards': ['slide-range-backwards 14:44'],
  'speaker-not-present': ['speaker-not-present 16:20'],
  'substitute-invalid': ['substitute-invalid 13:29'],
  'speaker-unknown': ['speaker-unknown 16:19'],
  'text-with-colon': ['text-with-colon 16:9'],
  'unknown-category': ['unknown-category 12:67'],
  'unprintable-characters': ['unprintable-characters 16:59'],
  // The misspelt id also leaves the real member unlisted.
  'unknown-id': ['attendance-missing 8:1', 'unknown-id 9:33'],
  'unknown-placeholder': ['unknown-placeholder 11:62'],
  'template-not-found': ['template-not-found 9:11'],
  'template-outside-project': ['template-outside-project 9:11'],
  'template-unusable': ['template-unusable 9:11'],
  'placeholder-without-value': ['placeholder-without-value 11:39'],
  'proxies-not-allowed': ['proxies-not-allowed 12:31'],
  'casting-vote-without-vote': ['casting-vote-without-vote 17:21'],
  'vote-exceeds-voters': ['vote-exceeds-voters 18:17'],
  'vote-names-mismatch': ['vote-names-mismatch 21:29'],
  'vote-result-mismatch': ['vote-result-mismatch 19:21'],
  'voter-not-counted': ['voter-not-counted 21:30'],
  'yaml-duplicate-key': ['yaml-duplicate-key 7:3'],
  'yaml-multi-document': ['yaml-multi-document 16:1'],
  'yaml-reserved-key': ['yaml-reserved-key 14:3'],
  'yaml-syntax': ['yaml-syntax 5:16'],
  'yaml-unknown-tag': ['yaml-unknown-tag 6:8'],
};

/** Codes produced from generated input in bad-input.test.ts rather than from a fixture file. */
// more-diagnostics: past MAX_DIAGNOSTICS_PER_CODE of one code, in bounded-validation.test.ts.
const GENERATED = ['more-diagnostics', 'file-empty', 'file-binary', 'file-encoding', 'file-too-large', 'text-too-long', 'yaml-alias-limit', 'yaml-too-deep'];

function diagnose(file: string): string[] {
  const reporter = new Reporter('en');
  validateMeeting(file, reporter);
  return reporter.diagnostics
    .map((d) => `${d.code} ${d.start.line}:${d.start.column}`)
    .sort();
}

describe('one fixture per diagnostic code', () => {
  for (const [name, codes] of Object.entries(expected)) {
    it(`${name}.yaml gives ${codes.join(', ')}`, () => {
      expect(diagnose(path.join(dir, `${name}.yaml`))).toEqual([...codes].sort());
    });
  }

  it('covers every diagnostic code', () => {
    const covered = new Set([...Object.values(expected).flat().map((e) => e.split(' ')[0]), ...GENERATED]);
    expect(MESSAGE_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('has an expectation for every fixture file', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_'));
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });

  it('the base of the fixtures is itself valid', () => {
    // Every fixture is one change away from this meeting; it must produce nothing by itself.
    const reporter = new Reporter('en');
    validateMeeting(path.join(dir, '..', 'valid-base.yaml'), reporter);
    expect(reporter.diagnostics).toEqual([]);
  });
});

describe('times and dates', () => {
  it('accept 14h30, 14:30, 9h and reject 14:, 25h00, 14h75', async () => {
    const { Time } = await import('../src/model/schema.js');
    for (const ok of ['14h30', '14:30', '9h', '09h05', '23:59']) expect(Time.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['14:', '25h00', '14h75', '14.30', 'midi']) expect(Time.safeParse(bad).success, bad).toBe(false);
  });
});

describe('messages', () => {
  it('say what is wrong, with a suggestion for typos, in English and in French', () => {
    const file = path.join(dir, 'unknown-id.yaml');
    const en = new Reporter('en');
    validateMeeting(file, en);
    const fr = new Reporter('fr');
    validateMeeting(file, fr);
    const enMessage = en.diagnostics.find((d) => d.code === 'unknown-id')!;
    const frMessage = fr.diagnostics.find((d) => d.code === 'unknown-id')!;
    expect(enMessage.message).toBe('“brunot” is not a declared person (did you mean “bruno”?)');
    expect(frMessage.message).toBe('« brunot » n’est pas une personne déclarée (vouliez-vous dire « bruno » ?)');
    expect(enMessage.hint).toContain('membres');
  });

  it('suggest the closest key for an unknown key', () => {
    const reporter = new Reporter('en');
    validateMeeting(path.join(dir, 'schema-unknown-key.yaml'), reporter);
    expect(reporter.diagnostics[0]!.message).toBe('unknown key “lieux” (did you mean “lieu”?)');
    expect(reporter.diagnostics[0]!.hint).toContain('debut');
  });

  it('suggest the closest kind for a misspelt content item', () => {
    const reporter = new Reporter('en');
    validateMeeting(path.join(dir, 'schema-block.yaml'), reporter);
    expect(reporter.diagnostics[0]!.message).toContain('did you mean “question”');
  });
});

describe('common YAML slips get one message, at the line to fix, saying what to type', () => {
  const base = readFileSync(path.join(dir, '..', 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', path.join(dir, '_composition.yaml'));
  const slips: [name: string, edit: (text: string) => string, expected: string, message: string][] = [
    ['a tab used to indent', (t) => t.replace('  presents:', '\tpresents:'), 'yaml-syntax 10:1', 'a tab is used to indent this line'],
    ['a line indented one space too far', (t) => t.replace('  fin: 20h00', '   fin: 20h00'), 'yaml-syntax 7:4', 'indented differently'],
    ['a text starting with @, unquoted', (t) => t.replace('- "@alice présente le point."', '- @alice présente le point.'), 'yaml-syntax 16:9', 'cannot start with this character (@)'],
    ['an italic word at the start of a text (a YAML alias)', (t) => t.replace('- "@alice présente le point."', '- *Important* : voir le budget'), 'yaml-syntax 16:9', 'cannot start with this character (*)'],
    ['quotes that close before the end of the text', (t) => t.replace('- "@alice présente le point."', '- "Toit du Monde" est une association'), 'yaml-syntax 16:9', 'quotes that close before its end'],
    ['an empty list', (t) => t.replace('- "@alice présente le point."', '- liste: []'), 'schema-invalid 16:16', 'this list is empty'],
    ['a one-word lead-in before ": ", unquoted', (t) => t.replace('- "@alice présente le point."', '- Lien : https://www.vienne.gouv.fr'), 'text-with-colon 16:9', 'contains “: ”'],
    ['a question containing ": ", unquoted', (t) => t.replace('- "@alice présente le point."', '- question: Un membre demande : est-ce prêt ?'), 'yaml-syntax 16:19', 'contains “: ”'],
  ];
  for (const [name, edit, expectedAt, message] of slips) {
    it(name, () => {
      const tmp = mkdtempSync(path.join(tmpdir(), 'clu-slip-'));
      const file = path.join(tmp, 'slip.yaml');
      writeFileSync(file, edit(base));
      const reporter = new Reporter('en');
      validateMeeting(file, reporter, OUTSIDE_FIXTURES);
      expect(reporter.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual([expectedAt]);
      expect(reporter.diagnostics[0]!.message).toContain(message);
      // Where the message alone does not say what to type, a hint does.
      if (!reporter.diagnostics[0]!.message.includes(':')) expect(reporter.diagnostics[0]!.hint).toBeTruthy();
    });
  }
});

describe('form errors in the content', () => {
  it('do not hide the consistency errors of the attendance', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'clu-both-'));
    const file = path.join(tmp, 'both.yaml');
    const base = readFileSync(path.join(dir, '..', 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', path.join(dir, '_composition.yaml'));
    writeFileSync(file, base.replace('- "@alice présente le point."', '- questoin: x').replace('excuses: [david]', 'excuses: [david, bruno]'));
    const reporter = new Reporter('en');
    validateMeeting(file, reporter, OUTSIDE_FIXTURES);
    expect(reporter.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`).sort()).toEqual(['attendance-conflict 11:20', 'schema-block 16:9']);
  });
});

describe('French messages agree with the person', () => {
  it('uses the civility: "présente", "ajoutez-la"', () => {
    const reporter = new Reporter('fr');
    validateMeeting(path.join(dir, 'representative-not-present.yaml'), reporter);
    expect(reporter.diagnostics[0]!.message).toBe('Mme Emma ROUX, qui représente M. David PETIT, n’est pas présente');
    const missing = new Reporter('fr');
    validateMeeting(path.join(dir, 'attendance-missing.yaml'), missing);
    expect(missing.diagnostics[0]!.hint).toBe('ajoutez-la aux « presents », « excuses » ou « absents »');
  });
});
