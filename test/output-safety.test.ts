// Issue 17, items 5 and 6: what clu writes cannot be turned against the reader. CSV cells that a
// spreadsheet would run as formulas are neutralised (OWASP), numbers stay numbers; control characters in
// the files' text (names, keys, values, paths) are shown as visible escapes in every text format and
// table, never sent raw to the terminal; JSON keeps the original characters.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { csvCell, csvTextCell, looksLikeFormula } from '../src/text/csv-cell.js';
import { visible } from '../src/text/visible.js';
import { toCsv } from '../src/roster/format-csv.js';
import { formatText } from '../src/cli/report.js';
import { Chalk } from 'chalk';
import { Progress } from '../src/cli/progress.js';
import { parseCsv } from './support/csv.js';

const examples = path.join(import.meta.dirname, '..', 'examples');
const MEETINGS = ['clu-vienne-2021-05-06.yaml', 'clu-vienne-2022-05-12.yaml', 'clu-vienne-2023-06-01.yaml'];

/** Every character a terminal may act on, as visible() escapes them; LF is checked apart. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** chalk's own codes: SGR sequences, ESC [ digits m. */
const CHALK = /\u001b\[\d+(?:;\d+)*m/g;
const EN = { LANG: 'en_US.UTF-8' };
const COLOUR = { LANG: 'en_US.UTF-8', FORCE_COLOR: '1' };

let dir: string;
const file = (name: string) => path.join(dir, name);

/** The composition with hostile names: formulas in surnames and functions, control characters in first names. */
function hostileComposition(text: string): string {
  const swaps: [string, string][] = [
    ['nom: ROSE', 'nom: "=HYPERLINK(\\"http://x\\",\\"y\\")"'],
    ['nom: PASTOUREAU', 'nom: "+1"'],
    ['nom: AUDOUIN', 'nom: "-2"'],
    ['nom: PIERRE', 'nom: "@SUM(A1)"'],
    ['prenom: Eric', 'prenom: "E\\u001b[31mric"'],
    ['prenom: Yannick', 'prenom: "Yan\\u0007nick"'],
    ['prenom: Carole', 'prenom: "Ca\\u009brole"'],
    ['prenom: Frédéric', 'prenom: "Fré\\u202edéric"'],
    ['fonction: directeur du secrétariat général commun', 'fonction: "\\t=1+1 secrétariat"'],
    ['fonction: directeur adjoint du service des sécurités', 'fonction: "=cmd|\' /C calc\'!A0"'],
  ];
  for (const [from, to] of swaps) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clu-output-safety-'));
  // A .git folder: the temporary folder is the project root, the included files are inside it.
  mkdirSync(path.join(dir, '.git'));
  for (const name of MEETINGS) copyFileSync(path.join(examples, name), file(name));
  copyFileSync(path.join(examples, 'prefecture-vienne.organisation.yaml'), file('prefecture-vienne.organisation.yaml'));
  writeFileSync(file('clu-vienne.composition.yaml'), hostileComposition(readFileSync(path.join(examples, 'clu-vienne.composition.yaml'), 'utf8')));
  // A meeting with hostile keys (unknown-key errors) and raw control characters before a diagnostic on the same line.
  const meeting = readFileSync(path.join(examples, MEETINGS[0]!), 'utf8')
    .replace('document:\n  lieu: Poitiers\n  date: 2021-06-14', 'document: { lieu: "Poi\u001b[31mtiers\u0007", inconnu: 1, date: 2021-06-14 }')
    .replace('\nseance:\n', '\n"a\\nb": 1\n"x\\u001b[31my\\u0007z\\u009b\\u202e": 2\nseance:\n');
  expect(meeting).toContain('inconnu: 1');
  expect(meeting).toContain('"a\\nb": 1');
  writeFileSync(file('hostile-keys.yaml'), meeting);
});

/** The raw text of every field of a CSV record (quotes kept), for fields without separators inside quotes. */
const rawFields = (line: string, separator: string) => line.match(new RegExp(`("(?:[^"]|"")*"|[^${separator}"]*)(?:${separator}|$)`, 'g'))!.map((f) => f.replace(new RegExp(`${separator}$`), ''));

