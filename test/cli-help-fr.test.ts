// French for French users: --help in French under a French locale, every usage error in both languages,
// --quiet, and colour as the user's environment asks (FORCE_COLOR, NO_COLOR).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { colourEnabled } from '../src/cli/io.js';
import { FRENCH_HELP, commandPath, optionKey } from '../src/cli/help-fr.js';

const root = path.join(import.meta.dirname, '..');
const valid = path.join(root, 'test', 'fixtures', 'valid-base.yaml');
const warning = path.join(root, 'test', 'fixtures', 'invalid', 'empty-section.yaml');
const FR = { LANG: 'fr_FR.UTF-8' };
const COMMANDS = [[], ['validate'], ['render'], ['roster'], ['schema'], ['template'], ['template', 'export']];

describe('--help in French under a French locale', () => {
  it('translates commander’s words, every command, argument and option, and the examples', async () => {
    for (const command of COMMANDS) {
      const r = await runCli([...command, '--help'], { env: FR });
      expect(r.code).toBe(0);
      const help = r.stdout;
      expect(help, command.join(' ')).toMatch(/^Utilisation : clu/);
      expect(help).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
      expect(help).not.toMatch(/display help|output the version|\(default:|\(choices:|<files|<dir>|\[command\]/);
      expect(help).toContain('-h, --help');
      expect(help).toContain('afficher l’aide de la commande');
    }
    const main = (await runCli(['--help'], { env: FR })).stdout;
    expect(main).toContain('Exemples :');
    expect(main).toContain('Codes de sortie : 0 tout va bien');
    const render = (await runCli(['render', '--help'], { env: FR })).stdout;
    expect(render).toContain('--pdfa');
    expect(render).toContain('produire un PDF/A-2 (archivage) au lieu d’un PDF/UA');
    expect(render).toContain('clu render --format pdf --pdfa -o sortie/ seances/');
    expect(render).not.toContain('Every file is validated first');
  });

  it('has a French text for every command, argument and option of the English help (none forgotten)', async () => {
    // The program as main() builds it, reached through commander's own help of each command.
    const { buildProgram } = await import('../src/cli/main.js');
    const program = buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: root }, () => {});
    const missing: string[] = [];
    const visit = (command: Command) => {
      const key = commandPath(command);
      const french = FRENCH_HELP[key];
      if (!french) missing.push(`command "${key}"`);
      for (const argument of command.registeredArguments) if (!french?.arguments?.[argument.name()]) missing.push(`${key} <${argument.name()}>`);
      for (const option of command.options) if (option.long !== '--help' && !french?.options?.[optionKey(option)]) missing.push(`${key} ${optionKey(option)}`);
      command.commands.forEach(visit);
    };
    visit(program);
    expect(missing).toEqual([]);
  });

  it('stays in English under an English or unset locale', async () => {
    for (const env of [{ LANG: 'en_US.UTF-8' }, {}]) {
      const r = await runCli(['validate', '--help'], { env });
      expect(r.stdout).toMatch(/^Usage: clu validate \[options\] <files\.\.\.>/);
      expect(r.stdout).toContain('treat warnings as errors');
    }
  });
});

