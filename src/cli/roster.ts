// `clu roster FILE…`: the attendance of one meeting (members by category with their state, guests,
// counts, quorum), the member × meeting matrix of several meetings of one body, or (--sheet) the
// sign-in sheet as PDF and DOCX. Every file is validated first: on errors, the diagnostics go to stderr
// and the exit code is 1. Data goes to stdout.
import { Reporter } from '../validate/diagnostic.js';
import type { ResolvedMeeting } from '../model/resolve.js';
import { Time } from '../model/schema.js';
import { parseIsoDate } from '../typography/dates.js';
import { defaultStylesheet, type Stylesheet } from '../document/stylesheet.js';
import { applyStyle, loadStyleOverrides } from '../compose/style-file.js';
import { buildRoster } from '../roster/model.js';
import { buildMatrix, compositionMismatch, type CompositionMismatch } from '../roster/matrix.js';
import { formatMatrixTable, formatRosterTable } from '../roster/format-table.js';
import { formatMatrixCsv, formatRosterCsv, type CsvOptions } from '../roster/format-csv.js';
import { formatMatrixJson, formatRosterJson } from '../roster/format-json.js';
import { formatMatrixMarkdown, formatRosterMarkdown } from '../roster/format-md.js';
import { signInSheet } from '../documents/sign-in-sheet/index.js';
import type { DocumentSource } from '../documents/kind.js';
import { render } from '../pipeline/render.js';
import { TemplateCache } from '../compose/template-cache.js';
import { templateDir } from '../compose/template-names.js';
import { writerFor, type FormatId } from '../writers/registry.js';
import { parseFormats } from './formats.js';
import { colours, locale, type CliIo } from './io.js';
import { printReport } from './validate.js';
import { UsageError } from './errors.js';
import { displayPath } from './output.js';
import { exitCleanlyOnSignal } from '../output/interrupt.js';
import { loadFonts } from '../load/resources.js';
import { projectOptions } from './project-options.js';
import { expandInputs, noteSkipped, SHARED_FILE, validateInput, type Input } from './inputs.js';
import { outputFolder } from './output-folder.js';

export const ROSTER_FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type RosterFormat = (typeof ROSTER_FORMATS)[number];
/** The formats a sign-in sheet is offered in (a sheet is printed: no Markdown). */
export const SHEET_FORMATS: readonly FormatId[] = ['pdf', 'docx'];

export interface RosterOptions {
  format?: string;
  separator?: string;
  bom?: boolean;
  excel?: boolean;
  consecutive?: string;
  sheet?: boolean;
  output?: string;
  sheetFormat?: string;
  date?: string;
  heure?: string;
  lieu?: string;
  guestLines?: string;
  template?: string;
  root?: string;
  quiet?: boolean;
}