describe('CSV: formula injection (OWASP)', () => {
  it('the shared cell function: a prefix and quotes for =, +, -, @, tab and CR; numbers stay numbers', () => {
    const comma = { separator: ',', decimalComma: false };
    const excel = { separator: ';', decimalComma: true };
    expect(csvTextCell('=HYPERLINK("http://x","y")', ',')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvTextCell('+1', ',')).toBe(`"'+1"`);
    expect(csvTextCell('-2', ';')).toBe(`"'-2"`);
    expect(csvTextCell('@SUM(A1)', ',')).toBe(`"'@SUM(A1)"`);
    expect(csvTextCell('\t=1', ',')).toBe(`"'\t=1"`);
    expect(csvTextCell('\r=1', ',')).toBe(`"'\r=1"`);
    // Only the first character counts; ordinary text is left as RFC 4180 wants it.
    expect(csvTextCell('a=b', ',')).toBe('a=b');
    expect(csvTextCell('Dupont, Jean', ',')).toBe('"Dupont, Jean"');
    expect(csvTextCell('', ',')).toBe('');
    expect(['=', '+', '-', '@', '\t', '\r', 'a', ' =', "'="].map(looksLikeFormula)).toEqual([true, true, true, true, true, true, false, false, false]);
    // A number column keeps its numbers, negative and decimal ones too.
    expect(csvCell(-3, comma)).toBe('-3');
    expect(csvCell(-3.5, excel)).toBe('-3,5');
    expect(csvCell('-3', comma)).toBe(`"'-3"`);
    expect(toCsv([[-3, '-3', 55.3, '=1']], { ...excel, bom: false })).toBe(`-3;"'-3";55,3;"'=1"\r\n`);
  });

  for (const [flag, separator] of [
    ['--format=csv', ','],
    ['--excel', ';'],
  ] as const) {
    it(`clu roster ${flag}: hostile names and functions are text, not formulas`, async () => {
      const r = await runCli(['roster', flag, file(MEETINGS[0]!)], { env: EN });
      expect(r.code, r.stderr).toBe(0);
      if (flag === '--excel') expect(r.stdout.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''), separator);
      const byId = new Map(rows.map((row) => [row[1], row]));
      // Surnames are written in capitals by the roster.
      expect(byId.get('rose')![4]).toBe(`'=HYPERLINK("HTTP://X","Y")`);
      expect(byId.get('pastoureau')![4]).toBe(`'+1`);
      expect(byId.get('audouin')![4]).toBe(`'-2`);
      expect(byId.get('pierre')![4]).toBe(`'@SUM(A1)`);
      expect(byId.get('pierre')![5]).toBe(`'=cmd|' /C calc'!A0`);
      // No field, once read back, begins with a character a spreadsheet would run.
      for (const row of rows) for (const cell of row) expect(looksLikeFormula(cell), cell).toBe(false);
      // And every protected field is quoted in the file.
      const line = r.stdout.split('\r\n').find((l) => l.includes(`${separator}rose${separator}`))!;
      expect(line).toContain(`${separator}"'=HYPERLINK(""HTTP://X"",""Y"")"${separator}`);
      expect(r.stdout.split('\r\n').find((l) => l.includes(`${separator}audouin${separator}`))).toContain(`${separator}"'-2"${separator}`);
    });
  }

  it('a function beginning with a tab is protected too', async () => {
    const r = await runCli(['roster', '--format', 'csv', file(MEETINGS[0]!)], { env: EN });
    const row = parseCsv(r.stdout, ',').find((cells) => cells[1] === 'pastoureau')!;
    expect(row[5]).toBe(`'\t=1+1 secrétariat`);
    expect(r.stdout).toContain(`,"'\t=1+1 secrétariat",`);
  });

  for (const [flag, separator] of [
    ['--format=csv', ','],
    ['--excel', ';'],
  ] as const) {
    it(`the matrix (${flag}): names protected, counts, rates and runs written as numbers`, async () => {
      const r = await runCli(['roster', flag, ...MEETINGS.map(file)], { env: EN });
      expect(r.code, r.stderr).toBe(0);
      const text = r.stdout.replace(/^\uFEFF/, '');
      const rows = parseCsv(text, separator);
      const header = rows[0]!;
      expect(header).toContain('Taux de présence (%)');
      const rose = rows.find((row) => row[1] === 'rose')!;
      expect(rose[4]).toBe(`'=HYPERLINK("HTTP://X","Y")`);
      for (const row of rows) for (const cell of row) expect(looksLikeFormula(cell), cell).toBe(false);
      // The number columns: bare numbers in the file, neither quoted nor prefixed.
      const first = header.indexOf('Présent(e)');
      const last = header.indexOf('Absences consécutives (max)');
      const lines = text.split('\r\n').filter((l) => l !== '').slice(1);
      const numberPattern = separator === ';' ? /^\d+(,\d)?$/ : /^\d+(\.\d)?$/;
      for (const line of lines) {
        const raw = line.includes('"') ? null : line.split(separator);
        const cells = raw ?? rawFields(line, separator);
        for (let c = first; c <= last; c++) expect(cells[c], line).toMatch(numberPattern);
      }
    });
  }
});