describe('usage errors in both languages', () => {
  const cases: { args: string[]; en: RegExp; fr: RegExp }[] = [
    { args: ['validate', '--nope', valid], en: /unknown option '--nope'/, fr: /option inconnue « --nope »/ },
    { args: ['frobnicate'], en: /unknown command 'frobnicate'/, fr: /commande inconnue « frobnicate »/ },
    { args: ['validate'], en: /missing required argument 'files'/, fr: /argument obligatoire manquant/ },
    { args: ['validate', '--format', 'xml', valid], en: /argument 'xml' is invalid/, fr: /« xml » n’est pas une valeur possible/ },
    { args: ['schema', 'meeting'], en: /value 'meeting' is invalid/, fr: /« meeting » n’est pas une valeur possible de l’argument kind/ },
    { args: ['schema', 'seance', 'composition'], en: /too many arguments/, fr: /trop d’arguments/ },
    { args: ['render', '--format', 'odt', valid], en: /unknown format "odt"/, fr: /format inconnu « odt »/ },
    { args: ['render', '--format', ',', valid], en: /--format needs at least one/, fr: /--format attend au moins l’un de/ },
    { args: ['roster', '--format', 'xls', valid], en: /unknown format "xls"/, fr: /format inconnu « xls »/ },
    { args: ['roster', '--separator', 'x', valid], en: /unknown separator "x"/, fr: /séparateur inconnu « x »/ },
    { args: ['roster', '--excel', '--separator', ',', valid], en: /--excel writes ";" separators/, fr: /--excel écrit des séparateurs/ },
    { args: ['roster', '--consecutive', '0', valid], en: /--consecutive expects a whole number/, fr: /--consecutive attend un nombre entier/ },
    { args: ['roster', '--sheet', '--sheet-format', 'odt', valid], en: /unknown sheet format "odt"/, fr: /format de feuille inconnu « odt »/ },
    { args: ['roster', '--sheet', '--guest-lines', 'x', valid], en: /--guest-lines expects a whole number/, fr: /--guest-lines attend un nombre entier/ },
    { args: ['validate', path.join(root, 'nope.yaml')], en: /no such file/, fr: /fichier introuvable/ },
    { args: ['validate', '-', '-'], en: /can be given only once/, fr: /ne peut être donné qu’une fois/ },
  ];
  for (const { args, en, fr } of cases) {
    it(`clu ${args.map((a) => path.basename(a)).join(' ')}`, async () => {
      const english = await runCli(args, { stdin: '' });
      expect(english.code).toBe(2);
      expect(english.stderr).toMatch(en);
      const french = await runCli(args, { env: FR, stdin: '' });
      expect(french.code).toBe(2);
      expect(french.stderr).toMatch(fr);
      expect(french.stderr).not.toMatch(/\berror\b|\bunknown\b/);
    });
  }

  it('every UsageError thrown in src/ has a French text (a second argument or a localised message)', () => {
    const offenders: string[] = [];
    let calls = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const text = readFileSync(file, 'utf8');
          for (const m of text.matchAll(/new UsageError\(/g)) {
            const call = balanced(text, m.index! + m[0].length - 1);
            calls += 1;
            // One argument is fine when it is a message already picked by locale (say.…, skipped[0].error).
            if (!hasTwoArguments(call) && !/^\((say\.|skipped\[|error\.message\))/.test(call)) offenders.push(`${path.relative(root, file)}: ${call.slice(0, 80)}`);
          }
        }
      }
    };
    walk(path.join(root, 'src'));
    // The walk found the calls it checks (a renamed class would leave nothing to check).
    expect(calls).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});

/** The text of a parenthesised call starting at `open`, brackets and strings balanced. */
function balanced(text: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

/** Whether a call's top level has a comma (template literals' ${…} are nested brackets). */
function hasTwoArguments(call: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 1; i < call.length - 1; i += 1) {
    const c = call[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === '$' && quote === '`' && call[i + 1] === '{') {
        const inner = balanced(call, i + 1);
        i += inner.length;
      } else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 0 && call.slice(i + 1).trim() !== ')') return true;
  }
  return false;
}

describe('--quiet', () => {
  it('clu validate --quiet: nothing when all is well, the errors and the summary when not', async () => {
    expect(await runCli(['validate', '--quiet', valid])).toEqual({ code: 0, stdout: '', stderr: '' });
    const warned = await runCli(['validate', '--quiet', warning]);
    expect(warned).toEqual({ code: 0, stdout: '', stderr: '' });
    const strict = await runCli(['validate', '--quiet', '--strict', warning]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('[empty-section]');
    expect(strict.stderr).toContain('0 errors, 1 warning (1 file)');
    const loud = await runCli(['validate', warning]);
    expect(loud.stderr).toContain('[empty-section]');
  });

  it('clu render --quiet and roster --quiet keep the data on stdout and leave out warnings', async () => {
    const render = await runCli(['render', '--quiet', '--format', 'md', '-o', path.join(process.env['TMPDIR'] ?? '/tmp', 'clu-quiet'), warning]);
    expect(render.code).toBe(0);
    expect(render.stderr).toBe('');
    expect(render.stdout).toMatch(/empty-section\.md\n$/);
    const roster = await runCli(['roster', '-q', '--format', 'json', warning]);
    expect(roster.code).toBe(0);
    expect(roster.stderr).toBe('');
    expect(JSON.parse(roster.stdout)).toHaveProperty('kind', 'roster');
  });
});

describe('colour: a terminal, NO_COLOR and FORCE_COLOR', () => {
  it('follows no-color.org (an empty NO_COLOR is ignored) and FORCE_COLOR (wins, as in Node)', () => {
    expect(colourEnabled({}, true)).toBe(true);
    expect(colourEnabled({}, false)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '' }, true)).toBe(true);
    expect(colourEnabled({ TERM: 'dumb' }, true)).toBe(false);
    for (const on of ['1', '2', '3', 'true', '']) expect(colourEnabled({ FORCE_COLOR: on }, false), on).toBe(true);
    for (const off of ['0', 'false']) expect(colourEnabled({ FORCE_COLOR: off }, true), off).toBe(false);
    expect(colourEnabled({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });

  it('clu validate: FORCE_COLOR colours a pipe, an empty NO_COLOR leaves a terminal coloured', async () => {
    const fixture = path.join(root, 'test', 'fixtures', 'invalid', 'end-before-start.yaml');
    expect((await runCli(['validate', fixture], { tty: false, env: { FORCE_COLOR: '1' } })).stderr).toContain('\x1b[');
    expect((await runCli(['validate', fixture], { tty: true, env: { NO_COLOR: '' } })).stderr).toContain('\x1b[');
    expect((await runCli(['validate', fixture], { tty: true, env: { FORCE_COLOR: '0' } })).stderr).not.toContain('\x1b[');
  });
});
