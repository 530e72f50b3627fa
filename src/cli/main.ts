// The command-line shell: parses arguments, loads each command only when it is used, and maps every
// outcome to an exit code (0 ok, 1 problems found in the input, 2 clu could not run).
import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, Option } from 'commander';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { localeFromEnv } from '../validate/messages.js';
import { frenchUsage } from './usage-fr.js';
import { BUILTIN_TEMPLATES } from '../compose/builtin-templates.js';
import { HOUSE_STYLES } from '../model/house-style-names.js';
import { formatJsonError, jsonReportRequested, REPORT_FORMATS } from './report-formats.js';
import { applyFrenchHelp } from './help-fr.js';
import { FORMAT_IDS } from '../writers/registry.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_CANNOT_RUN = 2;

export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  // Commander's error output, held until the escaping module is loaded (the shell loads it only on error).
  const held: string[] = [];
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    (s) => held.push(s),
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a usage error quotes the argument given, which may
      // hold control characters: they are shown as escapes.
      if (held.length > 0) {
        const { visible } = await escaping();
        io.stderr.write(held.map((s) => visible(s, '\n')).join(''));
      }
      if (error.exitCode === 0) return EXIT_OK;
      if (jsonReportRequested(argv)) {
        const message = localeFromEnv(io.env) === 'fr' ? frenchUsage(error.message).replace(/^erreur : /, '') : error.message.replace(/^error: /, '');
        io.stdout.write(formatJsonError(message));
      }
      return EXIT_CANNOT_RUN;
    }
    // The message may quote a file name or an argument: its control characters are shown as escapes
    // (its line breaks are kept: a few messages are several lines by design).
    const { visible } = await escaping();
    if (error instanceof UsageError) {
      const french = error.french !== undefined && localeFromEnv(io.env) === 'fr';
      io.stderr.write(`clu: ${visible(french ? error.french! : error.message, '\n')}\n`);
      // A CI reading --format json gets a JSON document even when the run could not start.
      if (jsonReportRequested(argv)) io.stdout.write(formatJsonError(french ? error.french! : error.message));
      return EXIT_CANNOT_RUN;
    }
    const err = error as Error;
    io.stderr.write(`clu: internal error: ${visible(err.message, '\n')}\nThis is a bug in clu; please report it with the input file.\n${visible(err.stack ?? '', '\n')}\n`);
    return EXIT_CANNOT_RUN;
  }
}

/** src/text/visible.ts, loaded only when there is an error to print (one import site, for the bundle). */
function escaping(): Promise<typeof import('../text/visible.js')> {
  return import('../text/visible.js');
}