/** Checks the text printed: no raw control character (LF apart), and ESC only in chalk's own codes when coloured. */
function expectNoRawControl(output: string, coloured = false): void {
  const text = coloured ? output.replace(CHALK, '') : output;
  if (!coloured) expect(output).not.toMatch(CHALK);
  else expect(output).toMatch(CHALK);
  const found = [...text].filter((ch) => RAW_CONTROL.test(ch)).map((ch) => `U+${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  expect(found).toEqual([]);
}

describe('control characters in text output', () => {
  it('visible(): C0, DEL, C1, bidi controls, line separators escaped; letters and RLM kept', () => {
    expect(visible('a\u001b[31mb\u0007c\u009bd\u202ee\u2066f\u007fg\u0000h\u2028i')).toBe('a\\u001b[31mb\\u0007c\\u009bd\\u202ee\\u2066f\\u007fg\\u0000h\\u2028i');
    expect(visible('a\nb\tc\rd')).toBe('a\\u000ab\\u0009c\\u000dd');
    expect(visible('a\nb\u001b', '\n')).toBe('a\nb\\u001b');
    expect(visible('Élise Ñandú شريف \u200f')).toBe('Élise Ñandú شريف \u200f');
  });

  it('text diagnostics: one line per diagnostic, escapes shown, the caret still under the key', async () => {
    const r = await runCli(['validate', file('hostile-keys.yaml')], { env: EN });
    expect(r.code).toBe(1);
    expectNoRawControl(r.stderr);
    expect(r.stderr).toContain('unknown key “a\\u000ab”');
    expect(r.stderr).toContain('unknown key “x\\u001b[31my\\u0007z\\u009b\\u202e”');
    const json = JSON.parse((await runCli(['validate', '--format', 'json', file('hostile-keys.yaml')], { env: EN })).stdout) as { diagnostics: { line: number; column: number; message: string }[] };
    // As many header lines as diagnostics: the newline in the key forged none.
    const headers = r.stderr.split('\n').filter((l) => /^\S.*:\d+:\d+ (error|warning) /.test(l));
    expect(headers).toHaveLength(json.diagnostics.length);
    // Every line is a header, a source line, a caret line, a hint or the summary.
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line, line).toMatch(/^(\S.*:\d+:\d+ (error|warning) |\s+\d+ \| |\s+\| |\s+hint: |\d+ errors?, )/);
    // The line with raw ESC and BEL before "inconnu": the caret stands under "inconnu" as shown.
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => /^\s+\d+ \| document:/.test(l));
    expect(lines[at]).toContain('"Poi\\u001b[31mtiers\\u0007", inconnu');
    expect(lines[at + 1]!.indexOf('^')).toBe(lines[at]!.indexOf('inconnu'));
    expect(lines[at + 1]).toMatch(/^ {6}\| +\^{7}$/);
  });

  it('with FORCE_COLOR=1, the only escape sequences are chalk’s own', async () => {
    const r = await runCli(['validate', file('hostile-keys.yaml')], { env: COLOUR });
    expect(r.code).toBe(1);
    expectNoRawControl(r.stderr, true);
    // Every ESC begins a chalk SGR code: none comes from the file.
    expect(r.stderr.match(/\u001b/g)!.length).toBe(r.stderr.match(CHALK)!.length);
    expect(r.stderr.replace(CHALK, '')).toContain('“x\\u001b[31my\\u0007z\\u009b\\u202e”');
  });

  it('a formatted diagnostic with a control character in its file name, message and hint', () => {
    const c = new Chalk({ level: 0 });
    const out = formatText(
      [{ code: 'schema-unknown-key', severity: 'error', message: 'bad \u001b]0;title\u0007', hint: 'try \u009b2J', file: 'x\u001b.yaml', start: { line: 1, column: 3 }, end: { line: 1, column: 5 } }],
      new Map([['x\u001b.yaml', '\u001b\u001bab: 1\n']]),
      c,
      'en',
    );
    expectNoRawControl(out);
    const lines = out.split('\n');
    expect(lines[0]).toBe('x\\u001b.yaml:1:3 error bad \\u001b]0;title\\u0007 [schema-unknown-key]');
    expect(lines[1]).toBe('    1 | \\u001b\\u001bab: 1');
    // Columns 3–5 are "ab" after two escapes of six characters each.
    expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf('ab'));
    expect(lines[2]).toMatch(/^ {6}\| +\^\^$/);
    expect(lines[3]).toBe('      hint: try \\u009b2J');
  });

  it('the unprintable-characters warning names a control character by its escape', async () => {
    const r = await runCli(['validate', file('clu-vienne.composition.yaml')], { env: EN });
    expectNoRawControl(r.stderr);
    expect(r.stderr).toMatch(/“\\u001b” \(U\+001B\)/);
    expect(r.stderr).toMatch(/“\\u202e” \(U\+202E\)/);
    expect(r.stderr).toContain('[unprintable-characters]');
  });

  it('GitHub annotations: line breaks as %0A, other control characters as escapes, one line each', async () => {
    const r = await runCli(['validate', '--format', 'github', file('hostile-keys.yaml')], { env: EN });
    expectNoRawControl(r.stdout);
    expect(r.stdout).toContain('unknown key “a%0Ab”');
    expect(r.stdout).toContain('“x\\u001b[31my\\u0007z\\u009b\\u202e”');
    for (const line of r.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning) file=/);
  });

  it('JSON stays JSON and keeps the original characters', async () => {
    const r = await runCli(['validate', '--format', 'json', file('hostile-keys.yaml')], { env: EN });
    const doc = JSON.parse(r.stdout) as { diagnostics: { message: string }[] };
    const messages = doc.diagnostics.map((d) => d.message);
    expect(messages).toContain('unknown key “a\nb”');
    expect(messages).toContain('unknown key “x\u001b[31my\u0007z\u009b\u202e”');
    const roster = JSON.parse((await runCli(['roster', '--format', 'json', file(MEETINGS[0]!)], { env: EN })).stdout) as unknown;
    expect(JSON.stringify(roster)).toContain('E\\u001b[31mric');
  });

  for (const env of [EN, COLOUR]) {
    it(`roster table${env === COLOUR ? ' in colour' : ''}: names escaped, columns aligned on the text as shown`, async () => {
      const r = await runCli(['roster', file(MEETINGS[0]!)], { env });
      expect(r.code, r.stderr).toBe(0);
      expectNoRawControl(r.stdout, env === COLOUR);
      const plain = r.stdout.replace(CHALK, '');
      expect(plain).toContain('M. E\\u001b[31mric =HYPERLINK');
      expect(plain).toContain('M. Yan\\u0007nick +1');
      expect(plain).toContain('Mme Ca\\u009brole -2');
      expect(plain).toContain('M. Fré\\u202edéric @SUM(A1)');
      expect(plain).toContain('\\u0009=1+1 secrétariat');
      // The state column starts at the same place on every member's line.
      const lines = plain.split('\n');
      const column = (name: string) => {
        const line = lines.find((l) => l.includes(name))!;
        return line.search(/présente?\b/);
      };
      const columns = ['CASTELNOT', 'E\\u001b[31mric', 'Yan\\u0007nick', 'Ca\\u009brole', 'Fré\\u202edéric', 'FAUGEROUX'].map(column);
      expect(new Set(columns).size, String(columns)).toBe(1);
    });
  }

  it('the matrix table and Markdown: no raw control character', async () => {
    for (const args of [
      ['roster', ...MEETINGS.map(file)],
      ['roster', '--format', 'md', ...MEETINGS.map(file)],
      ['roster', '--format', 'md', file(MEETINGS[0]!)],
    ]) {
      const r = await runCli(args, { env: EN });
      expect(r.code, r.stderr).toBe(0);
      expectNoRawControl(r.stdout);
      expect(r.stdout).toContain('\\u001b');
    }
  });

  it('a usage error quoting a file name or an argument: escapes, one line', async () => {
    const missing = path.join(dir, 'no\u001b[31mfile\u0007.yaml');
    const r = await runCli(['validate', missing], { env: EN });
    expect(r.code).toBe(2);
    expectNoRawControl(r.stderr);
    expect(r.stderr).toContain('no\\u001b[31mfile\\u0007.yaml');
    const usage = await runCli(['validate', '--format', 'x\u001b[2J', file(MEETINGS[0]!)], { env: EN });
    expect(usage.code).toBe(2);
    expectNoRawControl(usage.stderr);
    expect(usage.stderr).toContain('x\\u001b[2J');
  });

  it('the progress line of a batch render: the file name escaped, clu’s own line-clearing codes kept', () => {
    let out = '';
    const progress = new Progress({ stdout: { write: () => true }, stderr: { write: (t: string) => ((out += t), true), isTTY: true }, env: {}, cwd: dir }, 2);
    progress.update(0, 'a\u001b]0;pwned\u0007.yaml');
    expect(out).toBe('\r\u001b[K[1/2] a\\u001b]0;pwned\\u0007.yaml');
  });
});
