// `clu new --style NAME [FILE]`: a commented meeting file to start from, in a built-in house style
// (styles/NAME/seance.yaml), its dates moved so that the meeting falls on the day asked for.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { HOUSE_STYLES, type HouseStyleName } from '../model/house-style-names.js';
import { houseStyleDir, houseStyle } from '../model/house-styles.js';
import { commitOutputs } from '../output/commit.js';
import { exitCleanlyOnSignal } from '../output/interrupt.js';
import { checkTargets } from '../output/targets.js';
import { UsageError } from './errors.js';
import { locale, type CliIo } from './io.js';
import { didYouMean } from '../validate/suggest.js';

export interface NewOptions {
  style?: string;
  date?: string;
  list?: boolean;
}

export async function runNew(file: string | undefined, options: NewOptions, io: CliIo): Promise<number> {
  if (options.list) {
    io.stdout.write(styleList());
    return 0;
  }
  if (options.style === undefined) {
    throw new UsageError(
      `choose a house style with --style NAME:\n${styleList()}`,
      `choisissez un style avec --style NOM :\n${styleList()}`,
    );
  }
  if (!(HOUSE_STYLES as readonly string[]).includes(options.style)) {
    const hint = (lang: 'en' | 'fr') => didYouMean(lang, options.style!, HOUSE_STYLES);
    throw new UsageError(`unknown house style "${options.style}"${hint('en')}; choose among:\n${styleList()}`, `style inconnu « ${options.style} »${hint('fr')} ; au choix :\n${styleList()}`);
  }
  const name = options.style as HouseStyleName;
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: expected a date as YYYY-MM-DD (2026-01-15)`, `--date ${date} : une date AAAA-MM-JJ est attendue (2026-01-15)`);
  if (!isIsoDate(date)) throw new UsageError(`--date ${date}: this day does not exist`, `--date ${date} : ce jour n’existe pas`);

  // A folder receives the file under its default name.
  const named = file === undefined ? undefined : path.resolve(io.cwd, file);
  const target = named && !(existsSync(named) && statSync(named).isDirectory()) ? named : path.join(named ?? io.cwd, `seance-${date}.yaml`);
  const shown = path.relative(io.cwd, target) || target;
  if (existsSync(target)) {
    throw new UsageError(`${shown}: already exists; clu new never overwrites a file (choose another name)`, `${shown} : existe déjà ; clu new n’écrase jamais un fichier (choisissez un autre nom)`);
  }
  const starter = readFileSync(path.join(houseStyleDir(name), 'seance.yaml'), 'utf8');
  const bytes = Buffer.from(movedToDate(starter, date), 'utf8');
  checkTargets([{ target, from: name }], []);
  exitCleanlyOnSignal();
  await commitOutputs([{ target, bytes }]);
  io.stdout.write(`${shown}\n`);
  if (locale(io) === 'fr') io.stderr.write(`Ensuite : complétez le fichier, puis « clu validate ${shown} » et « clu render ${shown} ».\n`);
  else io.stderr.write(`Next: fill the file in, then "clu validate ${shown}" and "clu render ${shown}".\n`);
  return 0;
}

/** Every date of the starter moved by the same number of days, so that `seance.date` is `date`. */
export function movedToDate(starter: string, date: string): string {
  const meetingDate = (parse(starter) as { seance: { date: string } }).seance.date;
  const shift = dayNumber(date) - dayNumber(String(meetingDate));
  return starter.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => fromDayNumber(dayNumber(iso) + shift));
}

/** Each style and what it writes, the description wrapped under the name to fit 100 columns. */
function styleList(): string {
  const width = Math.max(...HOUSE_STYLES.map((n) => n.length));
  const indent = ' '.repeat(width + 4);
  return HOUSE_STYLES.map((n) => {
    const lines: string[] = [];
    for (const word of houseStyle(n).description.trim().split(/\s+/)) {
      const last = lines.at(-1);
      if (last !== undefined && indent.length + last.length + 1 + word.length <= 100) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return `  ${n.padEnd(width)}  ${lines.join(`\n${indent}`)}\n`;
  }).join('');
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDayNumber(dayNumber(value)) === value;

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