export async function runRoster(files: string[], options: RosterOptions, io: CliIo): Promise<number> {
  const say = messages(io);
  if (options.sheet) return runSheet(await expandInputs(files, io, options), options, io);
  for (const name of ['date', 'heure', 'lieu', 'output', 'sheetFormat', 'guestLines', 'template'] as const) {
    if (options[name] !== undefined) throw new UsageError(say.sheetOnly(optionFlag(name)));
  }
  const csvAsked = options.excel || options.bom || options.separator !== undefined;
  const format = parseFormat(options.format ?? (csvAsked ? 'csv' : 'table'));
  if (csvAsked && format !== 'csv') throw new UsageError(say.csvOnly);
  const csv = csvOptions(options);
  const threshold = positiveInteger(options.consecutive ?? '2', '--consecutive');

  const inputs = await expandInputs(files, io, options);
  const list = inputs.map((input) => input.file);
  const reporter = new Reporter(locale(io));
  const meetings: ResolvedMeeting[] = [];
  // Shared files are skipped with a note, unless they are all there is.
  const shared: { file: string; kind: 'composition' | 'organisation' }[] = [];
  for (const input of inputs) {
    const validated = validateInput(input, reporter, { ...projectOptions(options, io), font: false });
    if (validated?.kind === 'composition' || validated?.kind === 'organisation') shared.push({ file: input.file, kind: validated.kind });
    if (validated?.kind === 'seance' && validated.meeting) meetings.push(validated.meeting);
  }
  const onlyShared = shared.length === inputs.length;
  if (onlyShared && reporter.errorCount === 0) {
    const first = shared[0]!;
    throw new UsageError(say.onlyShared(first.kind, first.file));
  }
  for (const { file, kind } of shared) noteSkipped(io, file, SHARED_FILE[kind], options.quiet);
  if (reporter.errorCount > 0 || meetings.length === 0) return printReport(reporter, list, { format: 'text', strict: false, quiet: Boolean(options.quiet) }, io);
  if (reporter.warningCount > 0 && !options.quiet) printReport(reporter, list, { format: 'text', strict: false }, io);

  const c = colours(io, io.stdout);
  const columns = io.stdout.isTTY ? (io.stdout as { columns?: number }).columns : undefined;
  const table = { chalk: c, ...(columns ? { width: columns } : {}) };

  if (meetings.length === 1) {
    const roster = buildRoster(meetings[0]!);
    io.stdout.write(
      format === 'csv'
        ? formatRosterCsv(roster, csv)
        : format === 'json'
          ? formatRosterJson(roster)
          : format === 'md'
            ? formatRosterMarkdown(roster)
            : formatRosterTable(roster, table),
    );
    return 0;
  }

  const first = meetings[0]!;
  for (const other of meetings.slice(1)) {
    const mismatch = compositionMismatch(first, other);
    if (mismatch) throw new UsageError(say.mismatch(first.file, other.file, mismatch));
  }
  const matrix = buildMatrix(meetings.map(buildRoster), threshold);
  io.stdout.write(
    format === 'csv'
      ? formatMatrixCsv(matrix, csv)
      : format === 'json'
        ? formatMatrixJson(matrix)
        : format === 'md'
          ? formatMatrixMarkdown(matrix)
          : formatMatrixTable(matrix, table),
  );
  return 0;
}