/** `holdError`: where commander's error message (and the hint after it) goes instead of stderr, when given. */
export function buildProgram(io: CliIo, setExit: (code: number) => void, holdError?: (s: string) => void): Command {
  let failing = false;
  const program = new Command('clu')
    .description('Comptes rendus officiels de réunion : vérifie un fichier YAML et produit le DOCX et le PDF.\nOfficial meeting minutes: checks a YAML file and produces the DOCX and PDF.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError(localeFromEnv(io.env) === 'fr' ? '(lancez « clu --help » pour l’aide)' : '(run "clu --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => (failing && holdError ? holdError(s) : io.stderr.write(s)),
      outputError: (s, write) => {
        failing = true;
        write(localeFromEnv(io.env) === 'fr' ? frenchUsage(s) : s);
      },
    })
    .addHelpText(
      'after',
      `
Examples:
  clu validate examples/clu-vienne-2021-05-06.yaml     check a meeting file
  clu render examples/clu-vienne-2021-05-06.yaml       write the .docx and .pdf next to it
  clu roster examples/clu-vienne-2021-05-06.yaml       attendance list and counts
  clu schema --write .vscode/schemas                   JSON Schema for editor completion

Exit codes: 0 ok, 1 problems found in the input, 2 clu could not run (bad usage, unreadable file).
Messages and help are in French when LANG is French (LANG=fr_FR.UTF-8). The format: docs/format.md;
in CI: docs/ci.md.`,
    );

  program
    .command('validate')
    .description('check meeting files and report every problem at file:line:col')
    .argument('<files...>', 'meeting YAML files (a folder for all its YAML files, - for standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--strict', 'treat warnings as errors (exit 1)', false)
    .option('--root <dir>', ROOT_HELP)
    .option('-q, --quiet', 'print only what makes the run fail (no warnings, no summary when all is well)', false)
    .addHelpText(
      'after',
      `
A folder stands for its YAML files (recursively); - reads one meeting from standard input.
Text goes to stderr; --format json (versioned, docs/format.md), github (GitHub Actions annotations)
and gitlab (GitLab Code Quality report) go to stdout. CI recipes: docs/ci.md.
Example in CI:  clu validate --strict --format github meetings/`,
    )
    .action(async (files: string[], options: { format: (typeof REPORT_FORMATS)[number]; strict: boolean; root?: string; quiet: boolean }) => {
      const { runValidate } = await import('./validate.js');
      setExit(await runValidate(files, options, io));
    });

  program
    .command('render')
    .description('write the minutes as DOCX and PDF (and Markdown for review)')
    .argument('<files...>', 'meeting YAML files (a folder for all its YAML files, - for standard input)')
    .option('-f, --format <formats>', `comma-separated formats: ${FORMAT_IDS.join(', ')}`, 'docx,pdf')
    .option('-o, --output <dir>', 'output folder (default: next to each input file)')
    .option('-t, --template <dir>', 'template folder, or a built-in template: compte-rendu, proces-verbal')
    .option('--pdfa', 'produce PDF/A-2 (archival) instead of PDF/UA', false)
    .option('--root <dir>', ROOT_HELP)
    .option('-q, --quiet', 'print only errors on stderr (no warnings, no notes)', false)
    .addHelpText(
      'after',
      `
Every file is validated first: if one has errors, nothing is written (exit 1).
Outputs are written all together or not at all; the paths written are printed on stdout.
Included files (composition, organisation, logo, images, templates) must be inside the project: see --root.
A folder stands for its YAML files (recursively); shared composition and organisation files are
checked and skipped with a note; - reads one meeting from standard input (written as seance-DATE).
Examples:
  clu render examples/clu-vienne-2021-05-06.yaml
  clu render --format pdf --pdfa -o out/ meetings/*.yaml
  clu render --template proces-verbal examples/conseil-municipal/conseil-2024-03-28.yaml`,
    )
    .action(async (files: string[], options: { format: string; output?: string; template?: string; pdfa: boolean; root?: string; quiet: boolean }) => {
      const { runRender } = await import('./render.js');
      setExit(await runRender(files, options, io));
    });

  program
    .command('new')
    .description('write a commented meeting file to start from, in a built-in house style')
    .argument('[file]', 'the file to write (default: seance-DATE.yaml; never overwritten)')
    .option('-s, --style <name>', `house style: ${HOUSE_STYLES.join(', ')}`)
    .option('--date <YYYY-MM-DD>', 'the meeting date (default: today); the other dates follow')
    .option('-l, --list', 'list the house styles with what each one writes')
    .addHelpText(
      'after',
      `
Examples:
  clu new --list
  clu new --style conseil-municipal
  clu new --style assemblee-generale --date 2026-04-11 ag-2026.yaml`,
    )
    .action(async (file: string | undefined, options: { style?: string; date?: string; list?: boolean }) => {
      const { runNew } = await import('./new.js');
      setExit(await runNew(file, options, io));
    });

  const template = program.command('template').description('work with document templates');
  template
    .command('export')
    .description('copy a built-in template into a folder, to adapt it (then: style.modele: DIR in the files, or clu render --template DIR)')
    .argument('<dir>', 'destination folder (must not exist or be empty)')
    .addOption(new Option('-n, --name <name>', 'built-in template to copy').choices([...BUILTIN_TEMPLATES]).default('compte-rendu'))
    .action(async (dir: string, options: { name: string }) => {
      const { runTemplateExport } = await import('./template-export.js');
      setExit(await runTemplateExport(dir, options, io));
    });

  // ROSTER COMMAND (owned by src/cli/roster.ts)
  program
    .command('roster')
    .description('attendance lists, counts and quorum; cross-meeting matrix; sign-in sheets')
    .argument('<files...>', 'meeting YAML files (or, with --sheet, a composition file); a folder, or - for standard input')
    .option('-f, --format <format>', 'output format: table, csv, json, md (default: table; csv with --excel/--bom/--separator)')
    .option('--excel', 'CSV for a French spreadsheet (Excel, LibreOffice): ";" separators, decimal comma, UTF-8 BOM')
    .option('--separator <char>', 'CSV field separator: "," (default), ";", tab or "|"; ";" also writes decimal commas')
    .option('--bom', 'start the CSV with a UTF-8 byte order mark (so that Excel reads the accents right)')
    .option('--consecutive <n>', 'flag members absent without excuse at N meetings in a row or more (default: 2)')
    .option('--sheet', 'write the sign-in sheet (feuille d\'émargement) as PDF and DOCX instead')
    .option('-o, --output <dir>', 'with --sheet: output folder (default: next to each input file)')
    .option('--sheet-format <formats>', 'with --sheet: comma-separated formats: pdf, docx (default: pdf,docx)')
    .option('--date <YYYY-MM-DD>', 'with --sheet and a composition file: the meeting date (required then)')
    .option('--heure <time>', 'with --sheet and a composition file: the start time, e.g. 14h30')
    .option('--lieu <place>', 'with --sheet and a composition file: the place')
    .option('--guest-lines <n>', 'with --sheet: blank rows for guests (default: 6)')
    .option('-t, --template <dir>', 'with --sheet: take fonts and styles from this template (style.json)')
    .option('--root <dir>', ROOT_HELP)
    .option('-q, --quiet', 'print only errors on stderr (no warnings, no notes)')
    .addHelpText(
      'after',
      `
One meeting: every member by category with their state (present, excused, represented by, gave a
proxy to, absent), function and role, the guests, then the counts (in office, present, excused, of
whom represented, absent, voters = present + represented, attendance rate) and the quorum when the
composition defines instance.quorum. Several meetings of one body (sharing one composition): the
member × meeting matrix (P present, R represented or proxy, E excused, A absent without excuse), each
member's attendance rate, and members absent without excuse at --consecutive meetings in a row.
Data goes to stdout (colour only on a terminal, never with NO_COLOR); diagnostics go to stderr.
The JSON format is documented in docs/roster.md.

Exit codes: 0 ok, 1 a file has errors (printed as by clu validate), 2 could not run (bad usage,
meetings that do not share a composition).

Examples:
  clu roster examples/clu-vienne-2021-05-06.yaml
  clu roster --excel examples/clu-vienne-2021-05-06.yaml > presences.csv
  clu roster --format json examples/clu-vienne-*.yaml
  clu roster --format md examples/clu-vienne-2021-05-06.yaml
  clu roster --sheet -o out/ examples/clu-vienne-2022-05-12.yaml
  clu roster --sheet --date 2024-05-02 --heure 14h30 --lieu "Préfecture, salle Jean Moulin" examples/clu-vienne.composition.yaml`,
    )
    .action(async (files: string[], options: import('./roster.js').RosterOptions) => {
      const { runRoster } = await import('./roster.js');
      setExit(await runRoster(files, options, io));
    });
  // END ROSTER COMMAND

  program
    .command('schema')
    .description('print the JSON Schema (draft-7) of a file kind, for editor completion and checking')
    .addArgument(new Argument('[kind]', 'which file').choices(['seance', 'composition', 'organisation']).default('seance'))
    .option('--write <dir>', 'write the three schemas into DIR and print the .vscode/settings.json association')
    .addHelpText(
      'after',
      `
Examples:
  clu schema > seance.schema.json
  clu schema --write .vscode/schemas      then copy the association printed into .vscode/settings.json`,
    )
    .action(async (kind: 'seance' | 'composition' | 'organisation', options: { write?: string }) => {
      if (options.write !== undefined) {
        const { runSchemaWrite } = await import('./schema-write.js');
        setExit(await runSchemaWrite(options.write, io));
        return;
      }
      const { jsonSchemaText } = await import('../model/json-schema.js');
      io.stdout.write(jsonSchemaText(kind));
    });

  if (localeFromEnv(io.env) === 'fr') applyFrenchHelp(program);
  return program;
}

const ROOT_HELP = 'project folder that everything a meeting reads (includes, logo, images, templates) must stay in (default: the nearest folder above each meeting with .git or a .clu marker, else the meeting\'s folder)';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