async function runSheet(inputs: Input[], options: RosterOptions, io: CliIo): Promise<number> {
  const say = messages(io);
  if (options.format !== undefined || options.excel || options.bom || options.separator !== undefined || options.consecutive !== undefined) {
    throw new UsageError(say.notWithSheet);
  }
  const formats = parseFormats(options.sheetFormat ?? 'pdf,docx', SHEET_FORMATS, '--sheet-format');
  const blankLines = positiveInteger(options.guestLines ?? '6', '--guest-lines', true);
  const details = meetingDetails(options, io);
  const output = outputFolder(options.output, io);
  const stylesheet: Stylesheet = options.template ? applyStyle(loadStyleOverrides(templateDir(options.template, io.cwd))) : defaultStylesheet();
  // Opened first: the names are checked against the font the PDF will draw them with.
  const fonts = formats.some((format) => writerFor(format).drawsFonts) ? await loadFonts(stylesheet.fonts) : undefined;

  const reporter = new Reporter(locale(io));
  const sources: DocumentSource[] = [];
  // What does not fit (a meeting with --date, a composition without, an organisation) is skipped with a
  // note when something else is there; when nothing else is, it is a usage error.
  const skipped: { file: string; why: { en: string; fr: string }; error: string }[] = [];
  for (const input of inputs) {
    const file = input.file;
    const validated = validateInput(input, reporter, { ...projectOptions(options, io), font: fonts?.regular ?? false });
    if (validated?.kind === 'composition') {
      if (!details) skipped.push({ file, why: SKIP_COMPOSITION_WITHOUT_DATE, error: say.dateRequired(file) });
      else if (validated.composition) sources.push({ type: 'composition', file, composition: validated.composition.data, details });
    } else if (validated?.kind === 'seance') {
      if (details) skipped.push({ file, why: SKIP_MEETING_WITH_DATE, error: say.detailsInMeeting(file) });
      else if (validated.meeting) sources.push({ type: 'meeting', file, meeting: validated.meeting });
    } else if (validated?.kind === 'organisation') {
      skipped.push({ file, why: SHARED_FILE.organisation, error: say.notAMeeting(file) });
    }
  }
  const files = inputs.map((input) => input.file);
  if (skipped.length === inputs.length && reporter.errorCount === 0) throw new UsageError(skipped[0]!.error);
  for (const { file, why } of skipped) noteSkipped(io, file, why, options.quiet);
  if (reporter.errorCount > 0 || sources.length === 0) return printReport(reporter, files, { format: 'text', strict: false, quiet: Boolean(options.quiet) }, io);
  if (reporter.warningCount > 0 && !options.quiet) printReport(reporter, files, { format: 'text', strict: false }, io);

  exitCleanlyOnSignal();
  const written = await render(sources, {
    kinds: [signInSheet({ stylesheet, blankLines })],
    formats,
    ...(output !== undefined ? { out: output } : {}),
    // The sheet is styled by its stylesheet alone: no template is loaded.
    context: { templates: new TemplateCache(false), env: io.env, cwd: io.cwd },
  });
  for (const target of written) io.stdout.write(`${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** --date, --heure, --lieu: the meeting details for a sheet made from a composition alone. */
function meetingDetails(options: RosterOptions, io: CliIo): { date: string; heure?: string; lieu?: string } | undefined {
  const say = messages(io);
  if (options.date === undefined) {
    if (options.heure !== undefined || options.lieu !== undefined) throw new UsageError(say.dateWithDetails);
    return undefined;
  }
  if (!parseIsoDate(options.date)) throw new UsageError(say.badDate(options.date));
  if (options.heure !== undefined && !Time.safeParse(options.heure).success) throw new UsageError(say.badTime(options.heure));
  if (options.lieu !== undefined && options.lieu.trim() === '') throw new UsageError(say.emptyPlace);
  return { date: options.date, ...(options.heure ? { heure: options.heure } : {}), ...(options.lieu ? { lieu: options.lieu.trim() } : {}) };
}

function parseFormat(value: string): RosterFormat {
  const format = value.trim().toLowerCase();
  if (!(ROSTER_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${value}" (choose among: ${ROSTER_FORMATS.join(', ')})`, `format inconnu « ${value} » (au choix : ${ROSTER_FORMATS.join(', ')})`);
  }
  return format as RosterFormat;
}

const SKIP_COMPOSITION_WITHOUT_DATE = {
  en: 'composition file: a sign-in sheet from it needs --date YYYY-MM-DD; skipped',
  fr: 'fichier de composition : une feuille d’émargement à partir de lui demande --date AAAA-MM-JJ ; ignoré',
};
const SKIP_MEETING_WITH_DATE = {
  en: 'meeting file, which has its own date: --date applies to composition files; skipped',
  fr: 'fichier de séance, qui a sa propre date : --date vaut pour les fichiers de composition ; ignoré',
};

const SEPARATORS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

function csvOptions(options: RosterOptions): CsvOptions {
  const given = options.separator;
  const separator = given === undefined ? (options.excel ? ';' : ',') : SEPARATORS[given];
  if (separator === undefined) throw new UsageError(`unknown separator "${given}" (choose among: ',', ';', tab, '|')`, `séparateur inconnu « ${given} » (au choix : « , », « ; », tab, « | »)`);
  if (options.excel && separator !== ';') {
    throw new UsageError('--excel writes ";" separators: leave out --separator, or drop --excel', '--excel écrit des séparateurs « ; » : retirez --separator, ou --excel');
  }
  return { separator, bom: Boolean(options.bom || options.excel), decimalComma: separator === ';' };
}

function positiveInteger(value: string, flag: string, zeroAllowed = false): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || (!zeroAllowed && n < 1) || n > 1000) {
    throw new UsageError(
      `${flag} expects a whole number${zeroAllowed ? '' : ' of at least 1'}, not "${value}"`,
      `${flag} attend un nombre entier${zeroAllowed ? '' : ' d’au moins 1'}, pas « ${value} »`,
    );
  }
  return n;
}

function optionFlag(name: keyof RosterOptions): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The few messages of this command, in French when LANG is French, as the diagnostics are. */
function messages(io: CliIo) {
  const fr = locale(io) === 'fr';
  const pick = (french: string, english: string) => (fr ? french : english);
  return {
    sheetOnly: (flag: string) => pick(`${flag} ne sert qu’avec --sheet (feuille d’émargement)`, `${flag} only applies with --sheet (sign-in sheet)`),
    csvOnly: pick('--excel, --bom et --separator ne servent qu’avec --format csv', '--excel, --bom and --separator only apply to --format csv'),
    notWithSheet: pick(
      '--format, --excel, --bom, --separator et --consecutive ne servent pas avec --sheet (utilisez --sheet-format pdf,docx)',
      '--format, --excel, --bom, --separator and --consecutive do not apply to --sheet (use --sheet-format pdf,docx)',
    ),
    compositionNeedsSheet: (file: string) =>
      pick(
        `${file} est un fichier de composition : clu roster attend des fichiers de séance (ou --sheet --date AAAA-MM-JJ pour une feuille d’émargement)`,
        `${file} is a composition file: clu roster expects meeting files (or --sheet --date YYYY-MM-DD for a sign-in sheet)`,
      ),
    onlyShared(kind: 'composition' | 'organisation', file: string): string {
      return kind === 'composition' ? this.compositionNeedsSheet(file) : this.notAMeeting(file);
    },
    notAMeeting: (file: string) =>
      pick(`${file} est un fichier d’organisation : clu roster attend des fichiers de séance`, `${file} is an organisation file: clu roster expects meeting files`),
    dateRequired: (file: string) =>
      pick(
        `${file} est un fichier de composition : indiquez la date de la séance avec --date AAAA-MM-JJ (et --heure, --lieu)`,
        `${file} is a composition file: give the meeting date with --date YYYY-MM-DD (and --heure, --lieu)`,
      ),
    detailsInMeeting: (file: string) =>
      pick(
        `${file} est un fichier de séance : la date, l’heure et le lieu y sont déjà ; --date, --heure et --lieu ne servent qu’avec un fichier de composition`,
        `${file} is a meeting file, which has its own date, time and place: --date, --heure and --lieu only apply to a composition file`,
      ),
    dateWithDetails: pick('--heure et --lieu vont avec --date (séance préparée depuis la composition)', '--heure and --lieu go with --date (a sheet made from a composition)'),
    badDate: (value: string) => pick(`--date : date attendue au format AAAA-MM-JJ, pas « ${value} »`, `--date: expected a date as YYYY-MM-DD, not "${value}"`),
    badTime: (value: string) => pick(`--heure : heure attendue comme 14h30 ou 14:30, pas « ${value} »`, `--heure: expected a time such as 14h30 or 14:30, not "${value}"`),
    emptyPlace: pick('--lieu est vide', '--lieu is empty'),
    mismatch: (first: string, other: string, why: CompositionMismatch) => {
      const list = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
      const reason =
        why.kind === 'instance'
          ? pick(`instance « ${why.other} » au lieu de « ${why.first} »`, `body "${why.other}" instead of "${why.first}"`)
          : [
              ...(why.missing.length > 0 ? [pick(`membres absents de sa composition : ${list(why.missing)}`, `members missing from its composition: ${list(why.missing)}`)] : []),
              ...(why.extra.length > 0 ? [pick(`membres en plus : ${list(why.extra)}`, `extra members: ${list(why.extra)}`)] : []),
            ].join(pick(' ; ', '; '));
      return pick(
        `${other} n’a pas la même composition que ${first} (${reason}). Le tableau croisé compare les séances d’une même instance, qui partagent un fichier de composition.`,
        `${other} does not share the composition of ${first} (${reason}). The cross-meeting matrix compares meetings of one body, sharing one composition file.`,
      );
    },
  };
}
